export * as control from "./control";
export * as shard from "./shard";

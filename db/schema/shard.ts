/** Everything stored in a tenant shard, one file per business domain. */
export * from "./people";
export * from "./auth";
export * from "./portal";
export * from "./mail";
export * from "./feed";
export * from "./chat";
export * from "./calendar";

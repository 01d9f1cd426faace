import type { PartialDict } from "./en";
export const cs = {} as PartialDict;

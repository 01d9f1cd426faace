import type { PartialDict } from "./en";
export const ro = {} as PartialDict;

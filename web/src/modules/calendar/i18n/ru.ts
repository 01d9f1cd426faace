import type { PartialDict } from "./en";
export const ru = {} as PartialDict;

import type { Dict } from "./en";
export const de: Dict = {} as Dict;

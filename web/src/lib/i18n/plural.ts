/** Plural forms: English needs one/other; other languages add few/many (Intl.PluralRules decides). */
export type Plural = { one: string; other: string; zero?: string; two?: string; few?: string; many?: string };
export const plural = (one: string, other: string): Plural => ({ one, other });

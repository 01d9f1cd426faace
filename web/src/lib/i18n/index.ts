import { createSignal } from "solid-js";
import * as i18n from "@solid-primitives/i18n";
import { en, type Dict } from "./en";

export const LANGS = ["en", "de", "ru", "ro", "cs"] as const;
export type Lang = (typeof LANGS)[number];
/** Each language's own name, shown in the language switch. */
export const LANG_NAMES: Record<Lang, string> = { en: "English", de: "Deutsch", ru: "Русский", ro: "Română", cs: "Čeština" };

type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? string : DeepPartial<T[K]> };
export type PartialDict = DeepPartial<Dict>;

const loaders: Record<Exclude<Lang, "en">, () => Promise<PartialDict>> = {
  de: () => import("./de").then((m) => m.de),
  ru: () => import("./ru").then((m) => m.ru),
  ro: () => import("./ro").then((m) => m.ro),
  cs: () => import("./cs").then((m) => m.cs),
};

function merge<T>(base: T, over: unknown): T {
  if (!over || typeof over !== "object") return base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) {
    out[k] = v && typeof v === "object" ? merge(out[k], v) : (v ?? out[k]);
  }
  return out as T;
}

const flatEn = i18n.flatten(en);
type Flat = typeof flatEn;
const [locale, setLocaleSignal] = createSignal<Lang>("en");
const [dict, setDict] = createSignal<Flat>(flatEn);
const cache = new Map<Lang, Flat>([["en", flatEn]]);

export { locale };

/** Switches the UI language; languages other than English are separate chunks, merged over English. */
export async function setLocale(lang: string): Promise<void> {
  const l: Lang = (LANGS as readonly string[]).includes(lang) ? (lang as Lang) : "en";
  let d = cache.get(l);
  if (!d) {
    d = i18n.flatten(merge(en, await loaders[l as Exclude<Lang, "en">]())) as Flat;
    cache.set(l, d);
  }
  setDict(() => d!);
  setLocaleSignal(l);
  document.documentElement.lang = l;
  try {
    localStorage.setItem("kontor.lang", l);
  } catch {
    /* storage may be off */
  }
}

/** The language to use before we know the user: the last one used here, else the browser's. */
export function guessLocale(): Lang {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem("kontor.lang");
  } catch {
    saved = null;
  }
  if (saved && (LANGS as readonly string[]).includes(saved)) return saved as Lang;
  for (const l of navigator.languages ?? [navigator.language]) {
    const base = l.slice(0, 2).toLowerCase();
    if ((LANGS as readonly string[]).includes(base)) return base as Lang;
  }
  return "en";
}

const translate = i18n.translator(dict, i18n.resolveTemplate);

/** `t("shell.signOut")`, `t("company.count", { n: 3 })`: every string of the UI goes through here. */
export const t = translate;

type PluralKeys = {
  [K in keyof Flat]: Flat[K] extends { one: string; other: string } ? K : never;
}[keyof Flat];

/** Plural forms chosen by Intl.PluralRules for the current language; `{{n}}` is the formatted number. */
export function tp(key: PluralKeys, n: number, args: Record<string, string | number> = {}): string {
  const forms = dict()[key] as unknown as Record<string, string>;
  const cat = new Intl.PluralRules(locale()).select(n);
  const tpl = forms[cat] ?? forms.other;
  return i18n.resolveTemplate(tpl, { n: new Intl.NumberFormat(locale()).format(n), ...args });
}

/** A translated string if the dictionary has the key, else the fallback (for server codes we may not know). */
export function tOr(key: string, fallback: string, args?: Record<string, string | number>): string {
  const v = (dict() as Record<string, unknown>)[key];
  return typeof v === "string" ? i18n.resolveTemplate(v, args ?? {}) : fallback;
}

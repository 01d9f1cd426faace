import { createMemo, createResource, createRoot } from "solid-js";
import * as i18n from "@solid-primitives/i18n";
import { locale, type Lang } from "./index";

type Loader<T> = () => Promise<DeepPartial<T>>;
type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? string : DeepPartial<T[K]> };

function merge<T>(base: T, over: unknown): T {
  if (!over || typeof over !== "object") return base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) out[k] = v && typeof v === "object" ? merge(out[k], v) : (v ?? out[k]);
  return out as T;
}

/**
 * A module's own dictionary, loaded with the module's chunk and following the app's language:
 * modules keep their strings next to their screens instead of growing one shared file.
 * English is the reference and the fallback; other languages are lazy chunks merged over it.
 */
export function moduleI18n<T extends Record<string, unknown>>(en: T, loaders: Partial<Record<Exclude<Lang, "en">, Loader<T>>>) {
  const flatEn = i18n.flatten(en);
  type Flat = typeof flatEn;
  const cache = new Map<Lang, Flat>([["en", flatEn]]);
  // Module dictionaries live as long as the app: their own root, not the first component that used them.
  const [loaded] = createRoot(() => createResource(locale, async (l) => {
    const hit = cache.get(l);
    if (hit) return hit;
    const load = loaders[l as Exclude<Lang, "en">];
    const flat = (load ? i18n.flatten(merge(en, await load())) : flatEn) as Flat;
    cache.set(l, flat);
    return flat;
  }));
  const dict = createRoot(() => createMemo(() => loaded() ?? cache.get(locale()) ?? flatEn));
  const t = i18n.translator(dict, i18n.resolveTemplate);

  /** Plural forms ({ one, other, few, many }) chosen by Intl.PluralRules; `{{n}}` is the formatted count. */
  function tp(key: keyof Flat, n: number, args: Record<string, string | number> = {}): string {
    const forms = dict()[key] as unknown as Record<string, string>;
    const tpl = forms[new Intl.PluralRules(locale()).select(n)] ?? forms.other;
    return i18n.resolveTemplate(tpl, { n: new Intl.NumberFormat(locale()).format(n), ...args });
  }
  return { t, tp };
}

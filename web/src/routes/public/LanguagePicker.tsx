import { For } from "solid-js";
import Languages from "lucide-solid/icons/languages";
import { LANGS, LANG_NAMES, locale, setLocale, t } from "../../lib/i18n";

/** Signed-out pages: a plain select, so the language can be changed before anyone is known. */
export function LanguagePicker() {
  return (
    <label class="flex items-center gap-1.5 text-[13px] text-muted">
      <Languages size={15} aria-hidden="true" />
      <span class="sr-only">{t("shell.language")}</span>
      <select
        class="rounded-md border border-transparent bg-transparent py-1 pr-1 text-[13px] hover:border-line"
        value={locale()}
        onChange={(e) => void setLocale(e.currentTarget.value)}
        data-testid="auth-language"
      >
        <For each={LANGS}>{(l) => <option value={l}>{LANG_NAMES[l]}</option>}</For>
      </select>
    </label>
  );
}

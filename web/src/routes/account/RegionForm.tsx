import { createSignal } from "solid-js";
import { LANGS, LANG_NAMES, setLocale, t } from "../../lib/i18n";
import { api, call } from "../../lib/api";
import { me, updateMe } from "../../lib/session";
import { toast, toastError } from "../../lib/toast";
import { formatDateTime } from "../../lib/format";
import { Select } from "../../ui/Select";
import { TimeZonePicker } from "../../ui/TimeZonePicker";
import { Button } from "../../ui/Button";

export function RegionForm() {
  const [language, setLanguage] = createSignal(me()!.user.language);
  const [timeZone, setTimeZone] = createSignal(me()!.user.timeZone);
  const [busy, setBusy] = createSignal(false);
  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const m = await call(api.me.$patch({ json: { language: language() as "en", timeZone: timeZone() } }));
      await setLocale(m.user.language);
      updateMe(m);
      toast(t("account.saved"), "success");
    } catch (err) {
      toastError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={save} class="k-card space-y-4 p-5" id="region">
      <Select label={t("shell.language")} options={LANGS.map((l) => ({ value: l, label: LANG_NAMES[l] }))} value={language()} onChange={setLanguage} testId="account-language" />
      <div>
        <TimeZonePicker label={t("shell.timeZone")} value={timeZone()} onChange={setTimeZone} testId="account-timezone" />
        <p class="mt-1 text-[12px] text-muted">{t("account.timeNow", { time: formatDateTime(new Date()) })}</p>
      </div>
      <div class="flex justify-end">
        <Button type="submit" variant="primary" busy={busy()}>
          {t("common.save")}
        </Button>
      </div>
    </form>
  );
}

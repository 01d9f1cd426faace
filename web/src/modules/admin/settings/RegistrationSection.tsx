import { Show, createSignal } from "solid-js";
import Copy from "lucide-solid/icons/copy";
import RefreshCw from "lucide-solid/icons/refresh-cw";
import { t } from "../../../lib/i18n";
import { api, call } from "../../../lib/api";
import { toast, toastError } from "../../../lib/toast";
import { Toggle } from "../../../ui/Toggle";
import { Select } from "../../../ui/Select";
import { Button } from "../../../ui/Button";
import { Section, SettingInput } from "../Section";
import { lines } from "./SecuritySection";
import type { SettingsProps } from "../Settings";
import type { PortalView } from "../data";

/** USER-1 (b): the quick-registration link, open or closed, with domains that may join at once. */
export function RegistrationSection(props: SettingsProps & { onPortal: (p: PortalView) => void }) {
  const reg = () => props.draft.registration;
  const [domains, setDomains] = createSignal(reg().allowedDomains.join(", "));
  const url = () => ("registrationUrl" in props.portal ? props.portal.registrationUrl : null);
  const [busy, setBusy] = createSignal(false);
  const regenerate = async () => {
    setBusy(true);
    try {
      props.onPortal(await call(api.portal["registration-link"].$post()));
      toast(t("admin.settings.linkRegenerated"), "success");
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url() ?? "");
      toast(t("admin.settings.linkCopied"), "success");
    } catch {
      toast(url() ?? "", "info");
    }
  };
  const paid = () => props.portal.limits.customInvitationText;
  return (
    <Section id="registration" title={t("admin.settings.registration")} description={t("admin.settings.registrationText")}>
      <Toggle label={t("admin.settings.registrationEnabled")} checked={reg().enabled} onChange={(v) => props.set("registration", { ...reg(), enabled: v })} testId="registration-enabled" />
      <Show when={reg().enabled}>
        <Select
          label={t("admin.settings.registrationMode")}
          options={[
            { value: "open", label: t("admin.settings.modeOpen") },
            { value: "closed", label: t("admin.settings.modeClosed") },
          ]}
          value={reg().mode}
          onChange={(v) => props.set("registration", { ...reg(), mode: v })}
        />
        <SettingInput
          id="s-domains"
          label={t("admin.settings.allowedDomains")}
          value={domains()}
          placeholder="example.com, example.org"
          hint={t("admin.settings.allowedDomainsHint")}
          error={props.errors.registration}
          onInput={(v) => (setDomains(v), props.set("registration", { ...reg(), allowedDomains: lines(v.toLowerCase()) }))}
        />
        <Show when={url()} fallback={<p class="text-[13px] text-muted">{t("admin.settings.linkAfterSave")}</p>}>
          <div>
            <span class="k-label">{t("admin.settings.registrationLink")}</span>
            <div class="flex flex-wrap items-center gap-2">
              <code class="min-w-0 flex-1 truncate rounded-md border border-line bg-subtle px-3 py-2 text-[12.5px]" data-testid="registration-url">{url()}</code>
              <Button size="sm" onClick={copy}>
                <Copy size={14} /> {t("admin.settings.copy")}
              </Button>
              <Button size="sm" variant="ghost" busy={busy()} onClick={regenerate}>
                <RefreshCw size={14} /> {t("admin.settings.regenerate")}
              </Button>
            </div>
          </div>
        </Show>
      </Show>
      <div class="border-t border-line pt-4">
        <label for="s-invite-text" class="k-label">{t("admin.settings.invitationText")}</label>
        <textarea id="s-invite-text" class="k-input h-24 py-2 disabled:bg-subtle" maxlength={2000} disabled={!paid()} value={props.draft.invitationText} onInput={(e) => props.set("invitationText", e.currentTarget.value)} />
        <p class={`mt-1 text-[12px] ${props.errors.invitationText ? "text-danger" : "text-muted"}`}>
          {props.errors.invitationText ?? (paid() ? t("admin.settings.invitationTextHint") : t("admin.people.customTextLocked"))}
        </p>
      </div>
    </Section>
  );
}

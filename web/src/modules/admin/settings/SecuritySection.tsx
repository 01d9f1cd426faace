import { createSignal } from "solid-js";
import { t } from "../../../lib/i18n";
import { Toggle } from "../../../ui/Toggle";
import { Section } from "../Section";
import type { SettingsProps } from "../Settings";

export const lines = (s: string) => s.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);

/** USER-6 and PORTAL-3: require two-factor sign-in; limit sign-in to IP ranges. */
export function SecuritySection(props: SettingsProps) {
  const [ips, setIps] = createSignal(props.draft.ipAllowList.join("\n"));
  return (
    <Section id="security" title={t("admin.settings.security")} description={t("admin.settings.securityText")}>
      <Toggle label={t("admin.settings.requireTotp")} description={t("admin.settings.requireTotpText")} checked={props.draft.requireTotp} onChange={(v) => props.set("requireTotp", v)} testId="require-totp" />
      <div>
        <label for="s-ips" class="k-label">{t("admin.settings.ipAllowList")}</label>
        <textarea
          id="s-ips"
          class="k-input h-24 py-2 font-mono text-[13px]"
          value={ips()}
          placeholder={"203.0.113.0/24\n2001:db8::/32"}
          aria-invalid={props.errors.ipAllowList ? "true" : "false"}
          aria-describedby="s-ips-msg"
          onInput={(e) => {
            setIps(e.currentTarget.value);
            props.set("ipAllowList", lines(e.currentTarget.value));
          }}
          data-testid="ip-allow-list"
        />
        <p id="s-ips-msg" class={`mt-1 text-[12px] ${props.errors.ipAllowList ? "text-danger" : "text-muted"}`}>
          {props.errors.ipAllowList ?? t("admin.settings.ipAllowListHint")}
        </p>
      </div>
    </Section>
  );
}

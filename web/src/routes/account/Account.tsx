import { Show } from "solid-js";
import { useNavigate, useParams } from "@solidjs/router";
import { Tabs } from "@kobalte/core/tabs";
import { t } from "../../lib/i18n";
import { mustSetUpTotp } from "../../lib/session";
import { PageHeader } from "../../ui/PageHeader";
import { RegionForm } from "./RegionForm";
import { PasswordForm } from "./PasswordForm";
import { TwoFactor } from "./TwoFactor";

const TABS = ["region", "password", "security"] as const;
const tabClass = "h-10 border-b-2 border-transparent px-1 text-[13px] font-medium text-muted hover:text-fg data-[selected]:border-accent data-[selected]:text-fg";

/** The user's own settings: language and time zone, password, two-factor sign-in. */
export default function Account() {
  const params = useParams<{ tab?: string }>();
  const navigate = useNavigate();
  const tab = () => (TABS as readonly string[]).includes(params.tab ?? "") ? params.tab! : "region";
  return (
    <div>
      <PageHeader title={t("account.title")} subtitle={t("account.subtitle")} />
      <Show when={mustSetUpTotp()}>
        <div role="alert" class="mx-4 mt-4 rounded-md border border-warning/40 bg-warning-soft px-4 py-3 text-[13px] md:mx-6">
          {t("account.totpRequired")}
        </div>
      </Show>
      <Tabs value={tab()} onChange={(v) => navigate(`/account/${v}`)} class="px-4 md:px-6">
        <Tabs.List class="flex gap-5 border-b border-line" aria-label={t("account.title")}>
          <Tabs.Trigger value="region" class={tabClass} disabled={mustSetUpTotp()}>
            {t("account.tabRegion")}
          </Tabs.Trigger>
          <Tabs.Trigger value="password" class={tabClass} disabled={mustSetUpTotp()}>
            {t("account.tabPassword")}
          </Tabs.Trigger>
          <Tabs.Trigger value="security" class={tabClass}>
            {t("account.tabSecurity")}
          </Tabs.Trigger>
        </Tabs.List>
        <div class="max-w-xl py-5">
          <Tabs.Content value="region">
            <RegionForm />
          </Tabs.Content>
          <Tabs.Content value="password">
            <PasswordForm />
          </Tabs.Content>
          <Tabs.Content value="security">
            <TwoFactor />
          </Tabs.Content>
        </div>
      </Tabs>
    </div>
  );
}

import { For } from "solid-js";
import { t } from "../../../lib/i18n";
import { Toggle } from "../../../ui/Toggle";
import { Section } from "../Section";
import type { SettingsProps } from "../Settings";

const SWITCHABLE = ["feed", "messenger", "tasks", "crm", "calendar", "drive", "groups"] as const;

/** Modules switched off disappear for everyone; the company module always stays. */
export function ModulesSection(props: SettingsProps) {
  const on = (m: string) => !props.draft.disabledModules.includes(m as never);
  const set = (m: string, v: boolean) =>
    props.set("disabledModules", v ? props.draft.disabledModules.filter((x) => x !== m) : [...props.draft.disabledModules, m]);
  return (
    <Section id="modules" title={t("admin.settings.modules")} description={t("admin.settings.modulesText")}>
      <div class="grid gap-4 sm:grid-cols-2">
        <For each={SWITCHABLE}>
          {(m) => <Toggle label={t(`modules.${m}.name`)} description={t(`modules.${m}.tagline`)} checked={on(m)} onChange={(v) => set(m, v)} testId={`module-toggle-${m}`} />}
        </For>
      </div>
    </Section>
  );
}

import { t, LANGS, LANG_NAMES } from "../../../lib/i18n";
import { Select } from "../../../ui/Select";
import { TimeZonePicker } from "../../../ui/TimeZonePicker";
import { Section, SettingInput } from "../Section";
import { LogoUpload } from "./LogoUpload";
import type { SettingsProps } from "../Settings";

const DATE_FORMATS = ["DD.MM.YYYY", "MM/DD/YYYY", "YYYY-MM-DD", "DD/MM/YYYY"];

export function GeneralSection(props: SettingsProps) {
  return (
    <Section id="general" title={t("admin.settings.general")} description={t("admin.settings.generalText")}>
      <div class="grid gap-4 sm:grid-cols-2">
        <SettingInput id="s-name" label={t("admin.settings.name")} value={props.draft.name} onInput={(v) => props.set("name", v)} error={props.errors.name} />
        <SettingInput id="s-contact" type="email" label={t("admin.settings.contactEmail")} value={props.draft.contactEmail} onInput={(v) => props.set("contactEmail", v)} error={props.errors.contactEmail} />
      </div>
      <LogoUpload name={props.draft.name} hasLogo={props.portal.portal.hasLogo} />
      <div class="grid gap-4 sm:grid-cols-2">
        <Select
          label={t("admin.settings.defaultLanguage")}
          options={LANGS.map((l) => ({ value: l, label: LANG_NAMES[l] }))}
          value={props.draft.defaultLanguage}
          onChange={(v) => props.set("defaultLanguage", v)}
          error={props.errors.defaultLanguage}
        />
        <TimeZonePicker label={t("admin.settings.timeZone")} value={props.draft.timeZone} onChange={(v) => props.set("timeZone", v)} />
        <Select label={t("admin.settings.dateFormat")} options={DATE_FORMATS.map((f) => ({ value: f, label: f }))} value={props.draft.dateFormat} onChange={(v) => props.set("dateFormat", v)} />
        <Select
          label={t("admin.settings.timeFormat")}
          options={[
            { value: "24h", label: t("admin.settings.time24") },
            { value: "12h", label: t("admin.settings.time12") },
          ]}
          value={props.draft.timeFormat}
          onChange={(v) => props.set("timeFormat", v)}
        />
      </div>
    </Section>
  );
}

import { For } from "solid-js";
import { locale, t } from "../../../lib/i18n";
import { Section, SettingInput } from "../Section";
import type { SettingsProps } from "../Settings";

/** Day names in the user's language, Monday first (1 = Monday … 7 = Sunday). */
const dayName = (d: number) => new Intl.DateTimeFormat(locale(), { weekday: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, d)));

export function ScheduleSection(props: SettingsProps) {
  const locked = () => !props.portal.limits.workSchedule;
  const ws = () => props.draft.workSchedule;
  const toggle = (d: number) => {
    const days = ws().days.includes(d) ? ws().days.filter((x) => x !== d) : [...ws().days, d].sort();
    props.set("workSchedule", { ...ws(), days });
  };
  return (
    <Section id="schedule" title={t("admin.settings.schedule")} description={t("admin.settings.scheduleText")} locked={locked() ? t("admin.settings.paidOnly") : undefined}>
      <fieldset disabled={locked()} class="space-y-4 disabled:opacity-60">
        <legend class="k-label">{t("admin.settings.workDays")}</legend>
        <div class="flex flex-wrap gap-1.5">
          <For each={[1, 2, 3, 4, 5, 6, 7]}>
            {(d) => (
              <label class={`inline-flex h-8 cursor-pointer items-center rounded-md border px-2.5 text-[13px] has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-[var(--k-focus)] ${ws().days.includes(d) ? "border-accent bg-accent-soft text-accent" : "border-line-strong"}`}>
                <input type="checkbox" class="sr-only" checked={ws().days.includes(d)} onChange={() => toggle(d)} />
                {dayName(d)}
              </label>
            )}
          </For>
        </div>
        <div class="grid max-w-sm grid-cols-2 gap-4">
          <SettingInput id="s-start" type="time" label={t("admin.settings.dayStart")} value={ws().start} onInput={(v) => props.set("workSchedule", { ...ws(), start: v })} />
          <SettingInput id="s-end" type="time" label={t("admin.settings.dayEnd")} value={ws().end} onInput={(v) => props.set("workSchedule", { ...ws(), end: v })} />
        </div>
        <p class="text-[12px] text-danger empty:hidden" role="alert">{props.errors.workSchedule ?? ""}</p>
      </fieldset>
    </Section>
  );
}

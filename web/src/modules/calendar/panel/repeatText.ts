import { fromRrule, WEEKDAYS } from "../rrule";
import { formatDay, keyOf } from "../time";
import { t } from "../i18n";

/** "Every week · Mon, Wed · 10 occurrences" in the user's language. */
export function repeatText(rule: string | null | undefined): string {
  if (!rule) return "";
  const r = fromRrule(rule, "MO");
  if (r.freq === "none") return "";
  const parts: string[] = [r.interval > 1 ? `${t("form.interval")} ${r.interval} ${t(`form.intervalUnit.${r.freq}`)}` : t(`form.${r.freq}`)];
  if (r.freq === "weekly" && r.byDay.length) {
    // 2024-01-01 was a Monday: its week gives the weekday names in the user's language.
    parts.push(r.byDay.map((d) => formatDay(keyOf(2024, 0, 1 + WEEKDAYS.indexOf(d as (typeof WEEKDAYS)[number])), { weekday: "short" })).join(", "));
  }
  if (r.end === "count") parts.push(`${r.count} ${t("form.occurrences")}`);
  if (r.end === "until" && r.until) parts.push(`${t("form.until")} ${formatDay(r.until, { day: "numeric", month: "short", year: "numeric" })}`);
  return parts.join(" · ");
}

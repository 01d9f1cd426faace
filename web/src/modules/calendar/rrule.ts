/** The repeat choices of the form and the RRULE they stand for (FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10). */
export type Freq = "none" | "daily" | "weekly" | "monthly" | "yearly";
export type RepeatEnd = "never" | "until" | "count";
export interface Repeat {
  freq: Freq;
  interval: number;
  byDay: string[];
  end: RepeatEnd;
  until: string;
  count: number;
}

export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
/** JS getDay() (0 = Sunday) to the RRULE weekday. */
export const rruleDay = (jsDay: number) => WEEKDAYS[(jsDay + 6) % 7];

export function toRrule(r: Repeat): string | null {
  if (r.freq === "none") return null;
  const parts = [`FREQ=${r.freq.toUpperCase()}`];
  if (r.interval > 1) parts.push(`INTERVAL=${r.interval}`);
  if (r.freq === "weekly" && r.byDay.length) parts.push(`BYDAY=${WEEKDAYS.filter((d) => r.byDay.includes(d)).join(",")}`);
  if (r.end === "count" && r.count > 0) parts.push(`COUNT=${r.count}`);
  if (r.end === "until" && r.until) parts.push(`UNTIL=${r.until.replace(/-/g, "")}T235959Z`);
  return parts.join(";");
}

export function fromRrule(rule: string | null | undefined, fallbackDay: string): Repeat {
  const out: Repeat = { freq: "none", interval: 1, byDay: [fallbackDay], end: "never", until: "", count: 10 };
  if (!rule) return out;
  for (const part of rule.replace(/^RRULE:/i, "").split(";")) {
    const [k, v = ""] = part.split("=");
    const key = k.toUpperCase();
    if (key === "FREQ") out.freq = (v.toLowerCase() as Freq) ?? "none";
    if (key === "INTERVAL") out.interval = Number(v) || 1;
    if (key === "BYDAY") out.byDay = v.split(",").map((d) => d.slice(-2).toUpperCase());
    if (key === "COUNT") (out.end = "count"), (out.count = Number(v) || 1);
    if (key === "UNTIL") (out.end = "until"), (out.until = `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`);
  }
  return out;
}

/** Moving a whole weekly series by whole days moves its weekdays along (MO → TU for +1). */
export function shiftWeekdays(rule: string | null, days: number): string | null {
  if (!rule || days % 7 === 0) return rule;
  return rule.replace(/BYDAY=([A-Z0-9,+-]+)/i, (_m, list: string) =>
    `BYDAY=${list
      .split(",")
      .map((d) => {
        const day = d.slice(-2).toUpperCase();
        const i = WEEKDAYS.indexOf(day as (typeof WEEKDAYS)[number]);
        return i < 0 ? d : d.slice(0, -2) + WEEKDAYS[(((i + days) % 7) + 7) % 7];
      })
      .join(",")}`,
  );
}

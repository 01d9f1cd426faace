import { RRule, rrulestr } from "rrule";
import { TZDate } from "@date-fns/tz";

/** The wall-clock fields of an instant in a zone, as a "floating" UTC Date (how rrule wants them). */
function toWall(instant: Date, timeZone: string): Date {
  const z = new TZDate(instant.getTime(), timeZone);
  return new Date(Date.UTC(z.getFullYear(), z.getMonth(), z.getDate(), z.getHours(), z.getMinutes(), z.getSeconds()));
}

/** A floating wall time back to the real instant in the zone (DST-aware; a skipped hour moves forward). */
function fromWall(wall: Date, timeZone: string): Date {
  return new Date(new TZDate(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds(), timeZone).getTime());
}

export function parseRule(rrule: string, start: Date, timeZone: string): RRule {
  const options = RRule.parseString(rrule.replace(/^RRULE:/i, ""));
  return new RRule({ ...options, dtstart: toWall(start, timeZone), tzid: null });
}

/** Repeats the calendar can show: at most one a day, so expanding a year of a series stays cheap. */
const FREQS = new Set<number>([RRule.YEARLY, RRule.MONTHLY, RRule.WEEKLY, RRule.DAILY]);

/**
 * Throws a readable message for an invalid rule. Every listing expands each series over its range,
 * so a rule that repeats more than daily (FREQ=SECONDLY, or BYHOUR/BYMINUTE/BYSECOND lists, from an
 * API call or an imported .ics) or never advances (INTERVAL=0) would stall every calendar page.
 */
export function validateRule(rrule: string) {
  const r = rrulestr(rrule.replace(/^RRULE:/i, ""), { forceset: false });
  if (!(r instanceof RRule)) throw new Error("Only one RRULE is supported");
  if (!r.options.freq && r.options.freq !== 0) throw new Error("FREQ is required");
  if (!FREQS.has(r.options.freq)) throw new Error("Repeat at most daily");
  const o = r.origOptions;
  if (o.byhour != null || o.byminute != null || o.bysecond != null) throw new Error("BYHOUR, BYMINUTE and BYSECOND are not supported");
  if (o.interval != null && !(Number.isInteger(o.interval) && o.interval >= 1 && o.interval <= 1000)) throw new Error("INTERVAL must be between 1 and 1000");
  if (o.count != null && !(Number.isInteger(o.count) && o.count >= 1 && o.count <= MAX_COUNT)) throw new Error(`COUNT must be between 1 and ${MAX_COUNT}`);
}

/** seriesEnd() reads at most this many occurrences, and a COUNT series is expanded from its start. */
const MAX_COUNT = 5000;

/**
 * The rule restarted a whole number of periods later, shortly before `before` (a wall time): rrule
 * expands from the start, so a daily series begun in 1900 cost a second per listing. Only for daily and
 * weekly rules without COUNT, whose occurrences repeat with the period whatever day counting began.
 */
export function rebase(rule: RRule, before: Date): RRule {
  const o = rule.origOptions;
  if (o.count != null || (o.freq !== RRule.DAILY && o.freq !== RRule.WEEKLY)) return rule;
  const period = (o.interval ?? 1) * (o.freq === RRule.WEEKLY ? 7 : 1) * 86_400_000;
  const dtstart = rule.options.dtstart;
  const skip = Math.floor((before.getTime() - dtstart.getTime()) / period) - 1;
  return skip > 0 ? new RRule({ ...o, dtstart: new Date(dtstart.getTime() + skip * period), tzid: null }) : rule;
}

/**
 * Throws for a rule that never matches, such as FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31, or FREQ=YEARLY;BYMONTH=2
 * for an event on the 30th (rrule takes the day from the start). rrule checks UNTIL and COUNT only on a
 * match, so it searches such a rule up to the year 9999 on every call: 84 s for that daily rule, in every
 * listing. The probe starts the same wall time in 9940, so rrule's own end (9999) bounds it to 60 years.
 */
export function assertRepeats(rrule: string, start: Date, timeZone: string) {
  const rule = parseRule(rrule, start, timeZone);
  const wall = rule.options.dtstart;
  const dtstart = new Date(Date.UTC(9940, wall.getUTCMonth(), wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds()));
  const probe = new RRule({ ...rule.origOptions, dtstart, until: null, count: null, tzid: null });
  if (!probe.all((_d, i) => i < 1).length) throw new Error("The rule never repeats");
}

/** Occurrence starts of a series that begin before `to` and end after `from`, as real instants. */
export function occurrences(opts: { rrule: string; start: Date; durationMs: number; timeZone: string; from: Date; to: Date; exdates?: string[]; limit?: number }): Date[] {
  const windowStart = toWall(new Date(opts.from.getTime() - opts.durationMs), opts.timeZone);
  const rule = rebase(parseRule(opts.rrule, opts.start, opts.timeZone), new Date(windowStart.getTime() - 2 * 86_400_000));
  const toWallTime = toWall(opts.to, opts.timeZone);
  const ex = new Set(opts.exdates ?? []);
  const out: Date[] = [];
  // between() on the wall clock; the day either side absorbs offset differences.
  for (const wall of rule.between(new Date(windowStart.getTime() - 86_400_000), new Date(toWallTime.getTime() + 86_400_000), true)) {
    const start = fromWall(wall, opts.timeZone);
    if (start.getTime() >= opts.to.getTime() || start.getTime() + opts.durationMs <= opts.from.getTime()) continue;
    if (ex.has(start.toISOString())) continue;
    out.push(start);
    if (opts.limit && out.length >= opts.limit) break;
  }
  return out;
}

/** When the last occurrence ends, or null for a series without COUNT or UNTIL. */
export function seriesEnd(rrule: string, start: Date, durationMs: number, timeZone: string): Date | null {
  const rule = parseRule(rrule, start, timeZone);
  if (!rule.options.count && !rule.options.until) return null;
  const all = rule.all((_d, i) => i < 5000);
  const last = all[all.length - 1];
  return last ? new Date(fromWall(last, timeZone).getTime() + durationMs) : start;
}

/** The first occurrence starting at or after `after`. */
export function nextOccurrence(rrule: string, start: Date, timeZone: string, after: Date): Date | null {
  const from = toWall(after, timeZone);
  const wall = rebase(parseRule(rrule, start, timeZone), new Date(from.getTime() - 2 * 86_400_000)).after(from, true);
  return wall ? fromWall(wall, timeZone) : null;
}

/** The series cut so it ends before `before` (for "this and following" edits). */
export function untilBefore(rrule: string, before: Date): string {
  const parts = rrule.replace(/^RRULE:/i, "").split(";").filter((p) => !/^(UNTIL|COUNT)=/i.test(p));
  const until = new Date(before.getTime() - 1000).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  return [...parts, `UNTIL=${until}`].join(";");
}

/** The rule for the part of a series from `from` on: a COUNT shrinks by the occurrences before it. */
export function remainingRule(rrule: string, start: Date, timeZone: string, from: Date): string {
  const rule = parseRule(rrule, start, timeZone);
  if (!rule.options.count) return rrule.replace(/^RRULE:/i, "");
  const before = rule.between(toWall(start, timeZone), toWall(new Date(from.getTime() - 1000), timeZone), true).length;
  const left = Math.max(1, rule.options.count - before);
  return rrule.replace(/^RRULE:/i, "").split(";").map((p) => (/^COUNT=/i.test(p) ? `COUNT=${left}` : p)).join(";");
}

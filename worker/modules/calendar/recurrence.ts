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

/** Throws a readable message for an invalid rule. */
export function validateRule(rrule: string) {
  const r = rrulestr(rrule.replace(/^RRULE:/i, ""), { forceset: false });
  if (!(r instanceof RRule)) throw new Error("Only one RRULE is supported");
  if (!r.options.freq && r.options.freq !== 0) throw new Error("FREQ is required");
}

/** Occurrence starts of a series that begin before `to` and end after `from`, as real instants. */
export function occurrences(opts: { rrule: string; start: Date; durationMs: number; timeZone: string; from: Date; to: Date; exdates?: string[]; limit?: number }): Date[] {
  const rule = parseRule(opts.rrule, opts.start, opts.timeZone);
  const windowStart = toWall(new Date(opts.from.getTime() - opts.durationMs), opts.timeZone);
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
  const rule = parseRule(rrule, start, timeZone);
  const wall = rule.after(toWall(after, timeZone), true);
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

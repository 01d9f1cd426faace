import { inList } from "../../../db/lists";
import { and, eq } from "drizzle-orm";
import { TZDate } from "@date-fns/tz";
import { eventAttendees } from "../../../db/schema/calendar";
import { users } from "../../../db/schema/people";
import type { ActorContext } from "../../context";
import { badRequest, notFound } from "../../lib/errors";
import { expand, rowsInRange } from "./event-view";

const STEP_MS = 15 * 60_000;
const MAX_RANGE_MS = 31 * 86_400_000;

type Interval = { start: string; end: string };

/** Busy intervals, merged; they say nothing about what the time is used for (private stays private). */
function merge(intervals: { s: number; e: number }[]): { s: number; e: number }[] {
  const sorted = [...intervals].sort((a, b) => a.s - b.s);
  const out: { s: number; e: number }[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.s <= last.e) last.e = Math.max(last.e, i.e);
    else out.push({ ...i });
  }
  return out;
}

/** Is [s, s+duration) inside the portal's work schedule (working day, between start and end, portal time zone)? */
function inWorkHours(s: number, durationMs: number, schedule: { days: number[]; start: string; end: string }, timeZone: string) {
  const z = new TZDate(s, timeZone);
  const day = z.getDay() === 0 ? 7 : z.getDay();
  if (!schedule.days.includes(day)) return false;
  const [sh, sm] = schedule.start.split(":").map(Number);
  const [eh, em] = schedule.end.split(":").map(Number);
  const dayStart = new TZDate(z.getFullYear(), z.getMonth(), z.getDate(), sh, sm, 0, timeZone).getTime();
  const dayEnd = new TZDate(z.getFullYear(), z.getMonth(), z.getDate(), eh, em, 0, timeZone).getTime();
  return s >= dayStart && s + durationMs <= dayEnd;
}

/** CAL-2: everyone's busy time, and the first slot in the work schedule where all are free. */
export async function planner(ctx: ActorContext, q: { userIds: string[]; from: Date; to: Date; durationMinutes: number }) {
  if (q.to.getTime() - q.from.getTime() > MAX_RANGE_MS || q.to <= q.from) throw badRequest("Ask for at most 31 days, ending after the start.", "validation", "to");
  const ids = [...new Set(q.userIds)].slice(0, 100);
  const found = await ctx.db.select({ id: users.id }).from(users).where(and(eq(users.tenantId, ctx.tenant.id), eq(users.status, "active"), inList(users.id, ids))).all();
  if (found.length !== ids.length) throw notFound("User");
  const rows = await rowsInRange(ctx, { calendarIds: [], userIds: ids, from: q.from, to: q.to });
  const seriesIds = [...new Set(rows.map((r) => r.parentId ?? r.id))];
  const attendance = seriesIds.length
    ? await ctx.db
        .select({ eventId: eventAttendees.eventId, userId: eventAttendees.userId, status: eventAttendees.status })
        .from(eventAttendees)
        .where(and(eq(eventAttendees.tenantId, ctx.tenant.id), inList(eventAttendees.eventId, seriesIds), inList(eventAttendees.userId, ids)))
        .all()
    : [];
  const attendeesOf = new Map<string, string[]>();
  for (const a of attendance) {
    if (a.status === "declined") continue;
    const list = attendeesOf.get(a.eventId);
    if (list) list.push(a.userId);
    else attendeesOf.set(a.eventId, [a.userId]);
  }
  const raw = new Map<string, { s: number; e: number }[]>(ids.map((id) => [id, []]));
  for (const { row, start } of expand(rows, q.from, q.to)) {
    const seriesId = row.parentId ?? row.id;
    const duration = Date.parse(row.endUtc) - Date.parse(row.startUtc);
    const who = new Set(attendeesOf.get(seriesId));
    if (ids.includes(row.organizerId)) who.add(row.organizerId);
    for (const u of who) raw.get(u)?.push({ s: Math.max(start.getTime(), q.from.getTime()), e: Math.min(start.getTime() + duration, q.to.getTime()) });
  }
  const busy: Record<string, Interval[]> = {};
  for (const [u, list] of raw) busy[u] = merge(list).map((i) => ({ start: new Date(i.s).toISOString(), end: new Date(i.e).toISOString() }));
  const everyone = merge([...raw.values()].flat());
  const durationMs = q.durationMinutes * 60_000;
  const schedule = ctx.tenant.settings.workSchedule;
  let firstFree: Interval | null = null;
  let k = 0;
  for (let s = Math.ceil(q.from.getTime() / STEP_MS) * STEP_MS; s + durationMs <= q.to.getTime(); s += STEP_MS) {
    while (k < everyone.length && everyone[k].e <= s) k++;
    if (k < everyone.length && everyone[k].s < s + durationMs) continue;
    if (!inWorkHours(s, durationMs, schedule, ctx.tenant.settings.timeZone)) continue;
    firstFree = { start: new Date(s).toISOString(), end: new Date(s + durationMs).toISOString() };
    break;
  }
  return { busy, firstFree };
}

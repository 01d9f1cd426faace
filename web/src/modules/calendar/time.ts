import { TZDateMini } from "@date-fns/tz";
import { locale } from "../../lib/i18n";
import { me } from "../../lib/session";
import { userTimeZone } from "../../lib/format";

/**
 * Calendar days are plain "YYYY-MM-DD" keys; instants become days and wall-clock minutes in the viewer's
 * time zone through TZDate, so a 23- or 25-hour day (DST) still puts 09:00 on the 09:00 line.
 */
export type DayKey = string;

export const tz = () => userTimeZone();
const pad = (n: number) => String(n).padStart(2, "0");

export function keyOf(y: number, m0: number, d: number): DayKey {
  const u = new Date(Date.UTC(y, m0, d));
  return `${u.getUTCFullYear()}-${pad(u.getUTCMonth() + 1)}-${pad(u.getUTCDate())}`;
}
export function parts(key: DayKey) {
  const [y, m, d] = key.split("-").map(Number);
  return { y, m0: m - 1, d };
}
export const addDays = (key: DayKey, n: number) => {
  const p = parts(key);
  return keyOf(p.y, p.m0, p.d + n);
};
export function addMonths(key: DayKey, n: number): DayKey {
  const p = parts(key);
  const last = new Date(Date.UTC(p.y, p.m0 + n + 1, 0)).getUTCDate();
  return keyOf(p.y, p.m0 + n, Math.min(p.d, last));
}
export const weekday = (key: DayKey) => {
  const p = parts(key);
  return new Date(Date.UTC(p.y, p.m0, p.d)).getUTCDay();
};
export const diffDays = (a: DayKey, b: DayKey) => {
  const pa = parts(a);
  const pb = parts(b);
  return Math.round((Date.UTC(pb.y, pb.m0, pb.d) - Date.UTC(pa.y, pa.m0, pa.d)) / 86_400_000);
};

/** The day an instant falls on, in a zone (the viewer's by default). */
export function dayOf(instant: number | string | Date, zone = tz()): DayKey {
  const z = new TZDateMini(new Date(instant).getTime(), zone);
  return keyOf(z.getFullYear(), z.getMonth(), z.getDate());
}
/** All-day events are stored as UTC dates (00:00Z, end exclusive). */
export const utcDayOf = (instant: string) => instant.slice(0, 10);

/** Minutes since local midnight on the wall clock. */
export function wallMinutes(instant: number | string | Date, zone = tz()): number {
  const z = new TZDateMini(new Date(instant).getTime(), zone);
  return z.getHours() * 60 + z.getMinutes();
}
/** The instant of a wall-clock time on a day (a time inside a DST gap moves forward, as clocks do). */
export function instantAt(key: DayKey, minutes: number, zone = tz()): number {
  const p = parts(key);
  const h = Math.floor(minutes / 60);
  return new TZDateMini(p.y, p.m0, p.d, h, minutes - h * 60, 0, zone).getTime();
}
export const dayStart = (key: DayKey, zone = tz()) => instantAt(key, 0, zone);

export const todayKey = () => dayOf(Date.now());

/** Monday for de/ru/ro/cs, Sunday for English. */
export const weekStartsOn = () => (locale() === "en" ? 0 : 1);
export function weekStart(key: DayKey): DayKey {
  return addDays(key, -((weekday(key) - weekStartsOn() + 7) % 7));
}

export type ViewName = "month" | "week" | "day" | "agenda";
export const AGENDA_DAYS = 30;

/** The days a view shows around a date. */
export function viewDays(view: ViewName, key: DayKey): DayKey[] {
  let first = key;
  let n = 1;
  if (view === "week") (first = weekStart(key)), (n = 7);
  if (view === "agenda") n = AGENDA_DAYS;
  if (view === "month") {
    const p = parts(key);
    first = weekStart(keyOf(p.y, p.m0, 1));
    const last = keyOf(p.y, p.m0 + 1, 0);
    n = Math.ceil((diffDays(first, last) + 1) / 7) * 7;
  }
  return Array.from({ length: n }, (_, i) => addDays(first, i));
}

export function step(view: ViewName, key: DayKey, dir: -1 | 1): DayKey {
  if (view === "month") return addMonths(key, dir);
  if (view === "week") return addDays(key, 7 * dir);
  if (view === "agenda") return addDays(key, AGENDA_DAYS * dir);
  return addDays(key, dir);
}

/** ISO with the viewer's offset, e.g. 2030-01-07T09:00:00+01:00 (the API wants an offset). */
export function isoWithOffset(ms: number, zone = tz()): string {
  const z = new TZDateMini(ms, zone);
  const off = -z.getTimezoneOffset();
  const sign = off >= 0 ? "+" : "-";
  const a = Math.abs(off);
  return `${keyOf(z.getFullYear(), z.getMonth(), z.getDate())}T${pad(z.getHours())}:${pad(z.getMinutes())}:${pad(z.getSeconds())}${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

const h12 = () => me()?.portal.timeFormat === "12h";
const fmt = (opts: Intl.DateTimeFormatOptions, zone?: string) => new Intl.DateTimeFormat(locale(), { timeZone: zone ?? tz(), ...opts });
const utcNoon = (key: DayKey) => {
  const p = parts(key);
  return new Date(Date.UTC(p.y, p.m0, p.d, 12));
};

/** A day key in words ("Mon, 7 Jan"), the language's own order. */
export const formatDay = (key: DayKey, opts: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short" }) => fmt(opts, "UTC").format(utcNoon(key));
export const formatTimeOfDay = (ms: number | string, zone?: string) => fmt({ hour: "numeric", minute: "2-digit", hour12: h12() }, zone).format(new Date(ms));
export const formatHour = (h: number) => fmt({ hour: "numeric", hour12: h12() }, "UTC").format(new Date(Date.UTC(2000, 0, 1, h)));
export const formatWhen = (ms: number | string, zone?: string) =>
  fmt({ weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "numeric", minute: "2-digit", hour12: h12() }, zone).format(new Date(ms));

/** The toolbar's title for a view. */
export function rangeTitle(view: ViewName, key: DayKey): string {
  const days = viewDays(view, key);
  if (view === "month") return formatDay(key, { month: "long", year: "numeric" });
  if (view === "day") return formatDay(key, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  const a = days[0];
  const b = days[days.length - 1];
  return `${formatDay(a, { day: "numeric", month: "short" })} – ${formatDay(b, { day: "numeric", month: "short", year: "numeric" })}`;
}

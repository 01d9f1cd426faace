import type { JSX } from "solid-js";
import { isAllDayLike, type CalEvent } from "../data";
import { addDays, dayOf, dayStart, diffDays, utcDayOf, wallMinutes, type DayKey } from "../time";

/** The first and last day an event covers (all-day events are UTC dates with an exclusive end). */
export function eventDays(e: CalEvent): [DayKey, DayKey] {
  if (e.allDay) {
    const first = utcDayOf(e.start);
    const end = utcDayOf(e.end);
    return [first, end > first ? addDays(end, -1) : first];
  }
  return [dayOf(e.start), dayOf(Math.max(Date.parse(e.start), Date.parse(e.end) - 1))];
}

export const onDay = (e: CalEvent, key: DayKey) => {
  const [a, b] = eventDays(e);
  return a <= key && key <= b;
};

/** Everything on a day, all-day first, then by start (month cells, agenda). */
export function eventsOnDay(items: CalEvent[], key: DayKey): CalEvent[] {
  return items.filter((e) => onDay(e, key)).sort((a, b) => Number(isAllDayLike(b)) - Number(isAllDayLike(a)) || Date.parse(a.start) - Date.parse(b.start));
}

export interface Segment {
  e: CalEvent;
  top: number;
  bottom: number;
}

/** The part of each timed event inside one day, as wall-clock minutes (so DST days keep their hour lines). */
export function timedSegments(items: CalEvent[], key: DayKey): Segment[] {
  const from = dayStart(key);
  const to = dayStart(addDays(key, 1));
  const out: Segment[] = [];
  for (const e of items) {
    if (isAllDayLike(e)) continue;
    const s = Math.max(Date.parse(e.start), from);
    const en = Math.min(Date.parse(e.end), to);
    if (en <= s && !(Date.parse(e.start) === Date.parse(e.end) && s >= from && s < to)) continue;
    const top = s === from ? 0 : wallMinutes(s);
    let bottom = en >= to ? 1440 : wallMinutes(en);
    if (bottom <= top) bottom = Math.min(1440, top + 15);
    out.push({ e, top, bottom });
  }
  return out;
}

export interface Span {
  e: CalEvent;
  col: number;
  span: number;
  continuesBefore: boolean;
  continuesAfter: boolean;
}

/** All-day and multi-day events as bars over the visible days. */
export function allDaySpans(items: CalEvent[], days: DayKey[]): Span[] {
  const first = days[0];
  const last = days[days.length - 1];
  return items
    .filter(isAllDayLike)
    .map((e) => {
      const [a, b] = eventDays(e);
      if (b < first || a > last) return null;
      const col = Math.max(0, diffDays(first, a));
      const end = Math.min(days.length - 1, diffDays(first, b));
      return { e, col, span: end - col + 1, continuesBefore: a < first, continuesAfter: b > last };
    })
    .filter((s): s is Span => s !== null)
    .sort((x, y) => x.col - y.col || y.span - x.span);
}

/** The look of an event: its calendar's colour; others' private time as grey stripes; pending dashed, declined faded. */
export function eventLook(e: CalEvent, color: string): { style: JSX.CSSProperties; class: string } {
  if (!e.details) {
    return {
      style: { background: "repeating-linear-gradient(135deg, var(--k-subtle) 0 6px, var(--k-line) 6px 8px)", "border-left-color": "var(--k-line-strong)" },
      class: "text-muted",
    };
  }
  const status = e.details.myStatus;
  return {
    style: { "background-color": `color-mix(in srgb, ${color} 16%, var(--k-surface))`, "border-left-color": color, ...(status === "pending" ? { outline: `1px dashed ${color}`, "outline-offset": "-1px" } : {}) },
    class: status === "declined" ? "opacity-60 line-through" : "",
  };
}

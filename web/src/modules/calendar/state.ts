import { createSignal } from "solid-js";
import type { CalEvent, Cal } from "./data";
import { listEvents } from "./data";
import { toastError } from "../../lib/toast";

/** The visible range's events and the calendars, shared by the views, the panel and the form. */
const [data, setData] = createSignal<{ items: CalEvent[]; calendars: Cal[] } | null>(null);
const [loading, setLoading] = createSignal(false);
let seq = 0;
let last: { from: string; to: string } | null = null;

export { data, setData, loading };

export async function loadRange(from: string, to: string) {
  last = { from, to };
  const mine = ++seq;
  setLoading(true);
  try {
    const r = await listEvents(from, to);
    if (mine === seq) setData(r);
  } catch (e) {
    if (mine === seq) toastError(e);
  } finally {
    if (mine === seq) setLoading(false);
  }
}

/** Something changed (here or live): the visible range and any open panel load again. */
const [tick, setTick] = createSignal(0);
export { tick };
export function refresh() {
  setTick((n) => n + 1);
  if (last) void loadRange(last.from, last.to);
}

/** Optimistic change of one occurrence in the visible range; returns the undo. */
export function patchLocal(occurrenceId: string, change: Partial<CalEvent>): () => void {
  const before = data();
  setData((d) => d && { ...d, items: d.items.map((i) => (i.occurrenceId === occurrenceId ? ({ ...i, ...change } as CalEvent) : i)) });
  return () => setData(before);
}

const HIDDEN_KEY = "kontor.calendar.hidden";
function readHidden(): string[] {
  try {
    return JSON.parse(localStorage.getItem(HIDDEN_KEY) ?? "[]");
  } catch {
    return [];
  }
}
const [hidden, setHidden] = createSignal<string[]>(readHidden());
export { hidden };
export function toggleCalendar(id: string) {
  const next = hidden().includes(id) ? hidden().filter((x) => x !== id) : [...hidden(), id];
  setHidden(next);
  try {
    localStorage.setItem(HIDDEN_KEY, JSON.stringify(next));
  } catch {
    /* storage may be off */
  }
}

export const calendarOf = (id: string) => data()?.calendars.find((c) => c.id === id);
/** An invitation from a calendar we cannot see takes the colour of our own calendar: it is on our schedule. */
export const colorOf = (e: CalEvent) => calendarOf(e.calendarId)?.color ?? data()?.calendars.find((c) => c.kind === "personal" && c.access === "owner")?.color ?? "#64748b";
/** Events of hidden calendars stay out; invitations from calendars we cannot see always show. */
export const visibleItems = () => (data()?.items ?? []).filter((e) => !hidden().includes(e.calendarId) && e.status !== "cancelled");

/** The event form, opened from anywhere (toolbar, drag, panel). */
export type FormRequest =
  | { mode: "create"; start: number; end: number; allDay?: boolean; calendarId?: string }
  | { mode: "edit"; eventId: string; occurrence: string | null };
const [formRequest, setFormRequest] = createSignal<FormRequest | null>(null);
export { formRequest };
export const openForm = (r: FormRequest) => setFormRequest(r);
export const closeForm = () => setFormRequest(null);

import { toast, toastError } from "../../lib/toast";
import { getEvent, patchEvent, type CalEvent, type EventPatch, type Scope } from "./data";
import { askScope } from "./ScopeDialog";
import { patchLocal, refresh } from "./state";
import { shiftWeekdays } from "./rrule";
import { t } from "./i18n";

const iso = (ms: number) => new Date(ms).toISOString();

/** Asks for the scope when the event repeats; undefined for a single event, null when the user backed out. */
export async function scopeFor(e: Pick<CalEvent, "details">, kind: "change" | "cancel" = "change"): Promise<Scope | undefined | null> {
  return e.details?.rrule ? askScope(kind) : undefined;
}

/**
 * Moves an event (drag and drop): at once on screen, then on the server; rolled back with a toast if refused.
 * For a whole series the series' own start moves by the same amount (and weekly days follow whole-day moves).
 */
export async function moveEvent(e: CalEvent, newStart: number, dayDelta: number) {
  const oldStart = Date.parse(e.start);
  if (newStart === oldStart) return;
  const duration = Date.parse(e.end) - oldStart;
  const scope = await scopeFor(e);
  if (scope === null) return;
  const undo = patchLocal(e.occurrenceId, { start: iso(newStart), end: iso(newStart + duration) });
  try {
    let patch: EventPatch = { start: iso(newStart), end: iso(newStart + duration) };
    if (scope === "all") {
      const master = await getEvent(e.id);
      const delta = newStart - oldStart;
      const s = Date.parse(master.start) + delta;
      patch = { start: iso(s), end: iso(s + (Date.parse(master.end) - Date.parse(master.start))) };
      const rule = shiftWeekdays(master.details?.rrule ?? null, dayDelta);
      if (rule !== (master.details?.rrule ?? null)) patch.rrule = rule;
    }
    await patchEvent(e.id, patch, scope, scope && scope !== "all" ? e.start : undefined);
    toast(t("moved"), "success");
  } catch (err) {
    undo();
    toastError(err);
  }
  refresh();
}

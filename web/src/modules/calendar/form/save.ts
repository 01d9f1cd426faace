import { toast } from "../../../lib/toast";
import { errorText } from "../../../lib/toast";
import { createEvent, patchEvent, uploadAttachment, type CalEvent, type Scope } from "../data";
import { askScope } from "../ScopeDialog";
import { isoWithOffset } from "../time";
import { t } from "../i18n";
import { diff, stateOf, toInput, type FormState } from "./model";

export interface SaveContext {
  original: CalEvent | null;
  occurrence: string | null;
  state: FormState;
  files: File[];
  onProgress: (name: string, fraction: number) => void;
}

/**
 * Creates or changes the event (only what changed, with the series scope asked once), then uploads the
 * waiting files to it. Resolves null when the user backed out of the scope question.
 */
export async function saveEvent(c: SaveContext): Promise<CalEvent | null> {
  const after = toInput(c.state);
  let saved: CalEvent;
  if (!c.original) saved = await createEvent(after);
  else {
    const before = toInput(stateOf(c.original, c.occurrence));
    const patch = diff(before, after);
    saved = c.original;
    if (Object.keys(patch).length) {
      let scope: Scope | undefined;
      if (c.original.details?.rrule) {
        const s = await askScope("change");
        if (!s) return null;
        scope = s;
      }
      if (scope === "all" && (patch.start || patch.end)) {
        // The series keeps its own first date; it moves by as much as this occurrence did.
        const moved = Date.parse(after.start) - Date.parse(before.start);
        const start = Date.parse(c.original.start) + moved;
        const iso = (ms: number) => (after.allDay ? new Date(ms).toISOString() : isoWithOffset(ms, after.timeZone));
        patch.start = iso(start);
        patch.end = iso(start + Date.parse(after.end) - Date.parse(after.start));
      }
      const occurrence = scope && scope !== "all" ? (c.occurrence ?? c.original.start) : undefined;
      saved = await patchEvent(c.original.id, patch, scope, occurrence);
    }
  }
  for (const f of c.files) {
    try {
      await uploadAttachment(saved.id, f, (p) => c.onProgress(f.name, p));
    } catch (e) {
      toast(t("form.uploadFailed", { name: f.name, reason: errorText(e) }), "error");
    }
  }
  return saved;
}

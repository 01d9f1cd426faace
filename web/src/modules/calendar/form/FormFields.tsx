import { Show } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import { me } from "../../../lib/session";
import { Select } from "../../../ui/Select";
import { data } from "../state";
import type { Details } from "../data";
import { t } from "../i18n";
import type { FormState, Person } from "./model";
import { TimeFields } from "./TimeFields";
import { RepeatFields } from "./RepeatFields";
import { Attendees } from "./Attendees";
import { Planner } from "./Planner";
import { Reminders } from "./Reminders";
import { Attachments } from "./Attachments";

const section = "space-y-3 border-t border-line px-4 py-4 md:px-5";

/** The form's fields, in the order people fill them: what and when, who, where, the rest. */
export function FormFields(props: {
  state: FormState;
  set: SetStoreFunction<FormState>;
  errors: Record<string, string | undefined>;
  organizer?: Person;
  eventId: string | null;
  existing: Details["attachments"];
  onExisting: (l: Details["attachments"]) => void;
  files: File[];
  onFiles: (f: File[]) => void;
  progress: Record<string, number>;
}) {
  const calendars = () => (data()?.calendars ?? []).filter((c) => c.access !== "read" || c.id === props.state.calendarId).map((c) => ({ value: c.id, label: c.name }));
  const organizer = () => props.organizer ?? { id: me()!.user.id, name: me()!.user.name, hasPhoto: me()!.user.hasPhoto };
  return (
    <div>
      <div class="space-y-3 px-4 py-4 md:px-5">
        <div>
          <label class="sr-only" for="event-title">
            {t("form.title")}
          </label>
          <input
            id="event-title"
            class="k-input h-11 text-[17px] font-medium"
            placeholder={t("form.titlePlaceholder")}
            value={props.state.title}
            onInput={(e) => props.set("title", e.currentTarget.value)}
            aria-invalid={props.errors.title ? "true" : "false"}
            aria-describedby="event-title-err"
            data-testid="event-title"
          />
          <p id="event-title-err" role="alert" class="mt-1 text-[12px] text-danger empty:hidden">
            {props.errors.title ? t("form.titleRequired") : ""}
          </p>
        </div>
        <TimeFields state={props.state} set={props.set} error={props.errors.end ?? props.errors.start} />
        <div class="grid gap-3 sm:grid-cols-2">
          <RepeatFields state={props.state} set={props.set} error={props.errors.rrule} />
          <Select label={t("form.calendar")} options={calendars()} value={props.state.calendarId} onChange={(v) => props.set("calendarId", v)} error={props.errors.calendarId} testId="event-calendar" />
        </div>
      </div>
      <div class={section}>
        <h3 class="font-semibold">{t("form.attendees")}</h3>
        <Attendees state={props.state} set={props.set} organizer={props.organizer} />
        <Show when={!props.state.allDay}>
          <Planner state={props.state} set={props.set} organizer={organizer()} />
        </Show>
      </div>
      <div class={section}>
        <div class="grid gap-3 sm:grid-cols-[2fr_1fr_1fr]">
          <div>
            <label class="k-label" for="event-location">
              {t("form.location")}
            </label>
            <input id="event-location" class="k-input" value={props.state.location} onInput={(e) => props.set("location", e.currentTarget.value)} data-testid="event-location" />
          </div>
          <Select label={t("form.importance")} options={(["low", "normal", "high"] as const).map((v) => ({ value: v, label: t(`importance.${v}`) }))} value={props.state.importance} onChange={(v) => props.set("importance", v as FormState["importance"])} />
          <Select label={t("form.privacy")} options={(["public", "private"] as const).map((v) => ({ value: v, label: t(`privacy.${v}`) }))} value={props.state.privacy} onChange={(v) => props.set("privacy", v as FormState["privacy"])} />
        </div>
        <div>
          <label class="k-label" for="event-description">
            {t("form.description")}
          </label>
          <textarea id="event-description" rows={4} class="k-input h-auto py-2 leading-5" value={props.state.description} onInput={(e) => props.set("description", e.currentTarget.value)} />
        </div>
        <Reminders state={props.state} set={props.set} />
        <Attachments eventId={props.eventId} existing={props.existing} onExisting={props.onExisting} pending={props.files} onPending={props.onFiles} progress={props.progress} />
      </div>
    </div>
  );
}

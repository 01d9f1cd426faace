import { Show, createUniqueId } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import { Toggle } from "../../../ui/Toggle";
import { TimeZonePicker } from "../../../ui/TimeZonePicker";
import { addDays, dayOf, diffDays, wallMinutes } from "../time";
import { t } from "../i18n";
import { instants, type FormState } from "./model";

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/** Start and end (date and time), all day, and the event's time zone; moving the start keeps the duration. */
export function TimeFields(props: { state: FormState; set: SetStoreFunction<FormState>; error?: string }) {
  const id = createUniqueId();
  const setStart = (date: string, time: string) => {
    if (!date) return;
    const s = props.state;
    if (s.allDay) {
      props.set({ startDate: date, endDate: addDays(date, Math.max(0, diffDays(s.startDate, s.endDate))) });
      return;
    }
    const { start, end } = instants(s);
    props.set({ startDate: date, startTime: time });
    const moved = instants({ ...s, startDate: date, startTime: time }).start;
    const newEnd = moved + Math.max(15 * 60_000, end - start);
    props.set({ endDate: dayOf(newEnd, s.timeZone), endTime: hhmm(wallMinutes(newEnd, s.timeZone)) });
  };
  const input = "k-input w-auto min-w-0 tabular-nums";
  return (
    <div class="space-y-3">
      <div class="grid gap-3 sm:grid-cols-2">
        <fieldset>
          <legend class="k-label">{t("form.start")}</legend>
          <div class="flex gap-2">
            <input type="date" class={`${input} flex-1`} aria-label={`${t("form.start")} ${t("form.date")}`} value={props.state.startDate} onChange={(e) => setStart(e.currentTarget.value, props.state.startTime)} data-testid="start-date" />
            <Show when={!props.state.allDay}>
              <input type="time" step="900" class={input} aria-label={`${t("form.start")} ${t("form.time")}`} value={props.state.startTime} onChange={(e) => setStart(props.state.startDate, e.currentTarget.value)} data-testid="start-time" />
            </Show>
          </div>
        </fieldset>
        <fieldset>
          <legend class="k-label">{t("form.end")}</legend>
          <div class="flex gap-2">
            <input type="date" class={`${input} flex-1`} aria-label={`${t("form.end")} ${t("form.date")}`} aria-invalid={props.error ? "true" : "false"} aria-describedby={`${id}-err`} value={props.state.endDate} onChange={(e) => props.set("endDate", e.currentTarget.value)} data-testid="end-date" />
            <Show when={!props.state.allDay}>
              <input type="time" step="900" class={input} aria-label={`${t("form.end")} ${t("form.time")}`} aria-invalid={props.error ? "true" : "false"} aria-describedby={`${id}-err`} value={props.state.endTime} onChange={(e) => props.set("endTime", e.currentTarget.value)} data-testid="end-time" />
            </Show>
          </div>
          <p id={`${id}-err`} role="alert" class="mt-1 text-[12px] text-danger empty:hidden">
            {props.error ?? ""}
          </p>
        </fieldset>
      </div>
      <div class="grid items-end gap-3 sm:grid-cols-2">
        <div class="pb-1.5">
          <Toggle label={t("form.allDay")} checked={props.state.allDay} onChange={(v) => props.set("allDay", v)} testId="all-day" />
        </div>
        <Show when={!props.state.allDay}>
          <TimeZonePicker label={t("form.timeZone")} value={props.state.timeZone} onChange={(z) => props.set("timeZone", z)} testId="event-tz" />
        </Show>
      </div>
    </div>
  );
}

import { For, Show } from "solid-js";
import { t } from "../i18n";
import { openForm } from "../state";
import type { CalendarNav } from "../nav";
import type { CalEvent } from "../data";
import type { DayKey } from "../time";
import { allDaySpans } from "./items";
import { EventChip } from "./EventChip";

/** All-day and multi-day events as bars across the week's days; a click on an empty day adds an all-day event. */
export function AllDayRow(props: { days: DayKey[]; items: CalEvent[]; nav: CalendarNav }) {
  const spans = () => allDaySpans(props.items, props.days);
  const addOn = (key: DayKey) => {
    const start = Date.parse(`${key}T00:00:00Z`);
    openForm({ mode: "create", start, end: start + 86_400_000, allDay: true });
  };
  return (
    <div class="flex border-b border-line [scrollbar-gutter:stable] overflow-hidden">
      <div class="flex w-16 shrink-0 items-start justify-end break-words py-1.5 pr-2 text-right text-[11px] leading-3 text-muted">{t("allDay")}</div>
      <div class="relative min-w-0 flex-1">
        <div class="absolute inset-0 flex" aria-hidden="true">
          <For each={props.days}>{(key) => <div class="flex-1 border-l border-line" onClick={() => addOn(key)} />}</For>
        </div>
        <div class="pointer-events-none relative grid min-h-7 gap-y-0.5 py-1 [grid-auto-flow:dense]" style={{ "grid-template-columns": `repeat(${props.days.length}, minmax(0, 1fr))` }}>
          <For each={spans()}>
            {(s) => (
              <div class="pointer-events-auto px-0.5" style={{ "grid-column": `${s.col + 1} / span ${s.span}` }}>
                <EventChip
                  e={s.e}
                  showTime={false}
                  class={`${s.continuesBefore ? "rounded-l-none" : ""} ${s.continuesAfter ? "rounded-r-none" : ""}`}
                  onOpen={() => props.nav.openEvent(s.e)}
                />
              </div>
            )}
          </For>
          <Show when={!spans().length}>
            <div />
          </Show>
        </div>
      </div>
    </div>
  );
}

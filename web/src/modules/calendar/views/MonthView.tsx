import { For, createEffect, createSignal } from "solid-js";
import type { CalendarNav } from "../nav";
import { diffDays, formatDay, instantAt, parts, todayKey, viewDays, wallMinutes, type DayKey } from "../time";
import { visibleItems } from "../state";
import { moveEvent } from "../actions";
import { t } from "../i18n";
import { createMoveDrag } from "./drag";
import { onDayKey } from "./keys";
import { MonthCell } from "./MonthCell";
import { eventDays } from "./items";

/** Month view: weeks of day cells with their events; drag an event onto another day to move it. */
export function MonthView(props: { nav: CalendarNav }) {
  const days = () => viewDays("month", props.nav.date());
  const weeks = () => Array.from({ length: days().length / 7 }, (_, i) => days().slice(i * 7, i * 7 + 7));
  const month = () => parts(props.nav.date()).m0;
  const [over, setOver] = createSignal<DayKey | null>(null);
  const dayUnder = (x: number, y: number) => (document.elementFromPoint(x, y)?.closest("[data-day]") as HTMLElement | null)?.dataset.day ?? null;
  const mover = createMoveDrag((d) => {
    const target = dayUnder(d.x, d.y);
    setOver(null);
    if (!target) return;
    const delta = diffDays(eventDays(d.e)[0], target);
    if (!delta) return;
    const start = d.e.allDay ? Date.parse(d.e.start) + delta * 86_400_000 : instantAt(target, wallMinutes(d.e.start));
    void moveEvent(d.e, start, delta);
  });
  createEffect(() => {
    const d = mover.drag();
    setOver(d?.moved ? dayUnder(d.x, d.y) : null);
  });
  const tracking = () => (mover.drag()?.moved ? mover.drag()!.e.occurrenceId : null);
  return (
    <div class="flex min-h-0 flex-1 flex-col overflow-auto bg-surface" data-testid="cal-month" onKeyDown={(ev) => onDayKey(props.nav, ev, (k) => props.nav.go("day", k))}>
      <p class="sr-only">{t("gridHelp")}</p>
      <div class="grid grid-cols-7 border-b border-line text-center text-[11.5px] font-medium uppercase tracking-wide text-muted" aria-hidden="true">
        <For each={weeks()[0]}>{(k) => <div class="py-1.5">{formatDay(k, { weekday: "short" })}</div>}</For>
      </div>
      <div role="grid" aria-label={formatDay(props.nav.date(), { month: "long", year: "numeric" })} class="grid min-h-[30rem] flex-1" style={{ "grid-template-rows": `repeat(${weeks().length}, minmax(6.5rem, 1fr))` }}>
        <For each={weeks()}>
          {(week) => (
            <div role="row" class="grid grid-cols-7 border-b border-line last:border-b-0">
              <For each={week}>
                {(key) => (
                  <MonthCell
                    key={key}
                    nav={props.nav}
                    outside={parts(key).m0 !== month()}
                    today={key === todayKey()}
                    focused={key === props.nav.date()}
                    dropTarget={over() === key && tracking() !== null}
                    items={visibleItems()}
                    draggingId={tracking()}
                    onPointerDown={(ev, e) => mover.start(ev, e)}
                    swallow={mover.swallow}
                  />
                )}
              </For>
            </div>
          )}
        </For>
      </div>
    </div>
  );
}

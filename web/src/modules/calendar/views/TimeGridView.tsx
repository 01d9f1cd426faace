import { For, createSignal, onCleanup, onMount } from "solid-js";
import type { CalendarNav } from "../nav";
import { formatDay, formatHour, todayKey, type DayKey, addDays, dayOf, instantAt, wallMinutes } from "../time";
import { visibleItems } from "../state";
import { moveEvent } from "../actions";
import { t } from "../i18n";
import { createMoveDrag, type MoveDrag } from "./drag";
import { onDayKey } from "./keys";
import { DayColumn } from "./DayColumn";
import { AllDayRow } from "./AllDayRow";

export const HOUR_PX = 48;

/** Week and day views: day headers, the all-day row, and a scrolling 24-hour grid with one column per day. */
export function TimeGridView(props: { nav: CalendarNav; days: DayKey[] }) {
  let scroller!: HTMLDivElement;
  let columns!: HTMLDivElement;
  const [now, setNow] = createSignal(Date.now());
  onMount(() => {
    const today = props.days.includes(todayKey());
    const nowH = wallMinutes(Date.now()) / 60;
    scroller.scrollTop = (today && nowH > 9.5 ? Math.min(nowH - 2, 14) : 7.5) * HOUR_PX;
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    onCleanup(() => clearInterval(timer));
  });

  /** Where a drag would land: whole days sideways, quarter hours up and down. */
  const landing = (d: MoveDrag) => {
    const colWidth = columns.getBoundingClientRect().width / props.days.length;
    const startDay = dayOf(d.e.start);
    const idx = props.days.indexOf(startDay);
    let dayDelta = Math.round(d.dx / colWidth);
    if (idx >= 0) dayDelta = Math.max(-idx, Math.min(props.days.length - 1 - idx, dayDelta));
    const minDelta = Math.round(d.dy / (HOUR_PX / 60) / 15) * 15;
    return { dayDelta, minDelta, x: dayDelta * colWidth, y: minDelta * (HOUR_PX / 60) };
  };
  const mover = createMoveDrag((d) => {
    const l = landing(d);
    if (!l.dayDelta && !l.minDelta) return;
    const start = instantAt(addDays(dayOf(d.e.start), l.dayDelta), wallMinutes(d.e.start) + l.minDelta);
    void moveEvent(d.e, start, l.dayDelta);
  });
  const offset = () => {
    const d = mover.drag();
    return d?.moved ? { id: d.e.occurrenceId, ...landing(d) } : null;
  };

  const header = (key: DayKey) => (
    <button
      type="button"
      data-day-focus={key}
      tabindex={key === props.nav.date() ? 0 : -1}
      class={`flex min-w-0 flex-1 flex-col items-center border-l border-line py-1.5 text-[12px] hover:bg-subtle ${key === todayKey() ? "text-accent" : "text-muted"}`}
      onClick={() => props.nav.go("day", key)}
      aria-label={formatDay(key, { weekday: "long", day: "numeric", month: "long", year: "numeric" })}
      aria-current={key === todayKey() ? "date" : undefined}
    >
      <span class="uppercase tracking-wide">{formatDay(key, { weekday: "short" })}</span>
      <span class={`mt-0.5 flex h-7 min-w-7 items-center justify-center rounded-full px-1 text-[15px] font-semibold ${key === todayKey() ? "bg-accent text-accent-fg" : "text-fg"}`}>
        {formatDay(key, { day: "numeric" })}
      </span>
    </button>
  );

  return (
    <div
      class="flex min-h-0 flex-1 flex-col bg-surface"
      data-testid={`cal-${props.days.length === 1 ? "day" : "week"}`}
      onKeyDown={(ev) => onDayKey(props.nav, ev, (k) => (props.days.length === 1 ? undefined : props.nav.go("day", k)))}
    >
      <p class="sr-only">{t("gridHelp")}</p>
      <div class="flex overflow-hidden border-b border-line [scrollbar-gutter:stable]">
        <div class="w-16 shrink-0" />
        <For each={props.days}>{header}</For>
      </div>
      <AllDayRow days={props.days} items={visibleItems()} nav={props.nav} />
      <div ref={scroller} class="relative min-h-0 flex-1 overflow-y-auto [scrollbar-gutter:stable]">
        <div class="relative flex" style={{ height: `${24 * HOUR_PX}px` }}>
          <div class="relative w-16 shrink-0 select-none" aria-hidden="true">
            <For each={Array.from({ length: 23 }, (_, i) => i + 1)}>
              {(h) => (
                <div class="absolute right-2 -translate-y-1/2 text-[11px] text-muted" style={{ top: `${h * HOUR_PX}px` }}>
                  {formatHour(h)}
                </div>
              )}
            </For>
          </div>
          <div ref={columns} class="relative flex min-w-0 flex-1">
            <For each={props.days}>
              {(key) => <DayColumn key={key} items={visibleItems()} now={now()} mover={mover} offset={offset()} />}
            </For>
          </div>
        </div>
      </div>
    </div>
  );
}

import { For, Show, createMemo } from "solid-js";
import type { CalendarNav } from "../nav";
import type { CalEvent } from "../data";
import { formatDay, instantAt, type DayKey } from "../time";
import { openForm } from "../state";
import { t, tp } from "../i18n";
import { eventsOnDay } from "./items";
import { EventChip } from "./EventChip";

const MAX = 3;

/** One day of the month: its number (opens the day), up to three events, "+N more". Double-click adds an event. */
export function MonthCell(props: {
  key: DayKey;
  nav: CalendarNav;
  outside: boolean;
  today: boolean;
  focused: boolean;
  dropTarget: boolean;
  items: CalEvent[];
  draggingId: string | null;
  onPointerDown: (ev: PointerEvent, e: CalEvent) => void;
  swallow: () => boolean;
}) {
  const list = createMemo(() => eventsOnDay(props.items, props.key));
  const shown = () => list().slice(0, list().length > MAX + 1 ? MAX : MAX + 1);
  const hiddenCount = () => list().length - shown().length;
  const label = () => `${formatDay(props.key, { weekday: "long", day: "numeric", month: "long" })}${list().length ? `, ${list().length}` : ""}`;
  return (
    <div
      role="gridcell"
      data-day={props.key}
      data-day-focus={props.key}
      tabindex={props.focused ? 0 : -1}
      aria-label={label()}
      aria-selected={props.focused}
      class={`flex min-w-0 flex-col gap-0.5 border-l border-line p-1 outline-none first:border-l-0 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-[var(--k-focus)] ${props.outside ? "bg-subtle/50" : ""} ${props.dropTarget ? "bg-accent-soft" : ""}`}
      onDblClick={(ev) => {
        if (ev.target !== ev.currentTarget) return;
        const start = instantAt(props.key, 9 * 60);
        openForm({ mode: "create", start, end: start + 3_600_000 });
      }}
    >
      <div class="flex items-center justify-between">
        <button
          type="button"
          tabindex={-1}
          class={`flex h-6 min-w-6 items-center justify-center rounded-full px-1 text-[12.5px] font-medium hover:bg-subtle ${props.today ? "bg-accent text-accent-fg hover:bg-accent-hover" : props.outside ? "text-muted" : ""}`}
          onClick={() => props.nav.go("day", props.key)}
          aria-label={formatDay(props.key, { weekday: "long", day: "numeric", month: "long", year: "numeric" })}
        >
          {formatDay(props.key, { day: "numeric" })}
        </button>
      </div>
      <For each={shown()}>
        {(e) => (
          <EventChip
            e={e}
            dragging={props.draggingId === e.occurrenceId}
            onPointerDown={(ev) => props.onPointerDown(ev, e)}
            onOpen={() => !props.swallow() && props.nav.openEvent(e)}
          />
        )}
      </For>
      <Show when={hiddenCount() > 0}>
        <button type="button" class="rounded px-1.5 text-left text-[12px] font-medium text-muted hover:bg-subtle hover:text-fg" onClick={() => props.nav.go("day", props.key)}>
          {tp("more", hiddenCount())}
        </button>
      </Show>
      <span class="sr-only">{props.today ? t("today") : ""}</span>
    </div>
  );
}

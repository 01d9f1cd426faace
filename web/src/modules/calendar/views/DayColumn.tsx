import { For, Show, createMemo, createSignal } from "solid-js";
import { useCalendarNav } from "../nav";
import { openForm } from "../state";
import { instantAt, todayKey, wallMinutes, formatTimeOfDay, type DayKey } from "../time";
import type { CalEvent } from "../data";
import { layoutDay } from "../layout";
import { timedSegments } from "./items";
import { EventBlock } from "./EventBlock";
import type { createMoveDrag } from "./drag";

const SNAP = 15;
const HOURS_BG =
  "repeating-linear-gradient(to bottom, transparent 0, transparent calc(100% / 24 - 1px), var(--k-line) calc(100% / 24 - 1px), var(--k-line) calc(100% / 24))";

/** One day of the time grid: its events side by side, drag on empty time to create, the "now" line. */
export function DayColumn(props: {
  key: DayKey;
  items: CalEvent[];
  now: number;
  mover: ReturnType<typeof createMoveDrag>;
  offset: { id: string; x: number; y: number } | null;
}) {
  const nav = useCalendarNav();
  const placed = createMemo(() => layoutDay(timedSegments(props.items, props.key)));
  const [sel, setSel] = createSignal<{ top: number; bottom: number } | null>(null);
  let el!: HTMLDivElement;
  const minuteAt = (clientY: number, round: (n: number) => number = Math.floor) => {
    const r = el.getBoundingClientRect();
    return Math.max(0, Math.min(1440, round((((clientY - r.top) / r.height) * 1440) / SNAP) * SNAP));
  };

  // Drag on empty time: the selection runs from the pressed quarter hour to the one under the pointer;
  // a plain click proposes an hour.
  const down = (ev: PointerEvent) => {
    if (ev.button !== 0 || ev.target !== el) return;
    ev.preventDefault();
    const a = minuteAt(ev.clientY);
    setSel({ top: a, bottom: a + SNAP });
    let moved = false;
    const move = (m: PointerEvent) => {
      const p = minuteAt(m.clientY);
      const next = p >= a ? { top: a, bottom: Math.max(a + SNAP, minuteAt(m.clientY, Math.ceil)) } : { top: p, bottom: a + SNAP };
      moved = moved || next.top !== a || next.bottom !== a + SNAP;
      setSel(next);
    };
    const up = () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      const s = sel();
      setSel(null);
      if (!s) return;
      const to = moved ? s.bottom : Math.min(1440, s.top + 60);
      openForm({ mode: "create", start: instantAt(props.key, s.top), end: instantAt(props.key, to) });
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  };

  const selBox = sel;
  return (
    <div
      ref={el}
      data-day={props.key}
      class="relative min-w-0 flex-1 border-l border-line"
      style={{ "background-image": HOURS_BG }}
      onPointerDown={down}
    >
      <div class="pointer-events-none absolute inset-x-0 top-0 bg-subtle/60" style={{ height: `${(8 / 24) * 100}%` }} />
      <div class="pointer-events-none absolute inset-x-0 bottom-0 bg-subtle/60" style={{ height: `${(6 / 24) * 100}%` }} />
      <Show when={selBox()}>
        {(b) => (
          <div class="pointer-events-none absolute inset-x-1 z-10 rounded bg-accent/20 px-1.5 text-[11px] font-medium text-accent ring-1 ring-accent" style={{ top: `${(b().top / 1440) * 100}%`, height: `${((b().bottom - b().top) / 1440) * 100}%` }} data-testid="cal-selection">
            {formatTimeOfDay(instantAt(props.key, b().top))} – {formatTimeOfDay(instantAt(props.key, b().bottom))}
          </div>
        )}
      </Show>
      <For each={placed()}>
        {(p) => (
          <EventBlock
            p={p}
            dragging={props.offset?.id === p.item.e.occurrenceId}
            offset={props.offset?.id === p.item.e.occurrenceId ? props.offset : undefined}
            onPointerDown={(ev) => (ev.stopPropagation(), props.mover.start(ev, p.item.e))}
            onOpen={() => !props.mover.swallow() && nav.openEvent(p.item.e)}
          />
        )}
      </For>
      <Show when={props.key === todayKey()}>
        <div class="pointer-events-none absolute inset-x-0 z-20 border-t-2 border-danger" style={{ top: `${(wallMinutes(props.now) / 1440) * 100}%` }} aria-hidden="true">
          <span class="absolute -left-1 -top-[5px] h-2 w-2 rounded-full bg-danger" />
        </div>
      </Show>
    </div>
  );
}

import { Show } from "solid-js";
import { t } from "../i18n";
import { colorOf } from "../state";
import { formatTimeOfDay } from "../time";
import { eventLook, type Segment } from "./items";
import type { Placed } from "../layout";

/** A timed event in a day column, placed side by side with the events it overlaps. */
export function EventBlock(props: {
  p: Placed<Segment>;
  dragging: boolean;
  offset?: { x: number; y: number };
  onPointerDown: (ev: PointerEvent) => void;
  onOpen: () => void;
}) {
  const e = () => props.p.item.e;
  const look = () => eventLook(e(), colorOf(e()));
  const title = () => e().title ?? t("busy");
  const time = () => `${formatTimeOfDay(e().start)} – ${formatTimeOfDay(e().end)}`;
  const minutes = () => props.p.bottom - props.p.top;
  const tall = () => minutes() >= 45;
  const short = () => minutes() < 30;
  return (
    <button
      type="button"
      data-event={e().occurrenceId}
      data-title={title()}
      aria-label={`${title()}, ${time()}`}
      class={`absolute overflow-hidden rounded-[5px] border-l-[3px] px-1.5 text-left ${short() ? "py-0 text-[11px] leading-[13px]" : "py-0.5 text-[12px] leading-4"} shadow-sm ring-1 ring-surface transition-shadow hover:shadow-md focus-visible:z-20 ${look().class} ${props.dragging ? "z-30 cursor-grabbing opacity-90 shadow-lg" : e().details?.canEdit ? "cursor-grab" : ""}`}
      style={{
        ...look().style,
        top: `${(props.p.top / 1440) * 100}%`,
        height: `${(Math.max(minutes(), 15) / 1440) * 100}%`,
        left: `calc(${(props.p.col / props.p.cols) * 100}% + 1px)`,
        width: `calc(${(1 / props.p.cols) * 100}% - 3px)`,
        transform: props.offset ? `translate(${props.offset.x}px, ${props.offset.y}px)` : undefined,
        "touch-action": e().details?.canEdit ? "none" : undefined,
      }}
      onPointerDown={(ev) => props.onPointerDown(ev)}
      onClick={(ev) => {
        ev.stopPropagation();
        if (!props.dragging) props.onOpen();
      }}
    >
      <span class="block truncate font-semibold">
        {title()}
        <Show when={short() && minutes() >= 20}>
          <span class="font-normal opacity-80">, {formatTimeOfDay(e().start)}</span>
        </Show>
      </span>
      <Show when={tall()}>
        <span class="block truncate opacity-80">{time()}</span>
        <Show when={e().details?.location}>
          <span class="block truncate opacity-80">{e().details!.location}</span>
        </Show>
      </Show>
    </button>
  );
}

import { Show } from "solid-js";
import { t } from "../i18n";
import { colorOf } from "../state";
import { formatTimeOfDay } from "../time";
import { isAllDayLike, type CalEvent } from "../data";
import { eventLook } from "./items";

/** A one-line event (month cells, the all-day row): colour, time for timed events, title. */
export function EventChip(props: {
  e: CalEvent;
  showTime?: boolean;
  class?: string;
  style?: Record<string, string>;
  dragging?: boolean;
  onPointerDown?: (ev: PointerEvent) => void;
  onOpen: () => void;
}) {
  const look = () => eventLook(props.e, colorOf(props.e));
  const title = () => props.e.title ?? t("busy");
  const time = () => (isAllDayLike(props.e) ? "" : formatTimeOfDay(props.e.start));
  return (
    <button
      type="button"
      data-event={props.e.occurrenceId}
      data-title={title()}
      aria-label={time() ? `${time()} ${title()}` : `${title()}, ${t("allDay")}`}
      class={`flex w-full min-w-0 items-center gap-1 rounded-[4px] border-l-[3px] px-1.5 text-left text-[12px] leading-[18px] hover:brightness-95 ${look().class} ${props.dragging ? "opacity-50" : ""} ${props.e.details?.canEdit ? "cursor-grab" : ""} ${props.class ?? ""}`}
      style={{ ...look().style, ...props.style, "touch-action": props.onPointerDown && props.e.details?.canEdit ? "none" : undefined }}
      onPointerDown={(ev) => props.onPointerDown?.(ev)}
      onClick={(ev) => (ev.stopPropagation(), props.onOpen())}
    >
      <Show when={props.showTime !== false && time()}>
        <span class="shrink-0 tabular-nums opacity-75">{time()}</span>
      </Show>
      <span class="truncate font-medium">{title()}</span>
    </button>
  );
}

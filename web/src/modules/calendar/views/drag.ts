import { createSignal, onCleanup } from "solid-js";
import type { CalEvent } from "../data";

/** Pointer drags on the calendar: a few pixels decide between a click and a drag. */
export const DRAG_THRESHOLD = 4;

export interface MoveDrag {
  e: CalEvent;
  x0: number;
  y0: number;
  dx: number;
  dy: number;
  x: number;
  y: number;
  moved: boolean;
}

/** A drag of an event (pointer events on the window), with the click that follows a real drag swallowed. */
export function createMoveDrag(onDrop: (d: MoveDrag) => void) {
  const [drag, setDrag] = createSignal<MoveDrag | null>(null);
  let swallowClick = false;
  const move = (ev: PointerEvent) => {
    const d = drag();
    if (!d) return;
    const dx = ev.clientX - d.x0;
    const dy = ev.clientY - d.y0;
    setDrag({ ...d, dx, dy, x: ev.clientX, y: ev.clientY, moved: d.moved || Math.abs(dx) > DRAG_THRESHOLD || Math.abs(dy) > DRAG_THRESHOLD });
  };
  const stop = () => {
    window.removeEventListener("pointermove", move);
    window.removeEventListener("pointerup", up);
    window.removeEventListener("pointercancel", cancel);
  };
  const up = () => {
    stop();
    const d = drag();
    setDrag(null);
    if (!d?.moved) return;
    swallowClick = true;
    setTimeout(() => (swallowClick = false), 0);
    onDrop(d);
  };
  const cancel = () => (stop(), setDrag(null));
  onCleanup(stop);
  return {
    drag,
    start(ev: PointerEvent, e: CalEvent) {
      if (ev.button !== 0 || !e.details?.canEdit || e.status === "cancelled") return;
      ev.preventDefault();
      setDrag({ e, x0: ev.clientX, y0: ev.clientY, dx: 0, dy: 0, x: ev.clientX, y: ev.clientY, moved: false });
      window.addEventListener("pointermove", move);
      window.addEventListener("pointerup", up);
      window.addEventListener("pointercancel", cancel);
    },
    /** True right after a drag ended: the click that follows is not an "open". */
    swallow: () => swallowClick,
  };
}

import type { CalendarNav } from "../nav";
import { addDays, step, todayKey, type DayKey } from "../time";

const MOVES: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/** Focuses the element standing for a day (roving tabindex: data-day-focus). */
export function focusDay(key: DayKey) {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-day-focus="${key}"]`)?.focus());
}

/**
 * Keyboard on a day (a month cell or a week's day header): arrows move by days and weeks, Page Up/Down
 * by periods, Home to today, Enter opens. The focused day is the URL's date, so the view follows it.
 */
export function onDayKey(nav: CalendarNav, ev: KeyboardEvent, onEnter: (key: DayKey) => void) {
  const target = ev.target as HTMLElement;
  if (!target.dataset.dayFocus || ev.altKey || ev.ctrlKey || ev.metaKey) return;
  let next: DayKey | null = null;
  if (ev.key in MOVES) next = addDays(nav.date(), MOVES[ev.key]);
  else if (ev.key === "PageUp" || ev.key === "PageDown") next = step(nav.view(), nav.date(), ev.key === "PageUp" ? -1 : 1);
  else if (ev.key === "Home") next = todayKey();
  else if (ev.key === "Enter" || ev.key === " ") {
    ev.preventDefault();
    onEnter(target.dataset.dayFocus);
    return;
  } else return;
  ev.preventDefault();
  nav.setDate(next);
  focusDay(next);
}

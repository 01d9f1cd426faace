import { Match, Switch, createEffect, on, type JSX } from "solid-js";
import { useNavigate, useSearchParams } from "@solidjs/router";
import { Toolbar } from "./Toolbar";
import { CalendarList } from "./CalendarList";
import { MonthView } from "./views/MonthView";
import { TimeGridView } from "./views/TimeGridView";
import { AgendaView } from "./views/AgendaView";
import { EventForm } from "./form/EventForm";
import { ScopeDialog } from "./ScopeDialog";
import { useCalendarNav } from "./nav";
import { loadRange, loading, openForm } from "./state";
import { addDays, dayOf, dayStart, instantAt, isoWithOffset, todayKey, viewDays, wallMinutes } from "./time";
import { getEvent } from "./data";
import { t } from "./i18n";

/** The calendar screen: toolbar, calendar list, the chosen view; the event panel opens over it (child route). */
export function CalendarView(props: { children?: JSX.Element }) {
  const nav = useCalendarNav();
  const [params] = useSearchParams<{ event?: string }>();
  const navigate = useNavigate();
  const days = () => viewDays(nav.view(), nav.date());
  // One day more on each side: all-day events are UTC dates and may lie across the viewer's midnight.
  const range = () => ({ from: isoWithOffset(dayStart(addDays(days()[0], -1))), to: isoWithOffset(dayStart(addDays(days()[days().length - 1], 2))) });
  createEffect(on(() => `${range().from}|${range().to}`, () => void loadRange(range().from, range().to)));

  // Notifications link to /calendar?event=<id>: open the panel (also when the calendar is already open).
  createEffect(() => {
    const id = params.event;
    if (!id) return;
    const open = (date: string) => navigate(`/calendar/event/${encodeURIComponent(id)}?view=${nav.view()}&date=${date}`, { replace: true });
    getEvent(id).then((e) => open(e.allDay ? e.start.slice(0, 10) : dayOf(e.start)), () => open(nav.date()));
  });

  const newEvent = () => {
    const now = Date.now();
    const key = nav.date();
    const minutes = key === todayKey() ? Math.min(Math.ceil((wallMinutes(now) + 1) / 60) * 60, 23 * 60) : 9 * 60;
    const start = instantAt(key, minutes);
    openForm({ mode: "create", start, end: start + 3_600_000 });
  };

  return (
    <div class="flex h-full flex-col" data-testid="calendar">
      <Toolbar nav={nav} onNew={newEvent} />
      <div class="flex min-h-0 flex-1">
        <aside class="hidden w-52 shrink-0 overflow-y-auto border-r border-line bg-surface lg:block">
          <CalendarList />
        </aside>
        <section class="relative flex min-w-0 flex-1 flex-col" aria-busy={loading()} aria-label={t("title")}>
          <Switch>
            <Match when={nav.view() === "month"}>
              <MonthView nav={nav} />
            </Match>
            <Match when={nav.view() === "week" || nav.view() === "day"}>
              <TimeGridView nav={nav} days={days()} />
            </Match>
            <Match when={nav.view() === "agenda"}>
              <AgendaView nav={nav} days={days()} onNew={newEvent} />
            </Match>
          </Switch>
        </section>
      </div>
      {props.children}
      <EventForm />
      <ScopeDialog />
    </div>
  );
}

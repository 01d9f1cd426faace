import { useLocation, useNavigate, useSearchParams } from "@solidjs/router";
import { todayKey, type DayKey, type ViewName } from "./time";
import type { CalEvent } from "./data";

const VIEWS: ViewName[] = ["month", "week", "day", "agenda"];
const VIEW_KEY = "kontor.calendar.view";

function storedView(): ViewName {
  try {
    const v = localStorage.getItem(VIEW_KEY) as ViewName;
    return VIEWS.includes(v) ? v : "week";
  } catch {
    return "week";
  }
}

/** The view and the focused day live in the URL (?view=week&date=2030-01-07), so a reload keeps them. */
export function useCalendarNav() {
  const [params, setParams] = useSearchParams<{ view?: string; date?: string; occurrence?: string }>();
  const navigate = useNavigate();
  const location = useLocation();
  const view = (): ViewName => (VIEWS.includes(params.view as ViewName) ? (params.view as ViewName) : storedView());
  const date = (): DayKey => (/^\d{4}-\d\d-\d\d$/.test(params.date ?? "") ? params.date! : todayKey());
  const keep = () => `view=${view()}&date=${date()}`;
  return {
    view,
    date,
    occurrence: () => params.occurrence ?? null,
    setView(v: ViewName) {
      try {
        localStorage.setItem(VIEW_KEY, v);
      } catch {
        /* storage may be off */
      }
      setParams({ view: v }, { replace: true });
    },
    setDate: (d: DayKey) => setParams({ date: d, view: view() }, { replace: true }),
    go: (v: ViewName, d: DayKey) => setParams({ view: v, date: d }),
    openEvent(e: Pick<CalEvent, "id" | "start" | "seriesId" | "details">) {
      const occ = e.details?.rrule ? `&occurrence=${encodeURIComponent(e.start)}` : "";
      navigate(`/calendar/event/${encodeURIComponent(e.id)}?${keep()}${occ}`);
    },
    closePanel: () => navigate(`/calendar?${keep()}`),
    settingsHref: () => `/calendar/settings?${keep()}`,
    calendarHref: () => `/calendar?${keep()}`,
    inPanel: () => location.pathname.startsWith("/calendar/event/"),
  };
}
export type CalendarNav = ReturnType<typeof useCalendarNav>;

// The calendar module's screens, one lazy chunk (see TenantApp.tsx).
export { Calendar } from "./Calendar";
export { CalendarView } from "./CalendarView";
export { EventPanel } from "./panel/EventPanel";
export { CalendarSettings } from "./settings/Settings";

import { A } from "@solidjs/router";
import ArrowLeft from "lucide-solid/icons/arrow-left";
import { createSignal } from "solid-js";
import { useCalendarNav } from "../nav";
import { createLoader } from "../loader";
import { api, call } from "../../../lib/api";
import type { Cal } from "../data";
import { t } from "../i18n";
import { SenderSection } from "./SenderSection";
import { FeedSection } from "./FeedSection";
import { ImportSection } from "./ImportSection";

/** Calendar settings: where invitations come from, feed links for other apps, .ics import. */
export function CalendarSettings() {
  const nav = useCalendarNav();
  const [version, setVersion] = createSignal(0);
  const cals = createLoader(version, async () => (await call(api.calendar.calendars.$get())).items as unknown as Cal[]);
  return (
    <div class="min-h-full bg-bg" data-testid="calendar-settings">
      <div class="flex items-center gap-3 border-b border-line bg-surface px-4 py-3 md:px-6">
        <A href={nav.calendarHref()} class="inline-flex h-8 w-8 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-fg" aria-label={t("backToCalendar")} title={t("backToCalendar")}>
          <ArrowLeft size={18} />
        </A>
        <h1 class="text-lg font-semibold tracking-tight">{t("settingsTitle")}</h1>
      </div>
      <div class="mx-auto max-w-3xl space-y-4 p-4 md:p-6">
        <SenderSection />
        <FeedSection calendars={cals.value() ?? []} onChanged={() => setVersion((v) => v + 1)} />
        <ImportSection calendars={cals.value() ?? []} />
      </div>
    </div>
  );
}

import { For, Show } from "solid-js";
import CalendarDays from "lucide-solid/icons/calendar-days";
import MapPin from "lucide-solid/icons/map-pin";
import Lock from "lucide-solid/icons/lock";
import type { CalendarNav } from "../nav";
import { isAllDayLike } from "../data";
import { calendarOf, colorOf, data, visibleItems } from "../state";
import { AGENDA_DAYS, formatDay, formatTimeOfDay, todayKey, type DayKey } from "../time";
import { EmptyState } from "../../../ui/EmptyState";
import { Button } from "../../../ui/Button";
import { t } from "../i18n";
import { eventsOnDay } from "./items";

/** Agenda: the next days as a list, grouped by day; only days with events. */
export function AgendaView(props: { nav: CalendarNav; days: DayKey[]; onNew: () => void }) {
  const groups = () => props.days.map((key) => ({ key, items: eventsOnDay(visibleItems(), key) })).filter((g) => g.items.length);
  return (
    <div class="min-h-0 flex-1 overflow-y-auto bg-bg p-3 md:p-5" data-testid="cal-agenda">
      <Show when={data()}>
        <Show
          when={groups().length}
          fallback={
            <div class="k-card mx-auto max-w-3xl">
              <EmptyState icon={<CalendarDays size={22} />} title={t("noEventsTitle")} text={t("noEventsText", { n: AGENDA_DAYS })} action={<Button variant="primary" onClick={props.onNew}>{t("newEvent")}</Button>} />
            </div>
          }
        >
          <div class="mx-auto max-w-3xl space-y-3">
            <For each={groups()}>
              {(g) => (
                <section class="k-card overflow-hidden" aria-label={formatDay(g.key, { weekday: "long", day: "numeric", month: "long" })}>
                  <h3 class={`border-b border-line bg-subtle/50 px-4 py-2 text-[13px] font-semibold ${g.key === todayKey() ? "text-accent" : ""}`}>
                    {formatDay(g.key, { weekday: "long", day: "numeric", month: "long", year: "numeric" })}
                  </h3>
                  <ul class="divide-y divide-line">
                    <For each={g.items}>
                      {(e) => (
                        <li>
                          <button type="button" class="flex w-full items-start gap-3 px-4 py-2.5 text-left hover:bg-subtle" data-event={e.occurrenceId} onClick={() => props.nav.openEvent(e)}>
                            <span class="w-28 shrink-0 pt-px text-[12.5px] tabular-nums text-muted">
                              {isAllDayLike(e) ? t("allDay") : `${formatTimeOfDay(e.start)} – ${formatTimeOfDay(e.end)}`}
                            </span>
                            <span class="mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: colorOf(e) }} aria-hidden="true" />
                            <span class="min-w-0 flex-1">
                              <span class={`block truncate font-medium ${e.details?.myStatus === "declined" ? "line-through opacity-60" : ""}`}>
                                {e.title ?? t("busy")}
                                <Show when={!e.details}>
                                  <Lock size={12} class="ml-1 inline text-muted" />
                                </Show>
                              </span>
                              <span class="flex flex-wrap gap-x-3 text-[12px] text-muted">
                                <Show when={e.details?.location}>
                                  <span class="inline-flex items-center gap-1">
                                    <MapPin size={12} /> {e.details!.location}
                                  </span>
                                </Show>
                                <span>{calendarOf(e.calendarId)?.name ?? ""}</span>
                              </span>
                            </span>
                          </button>
                        </li>
                      )}
                    </For>
                  </ul>
                </section>
              )}
            </For>
          </div>
        </Show>
      </Show>
    </div>
  );
}

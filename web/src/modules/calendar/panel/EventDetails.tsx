import { For, Show, type JSX } from "solid-js";
import Clock from "lucide-solid/icons/clock";
import Repeat from "lucide-solid/icons/repeat";
import MapPin from "lucide-solid/icons/map-pin";
import CalendarIcon from "lucide-solid/icons/calendar";
import Bell from "lucide-solid/icons/bell";
import Paperclip from "lucide-solid/icons/paperclip";
import Flag from "lucide-solid/icons/flag";
import Lock from "lucide-solid/icons/lock";
import { formatBytes } from "../../../lib/format";
import type { CalEvent } from "../data";
import { calendarOf } from "../state";
import { formatDay, formatTimeOfDay, formatWhen, tz, utcDayOf, addDays, dayOf } from "../time";
import { reminderLabel } from "../form/reminders";
import { t } from "../i18n";
import { repeatText } from "./repeatText";
import { People } from "./People";

function Row(props: { icon: JSX.Element; label: string; children: JSX.Element }) {
  return (
    <div class="flex gap-3 py-1.5">
      <span class="mt-0.5 text-muted" title={props.label} aria-hidden="true">
        {props.icon}
      </span>
      <div class="min-w-0 flex-1">
        <span class="sr-only">{props.label}: </span>
        {props.children}
      </div>
    </div>
  );
}

/** Every field of an event the viewer may see, times in their own zone (and the event's, when it differs). */
export function EventDetails(props: { event: CalEvent; start: number; end: number }) {
  const d = () => props.event.details!;
  const when = () => {
    const e = props.event;
    if (e.allDay) {
      const a = utcDayOf(new Date(props.start).toISOString());
      const b = addDays(utcDayOf(new Date(props.end).toISOString()), -1);
      const f = (k: string) => formatDay(k, { weekday: "short", day: "numeric", month: "long", year: "numeric" });
      return b > a ? `${f(a)} – ${f(b)}` : `${f(a)} · ${t("allDay")}`;
    }
    const sameDay = dayOf(props.end - 1) === dayOf(props.start);
    return `${formatWhen(props.start)} – ${sameDay ? formatTimeOfDay(props.end) : formatWhen(props.end)}`;
  };
  const otherZone = () => !props.event.allDay && props.event.timeZone !== tz();
  return (
    <div class="space-y-1 px-4 py-3 md:px-5">
      <Row icon={<Clock size={16} />} label={t("panel.when")}>
        <p data-testid="panel-when">{when()}</p>
        <Show when={otherZone()}>
          <p class="text-[12px] text-muted">{t("panel.eventZone", { zone: props.event.timeZone.replace(/_/g, " "), when: formatWhen(props.start, props.event.timeZone) })}</p>
        </Show>
      </Row>
      <Show when={d().rrule}>
        <Row icon={<Repeat size={16} />} label={t("panel.repeats")}>
          {repeatText(d().rrule)}
        </Row>
      </Show>
      <Show when={d().location}>
        <Row icon={<MapPin size={16} />} label={t("panel.where")}>
          <span data-testid="panel-location">{d().location}</span>
        </Row>
      </Show>
      <Show when={calendarOf(props.event.calendarId)}>
        {(cal) => (
          <Row icon={<CalendarIcon size={16} />} label={t("panel.calendar")}>
            <span class="inline-flex items-center gap-1.5">
              <span class="h-2.5 w-2.5 rounded-full" style={{ background: cal().color }} />
              {cal().name}
            </span>
          </Row>
        )}
      </Show>
      <Show when={d().reminders.length}>
        <Row icon={<Bell size={16} />} label={t("panel.reminders")}>
          {d().reminders.map(reminderLabel).join(", ")}
        </Row>
      </Show>
      <Show when={d().importance !== "normal" || props.event.privacy === "private"}>
        <Row icon={props.event.privacy === "private" ? <Lock size={16} /> : <Flag size={16} />} label={t("panel.importance")}>
          {[d().importance !== "normal" ? `${t("panel.importance")}: ${t(`importance.${d().importance}`)}` : "", props.event.privacy === "private" ? t("privacy.private") : ""].filter(Boolean).join(" · ")}
        </Row>
      </Show>
      <Show when={d().description}>
        <div class="whitespace-pre-wrap border-t border-line py-3 leading-6">{d().description}</div>
      </Show>
      <Show when={d().attachments.length}>
        <Row icon={<Paperclip size={16} />} label={t("panel.attachments")}>
          <ul class="space-y-0.5">
            <For each={d().attachments}>
              {(a) => (
                <li>
                  <a class="text-accent hover:underline" href={`/api/v1/calendar/events/${encodeURIComponent(props.event.id)}/attachments/${encodeURIComponent(a.id)}`} download={a.name}>
                    {a.name}
                  </a>
                  <span class="ml-1.5 text-[12px] text-muted">{formatBytes(a.size)}</span>
                </li>
              )}
            </For>
          </ul>
        </Row>
      </Show>
      <div class="border-t border-line pt-3">
        <People details={d()} />
      </div>
      <Show when={d().guests.length}>
        <p class="pt-2 text-[12px] text-muted">
          {[d().options.notifyOnDecision ? t("panel.notifyOnDecision") : "", d().options.guestsSeeAttendees ? t("panel.guestsSeeAttendees") : ""].filter(Boolean).join(" · ")}
        </p>
      </Show>
    </div>
  );
}

import { For, Show } from "solid-js";
import Mail from "lucide-solid/icons/mail";
import { Avatar } from "../../../ui/Avatar";
import { Badge } from "../../../ui/Badge";
import type { Details } from "../data";
import { t } from "../i18n";

const tone = (s: string) => (s === "accepted" ? "success" : s === "declined" ? "danger" : s === "maybe" ? "warning" : "neutral") as "success" | "danger" | "warning" | "neutral";

/** Attendees and e-mail guests with their answers; guests highlighted as in the reference flow. */
export function People(props: { details: Details }) {
  return (
    <div class="space-y-3">
      <Show when={props.details.attendees.length}>
        <div>
          <h3 class="mb-1 text-[12px] font-semibold uppercase tracking-wide text-muted">{t("panel.attendees")}</h3>
          <ul class="divide-y divide-line rounded-md border border-line" data-testid="panel-attendees">
            <For each={props.details.attendees}>
              {(a) => (
                <li class="flex items-center gap-2.5 px-3 py-2" data-attendee={a.name}>
                  <Avatar id={a.userId} name={a.name} size="xs" />
                  <span class="min-w-0 flex-1 truncate">
                    {a.name}
                    <Show when={a.userId === props.details.organizerId}>
                      <span class="ml-1.5 text-[12px] text-muted">({t("panel.organizer")})</span>
                    </Show>
                  </span>
                  <Badge tone={tone(a.status)}>{t(`statuses.${a.status as "pending"}`)}</Badge>
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
      <Show when={props.details.guests.length}>
        <div>
          <h3 class="mb-1 text-[12px] font-semibold uppercase tracking-wide text-muted">{t("panel.guests")}</h3>
          <ul class="divide-y divide-warning/20 rounded-md border border-warning/40 bg-warning-soft" data-testid="panel-guests">
            <For each={props.details.guests}>
              {(g) => (
                <li class="flex items-center gap-2.5 px-3 py-2" data-guest={g.email} data-status={g.status}>
                  <span class="inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-warning/20 text-warning" aria-hidden="true">
                    <Mail size={13} />
                  </span>
                  <span class="min-w-0 flex-1">
                    <span class="block truncate">{`${g.firstName} ${g.lastName}`.trim()}</span>
                    <span class="block truncate text-[12px] text-muted">
                      {g.email}
                      <Show when={!g.invited}> · {t("panel.notInvitedYet")}</Show>
                    </span>
                  </span>
                  <Badge tone={tone(g.status)}>{t(`statuses.${g.status as "pending"}`)}</Badge>
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
    </div>
  );
}

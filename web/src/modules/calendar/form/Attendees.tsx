import { For, Show, createSignal } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import X from "lucide-solid/icons/x";
import Mail from "lucide-solid/icons/mail";
import MailPlus from "lucide-solid/icons/mail-plus";
import { me } from "../../../lib/session";
import { Avatar } from "../../../ui/Avatar";
import { Toggle } from "../../../ui/Toggle";
import { t } from "../i18n";
import { PeopleSearch } from "./PeopleSearch";
import { GuestForm } from "./GuestForm";
import type { FormState } from "./model";

const chip = "inline-flex h-7 items-center gap-1.5 rounded-full border pl-1 pr-1.5 text-[12.5px]";

/** Colleagues and e-mail guests; guests are highlighted in yellow and only invited when the event is saved. */
export function Attendees(props: { state: FormState; set: SetStoreFunction<FormState>; organizer?: { id: string; name: string } }) {
  const [guestOpen, setGuestOpen] = createSignal(false);
  const [said, setSaid] = createSignal("");
  const organizer = () => props.organizer ?? { id: me()!.user.id, name: me()!.user.name };
  return (
    <div class="space-y-2" data-testid="attendees">
      <div class="flex flex-wrap gap-1.5" aria-label={t("form.attendees")} role="list">
        <span role="listitem" class={`${chip} border-line bg-subtle`}>
          <Avatar id={organizer().id} name={organizer().name} size="xs" />
          {organizer().name} <span class="text-muted">({t("form.organizer")})</span>
        </span>
        <For each={props.state.attendees}>
          {(a) => (
            <span role="listitem" class={`${chip} border-line bg-surface`} data-attendee={a.name}>
              <Avatar id={a.id} name={a.name} hasPhoto={a.hasPhoto} size="xs" />
              {a.name}
              <button type="button" class="rounded-full p-0.5 text-muted hover:bg-subtle" aria-label={t("form.removeAttendee", { name: a.name })} onClick={() => props.set("attendees", (l) => l.filter((x) => x.id !== a.id))}>
                <X size={12} />
              </button>
            </span>
          )}
        </For>
        <For each={props.state.guests}>
          {(g) => (
            <span role="listitem" class={`${chip} border-warning/50 bg-warning-soft`} data-guest={g.email} title={g.email}>
              <span class="inline-flex h-5 w-5 items-center justify-center rounded-full bg-warning/20 text-warning">
                <Mail size={11} />
              </span>
              {`${g.firstName} ${g.lastName}`.trim()} <span class="text-muted">{g.email}</span>
              <button type="button" class="rounded-full p-0.5 text-muted hover:bg-warning/20" aria-label={t("form.removeAttendee", { name: g.email })} onClick={() => props.set("guests", (l) => l.filter((x) => x.email !== g.email))}>
                <X size={12} />
              </button>
            </span>
          )}
        </For>
      </div>
      <PeopleSearch exclude={[organizer().id, ...props.state.attendees.map((a) => a.id)]} onAdd={(p) => props.set("attendees", (l) => [...l, p])} />
      <Show
        when={guestOpen()}
        fallback={
          <button type="button" class="inline-flex items-center gap-1.5 text-[13px] font-medium text-accent hover:underline" onClick={() => setGuestOpen(true)} data-testid="invite-guest">
            <MailPlus size={15} /> {t("form.inviteGuest")}
          </button>
        }
      >
        <GuestForm
          taken={props.state.guests.map((g) => g.email)}
          onAdd={(g) => (props.set("guests", (l) => [...l, g]), setSaid(t("form.guestAdded", { name: `${g.firstName} ${g.lastName}`.trim() })))}
          onClose={() => setGuestOpen(false)}
        />
      </Show>
      <p class="sr-only" role="status">
        {said()}
      </p>
      <Show when={props.state.guests.length}>
        <div class="space-y-2 rounded-md border border-line p-3">
          <p class="text-[12px] text-muted">{t("form.guestNote")}</p>
          <Toggle label={t("form.notifyOnDecision")} checked={props.state.notifyOnDecision} onChange={(v) => props.set("notifyOnDecision", v)} testId="opt-notify" />
          <Toggle label={t("form.guestsSeeAttendees")} checked={props.state.guestsSeeAttendees} onChange={(v) => props.set("guestsSeeAttendees", v)} testId="opt-see" />
        </div>
      </Show>
    </div>
  );
}

import { Show, createSignal } from "solid-js";
import { useParams } from "@solidjs/router";
import Pencil from "lucide-solid/icons/pencil";
import Ban from "lucide-solid/icons/ban";
import { Button } from "../../../ui/Button";
import { ListSkeleton } from "../../../ui/Skeleton";
import { EmptyState } from "../../../ui/EmptyState";
import { useCalendarNav } from "../nav";
import { getEvent, type Scope } from "../data";
import { scopeFor } from "../actions";
import { me } from "../../../lib/session";
import { colorOf, openForm, tick } from "../state";
import { createLoader } from "../loader";
import { Slider } from "../Slider";
import { t } from "../i18n";
import { EventDetails } from "./EventDetails";
import { RespondBar } from "./RespondBar";
import { CancelEvent } from "./CancelEvent";

/** The event's side panel, with its own URL (/calendar/event/:id?occurrence=…); live answers appear in place. */
export function EventPanel() {
  const params = useParams<{ id: string }>();
  const nav = useCalendarNav();
  const ev = createLoader(() => `${params.id}|${tick()}`, () => getEvent(params.id));
  const [cancelling, setCancelling] = createSignal(false);
  const event = () => ev.value();
  // A series shows the occurrence that was opened: same duration, its own start.
  const start = () => (nav.occurrence() ? Date.parse(nav.occurrence()!) : Date.parse(event()!.start));
  const end = () => start() + Date.parse(event()!.end) - Date.parse(event()!.start);
  const canAnswer = () => {
    const d = event()?.details;
    return Boolean(d && d.myStatus !== null && d.organizerId !== me()?.user.id && event()!.status !== "cancelled");
  };
  const [scope, setScope] = createSignal<Scope | undefined>();
  const startCancel = async () => {
    const s = await scopeFor(event()!, "cancel");
    if (s === null) return;
    setScope(s);
    setCancelling(true);
  };
  const title = () => (
    <span class="flex min-w-0 items-center gap-2">
      <Show when={event()}>
        <span class="h-3 w-3 shrink-0 rounded-full" style={{ background: colorOf(event()!) }} aria-hidden="true" />
      </Show>
      <span class="truncate" data-testid="panel-title">
        {event() ? (event()!.title ?? t("busy")) : ""}
      </span>
    </span>
  );
  return (
    <Slider
      open
      onClose={() => nav.closePanel()}
      label={event()?.title ?? t("title")}
      title={title()}
      testId="event-panel"
      actions={
        <Show when={event()?.details?.canEdit && event()!.status !== "cancelled"}>
          <Button size="sm" onClick={() => openForm({ mode: "edit", eventId: params.id, occurrence: nav.occurrence() })} data-testid="panel-edit">
            <Pencil size={14} /> {t("panel.edit")}
          </Button>
          <Button size="sm" variant="dangerGhost" onClick={startCancel} title={t("panel.cancelEvent")} data-testid="panel-cancel">
            <Ban size={15} /> <span class="hidden sm:inline">{t("panel.cancelEvent")}</span>
          </Button>
        </Show>
      }
    >
      <Show when={event()} fallback={<Show when={ev.error()} fallback={<ListSkeleton rows={4} />}><EmptyState title={t("panel.notFound")} /></Show>}>
        <Show when={event()!.details} fallback={<p class="p-5 text-muted">{t("panel.privateText")}</p>}>
          <Show when={canAnswer()}>
            <div class="border-b border-line px-4 py-3 md:px-5">
              <RespondBar event={event()!} onAnswered={(e) => ev.setValue(() => e)} />
            </div>
          </Show>
          <EventDetails event={event()!} start={start()} end={end()} />
        </Show>
      </Show>
      <CancelEvent open={cancelling()} event={event()} scope={scope()} occurrence={nav.occurrence() ?? event()?.start} onClose={() => setCancelling(false)} onDone={() => nav.closePanel()} />
    </Slider>
  );
}

import { Match, Show, Switch } from "solid-js";
import { ListSkeleton } from "../../../ui/Skeleton";
import { EmptyState } from "../../../ui/EmptyState";
import { errorText } from "../../../lib/toast";
import { closeForm, data, formRequest, type FormRequest } from "../state";
import { getEvent } from "../data";
import { createLoader } from "../loader";
import { Slider } from "../Slider";
import { t } from "../i18n";
import { blankState, stateOf } from "./model";
import { FormSession } from "./FormSession";

/** The event form in a wide side panel: a new event (prefilled from the view) or an existing one. */
export function EventForm() {
  return (
    <Show when={formRequest()} keyed>
      {(r) => <Loaded request={r} />}
    </Show>
  );
}

function Loaded(props: { request: FormRequest }) {
  const r = props.request;
  const original = createLoader(() => (r.mode === "edit" ? r.eventId : null), getEvent);
  const defaultCalendar = () => {
    const cals = data()?.calendars ?? [];
    return (r.mode === "create" && r.calendarId) || cals.find((c) => c.kind === "personal" && c.access === "owner")?.id || cals[0]?.id || "";
  };
  return (
    <Switch>
      <Match when={r.mode === "create"}>
        <FormSession request={r} original={null} initial={r.mode === "create" ? blankState(r.start, r.end, Boolean(r.allDay), defaultCalendar()) : (null as never)} />
      </Match>
      <Match when={original.value()}>
        {(ev) => <FormSession request={r} original={ev()} initial={stateOf(ev(), r.mode === "edit" ? r.occurrence : null)} />}
      </Match>
      <Match when={true}>
        <Slider open wide onClose={closeForm} label={t("form.editTitle")} title={t("form.editTitle")}>
          <Show when={original.error()} fallback={<ListSkeleton rows={5} />}>
            <EmptyState title={errorText(original.error())} />
          </Show>
        </Slider>
      </Match>
    </Switch>
  );
}

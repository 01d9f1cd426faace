import { Show, createMemo, createSignal } from "solid-js";
import { createStore, unwrap } from "solid-js/store";
import { ApiError } from "../../../lib/api";
import { errorText, toast } from "../../../lib/toast";
import { FormError } from "../../../ui/Field";
import { Button } from "../../../ui/Button";
import { closeForm, refresh, type FormRequest } from "../state";
import type { CalEvent } from "../data";
import { Slider } from "../Slider";
import { SenderDialog } from "../settings/SenderDialog";
import { t } from "../i18n";
import { check, type FormState } from "./model";
import { saveEvent } from "./save";
import { FormFields } from "./FormFields";

/** One open form: its state, server errors on their fields, the sender-address step and the save. */
export function FormSession(props: { request: FormRequest; original: CalEvent | null; initial: FormState }) {
  const [state, set] = createStore<FormState>(structuredClone(props.initial));
  const [files, setFiles] = createSignal<File[]>([]);
  const [existing, setExisting] = createSignal(props.original?.details?.attachments ?? []);
  const [progress, setProgress] = createStore<Record<string, number>>({});
  const [submitted, setSubmitted] = createSignal(false);
  const [serverErrors, setServerErrors] = createSignal<Record<string, string>>({});
  const [formError, setFormError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const [senderOpen, setSenderOpen] = createSignal(false);
  const errors = createMemo(() => {
    const found = check(state);
    const shown: Record<string, string | undefined> = { ...serverErrors() };
    if (found.end) shown.end = found.end;
    if (submitted()) Object.assign(shown, found);
    return shown;
  });

  const save = async () => {
    setSubmitted(true);
    setServerErrors({});
    setFormError(undefined);
    if (Object.values(check(state)).some(Boolean)) return;
    setBusy(true);
    try {
      const saved = await saveEvent({ original: props.original, occurrence: props.request.mode === "edit" ? props.request.occurrence : null, state: unwrap(state), files: files(), onProgress: (n, p) => setProgress(n, p) });
      if (!saved) return;
      toast(props.original ? t("saved") : t("created"), "success");
      refresh();
      closeForm();
    } catch (e) {
      if (e instanceof ApiError && e.code === "sender_required") setSenderOpen(true);
      else if (e instanceof ApiError && e.code === "plan_limit") setFormError(t("form.planLimit"));
      else if (e instanceof ApiError && e.field) setServerErrors({ [e.field.split(".")[0]]: errorText(e) });
      else setFormError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const organizer = () => {
    const d = props.original?.details;
    const a = d?.attendees.find((x) => x.userId === d.organizerId);
    return a ? { id: a.userId, name: a.name } : undefined;
  };
  return (
    <Slider
      open
      wide
      onClose={closeForm}
      label={props.original ? t("form.editTitle") : t("form.createTitle")}
      title={props.original ? t("form.editTitle") : t("form.createTitle")}
      testId="event-form"
      onOpenAutoFocus={(e) => (e.preventDefault(), document.querySelector<HTMLInputElement>("[data-testid=event-title]")?.focus())}
      footer={
        <>
          <div class="mr-auto min-w-0 flex-1">
            <FormError message={formError()} />
          </div>
          <Button onClick={closeForm}>{t("form.cancel")}</Button>
          <Button variant="primary" busy={busy()} onClick={save} data-testid="event-save">
            {props.original ? t("form.save") : t("form.create")}
          </Button>
        </>
      }
    >
      <form
        onSubmit={(e) => (e.preventDefault(), void save())}
        onKeyDown={(e) => e.key === "Enter" && (e.ctrlKey || e.metaKey) && (e.preventDefault(), void save())}
      >
        <FormFields state={state} set={set} errors={errors()} organizer={organizer()} eventId={props.original?.id ?? null} existing={existing()} onExisting={setExisting} files={files()} onFiles={setFiles} progress={progress} />
      </form>
      <Show when={senderOpen()}>
        <SenderDialog onClose={() => setSenderOpen(false)} onReady={() => (setSenderOpen(false), void save())} />
      </Show>
    </Slider>
  );
}

import { For, Show } from "solid-js";
import Paperclip from "lucide-solid/icons/paperclip";
import X from "lucide-solid/icons/x";
import { formatBytes } from "../../../lib/format";
import { toastError } from "../../../lib/toast";
import { removeAttachment, type Details } from "../data";
import { t } from "../i18n";

/** Files of the event; new ones wait in the form and are uploaded once the event exists. */
export function Attachments(props: {
  eventId: string | null;
  existing: Details["attachments"];
  onExisting: (list: Details["attachments"]) => void;
  pending: File[];
  onPending: (files: File[]) => void;
  progress: Record<string, number>;
}) {
  const remove = async (fileId: string) => {
    try {
      props.onExisting(await removeAttachment(props.eventId!, fileId));
    } catch (e) {
      toastError(e);
    }
  };
  const row = "flex items-center gap-2 rounded-md border border-line px-2.5 py-1.5 text-[13px]";
  return (
    <div>
      <span class="k-label">{t("form.attachments")}</span>
      <ul class="space-y-1">
        <For each={props.existing}>
          {(a) => (
            <li class={row}>
              <Paperclip size={14} class="text-muted" />
              <span class="min-w-0 flex-1 truncate">{a.name}</span>
              <span class="text-[12px] text-muted">{formatBytes(a.size)}</span>
              <button type="button" class="rounded p-0.5 text-muted hover:bg-subtle" aria-label={t("form.removeFile", { name: a.name })} onClick={() => remove(a.id)}>
                <X size={14} />
              </button>
            </li>
          )}
        </For>
        <For each={props.pending}>
          {(f) => (
            <li class={`${row} border-dashed`} data-pending-file={f.name}>
              <Paperclip size={14} class="text-muted" />
              <span class="min-w-0 flex-1 truncate">{f.name}</span>
              <Show when={props.progress[f.name] !== undefined} fallback={<span class="text-[12px] text-muted">{formatBytes(f.size)}</span>}>
                <progress class="h-1.5 w-20" max="1" value={props.progress[f.name]} aria-label={t("form.uploading", { name: f.name })} />
              </Show>
              <button type="button" class="rounded p-0.5 text-muted hover:bg-subtle" aria-label={t("form.removeFile", { name: f.name })} onClick={() => props.onPending(props.pending.filter((x) => x !== f))}>
                <X size={14} />
              </button>
            </li>
          )}
        </For>
      </ul>
      <label class="mt-1.5 inline-flex cursor-pointer items-center gap-1.5 text-[13px] font-medium text-accent hover:underline">
        <Paperclip size={14} /> {t("form.addFiles")}
        <input type="file" multiple class="sr-only" data-testid="attach-input" onChange={(e) => (props.onPending([...props.pending, ...Array.from(e.currentTarget.files ?? [])]), (e.currentTarget.value = ""))} />
      </label>
      <Show when={props.pending.length}>
        <p class="mt-1 text-[12px] text-muted">{t("form.filesAfterSave")}</p>
      </Show>
    </div>
  );
}

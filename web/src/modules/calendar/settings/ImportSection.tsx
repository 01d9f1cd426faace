import { Show, createSignal } from "solid-js";
import Upload from "lucide-solid/icons/upload";
import { Select } from "../../../ui/Select";
import { errorText } from "../../../lib/toast";
import { importIcs, type Cal } from "../data";
import { refresh } from "../state";
import { t, tp } from "../i18n";

/** CAL-5 import: an .ics file into a calendar, with upload progress and what came of it. */
export function ImportSection(props: { calendars: Cal[] }) {
  const writable = () => props.calendars.filter((c) => c.access !== "read");
  const [target, setTarget] = createSignal("");
  const [progress, setProgress] = createSignal<number | null>(null);
  const [result, setResult] = createSignal<{ imported: number; skipped: number } | null>(null);
  const [error, setError] = createSignal("");
  const calendarId = () => target() || writable()[0]?.id || "";
  const run = async (file: File | undefined) => {
    if (!file || !calendarId()) return;
    setResult(null);
    setError("");
    setProgress(0);
    try {
      setResult(await importIcs(calendarId(), file, setProgress));
      refresh();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setProgress(null);
    }
  };
  return (
    <section class="k-card p-4 md:p-5" aria-labelledby="import-title" data-testid="import-section">
      <h2 id="import-title" class="flex items-center gap-2 text-[15px] font-semibold">
        <Upload size={17} class="text-muted" /> {t("importer.title")}
      </h2>
      <p class="mt-1 text-[13px] text-muted">{t("importer.help")}</p>
      <div class="mt-3 flex flex-wrap items-end gap-3">
        <Select class="w-64" label={t("importer.calendar")} options={writable().map((c) => ({ value: c.id, label: c.name }))} value={calendarId()} onChange={setTarget} />
        <label class={`inline-flex h-9 cursor-pointer items-center gap-1.5 rounded-md border border-line-strong bg-surface px-3.5 font-medium hover:bg-subtle ${progress() !== null ? "pointer-events-none opacity-60" : ""}`}>
          <Upload size={15} /> {progress() !== null ? t("importer.importing") : t("importer.choose")}
          <input type="file" accept=".ics,text/calendar" class="sr-only" data-testid="import-file" onChange={(e) => (void run(e.currentTarget.files?.[0]), (e.currentTarget.value = ""))} />
        </label>
      </div>
      <Show when={progress() !== null}>
        <progress class="mt-3 h-2 w-full max-w-md" max="1" value={progress()!} aria-label={t("importer.importing")} />
      </Show>
      <div role="status" class="mt-3 text-[13px] empty:hidden" data-testid="import-result">
        <Show when={result()}>
          <p class="text-success">{tp("importer.done", result()!.imported)}</p>
          <Show when={result()!.skipped}>
            <p class="text-muted">{tp("importer.skipped", result()!.skipped)}</p>
          </Show>
        </Show>
        <Show when={error()}>
          <p class="text-danger">{error()}</p>
        </Show>
      </div>
    </section>
  );
}

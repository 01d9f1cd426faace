import { Show, createSignal, type JSX } from "solid-js";
import Upload from "lucide-solid/icons/upload";
import { FilesNotice, showFilesNotice } from "./FilesNotice";
import { t } from "../i18n";

const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes("Files");

/** Files dragged over the conversation: a drop target that explains where attachments stand. */
export function DropZone(props: { enabled: boolean; children: JSX.Element }) {
  const [over, setOver] = createSignal(false);
  let depth = 0;
  return (
    <div
      class="relative h-full min-h-0"
      onDragEnter={(e) => {
        if (!props.enabled || !hasFiles(e)) return;
        e.preventDefault();
        depth++;
        setOver(true);
      }}
      onDragOver={(e) => props.enabled && hasFiles(e) && e.preventDefault()}
      onDragLeave={() => {
        if (--depth <= 0) (depth = 0), setOver(false);
      }}
      onDrop={(e) => {
        if (!props.enabled || !hasFiles(e)) return;
        e.preventDefault();
        depth = 0;
        setOver(false);
        showFilesNotice(e.dataTransfer?.files.length ?? 0);
      }}
      data-testid="drop-zone"
    >
      {props.children}
      <Show when={over()}>
        <div class="pointer-events-none absolute inset-2 z-20 flex flex-col items-center justify-center gap-2 rounded-xl border-2 border-dashed border-accent bg-accent-soft/90 text-accent">
          <Upload size={28} />
          <span class="text-[14px] font-medium">{t("composer.drop")}</span>
        </div>
      </Show>
      <FilesNotice />
    </div>
  );
}

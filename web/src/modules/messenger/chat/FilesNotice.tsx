import { Show, createSignal } from "solid-js";
import HardDrive from "lucide-solid/icons/hard-drive";
import { Dialog } from "../../../ui/Dialog";
import { Button } from "../../../ui/Button";
import { t, tp } from "../i18n";

const [count, setCount] = createSignal<number | null>(null);
/** Files dropped or picked: they cannot be attached before the Drive exists, and we say so plainly. */
export const showFilesNotice = (n: number) => setCount(n);

export function FilesNotice() {
  return (
    <Dialog
      open={count() !== null}
      onOpenChange={(o) => !o && setCount(null)}
      size="sm"
      title={t("composer.filesTitle")}
      footer={
        <Button variant="primary" onClick={() => setCount(null)} data-testid="files-notice-ok">
          {t("composer.ok")}
        </Button>
      }
    >
      <div class="flex gap-3" data-testid="files-notice">
        <span class="h-fit rounded-lg bg-accent-soft p-2 text-accent">
          <HardDrive size={20} />
        </span>
        <div class="space-y-2 text-[13px] leading-5">
          <p>{t("composer.filesText")}</p>
          <Show when={count()}>
            <p class="text-muted">{tp("composer.filesNamed", count()!)}</p>
          </Show>
        </div>
      </div>
    </Dialog>
  );
}

import { For, Show, createSignal } from "solid-js";
import { Dialog } from "../../../ui/Dialog";
import { Button } from "../../../ui/Button";
import { toastError } from "../../../lib/toast";
import { chooseSender, senderSettings } from "../data";
import { createLoader } from "../loader";
import { t } from "../i18n";
import { SenderSetup } from "./SenderSetup";

/** Opened when saving an event with guests answers 409 sender_required: pick an address or add and confirm one. */
export function SenderDialog(props: { onClose: () => void; onReady: () => void }) {
  const settings = createLoader(() => "sender", senderSettings);
  const [adding, setAdding] = createSignal(false);
  const usable = () => settings.value()?.available.filter((s) => s.confirmed) ?? [];
  const pending = () => settings.value()?.available.find((s) => !s.confirmed && s.mine);
  const choose = async (id: string) => {
    try {
      await chooseSender(id);
      props.onReady();
    } catch (e) {
      toastError(e);
    }
  };
  return (
    <Dialog open onOpenChange={(o) => !o && props.onClose()} title={t("sender.dialogTitle")} description={t("sender.dialogText")} size="lg">
      <div class="space-y-4" data-testid="sender-dialog">
        <Show when={usable().length && !adding()}>
          <ul class="space-y-1.5">
            <For each={usable()}>
              {(s) => (
                <li class="flex items-center gap-3 rounded-md border border-line px-3 py-2">
                  <span class="min-w-0 flex-1 truncate">
                    {s.name} &lt;{s.email}&gt; {s.shared ? <span class="text-[12px] text-muted">· {t("sender.sharedBadge")}</span> : null}
                  </span>
                  <Button size="sm" variant="primary" onClick={() => choose(s.id)}>
                    {t("sender.choose")}
                  </Button>
                </li>
              )}
            </For>
          </ul>
          <Button size="sm" onClick={() => setAdding(true)}>
            {t("sender.add")}
          </Button>
        </Show>
        <Show when={settings.value() && (!usable().length || adding())}>
          <SenderSetup startWithCode={adding() ? undefined : pending()?.email} onConfirmed={() => props.onReady()} onCancel={usable().length ? () => setAdding(false) : undefined} />
        </Show>
      </div>
    </Dialog>
  );
}

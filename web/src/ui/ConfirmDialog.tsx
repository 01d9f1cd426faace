import { createSignal } from "solid-js";
import { t } from "../lib/i18n";
import { Dialog } from "./Dialog";
import { Button } from "./Button";

/** Asks once, clearly, before a destructive action. */
export function ConfirmDialog(props: { open: boolean; title: string; text: string; confirm: string; danger?: boolean; onClose: () => void; onConfirm: () => Promise<void> }) {
  const [busy, setBusy] = createSignal(false);
  const go = async () => {
    setBusy(true);
    try {
      await props.onConfirm();
      props.onClose();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={props.open}
      onOpenChange={(o) => !o && props.onClose()}
      size="sm"
      title={props.title}
      footer={
        <>
          <Button onClick={props.onClose}>{t("common.cancel")}</Button>
          <Button variant={props.danger ? "danger" : "primary"} busy={busy()} onClick={go} data-testid="confirm">
            {props.confirm}
          </Button>
        </>
      }
    >
      <p class="leading-6">{props.text}</p>
    </Dialog>
  );
}

import { ConfirmDialog } from "../../../ui/ConfirmDialog";
import { toast, toastError } from "../../../lib/toast";
import { cancelEvent, type CalEvent, type Scope } from "../data";
import { refresh } from "../state";
import { t } from "../i18n";

/** Asks once before cancelling; says plainly that e-mail guests get a cancellation. */
export function CancelEvent(props: { open: boolean; event: CalEvent | undefined; scope?: Scope; occurrence?: string | null; onClose: () => void; onDone: () => void }) {
  const guests = () => props.event?.details?.guests.filter((g) => g.invited).length ?? 0;
  return (
    <ConfirmDialog
      open={props.open}
      danger
      title={t("panel.cancelTitle")}
      text={guests() ? t("panel.cancelTextGuests", { n: guests() }) : t("panel.cancelText")}
      confirm={t("panel.cancelConfirm")}
      onClose={props.onClose}
      onConfirm={async () => {
        try {
          await cancelEvent(props.event!.id, props.scope, props.scope && props.scope !== "all" ? (props.occurrence ?? undefined) : undefined);
          toast(t("cancelled"), "success");
          refresh();
          props.onDone();
        } catch (e) {
          toastError(e);
        }
      }}
    />
  );
}

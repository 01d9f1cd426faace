import { createEffect, createSignal } from "solid-js";
import { t } from "../../lib/i18n";
import { Dialog } from "../../ui/Dialog";
import { Button } from "../../ui/Button";
import { Select } from "../../ui/Select";
import { departmentOptions, departments, type Person } from "./data";

/** The keyboard way to move someone: pick the department from a list. */
export function MoveDialog(props: { person: Person | null; onClose: () => void; onMove: (p: Person, toId: string) => Promise<void> }) {
  const [target, setTarget] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  createEffect(() => props.person && setTarget(props.person.departmentId ?? ""));
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const p = props.person;
    if (!p) return;
    setBusy(true);
    props.onClose();
    await props.onMove(p, target());
    setBusy(false);
  };
  return (
    <Dialog
      open={!!props.person}
      onOpenChange={(o) => !o && props.onClose()}
      size="sm"
      title={t("company.moveTitle", { name: props.person?.name ?? "" })}
      footer={
        <>
          <Button onClick={props.onClose}>{t("common.cancel")}</Button>
          <Button variant="primary" type="submit" form="move-form" busy={busy()} disabled={!target() || target() === props.person?.departmentId}>
            {t("company.moveShort")}
          </Button>
        </>
      }
    >
      <form id="move-form" onSubmit={submit}>
        <Select label={t("company.targetDept")} options={departmentOptions(departments() ?? [])} value={target()} onChange={setTarget} testId="move-target" />
      </form>
    </Dialog>
  );
}

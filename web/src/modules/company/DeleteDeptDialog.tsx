import { createSignal } from "solid-js";
import { t } from "../../lib/i18n";
import { api, call } from "../../lib/api";
import { toast, toastError } from "../../lib/toast";
import { Dialog } from "../../ui/Dialog";
import { Button } from "../../ui/Button";
import { departmentName, type Department } from "./data";

export function DeleteDeptDialog(props: { open: boolean; dept: Department; onClose: () => void; onDeleted: () => void }) {
  const [busy, setBusy] = createSignal(false);
  const remove = async () => {
    setBusy(true);
    try {
      await call(api.structure.departments[":id"].$delete({ param: { id: props.dept.id } }));
      toast(t("company.deptDeleted", { name: props.dept.name }), "success");
      props.onClose();
      props.onDeleted();
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={props.open}
      onOpenChange={(o) => !o && props.onClose()}
      size="sm"
      title={t("company.deleteDeptTitle", { name: props.dept.name })}
      footer={
        <>
          <Button onClick={props.onClose}>{t("common.cancel")}</Button>
          <Button variant="danger" busy={busy()} onClick={remove}>
            {t("common.delete")}
          </Button>
        </>
      }
    >
      <p class="leading-6">{t("company.deleteDeptText", { parent: departmentName(props.dept.parentId) })}</p>
    </Dialog>
  );
}

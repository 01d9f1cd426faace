import { Show, createEffect, createSignal, on, untrack } from "solid-js";
import { nameSchema } from "../../../../worker/modules/portal/schemas";
import { t } from "../../lib/i18n";
import { api, call } from "../../lib/api";
import { createForm } from "../../lib/form";
import { fieldError } from "../../lib/validate";
import { toast } from "../../lib/toast";
import { Dialog } from "../../ui/Dialog";
import { Field, FormError } from "../../ui/Field";
import { Button } from "../../ui/Button";
import { Select } from "../../ui/Select";
import { PersonPicker } from "./PersonPicker";
import { departmentOptions, departments, mutateDepartments, subtreeIds, type Department } from "./data";

/** Adds a sub-department under `dept`, or renames / moves / sets the head of `dept`. */
export function DeptDialog(props: { mode: "create" | "edit"; open: boolean; dept: Department; onClose: () => void; onSaved: () => void; onCreated: (id: string) => void }) {
  const form = createForm({ name: "", parentId: "", headUserId: "" }, (v) => ({ name: fieldError(nameSchema, v.name) }));
  const [headName, setHeadName] = createSignal("");
  // Filled when the dialog opens; a refresh of the department list meanwhile must not undo the edits.
  createEffect(on(() => props.open, (open) => untrack(() => {
    if (!open) return;
    const edit = props.mode === "edit";
    form.setValues({ name: edit ? props.dept.name : "", parentId: edit ? (props.dept.parentId ?? "") : props.dept.id, headUserId: edit ? (props.dept.headUserId ?? "") : "" });
    form.setErrors({});
    setHeadName("");
  })));
  const parents = () => departmentOptions(departments() ?? [], subtreeIds(departments() ?? [], props.dept.id));

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    void form.submit(async (v) => {
      const headUserId = v.headUserId || null;
      if (props.mode === "create") {
        const r = await call(api.structure.departments.$post({ json: { name: v.name.trim(), parentId: props.dept.id, headUserId } }));
        toast(t("company.deptCreated", { name: r.department.name }), "success");
        mutateDepartments((l) => [...(l ?? []), r.department]); // shown and selectable at once
        props.onCreated(r.department.id);
        props.onSaved();
      } else {
        const json: { name: string; headUserId: string | null; parentId?: string } = { name: v.name.trim(), headUserId };
        if (props.dept.parentId && v.parentId && v.parentId !== props.dept.parentId) json.parentId = v.parentId;
        await call(api.structure.departments[":id"].$patch({ param: { id: props.dept.id }, json }));
        toast(t("company.deptSaved"), "success");
        props.onSaved();
      }
      props.onClose();
    });
  };

  return (
    <Dialog
      open={props.open}
      onOpenChange={(o) => !o && props.onClose()}
      title={props.mode === "create" ? t("company.addSubTitle", { parent: props.dept.name }) : t("company.editDeptTitle")}
      footer={
        <>
          <Button onClick={props.onClose}>{t("common.cancel")}</Button>
          <Button variant="primary" type="submit" form="dept-form" busy={form.busy()}>
            {props.mode === "create" ? t("common.create") : t("common.save")}
          </Button>
        </>
      }
    >
      <form id="dept-form" onSubmit={submit} class="space-y-4" novalidate>
        <FormError message={form.errors.form} />
        <Field label={t("company.deptName")} field={form.bind("name")} autofocus data-testid="dept-name" />
        <Show when={props.mode === "edit" && props.dept.parentId}>
          <Select label={t("company.parentDept")} options={parents()} value={form.values.parentId} onChange={(v) => form.setValues("parentId", v)} error={form.errors.parentId} />
        </Show>
        <PersonPicker
          label={t("company.head")}
          value={form.values.headUserId}
          valueName={headName()}
          onChange={(id, name) => (form.setValues("headUserId", id), setHeadName(name))}
          error={form.errors.headUserId}
        />
      </form>
    </Dialog>
  );
}

import { createEffect, on, untrack } from "solid-js";
import { emailSchema, nameSchema, passwordSchema } from "../../../../worker/modules/portal/schemas";
import { t } from "../../lib/i18n";
import { api, call } from "../../lib/api";
import { createForm } from "../../lib/form";
import { fieldError } from "../../lib/validate";
import { toast } from "../../lib/toast";
import { Dialog } from "../../ui/Dialog";
import { Field, FormError } from "../../ui/Field";
import { Button } from "../../ui/Button";
import { Select } from "../../ui/Select";
import { departmentOptions } from "../company/data";
import type { Department } from "./data";

/** USER-1 (c): the admin registers someone with a first password they can change later. */
export function CreateUserDialog(props: { open: boolean; onClose: () => void; departments: Department[]; onDone: () => void }) {
  const form = createForm({ name: "", email: "", position: "", departmentId: "", password: "", role: "employee" }, (v) => ({
    name: fieldError(nameSchema, v.name),
    email: fieldError(emailSchema, v.email),
    password: fieldError(passwordSchema, v.password),
    position: v.position.length > 120 ? t("validation.max", { n: 120 }) : undefined,
  }));
  createEffect(on(() => props.open, (open) => {
    if (!open) return;
    form.setValues({ name: "", email: "", position: "", departmentId: untrack(() => props.departments.find((d) => !d.parentId)?.id ?? ""), password: "", role: "employee" });
    form.setErrors({});
  }));
  createEffect(() => {
    const top = props.departments.find((d) => !d.parentId)?.id;
    if (top && untrack(() => !form.values.departmentId)) form.setValues("departmentId", top);
  });
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    void form.submit(async (v) => {
      const r = await call(
        api.people.users.$post({
          json: { name: v.name.trim(), email: v.email.trim(), position: v.position.trim(), departmentId: v.departmentId || undefined, password: v.password, role: v.role as "employee" },
        }),
      );
      toast(t("admin.people.created", { name: r.user.name }), "success");
      props.onDone();
      props.onClose();
    });
  };
  return (
    <Dialog
      open={props.open}
      onOpenChange={(o) => !o && props.onClose()}
      title={t("admin.people.registerTitle")}
      description={t("admin.people.registerText")}
      footer={
        <>
          <Button onClick={props.onClose}>{t("common.cancel")}</Button>
          <Button variant="primary" type="submit" form="create-user-form" busy={form.busy()}>
            {t("common.create")}
          </Button>
        </>
      }
    >
      <form id="create-user-form" onSubmit={submit} class="grid gap-4 sm:grid-cols-2" novalidate>
        <FormError message={form.errors.form} />
        <Field label={t("company.name")} field={form.bind("name")} class="sm:col-span-2" />
        <Field label={t("auth.email")} field={form.bind("email")} type="email" />
        <Field label={t("company.position")} field={form.bind("position")} />
        <Select label={t("company.department")} options={departmentOptions(props.departments)} value={form.values.departmentId} onChange={(v) => form.setValues("departmentId", v)} />
        <Select label={t("admin.people.role")} options={[{ value: "employee", label: t("roles.employee") }, { value: "admin", label: t("roles.admin") }]} value={form.values.role} onChange={(v) => form.setValues("role", v)} />
        <Field label={t("admin.people.firstPassword")} field={form.bind("password")} type="text" autocomplete="off" hint={t("admin.people.firstPasswordHint")} class="sm:col-span-2" />
      </form>
    </Dialog>
  );
}

import { Show, createEffect, on, untrack } from "solid-js";
import { nameSchema } from "../../../../worker/modules/portal/schemas";
import { t } from "../../lib/i18n";
import { api, call } from "../../lib/api";
import { createForm } from "../../lib/form";
import { fieldError } from "../../lib/validate";
import { isAdmin, me, refreshMe } from "../../lib/session";
import { PLAN_LIMITS } from "../../../../worker/modules/portal/plans";
import { Select } from "../../ui/Select";
import { toast } from "../../lib/toast";
import { Dialog } from "../../ui/Dialog";
import { Field, FormError } from "../../ui/Field";
import { Button } from "../../ui/Button";
import type { Person } from "./data";

export function ProfileEdit(props: { open: boolean; user: Person; onClose: () => void; onSaved: () => void }) {
  const form = createForm({ name: "", position: "", phone: "", role: "" }, (v) => ({
    name: fieldError(nameSchema, v.name),
    position: v.position.length > 120 ? t("validation.max", { n: 120 }) : undefined,
    phone: v.phone.length > 40 ? t("validation.max", { n: 40 }) : undefined,
  }));
  createEffect(on(() => props.open, (open) => open && untrack(() => form.setValues({ name: props.user.name, position: props.user.position, phone: props.user.phone, role: props.user.role }))));
  /** An administrator may change someone else's role (extranet only on plans that include it). */
  const canSetRole = () => isAdmin() && props.user.id !== me()?.user.id;
  const extranet = () => PLAN_LIMITS[me()!.portal.plan as keyof typeof PLAN_LIMITS]?.extranet ?? false;
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    void form.submit(async (v) => {
      const json: { name: string; position: string; phone: string; role?: "admin" | "employee" | "extranet" } = { name: v.name.trim(), position: v.position.trim(), phone: v.phone.trim() };
      if (canSetRole() && v.role !== props.user.role) json.role = v.role as "employee";
      await call(api.people.users[":id"].$patch({ param: { id: props.user.id }, json }));
      if (props.user.id === me()?.user.id) await refreshMe();
      toast(t("company.profileSaved"), "success");
      props.onSaved();
      props.onClose();
    });
  };
  return (
    <Dialog
      open={props.open}
      onOpenChange={(o) => !o && props.onClose()}
      title={t("company.editProfile")}
      footer={
        <>
          <Button onClick={props.onClose}>{t("common.cancel")}</Button>
          <Button variant="primary" type="submit" form="profile-form" busy={form.busy()}>
            {t("common.save")}
          </Button>
        </>
      }
    >
      <form id="profile-form" onSubmit={submit} class="space-y-4" novalidate>
        <FormError message={form.errors.form} />
        <Field label={t("company.name")} field={form.bind("name")} autocomplete="name" />
        <Field label={t("company.position")} field={form.bind("position")} autocomplete="organization-title" />
        <Field label={t("company.phone")} field={form.bind("phone")} type="tel" autocomplete="tel" />
        <Show when={canSetRole()}>
          <Select
            label={t("admin.people.role")}
            options={[
              { value: "employee", label: t("roles.employee") },
              { value: "admin", label: t("roles.admin") },
              { value: "extranet", label: t("roles.extranet"), disabled: !extranet() },
            ]}
            value={form.values.role}
            onChange={(r) => form.setValues("role", r)}
            error={form.errors.role}
          />
        </Show>
      </form>
    </Dialog>
  );
}

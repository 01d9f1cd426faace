import { passwordSchema } from "../../../../worker/modules/portal/schemas";
import { t } from "../../lib/i18n";
import { api, call } from "../../lib/api";
import { createForm } from "../../lib/form";
import { fieldError } from "../../lib/validate";
import { toast } from "../../lib/toast";
import { Field, FormError } from "../../ui/Field";
import { Button } from "../../ui/Button";

export function PasswordForm() {
  const form = createForm({ current: "", password: "", repeat: "" }, (v) => ({
    current: v.current ? undefined : t("validation.required"),
    password: fieldError(passwordSchema, v.password),
    repeat: v.repeat !== v.password ? t("validation.passwordsDiffer") : undefined,
  }));
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    void form.submit(async (v) => {
      await call(api.me.password.$post({ json: { current: v.current, password: v.password } }));
      form.setValues({ current: "", password: "", repeat: "" });
      toast(t("account.passwordChanged"), "success");
    });
  };
  return (
    <form onSubmit={submit} class="k-card space-y-4 p-5" novalidate>
      <FormError message={form.errors.form} />
      <Field label={t("account.currentPassword")} field={form.bind("current")} type="password" autocomplete="current-password" />
      <Field label={t("auth.newPassword")} field={form.bind("password")} type="password" autocomplete="new-password" hint={t("auth.passwordHint")} />
      <Field label={t("auth.repeatPassword")} field={form.bind("repeat")} type="password" autocomplete="new-password" />
      <div class="flex justify-end">
        <Button type="submit" variant="primary" busy={form.busy()}>
          {t("shell.changePassword")}
        </Button>
      </div>
    </form>
  );
}

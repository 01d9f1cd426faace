import { Show, createSignal } from "solid-js";
import { A, useSearchParams } from "@solidjs/router";
import CircleCheck from "lucide-solid/icons/circle-check";
import { passwordSchema } from "../../../../worker/modules/portal/schemas";
import { t } from "../../lib/i18n";
import { api, call } from "../../lib/api";
import { createForm } from "../../lib/form";
import { fieldError } from "../../lib/validate";
import { Field, FormError } from "../../ui/Field";
import { Button } from "../../ui/Button";
import { AuthLayout } from "./AuthLayout";

export default function ResetPassword() {
  const [params] = useSearchParams<{ token?: string }>();
  const [done, setDone] = createSignal(false);
  const check = (v: { password: string; repeat: string }) => ({
    password: fieldError(passwordSchema, v.password),
    repeat: v.repeat !== v.password ? t("validation.passwordsDiffer") : undefined,
  });
  const form = createForm({ password: "", repeat: "" }, check);
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    void form.submit(async (v) => {
      await call(api.auth.password.reset.$post({ json: { token: String(params.token ?? ""), password: v.password } }));
      setDone(true);
    });
  };
  return (
    <AuthLayout title={t("auth.resetTitle")}>
      <Show
        when={!done()}
        fallback={
          <div class="space-y-4 text-center" role="status">
            <CircleCheck size={32} class="mx-auto text-success" />
            <p>{t("auth.resetDone")}</p>
            <A href="/sign-in" class="inline-flex h-9 items-center rounded-md bg-accent px-4 font-medium text-accent-fg">
              {t("auth.signIn")}
            </A>
          </div>
        }
      >
        <form onSubmit={submit} class="space-y-4" novalidate>
          <FormError message={form.errors.form} />
          <Field label={t("auth.newPassword")} field={form.bind("password")} type="password" autocomplete="new-password" hint={t("auth.passwordHint")} autofocus />
          <Field label={t("auth.repeatPassword")} field={form.bind("repeat")} type="password" autocomplete="new-password" />
          <Button type="submit" variant="primary" class="w-full" busy={form.busy()}>
            {t("auth.setPassword")}
          </Button>
        </form>
      </Show>
    </AuthLayout>
  );
}

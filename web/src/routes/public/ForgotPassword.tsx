import { Show, createSignal } from "solid-js";
import { A } from "@solidjs/router";
import MailCheck from "lucide-solid/icons/mail-check";
import { t } from "../../lib/i18n";
import { api, call } from "../../lib/api";
import { createForm } from "../../lib/form";
import { Field, FormError } from "../../ui/Field";
import { Button } from "../../ui/Button";
import { AuthLayout } from "./AuthLayout";

export default function ForgotPassword() {
  const [sent, setSent] = createSignal("");
  const form = createForm({ email: "" }, (v) => (/^\S+@\S+\.\S+$/.test(v.email.trim()) ? {} : { email: t("validation.email") }));
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    void form.submit(async (v) => {
      await call(api.auth.password.forgot.$post({ json: { email: v.email.trim() } }));
      setSent(v.email.trim());
    });
  };
  return (
    <AuthLayout title={t("auth.forgotTitle")} subtitle={sent() ? undefined : t("auth.forgotSubtitle")}>
      <Show
        when={!sent()}
        fallback={
          <div class="space-y-4 text-center" role="status">
            <MailCheck size={32} class="mx-auto text-success" />
            <p>{t("auth.forgotSent", { email: sent() })}</p>
            <A href="/sign-in" class="inline-block text-accent hover:underline">
              {t("auth.backToSignIn")}
            </A>
          </div>
        }
      >
        <form onSubmit={submit} class="space-y-4" novalidate>
          <FormError message={form.errors.form} />
          <Field label={t("auth.email")} field={form.bind("email")} type="email" autocomplete="email" autofocus />
          <Button type="submit" variant="primary" class="w-full" busy={form.busy()}>
            {t("auth.sendLink")}
          </Button>
          <A href="/sign-in" class="block text-center text-[13px] text-accent hover:underline">
            {t("auth.backToSignIn")}
          </A>
        </form>
      </Show>
    </AuthLayout>
  );
}

import { t } from "../../lib/i18n";
import { api, call } from "../../lib/api";
import { createForm } from "../../lib/form";
import { Field, FormError } from "../../ui/Field";
import { Button } from "../../ui/Button";
import { AuthLayout } from "./AuthLayout";

/** The second step of sign-in when the account has two-factor on. */
export function TotpStep(props: { onDone: () => Promise<void>; onBack: () => void }) {
  const form = createForm({ code: "" }, (v) => (/^\d{6}$/.test(v.code.trim()) ? {} : { code: t("auth.codeFormat") }));
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    void form.submit(async (v) => {
      await call(api.auth.login.totp.$post({ json: { code: v.code.trim() } }));
      await props.onDone();
    });
  };
  return (
    <AuthLayout title={t("auth.totpTitle")} subtitle={t("auth.totpSubtitle")}>
      <form onSubmit={submit} class="space-y-4" novalidate>
        <FormError message={form.errors.form} />
        <Field label={t("auth.code")} field={form.bind("code")} inputmode="numeric" autocomplete="one-time-code" maxlength={6} autofocus />
        <Button type="submit" variant="primary" class="w-full" busy={form.busy()}>
          {t("auth.verify")}
        </Button>
        <button type="button" class="w-full text-center text-[13px] text-accent hover:underline" onClick={() => {
            void call(api.auth.logout.$post(), { quiet: true }).catch(() => undefined);
            props.onBack();
          }}>
          {t("auth.backToSignIn")}
        </button>
      </form>
    </AuthLayout>
  );
}

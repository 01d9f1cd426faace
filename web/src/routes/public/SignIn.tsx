import { Show, createSignal } from "solid-js";
import { A, Navigate, useSearchParams } from "@solidjs/router";
import { t } from "../../lib/i18n";
import { api, call } from "../../lib/api";
import { createForm } from "../../lib/form";
import { me, refreshMe, setTotpPending, totpPending } from "../../lib/session";
import { homePath } from "../../lib/modules";
import { safeNext } from "../../lib/safe-next";
import { Field, FormError } from "../../ui/Field";
import { Button } from "../../ui/Button";
import { AuthLayout } from "./AuthLayout";
import { TotpStep } from "./TotpStep";

export function SignIn() {
  const [params] = useSearchParams<{ next?: string; email?: string }>();
  const [stage, setStage] = createSignal<"password" | "totp">(totpPending() ? "totp" : "password");
  const form = createForm({ email: params.email ?? "", password: "" });

  /** Once /me is known, the <Show> below sends the user on (to ?next= or the home page). */
  const done = async () => {
    await refreshMe();
  };

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    void form.submit(async (v) => {
      const r = await call(api.auth.login.$post({ json: { email: v.email.trim(), password: v.password } }));
      if (r.mfaRequired) {
        setTotpPending(true);
        setStage("totp");
        return;
      }
      await done();
    });
  };

  return (
    <Show when={!me()} fallback={<Navigate href={safeNext(params.next, location.origin) ?? homePath()} />}>
      <Show
        when={stage() === "password"}
        fallback={
          <TotpStep
            onDone={done}
            onBack={() => {
              setTotpPending(false);
              setStage("password");
            }}
          />
        }
      >
        <AuthLayout title={t("auth.signInTitle")} subtitle={t("auth.signInSubtitle")}>
          <form onSubmit={submit} class="space-y-4" novalidate>
            <FormError message={form.errors.form} />
            <Field label={t("auth.email")} field={form.bind("email")} type="email" autocomplete="username" required autofocus />
            <Field
              label={t("auth.password")}
              field={form.bind("password")}
              type="password"
              autocomplete="current-password"
              required
              hint={
                <A href="/forgot-password" class="text-accent hover:underline">
                  {t("auth.forgotLink")}
                </A>
              }
            />
            <Button type="submit" variant="primary" class="w-full" busy={form.busy()}>
              {t("auth.signIn")}
            </Button>
          </form>
        </AuthLayout>
      </Show>
    </Show>
  );
}

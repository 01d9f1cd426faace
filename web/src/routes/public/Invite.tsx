import { Match, Switch, createResource } from "solid-js";
import { useNavigate, useSearchParams } from "@solidjs/router";
import { nameSchema, passwordSchema } from "../../../../worker/modules/portal/schemas";
import { t } from "../../lib/i18n";
import { api, call } from "../../lib/api";
import { createForm } from "../../lib/form";
import { fieldError } from "../../lib/validate";
import { errorText } from "../../lib/toast";
import { refreshMe } from "../../lib/session";
import { homePath } from "../../lib/modules";
import { Field, FormError } from "../../ui/Field";
import { Button } from "../../ui/Button";
import { AuthLayout } from "./AuthLayout";
import { LinkError } from "./LinkError";

/** Accepting an invitation: choose a name and a password, and you are in. */
export default function Invite() {
  const [params] = useSearchParams<{ token?: string }>();
  const navigate = useNavigate();
  const token = () => String(params.token ?? "");
  const [info] = createResource(async () => {
    try {
      return { ok: true as const, ...(await call(api.auth.invitations[":token"].$get({ param: { token: token() } }), { quiet: true })) };
    } catch (e) {
      return { ok: false as const, message: errorText(e) };
    }
  });
  const form = createForm({ name: "", password: "" }, (v) => ({ name: fieldError(nameSchema, v.name), password: fieldError(passwordSchema, v.password) }));
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    void form.submit(async (v) => {
      await call(api.auth.invitations[":token"].accept.$post({ param: { token: token() }, json: { name: v.name.trim(), password: v.password } }));
      await refreshMe();
      navigate(homePath(), { replace: true });
    });
  };
  const ok = () => {
    const i = info();
    return i && i.ok ? i : null;
  };
  return (
    <AuthLayout title={t("auth.inviteTitle")} subtitle={ok() ? t("auth.inviteSubtitle", { portal: ok()!.portal }) : undefined}>
      <Switch fallback={<div class="k-skeleton h-40 w-full" role="status" aria-busy="true" />}>
        <Match when={ok()}>
          <form onSubmit={submit} class="space-y-4" novalidate data-testid="invite-form">
            <FormError message={form.errors.form} />
            <div>
              <span class="k-label">{t("auth.email")}</span>
              <div class="k-input flex items-center bg-subtle text-muted">{ok()!.email}</div>
            </div>
            <Field label={t("auth.yourName")} field={form.bind("name")} autocomplete="name" autofocus />
            <Field label={t("auth.choosePassword")} field={form.bind("password")} type="password" autocomplete="new-password" hint={t("auth.passwordHint")} />
            <Button type="submit" variant="primary" class="w-full" busy={form.busy()}>
              {t("auth.acceptInvite")}
            </Button>
          </form>
        </Match>
        <Match when={info() && !info()!.ok}>
          <LinkError message={(info() as { message: string }).message} />
        </Match>
      </Switch>
    </AuthLayout>
  );
}

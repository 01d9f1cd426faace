import { Match, Show, Switch, createResource, createSignal } from "solid-js";
import { useNavigate, useSearchParams } from "@solidjs/router";
import Hourglass from "lucide-solid/icons/hourglass";
import { emailSchema, nameSchema, passwordSchema } from "../../../../worker/modules/portal/schemas";
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

/** Quick registration by the portal's link: open links join at once, closed ones wait for the admin. */
export default function Join() {
  const [params] = useSearchParams<{ token?: string }>();
  const navigate = useNavigate();
  const token = () => String(params.token ?? "");
  const [pending, setPending] = createSignal(false);
  const [info] = createResource(async () => {
    try {
      return { ok: true as const, ...(await call(api.auth.join[":token"].$get({ param: { token: token() } }), { quiet: true })) };
    } catch (e) {
      return { ok: false as const, message: errorText(e) };
    }
  });
  const form = createForm({ name: "", email: "", password: "" }, (v) => ({
    name: fieldError(nameSchema, v.name),
    email: fieldError(emailSchema, v.email),
    password: fieldError(passwordSchema, v.password),
  }));
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    void form.submit(async (v) => {
      const r = await call(api.auth.join[":token"].$post({ param: { token: token() }, json: { name: v.name.trim(), email: v.email.trim(), password: v.password } }));
      if (r.pending) return void setPending(true);
      await refreshMe();
      navigate(homePath(), { replace: true });
    });
  };
  const ok = () => {
    const i = info();
    return i && i.ok ? i : null;
  };
  return (
    <AuthLayout title={pending() ? t("auth.joinPendingTitle") : t("auth.joinTitle")} subtitle={ok() && !pending() ? t("auth.joinSubtitle", { portal: ok()!.portal }) : undefined}>
      <Switch fallback={<div class="k-skeleton h-40 w-full" role="status" aria-busy="true" />}>
        <Match when={pending()}>
          <div class="space-y-3 text-center" role="status" data-testid="join-pending">
            <Hourglass size={30} class="mx-auto text-warning" />
            <p>{t("auth.joinPendingText")}</p>
          </div>
        </Match>
        <Match when={ok()}>
          <form onSubmit={submit} class="space-y-4" novalidate>
            <Show when={ok()!.mode === "closed"}>
              <p class="rounded-md bg-subtle px-3 py-2 text-[13px] text-muted">
                {ok()!.allowedDomains.length ? t("auth.joinClosedDomains", { domains: ok()!.allowedDomains.join(", ") }) : t("auth.joinClosed")}
              </p>
            </Show>
            <FormError message={form.errors.form} />
            <Field label={t("auth.yourName")} field={form.bind("name")} autocomplete="name" autofocus />
            <Field label={t("auth.email")} field={form.bind("email")} type="email" autocomplete="email" />
            <Field label={t("auth.choosePassword")} field={form.bind("password")} type="password" autocomplete="new-password" hint={t("auth.passwordHint")} />
            <Button type="submit" variant="primary" class="w-full" busy={form.busy()}>
              {t("auth.join")}
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

import { Match, Switch, createResource } from "solid-js";
import { A, useSearchParams } from "@solidjs/router";
import CircleCheck from "lucide-solid/icons/circle-check";
import CircleX from "lucide-solid/icons/circle-x";
import { t } from "../../lib/i18n";
import { api, call } from "../../lib/api";
import { errorText } from "../../lib/toast";
import { AuthLayout } from "./AuthLayout";

/** The link from the confirmation mail: confirms the address (and activates a new portal). */
export default function Confirm() {
  const [params] = useSearchParams<{ token?: string }>();
  const [result] = createResource(async () => {
    try {
      const r = await call(api.auth.confirm.$post({ json: { token: String(params.token ?? "") } }));
      return { ok: true as const, email: r.email };
    } catch (e) {
      return { ok: false as const, message: errorText(e) };
    }
  });
  return (
    <AuthLayout title={t("auth.confirmTitle")}>
      <Switch fallback={<div class="k-skeleton h-16 w-full" role="status" aria-busy="true" />}>
        <Match when={result()?.ok}>
          <div class="space-y-4 text-center" role="status" data-testid="confirm-ok">
            <CircleCheck size={32} class="mx-auto text-success" />
            <p>{t("auth.confirmDone")}</p>
            <A
              href={`/sign-in?email=${encodeURIComponent((result() as { email: string }).email)}`}
              class="inline-flex h-9 items-center rounded-md bg-accent px-4 font-medium text-accent-fg hover:bg-accent-hover"
            >
              {t("auth.signIn")}
            </A>
          </div>
        </Match>
        <Match when={result() && !result()!.ok}>
          <div class="space-y-4 text-center" role="alert">
            <CircleX size={32} class="mx-auto text-danger" />
            <p>{(result() as { message: string }).message}</p>
            <A href="/sign-in" class="text-accent hover:underline">
              {t("auth.backToSignIn")}
            </A>
          </div>
        </Match>
      </Switch>
    </AuthLayout>
  );
}

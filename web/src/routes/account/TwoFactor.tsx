import { Show, createSignal } from "solid-js";
import { useNavigate } from "@solidjs/router";
import ShieldCheck from "lucide-solid/icons/shield-check";
import ShieldAlert from "lucide-solid/icons/shield-alert";
import { t } from "../../lib/i18n";
import { api, call } from "../../lib/api";
import { createForm } from "../../lib/form";
import { me, mustSetUpTotp, refreshMe } from "../../lib/session";
import { homePath } from "../../lib/modules";
import { toast, toastError } from "../../lib/toast";
import { Field, FormError } from "../../ui/Field";
import { Button } from "../../ui/Button";
import { QrCode } from "./QrCode";

const codeCheck = (v: { code: string }) => (/^\d{6}$/.test(v.code.trim()) ? {} : { code: t("auth.codeFormat") });

/** USER-6: turn on a second factor with an authenticator app (or off, unless the portal requires it). */
export function TwoFactor() {
  const navigate = useNavigate();
  const [setup, setSetup] = createSignal<{ secret: string; uri: string } | null>(null);
  const [starting, setStarting] = createSignal(false);
  const form = createForm({ code: "" }, codeCheck);
  const enabled = () => me()!.user.totpEnabled;

  const start = async () => {
    setStarting(true);
    try {
      setSetup(await call(api.auth.totp.setup.$post()));
    } catch (e) {
      toastError(e);
    } finally {
      setStarting(false);
    }
  };
  const enable = (e: SubmitEvent) => {
    e.preventDefault();
    void form.submit(async (v) => {
      const wasRequired = mustSetUpTotp();
      await call(api.auth.totp.enable.$post({ json: { code: v.code.trim() } }));
      await refreshMe();
      setSetup(null);
      form.setValues("code", "");
      toast(t("account.totpOn"), "success");
      if (wasRequired) navigate(homePath());
    });
  };
  const disable = (e: SubmitEvent) => {
    e.preventDefault();
    void form.submit(async (v) => {
      await call(api.auth.totp.disable.$post({ json: { code: v.code.trim() } }));
      await refreshMe();
      form.setValues("code", "");
      toast(t("account.totpOff"), "success");
    });
  };

  return (
    <div class="k-card p-5">
      <div class="flex items-start gap-3">
        <Show when={enabled()} fallback={<ShieldAlert size={22} class="mt-0.5 text-warning" />}>
          <ShieldCheck size={22} class="mt-0.5 text-success" />
        </Show>
        <div>
          <h2 class="font-semibold">{enabled() ? t("account.totpEnabledTitle") : t("account.totpDisabledTitle")}</h2>
          <p class="mt-1 text-[13px] text-muted">{t("account.totpExplain")}</p>
        </div>
      </div>
      <Show when={!enabled() && !setup()}>
        <Button variant="primary" class="mt-4" busy={starting()} onClick={start} data-testid="totp-start">
          {t("account.totpSetUp")}
        </Button>
      </Show>
      <Show when={!enabled() && setup()}>
        <form onSubmit={enable} class="mt-5 space-y-4" novalidate>
          <ol class="list-decimal space-y-1 pl-5 text-[13px]">
            <li>{t("account.totpStep1")}</li>
            <li>{t("account.totpStep2")}</li>
          </ol>
          <div class="flex flex-col items-start gap-4 sm:flex-row sm:items-center">
            <QrCode value={setup()!.uri} label={t("account.totpQr")} />
            <div class="min-w-0">
              <div class="text-[12px] text-muted">{t("account.totpSecret")}</div>
              <code class="mt-1 block break-all rounded bg-subtle px-2 py-1 font-mono text-[13px]" data-testid="totp-secret">
                {setup()!.secret}
              </code>
            </div>
          </div>
          <FormError message={form.errors.form} />
          <Field label={t("auth.code")} field={form.bind("code")} inputmode="numeric" autocomplete="one-time-code" maxlength={6} class="max-w-48" />
          <Button type="submit" variant="primary" busy={form.busy()}>
            {t("account.totpEnable")}
          </Button>
        </form>
      </Show>
      <Show when={enabled()}>
        <Show when={!me()!.portal.requireTotp} fallback={<p class="mt-4 text-[13px] text-muted">{t("account.totpRequiredByPortal")}</p>}>
          <form onSubmit={disable} class="mt-5 flex flex-wrap items-end gap-3" novalidate>
            <Field label={t("account.totpDisableCode")} field={form.bind("code")} inputmode="numeric" autocomplete="one-time-code" maxlength={6} class="w-48" />
            <Button type="submit" variant="danger" busy={form.busy()}>
              {t("account.totpDisable")}
            </Button>
            <FormError message={form.errors.form} />
          </form>
        </Show>
      </Show>
    </div>
  );
}

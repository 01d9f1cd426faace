import { Match, Switch, createSignal } from "solid-js";
import { senderConfirmSchema, senderSchema } from "../../../../../worker/modules/calendar/schemas";
import { createForm } from "../../../lib/form";
import { checkWith } from "../../../lib/validate";
import { me } from "../../../lib/session";
import { Field, FormError } from "../../../ui/Field";
import { Button } from "../../../ui/Button";
import { Toggle } from "../../../ui/Toggle";
import { addSender, confirmSender, type Sender } from "../data";
import { t } from "../i18n";

/** A new sender address: name, e-mail, "available to all"; then the 6-digit code mailed to that address. */
export function SenderSetup(props: { startWithCode?: string; onConfirmed: (s: Sender) => void; onCancel?: () => void }) {
  const [step, setStep] = createSignal<"form" | "code">(props.startWithCode ? "code" : "form");
  const [email, setEmail] = createSignal(props.startWithCode ?? "");
  const [shared, setShared] = createSignal(false);
  const details = createForm({ name: me()?.user.name ?? "", email: me()?.user.email ?? "" }, checkWith(senderSchema));
  const code = createForm({ code: "" }, checkWith(senderConfirmSchema, { code: t("sender.code") }));
  const send = () =>
    details.submit(async (v) => {
      await addSender({ name: v.name.trim(), email: v.email.trim(), shared: shared() });
      setEmail(v.email.trim());
      setStep("code");
    });
  const confirm = () =>
    code.submit(async (v) => {
      props.onConfirmed((await confirmSender(v.code.trim())).sender);
    });
  return (
    <Switch>
      <Match when={step() === "form"}>
        <form class="space-y-3" data-testid="sender-form" onSubmit={(e) => (e.preventDefault(), void send())}>
          <div class="grid gap-3 sm:grid-cols-2">
            <Field label={t("sender.name")} field={details.bind("name")} autocomplete="name" data-testid="sender-name" />
            <Field label={t("sender.email")} field={details.bind("email")} type="email" autocomplete="email" data-testid="sender-email" />
          </div>
          <Toggle label={t("sender.shared")} description={t("sender.sharedHint")} checked={shared()} onChange={setShared} testId="sender-shared" />
          <FormError message={details.errors.form} />
          <div class="flex gap-2">
            <Button type="submit" variant="primary" busy={details.busy()} data-testid="sender-send">
              {t("sender.sendCode")}
            </Button>
            <Button onClick={() => props.onCancel?.()} class={props.onCancel ? "" : "hidden"}>
              {t("form.cancel")}
            </Button>
          </div>
        </form>
      </Match>
      <Match when={step() === "code"}>
        <form class="space-y-3" data-testid="sender-code-form" onSubmit={(e) => (e.preventDefault(), void confirm())}>
          <p class="rounded-md bg-accent-soft px-3 py-2 text-[13px]" role="status">
            {t("sender.codeSent", { email: email() })}
          </p>
          <Field label={t("sender.code")} field={code.bind("code")} inputmode="numeric" autocomplete="one-time-code" maxLength={6} class="max-w-48" data-testid="sender-code" autofocus />
          <FormError message={code.errors.form} />
          <div class="flex gap-2">
            <Button type="submit" variant="primary" busy={code.busy()} data-testid="sender-confirm">
              {t("sender.confirm")}
            </Button>
            <Button onClick={() => setStep("form")}>{t("sender.add")}</Button>
          </div>
        </form>
      </Match>
    </Switch>
  );
}

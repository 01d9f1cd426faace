import { createSignal } from "solid-js";
import { guestSchema } from "../../../../../worker/modules/calendar/schemas";
import { createForm } from "../../../lib/form";
import { checkWith } from "../../../lib/validate";
import { Field } from "../../../ui/Field";
import { Button } from "../../../ui/Button";
import { t } from "../i18n";
import type { Guest } from "./model";

/** "Invite guest": e-mail, first and last name; the guest joins the list at once, the mail goes out on save. */
export function GuestForm(props: { taken: string[]; onAdd: (g: Guest) => void; onClose: () => void }) {
  const form = createForm({ email: "", firstName: "", lastName: "" }, checkWith(guestSchema));
  const [dup, setDup] = createSignal(false);
  const add = () => {
    if (!form.validate()) return;
    const email = form.values.email.trim().toLowerCase();
    if (props.taken.includes(email)) return setDup(true);
    props.onAdd({ email, firstName: form.values.firstName.trim(), lastName: form.values.lastName.trim(), status: "pending", invited: false });
    props.onClose();
  };
  return (
    <div
      class="rounded-md border border-warning/40 bg-warning-soft/60 p-3"
      data-testid="guest-form"
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.target as HTMLElement).tagName === "INPUT") (e.preventDefault(), add());
        if (e.key === "Escape") (e.stopPropagation(), props.onClose());
      }}
    >
      <div class="grid gap-2 sm:grid-cols-3">
        <Field label={t("form.guestEmail")} field={form.bind("email")} type="email" autocomplete="off" data-testid="guest-email" autofocus />
        <Field label={t("form.guestFirstName")} field={form.bind("firstName")} autocomplete="off" data-testid="guest-first" />
        <Field label={t("form.guestLastName")} field={form.bind("lastName")} autocomplete="off" data-testid="guest-last" />
      </div>
      <p class="text-[12px] text-danger" role="alert">
        {dup() ? t("form.guestDuplicate") : ""}
      </p>
      <div class="mt-1 flex items-center gap-2">
        <Button size="sm" variant="primary" onClick={add} data-testid="guest-invite">
          {t("form.invite")}
        </Button>
        <Button size="sm" variant="ghost" onClick={props.onClose}>
          {t("form.cancel")}
        </Button>
        <p class="ml-1 text-[12px] text-muted">{t("form.guestNote")}</p>
      </div>
    </div>
  );
}

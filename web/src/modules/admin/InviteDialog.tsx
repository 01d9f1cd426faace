import { Show, createEffect, createSignal, on, untrack } from "solid-js";
import Lock from "lucide-solid/icons/lock";
import { emailSchema } from "../../../../worker/modules/portal/schemas";
import { t, tp } from "../../lib/i18n";
import { api, call } from "../../lib/api";
import { createForm } from "../../lib/form";
import { fieldError } from "../../lib/validate";
import { toast } from "../../lib/toast";
import { Dialog } from "../../ui/Dialog";
import { FormError } from "../../ui/Field";
import { Button } from "../../ui/Button";
import { Select } from "../../ui/Select";
import { departmentOptions } from "../company/data";
import type { Department, PortalView } from "./data";

export const splitEmails = (s: string) => s.split(/[\s,;]+/).map((e) => e.trim()).filter(Boolean);

/** USER-1 (a): invitations by e-mail into a department, with the portal's or a custom text (paid plans). */
export function InviteDialog(props: { open: boolean; onClose: () => void; departments: Department[]; portal?: PortalView; onDone: () => void }) {
  const customText = () => props.portal?.limits.customInvitationText ?? false;
  const extranet = () => props.portal?.limits.extranet ?? false;
  const form = createForm({ emails: "", departmentId: "", role: "employee", text: "" }, (v) => {
    const list = splitEmails(v.emails);
    if (!list.length) return { emails: t("validation.required") };
    const bad = list.find((e) => fieldError(emailSchema, e));
    return { emails: bad ? t("admin.people.badEmail", { email: bad }) : list.length > 50 ? t("admin.people.tooMany") : undefined };
  });
  // Reset only when the dialog opens (not when the departments arrive later: that would wipe what was typed).
  createEffect(on(() => props.open, (open) => {
    if (!open) return;
    form.setValues({ emails: "", departmentId: untrack(() => props.departments.find((d) => !d.parentId)?.id ?? ""), role: "employee", text: "" });
    form.setErrors({});
  }));
  createEffect(() => {
    const top = props.departments.find((d) => !d.parentId)?.id;
    if (top && untrack(() => !form.values.departmentId)) form.setValues("departmentId", top);
  });
  const [skipped, setSkipped] = createSignal<string[]>([]);

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    void form.submit(async (v) => {
      const r = await call(
        api.people.invitations.$post({
          json: { emails: splitEmails(v.emails), departmentId: v.departmentId || undefined, role: v.role as "employee", text: customText() && v.text.trim() ? v.text.trim() : undefined },
        }),
      );
      setSkipped(r.skipped.map((s) => `${s.email} — ${t(`admin.people.skip.${s.reason === "dismissed" ? "dismissed" : "member"}`)}`));
      if (r.invited.length) toast(tp("admin.people.invitedCount", r.invited.length), "success");
      props.onDone();
      if (!r.skipped.length) props.onClose();
    });
  };

  return (
    <Dialog
      open={props.open}
      onOpenChange={(o) => (o ? undefined : (setSkipped([]), props.onClose()))}
      title={t("admin.people.inviteTitle")}
      description={t("admin.people.inviteText")}
      footer={
        <>
          <Button onClick={props.onClose}>{t("common.cancel")}</Button>
          <Button variant="primary" type="submit" form="invite-form" busy={form.busy()} data-testid="invite-send">
            {t("admin.people.send")}
          </Button>
        </>
      }
    >
      <form id="invite-form" onSubmit={submit} class="space-y-4" novalidate>
        <FormError message={form.errors.form} />
        <Show when={skipped().length}>
          <div role="status" class="rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-[13px]">
            <p class="font-medium">{t("admin.people.skippedTitle")}</p>
            <ul class="mt-1 list-disc pl-5">{skipped().map((s) => <li>{s}</li>)}</ul>
          </div>
        </Show>
        <div>
          <label for="invite-emails" class="k-label">{t("admin.people.emails")}</label>
          <textarea
            id="invite-emails"
            class="k-input h-20 py-2"
            value={form.values.emails}
            onInput={(e) => form.bind("emails").onInput(e.currentTarget.value)}
            onBlur={() => form.bind("emails").onBlur()}
            aria-invalid={form.errors.emails ? "true" : "false"}
            aria-describedby="invite-emails-err"
            placeholder="anna@example.com, ben@example.com"
            data-testid="invite-emails"
          />
          <p id="invite-emails-err" role="alert" class="mt-1 text-[12px] text-danger empty:hidden">{form.errors.emails ?? ""}</p>
        </div>
        <div class="grid gap-4 sm:grid-cols-2">
          <Select label={t("company.department")} options={departmentOptions(props.departments)} value={form.values.departmentId} onChange={(v) => form.setValues("departmentId", v)} testId="invite-dept" />
          <Select
            label={t("admin.people.role")}
            options={[
              { value: "employee", label: t("roles.employee") },
              { value: "extranet", label: t("roles.extranet") + (extranet() ? "" : ` (${t("admin.people.standardPlus")})`), disabled: !extranet() },
            ]}
            value={form.values.role}
            onChange={(v) => form.setValues("role", v)}
          />
        </div>
        <div>
          <label for="invite-text" class="k-label flex items-center gap-1.5">
            {t("admin.people.customText")}
            <Show when={!customText()}>
              <Lock size={12} class="text-muted" />
            </Show>
          </label>
          <textarea id="invite-text" class="k-input h-24 py-2 disabled:bg-subtle" maxlength={2000} disabled={!customText()} value={form.values.text} onInput={(e) => form.setValues("text", e.currentTarget.value)} />
          <p class="mt-1 text-[12px] text-muted">{customText() ? t("admin.people.customTextHint") : t("admin.people.customTextLocked")}</p>
        </div>
      </form>
    </Dialog>
  );
}

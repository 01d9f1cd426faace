import { Show, createSignal } from "solid-js";
import { A } from "@solidjs/router";
import { t } from "../../lib/i18n";
import { api, call } from "../../lib/api";
import { toast, toastError } from "../../lib/toast";
import { me } from "../../lib/session";
import { formatDate } from "../../lib/format";
import { Avatar } from "../../ui/Avatar";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import type { Department, Person } from "./data";

type Action = "dismiss" | "remove" | null;

/** One person in the admin list, with the actions their state allows. */
export function AdminPersonRow(props: { person: Person; departments: Department[]; onChanged: () => void }) {
  const [confirm, setConfirm] = createSignal<Action>(null);
  const [busy, setBusy] = createSignal(false);
  const p = () => props.person;
  const id = () => ({ param: { id: p().id } });
  const dept = () => props.departments.find((d) => d.id === p().departmentId)?.name ?? "";

  async function run(fn: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await fn();
      toast(done, "success");
      props.onChanged();
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  }
  const reactivate = () => run(() => call(api.people.users[":id"].reactivate.$post(id())), t("admin.people.reactivated", { name: p().name }));
  const approve = () => run(() => call(api.people.users[":id"].approve.$post(id())), t("admin.people.approved", { name: p().name }));
  const resend = () => run(() => call(api.people.invitations.$post({ json: { emails: [p().email], departmentId: p().departmentId ?? undefined } })), t("admin.people.resent", { email: p().email }));

  return (
    <li class="flex flex-wrap items-center gap-3 px-4 py-2.5" data-person={p().email}>
      <A href={`/company/people/${p().id}`} class="flex min-w-0 flex-1 basis-64 items-center gap-3">
        <Avatar id={p().id} name={p().name} hasPhoto={p().hasPhoto} />
        <span class="min-w-0">
          <span class="flex items-center gap-1.5">
            <span class="truncate font-medium">{p().name}</span>
            <Show when={p().role !== "employee"}>
              <Badge tone="accent">{t(`roles.${p().role}`)}</Badge>
            </Show>
            <Show when={p().businessUser}>
              <Badge tone="success">{t("admin.people.seat")}</Badge>
            </Show>
          </span>
          <span class="block truncate text-[12.5px] text-muted">{[p().email, p().position, dept()].filter(Boolean).join(" · ")}</span>
        </span>
      </A>
      <span class="hidden text-[12px] text-muted lg:block">{t("admin.people.since", { date: formatDate(p().createdAt) })}</span>
      <div class="flex gap-2">
        <Show when={p().status === "active" && p().id !== me()?.user.id}>
          <Button size="sm" variant="dangerGhost" busy={busy()} onClick={() => setConfirm("dismiss")}>
            {t("admin.people.dismiss")}
          </Button>
        </Show>
        <Show when={p().status === "dismissed"}>
          <Button size="sm" busy={busy()} onClick={reactivate}>
            {t("admin.people.reactivate")}
          </Button>
        </Show>
        <Show when={p().status === "pending_approval"}>
          <Button size="sm" variant="primary" busy={busy()} onClick={approve}>
            {t("admin.people.approve")}
          </Button>
        </Show>
        <Show when={p().status === "invited"}>
          <Button size="sm" busy={busy()} onClick={resend}>
            {t("admin.people.resend")}
          </Button>
        </Show>
        <Show when={p().status === "invited" || p().status === "pending_approval"}>
          <Button size="sm" variant="dangerGhost" busy={busy()} onClick={() => setConfirm("remove")}>
            {t("admin.people.remove")}
          </Button>
        </Show>
      </div>
      <ConfirmDialog
        open={confirm() !== null}
        danger
        title={confirm() === "dismiss" ? t("admin.people.dismissTitle", { name: p().name }) : t("admin.people.removeTitle", { name: p().email })}
        text={confirm() === "dismiss" ? t("admin.people.dismissText") : t("admin.people.removeText")}
        confirm={confirm() === "dismiss" ? t("admin.people.dismiss") : t("admin.people.remove")}
        onClose={() => setConfirm(null)}
        onConfirm={() =>
          confirm() === "dismiss"
            ? run(() => call(api.people.users[":id"].dismiss.$post(id())), t("admin.people.dismissed", { name: p().name }))
            : run(() => call(api.people.users[":id"].$delete(id())), t("admin.people.removed", { email: p().email }))
        }
      />
    </li>
  );
}

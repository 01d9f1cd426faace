import { For, Show, createEffect, createSignal, on } from "solid-js";
import { useSearchParams } from "@solidjs/router";
import UserPlus from "lucide-solid/icons/user-plus";
import Send from "lucide-solid/icons/send";
import Users from "lucide-solid/icons/users";
import { t } from "../../lib/i18n";
import { api, call } from "../../lib/api";
import { toastError } from "../../lib/toast";
import { PageHeader } from "../../ui/PageHeader";
import { Button } from "../../ui/Button";
import { ListSkeleton } from "../../ui/Skeleton";
import { EmptyState } from "../../ui/EmptyState";
import { AdminPersonRow } from "./AdminPersonRow";
import { InviteDialog } from "./InviteDialog";
import { CreateUserDialog } from "./CreateUserDialog";
import { useDepartments, usePortal, type Person } from "./data";

const STATUSES = ["active", "invited", "pending_approval", "dismissed"] as const;
type Status = (typeof STATUSES)[number];

/** USER-1/USER-3: invite, register, approve, dismiss and re-activate people. */
export default function PeopleAdmin() {
  const [params, setParams] = useSearchParams<{ status?: string }>();
  const status = (): Status => ((STATUSES as readonly string[]).includes(String(params.status)) ? (params.status as Status) : "active");
  const [items, setItems] = createSignal<Person[] | null>(null);
  const [next, setNext] = createSignal<string | null>(null);
  const [dialog, setDialog] = createSignal<"invite" | "create" | null>(null);
  const [portal] = usePortal();
  const [depts] = useDepartments();

  async function load(cursor?: string) {
    if (!cursor) setItems(null);
    try {
      const r = await call(api.people.users.$get({ query: { status: status(), cursor, limit: "50" } }));
      setItems((prev) => (cursor && prev ? [...prev, ...r.items] : r.items));
      setNext(r.nextCursor);
    } catch (e) {
      toastError(e);
      setItems([]);
    }
  }
  createEffect(on(status, () => void load()));

  return (
    <div>
      <PageHeader
        title={t("admin.people.title")}
        subtitle={t("admin.people.subtitle")}
        actions={
          <>
            <Button onClick={() => setDialog("create")} data-testid="create-user">
              <UserPlus size={15} /> {t("admin.people.register")}
            </Button>
            <Button variant="primary" onClick={() => setDialog("invite")} data-testid="invite-open">
              <Send size={15} /> {t("admin.people.invite")}
            </Button>
          </>
        }
      >
        <div class="-mb-3 mt-2 flex gap-5 overflow-x-auto" role="tablist" aria-label={t("admin.people.statusFilter")}>
          <For each={STATUSES}>
            {(s) => (
              <button
                type="button"
                role="tab"
                aria-selected={status() === s}
                class={`h-9 shrink-0 border-b-2 px-0.5 text-[13px] font-medium ${status() === s ? "border-accent text-fg" : "border-transparent text-muted hover:text-fg"}`}
                onClick={() => setParams({ status: s === "active" ? undefined : s })}
                data-status={s}
              >
                {t(`admin.people.tabs.${s}`)}
              </button>
            )}
          </For>
        </div>
      </PageHeader>
      <div class="p-4 md:p-6">
        <div class="k-card">
          <Show when={items()} fallback={<ListSkeleton rows={6} />}>
            <Show when={items()!.length} fallback={<EmptyState icon={<Users size={22} />} title={t(`admin.people.empty.${status()}`)} />}>
              <ul class="divide-y divide-line" data-testid="admin-people">
                <For each={items()}>{(p) => <AdminPersonRow person={p} departments={depts() ?? []} onChanged={() => void load()} />}</For>
              </ul>
              <Show when={next()}>
                <div class="border-t border-line p-3 text-center">
                  <Button size="sm" onClick={() => load(next()!)}>
                    {t("common.loadMore")}
                  </Button>
                </div>
              </Show>
            </Show>
          </Show>
        </div>
      </div>
      <InviteDialog open={dialog() === "invite"} onClose={() => setDialog(null)} departments={depts() ?? []} portal={portal()} onDone={() => status() === "invited" && load()} />
      <CreateUserDialog open={dialog() === "create"} onClose={() => setDialog(null)} departments={depts() ?? []} onDone={() => status() === "active" && load()} />
    </div>
  );
}

import { For, Show, createSignal } from "solid-js";
import UserMinus from "lucide-solid/icons/user-minus";
import { api, call } from "../../../lib/api";
import { toast } from "../../../lib/toast";
import { toastChatError } from "../data/errors";
import { Dialog } from "../../../ui/Dialog";
import { Avatar } from "../../../ui/Avatar";
import { Badge } from "../../../ui/Badge";
import { Button, IconButton } from "../../../ui/Button";
import { rememberPeople } from "../data/people";
import type { ChatDetail, Person } from "../data/types";
import { PeopleSearch } from "./PeopleSearch";
import { SelectedPeople } from "./SelectedPeople";
import { t, tp } from "../i18n";

/** A group chat's members: the owner adds and removes people, every member can add colleagues. */
export function MembersDialog(props: { open: boolean; onClose: () => void; detail: ChatDetail; me: string; onChanged: (d: ChatDetail) => void }) {
  const [adding, setAdding] = createSignal<Person[]>([]);
  const [busy, setBusy] = createSignal(false);
  const isOwner = () => props.detail.members.some((m) => m.id === props.me && m.role === "owner");
  const memberIds = () => new Set(props.detail.members.map((m) => m.id));
  const toggle = (p: Person) => setAdding((l) => (l.some((x) => x.id === p.id) ? l.filter((x) => x.id !== p.id) : [...l, p]));

  async function add() {
    setBusy(true);
    try {
      const r = await call(api.chats[":id"].members.$post({ param: { id: props.detail.chat.id }, json: { userIds: adding().map((p) => p.id) } }));
      rememberPeople(r.members);
      toast(tp("dialogs.added", adding().length), "success");
      setAdding([]);
      props.onChanged(r);
    } catch (e) {
      toastChatError(e);
    } finally {
      setBusy(false);
    }
  }

  async function remove(id: string, name: string) {
    try {
      await call(api.chats[":id"].members[":userId"].$delete({ param: { id: props.detail.chat.id, userId: id } }));
      toast(t("dialogs.removed", { name }), "success");
      props.onChanged({ ...props.detail, members: props.detail.members.filter((m) => m.id !== id) });
    } catch (e) {
      toastChatError(e);
    }
  }

  return (
    <Dialog open={props.open} onOpenChange={(o) => !o && props.onClose()} title={t("dialogs.membersTitle", { title: props.detail.chat.title })} size="md">
      <ul class="-mx-2 max-h-64 overflow-y-auto" data-testid="member-list">
        <For each={props.detail.members}>
          {(m) => (
            <li class="flex items-center gap-2.5 rounded-md px-2 py-1.5">
              <Avatar id={m.id} name={m.name} hasPhoto={m.hasPhoto} size="sm" presence={m.presence as "online" | "away" | "offline"} />
              <span class="min-w-0 flex-1 truncate text-[13px]">
                {m.name} <Show when={m.id === props.me}><span class="text-muted">{t("dialogs.you")}</span></Show>
              </span>
              <Show when={m.role === "owner"}>
                <Badge tone="accent">{t("dialogs.owner")}</Badge>
              </Show>
              <Show when={isOwner() && m.id !== props.me}>
                <IconButton label={t("dialogs.removeMember", { name: m.name })} onClick={() => void remove(m.id, m.name)}>
                  <UserMinus size={15} />
                </IconButton>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <div class="mt-4 border-t border-line pt-4">
        <div class="mb-2 flex items-center gap-2">
          <span class="k-label mb-0 flex-1">{t("dialogs.addPeople")}</span>
          <Button size="sm" variant="primary" disabled={!adding().length} busy={busy()} onClick={() => void add()} data-testid="add-members">
            {t("dialogs.add")}
          </Button>
        </div>
        <Show when={adding().length}>
          <div class="mb-2">
            <SelectedPeople people={adding()} onRemove={(id) => setAdding((l) => l.filter((p) => p.id !== id))} />
          </div>
        </Show>
        <PeopleSearch onPick={toggle} selected={new Set(adding().map((p) => p.id))} exclude={memberIds()} />
      </div>
    </Dialog>
  );
}

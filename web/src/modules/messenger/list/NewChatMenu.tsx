import { Show, createSignal } from "solid-js";
import { DropdownMenu as M } from "@kobalte/core/dropdown-menu";
import Plus from "lucide-solid/icons/plus";
import UserRound from "lucide-solid/icons/user-round";
import UsersRound from "lucide-solid/icons/users-round";
import { me } from "../../../lib/session";
import { NewDirectDialog } from "../dialogs/NewDirectDialog";
import { NewGroupDialog } from "../dialogs/NewGroupDialog";
import { t } from "../i18n";

const item = "flex h-9 cursor-default select-none items-center gap-2.5 rounded px-2 text-[13px] outline-none data-[highlighted]:bg-subtle";

/** "+ New chat": a conversation with one colleague, or a group chat. */
export function NewChatMenu(props: { primary?: boolean }) {
  const [open, setOpen] = createSignal<"direct" | "group" | null>(null);
  return (
    <Show when={me()?.user.role !== "extranet"}>
      <M gutter={4} placement="bottom-end">
        <M.Trigger
          class={`inline-flex h-8 items-center gap-1.5 rounded-md px-2.5 text-[13px] font-medium ${props.primary ? "bg-accent text-accent-fg hover:bg-accent-hover" : "border border-line-strong hover:bg-subtle"}`}
          data-testid={props.primary ? "new-chat-empty" : "new-chat"}
        >
          <Plus size={15} /> {t("list.newChat")}
        </M.Trigger>
        <M.Portal>
          <M.Content class="k-card z-50 min-w-56 p-1 shadow-pop outline-none">
            <M.Item class={item} onSelect={() => setOpen("direct")} data-testid="new-direct">
              <UserRound size={15} class="text-muted" /> {t("list.newDirect")}
            </M.Item>
            <M.Item class={item} onSelect={() => setOpen("group")} data-testid="new-group">
              <UsersRound size={15} class="text-muted" /> {t("list.newGroup")}
            </M.Item>
          </M.Content>
        </M.Portal>
      </M>
      <NewDirectDialog open={open() === "direct"} onClose={() => setOpen(null)} />
      <NewGroupDialog open={open() === "group"} onClose={() => setOpen(null)} />
    </Show>
  );
}

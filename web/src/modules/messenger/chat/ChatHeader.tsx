import { Show, createSignal } from "solid-js";
import { A, useNavigate } from "@solidjs/router";
import { DropdownMenu as M } from "@kobalte/core/dropdown-menu";
import ArrowLeft from "lucide-solid/icons/arrow-left";
import Search from "lucide-solid/icons/search";
import Video from "lucide-solid/icons/video";
import UsersRound from "lucide-solid/icons/users-round";
import EllipsisVertical from "lucide-solid/icons/ellipsis-vertical";
import LogOut from "lucide-solid/icons/log-out";
import { api, call } from "../../../lib/api";
import { toast } from "../../../lib/toast";
import { toastChatError } from "../data/errors";
import { IconButton } from "../../../ui/Button";
import { ConfirmDialog } from "../../../ui/ConfirmDialog";
import { dropChat } from "../data/chats";
import type { ChatDetail } from "../data/types";
import { ChatAvatar } from "../list/ChatRow";
import { MembersDialog } from "../dialogs/MembersDialog";
import { useChat } from "./context";
import { t, tp } from "../i18n";

const item = "flex h-9 cursor-default select-none items-center gap-2.5 rounded px-2 text-[13px] outline-none data-[highlighted]:bg-subtle";

export function ChatHeader(props: { onSearch: () => void; setDetail: (d: ChatDetail) => void; live: boolean }) {
  const ctx = useChat();
  const navigate = useNavigate();
  const chat = () => ctx.detail().chat;
  const [members, setMembers] = createSignal(false);
  const [leaving, setLeaving] = createSignal(false);
  const subtitle = () => {
    const c = chat();
    if (c.peer) return t(`chat.${c.peer.presence as "online" | "away" | "offline"}`);
    return `${c.visibility === "public" ? t("chat.public") : t("chat.private")} · ${tp("list.members", ctx.detail().members.length)}`;
  };
  const inCall = () => ctx.room.participants().length > 0;

  async function leave() {
    try {
      await call(api.chats[":id"].members[":userId"].$delete({ param: { id: chat().id, userId: ctx.me } }));
      dropChat(chat().id);
      toast(t("chat.left"), "success");
      navigate("/messenger");
    } catch (e) {
      toastChatError(e);
    }
  }

  return (
    <header class="flex h-14 shrink-0 items-center gap-2 border-b border-line bg-surface px-2 md:px-4">
      <A href="/messenger" class="inline-flex h-8 w-8 items-center justify-center rounded-md text-muted hover:bg-subtle md:hidden" aria-label={t("chat.back")}>
        <ArrowLeft size={18} />
      </A>
      <ChatAvatar chat={chat()} size="sm" />
      <div class="min-w-0 flex-1">
        <h2 class="truncate text-[14.5px] font-semibold" data-testid="chat-title">
          {chat().title}
        </h2>
        <p class="truncate text-[12px] text-muted">{subtitle()}</p>
      </div>
      <IconButton label={t("chat.search")} onClick={props.onSearch} data-testid="chat-search-toggle">
        <Search size={17} />
      </IconButton>
      <Show when={props.live}>
        <IconButton
          label={inCall() ? t("chat.joinCall") : t("chat.call")}
          class={inCall() ? "text-success" : ""}
          disabled={ctx.call.joined() || ctx.call.busy()}
          onClick={() => void ctx.call.join()}
          data-testid="call-start"
        >
          <Video size={18} />
        </IconButton>
      </Show>
      <Show when={chat().type === "group"}>
        <IconButton label={t("chat.members")} onClick={() => setMembers(true)} data-testid="chat-members">
          <UsersRound size={17} />
        </IconButton>
        <Show when={props.live}>
          <M gutter={4} placement="bottom-end">
            <M.Trigger class="inline-flex h-8 w-8 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-fg" aria-label={t("chat.more")}>
              <EllipsisVertical size={17} />
            </M.Trigger>
            <M.Portal>
              <M.Content class="k-card z-50 min-w-48 p-1 shadow-pop outline-none">
                <M.Item class={`${item} text-danger`} onSelect={() => setLeaving(true)} data-testid="leave-chat">
                  <LogOut size={15} /> {t("chat.leave")}
                </M.Item>
              </M.Content>
            </M.Portal>
          </M>
        </Show>
        <MembersDialog open={members()} onClose={() => setMembers(false)} detail={ctx.detail()} me={ctx.me} onChanged={props.setDetail} />
        <ConfirmDialog
          open={leaving()}
          title={t("chat.leaveTitle", { title: chat().title })}
          text={t("chat.leaveText")}
          confirm={t("chat.leave")}
          danger
          onClose={() => setLeaving(false)}
          onConfirm={leave}
        />
      </Show>
    </header>
  );
}

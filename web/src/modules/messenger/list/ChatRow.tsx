import { Show } from "solid-js";
import { A } from "@solidjs/router";
import UsersRound from "lucide-solid/icons/users-round";
import { me } from "../../../lib/session";
import { Avatar } from "../../../ui/Avatar";
import { nameOf } from "../data/people";
import { shortWhen } from "../data/text";
import type { ChatDto } from "../data/types";
import { t, tp } from "../i18n";

export function ChatAvatar(props: { chat: ChatDto; size?: "sm" | "md" }) {
  return (
    <Show
      when={props.chat.peer}
      fallback={
        <span class={`relative inline-flex shrink-0 items-center justify-center rounded-full bg-accent-soft text-accent ${props.size === "sm" ? "h-8 w-8" : "h-10 w-10"}`} aria-hidden="true">
          <UsersRound size={props.size === "sm" ? 16 : 19} />
        </span>
      }
    >
      {(p) => <Avatar id={p().id} name={p().name} hasPhoto={p().hasPhoto} size={props.size ?? "md"} presence={p().presence as "online" | "away" | "offline"} />}
    </Show>
  );
}

/** One chat in the list: who, the last line, when, and the unread count. */
export function ChatRow(props: { chat: ChatDto; active: boolean }) {
  const c = () => props.chat;
  const who = () => {
    if (!c().lastAuthorId || !c().lastPreview) return "";
    if (c().lastAuthorId === me()?.user.id) return t("list.you");
    return c().type === "group" ? `${nameOf(c().lastAuthorId!, "").split(" ")[0]}: ` : "";
  };
  return (
    <li>
      <A
        href={`/messenger/${c().id}`}
        class={`flex items-center gap-3 rounded-lg px-2.5 py-2 transition-colors ${props.active ? "bg-accent-soft" : "hover:bg-subtle"}`}
        aria-current={props.active ? "page" : undefined}
        data-testid="chat-row"
        data-chat-id={c().id}
      >
        <ChatAvatar chat={c()} />
        <span class="min-w-0 flex-1">
          <span class="flex items-baseline gap-2">
            <span class={`flex-1 truncate text-[13.5px] ${c().unread ? "font-semibold" : "font-medium"}`}>{c().title}</span>
            <span class="shrink-0 text-[11.5px] text-muted">{shortWhen(c().lastMessageAt ?? c().createdAt)}</span>
          </span>
          <span class="mt-0.5 flex items-center gap-2">
            <span class={`flex-1 truncate text-[12.5px] ${c().unread ? "text-fg" : "text-muted"}`}>
              <Show when={c().lastPreview} fallback={<span class="italic">{t("list.noMessages")}</span>}>
                <span class="text-muted">{who()}</span>
                {c().lastPreview}
              </Show>
            </span>
            <Show when={c().unread > 0}>
              <span
                class="inline-flex h-[18px] min-w-[18px] items-center justify-center rounded-full bg-danger px-1.5 text-[11px] font-semibold text-white"
                aria-label={tp("list.unread", c().unread)}
                data-testid="chat-unread"
              >
                {c().unread > 99 ? "99+" : c().unread}
              </span>
            </Show>
          </span>
        </span>
      </A>
    </li>
  );
}

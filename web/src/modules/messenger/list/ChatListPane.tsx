import { For, Match, Show, Switch, createMemo, createSignal } from "solid-js";
import Search from "lucide-solid/icons/search";
import MessageSquarePlus from "lucide-solid/icons/message-square-plus";
import { Button } from "../../../ui/Button";
import { ListSkeleton } from "../../../ui/Skeleton";
import { EmptyState } from "../../../ui/EmptyState";
import { chats, refreshChats } from "../data/chats";
import { t } from "../i18n";
import { ChatRow } from "./ChatRow";
import { PublicChats } from "./PublicChats";
import { MessageResults } from "./MessageResults";
import { NewChatMenu } from "./NewChatMenu";

const tab = "h-8 flex-1 rounded-md text-[13px] font-medium transition-colors";

/** The chat list: my chats by latest activity with unread badges, search over titles and messages, public chats. */
export function ChatListPane(props: { activeId?: string }) {
  const [q, setQ] = createSignal("");
  const [scope, setScope] = createSignal<"mine" | "public">("mine");
  const needle = () => q().trim().toLowerCase();
  const filtered = createMemo(() => (needle() ? chats.items.filter((c) => c.title.toLowerCase().includes(needle())) : chats.items));
  return (
    <div class="flex min-h-0 flex-1 flex-col bg-surface">
      <div class="flex items-center gap-2 px-4 pb-2 pt-3">
        <h1 class="flex-1 text-lg font-semibold tracking-tight">{t("title")}</h1>
        <NewChatMenu />
      </div>
      <div class="px-3">
        <div class="relative">
          <Search size={15} class="pointer-events-none absolute left-2.5 top-1/2 -translate-y-1/2 text-muted" aria-hidden="true" />
          <input
            type="search"
            class="k-input h-8 pl-8 text-[13px]"
            placeholder={t("list.search")}
            aria-label={t("list.search")}
            value={q()}
            onInput={(e) => setQ(e.currentTarget.value)}
            data-testid="chat-search"
          />
        </div>
        <div class="mt-2 flex gap-1 rounded-lg bg-subtle p-0.5" role="tablist">
          <For each={["mine", "public"] as const}>
            {(s) => (
              <button
                type="button"
                role="tab"
                aria-selected={scope() === s}
                class={`${tab} ${scope() === s ? "bg-surface text-fg shadow-card" : "text-muted hover:text-fg"}`}
                onClick={() => setScope(s)}
                data-testid={`chat-scope-${s}`}
              >
                {s === "mine" ? t("list.mine") : t("list.discover")}
              </button>
            )}
          </For>
        </div>
      </div>
      <div class="mt-2 min-h-0 flex-1 overflow-y-auto pb-3" data-testid="chat-list">
        <Switch>
          <Match when={scope() === "public"}>
            <PublicChats q={needle()} />
          </Match>
          <Match when={!chats.loaded}>
            <ListSkeleton rows={7} />
          </Match>
          <Match when={chats.failed}>
            <EmptyState title={t("list.failed")} action={<Button onClick={() => void refreshChats()}>{t("list.retry")}</Button>} />
          </Match>
          <Match when={!chats.items.length}>
            <EmptyState icon={<MessageSquarePlus size={24} />} title={t("list.emptyTitle")} text={t("list.emptyText")} action={<NewChatMenu primary />} />
          </Match>
          <Match when>
            <ul class="px-2">
              <For each={filtered()}>{(c) => <ChatRow chat={c} active={c.id === props.activeId} />}</For>
            </ul>
            <Show when={needle() && !filtered().length}>
              <p class="px-4 py-3 text-[13px] text-muted">{t("list.noMatch", { q: q().trim() })}</p>
            </Show>
            <Show when={needle().length >= 2}>
              <MessageResults q={q().trim()} />
            </Show>
          </Match>
        </Switch>
      </div>
    </div>
  );
}

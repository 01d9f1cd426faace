import { For, Match, Switch, createEffect, createResource, createSignal, onCleanup, onMount } from "solid-js";
import Search from "lucide-solid/icons/search";
import X from "lucide-solid/icons/x";
import { api, call } from "../../../lib/api";
import { nameOf } from "../data/people";
import { shortWhen } from "../data/text";
import { useChat } from "./context";
import { t } from "../i18n";

/** Full-text search in this chat; a result scrolls the history to the message. */
export function ChatSearch(props: { onClose: () => void }) {
  const ctx = useChat();
  const [q, setQ] = createSignal("");
  const [term, setTerm] = createSignal("");
  let input!: HTMLInputElement;
  onMount(() => input.focus());
  createEffect(() => {
    const v = q().trim();
    const timer = setTimeout(() => setTerm(v), 300);
    onCleanup(() => clearTimeout(timer));
  });
  const [hits] = createResource(term, async (v) => (v ? (await call(api.chats[":id"].search.$get({ param: { id: ctx.room.chatId }, query: { q: v, limit: "30" } }))).items : []));
  return (
    <aside class="absolute inset-y-0 right-0 z-20 flex w-full flex-col border-l border-line bg-surface shadow-pop sm:w-80" aria-label={t("chat.search")} data-testid="chat-search-panel">
      <div class="flex items-center gap-2 border-b border-line p-2">
        <div class="relative flex-1">
          <Search size={15} class="pointer-events-none absolute left-2.5 top-1/2 -translate-y-1/2 text-muted" aria-hidden="true" />
          <input
            ref={input}
            type="search"
            class="k-input h-8 pl-8 text-[13px]"
            placeholder={t("chat.searchPlaceholder")}
            aria-label={t("chat.searchPlaceholder")}
            value={q()}
            onInput={(e) => setQ(e.currentTarget.value)}
            onKeyDown={(e) => e.key === "Escape" && props.onClose()}
            data-testid="chat-search-input"
          />
        </div>
        <button type="button" class="rounded p-1.5 text-muted hover:bg-subtle" aria-label={t("chat.searchClose")} onClick={props.onClose}>
          <X size={16} />
        </button>
      </div>
      <div class="min-h-0 flex-1 overflow-y-auto p-1">
        <Switch>
          <Match when={!term()}>{null}</Match>
          <Match when={hits.loading}>
            <p class="p-3 text-[13px] text-muted">{t("list.searching")}</p>
          </Match>
          <Match when={!hits()?.length}>
            <p class="p-3 text-[13px] text-muted">{t("chat.searchEmpty")}</p>
          </Match>
          <Match when>
            <ul data-testid="chat-search-results">
              <For each={hits()}>
                {(m) => (
                  <li>
                    <button type="button" class="block w-full rounded-md px-2.5 py-2 text-left hover:bg-subtle" onClick={() => ctx.jumpTo(m.seq)}>
                      <span class="flex items-baseline gap-2 text-[12px]">
                        <span class="flex-1 truncate font-medium">{nameOf(m.authorId)}</span>
                        <span class="text-muted">{shortWhen(m.createdAt)}</span>
                      </span>
                      <span class="line-clamp-3 text-[12.5px] text-muted">{m.text}</span>
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Match>
        </Switch>
      </div>
    </aside>
  );
}

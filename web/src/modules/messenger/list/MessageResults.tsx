import { For, Match, Switch, createResource, createSignal, createEffect, onCleanup } from "solid-js";
import { A } from "@solidjs/router";
import { api, call } from "../../../lib/api";
import { chatById } from "../data/chats";
import { nameOf } from "../data/people";
import { shortWhen } from "../data/text";
import { t } from "../i18n";

/** Messages across my chats that match the search (the server searches each chat's own index). */
export function MessageResults(props: { q: string }) {
  const [term, setTerm] = createSignal("");
  createEffect(() => {
    const q = props.q;
    const timer = setTimeout(() => setTerm(q), 300);
    onCleanup(() => clearTimeout(timer));
  });
  const [hits] = createResource(term, async (q) => (q ? (await call(api.chats.search.$get({ query: { q, limit: "20" } }))).items : []));
  return (
    <section class="mt-2 border-t border-line px-2 pt-2" aria-label={t("list.messages")}>
      <h2 class="px-2.5 pb-1 text-[11px] font-semibold uppercase tracking-wider text-muted">{t("list.messages")}</h2>
      <Switch>
        <Match when={hits.loading || term() !== props.q}>
          <p class="px-2.5 py-2 text-[13px] text-muted">{t("list.searching")}</p>
        </Match>
        <Match when={!hits()?.length}>
          <p class="px-2.5 py-2 text-[13px] text-muted">{t("list.noMessagesFound")}</p>
        </Match>
        <Match when>
          <ul data-testid="message-results">
            <For each={hits()}>
              {(h) => (
                <li>
                  <A href={`/messenger/${h.chatId}?seq=${h.message.seq}`} class="block rounded-lg px-2.5 py-2 hover:bg-subtle">
                    <span class="flex items-baseline gap-2">
                      <span class="flex-1 truncate text-[13px] font-medium">{chatById(h.chatId)?.title ?? ""}</span>
                      <span class="shrink-0 text-[11.5px] text-muted">{shortWhen(h.message.createdAt)}</span>
                    </span>
                    <span class="line-clamp-2 text-[12.5px] text-muted">
                      <span class="text-fg">{nameOf(h.message.authorId, "")}: </span>
                      {h.message.text}
                    </span>
                  </A>
                </li>
              )}
            </For>
          </ul>
        </Match>
      </Switch>
    </section>
  );
}

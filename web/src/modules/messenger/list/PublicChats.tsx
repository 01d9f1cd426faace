import { For, Match, Switch, createResource, createSignal } from "solid-js";
import { A, useNavigate } from "@solidjs/router";
import Globe from "lucide-solid/icons/globe";
import { api, call } from "../../../lib/api";
import { toast } from "../../../lib/toast";
import { toastChatError } from "../data/errors";
import { Button } from "../../../ui/Button";
import { ListSkeleton } from "../../../ui/Skeleton";
import { EmptyState } from "../../../ui/EmptyState";
import { bumpPublic, publicVersion, upsertChat } from "../data/chats";
import { ChatAvatar } from "./ChatRow";
import { t, tp } from "../i18n";

/** Public group chats I am not in yet: open one to read it, or join it. */
export function PublicChats(props: { q: string }) {
  const navigate = useNavigate();
  const [items] = createResource(publicVersion, async () => (await call(api.chats.$get({ query: { scope: "public" } }))).items);
  const [busy, setBusy] = createSignal<string | null>(null);
  const shown = () => (items() ?? []).filter((c) => !props.q || c.title.toLowerCase().includes(props.q));
  async function join(id: string) {
    setBusy(id);
    try {
      const r = await call(api.chats[":id"].join.$post({ param: { id } }));
      upsertChat(r.chat);
      toast(t("list.joined", { title: r.chat.title }), "success");
      bumpPublic();
      navigate(`/messenger/${id}`);
    } catch (e) {
      toastChatError(e);
    } finally {
      setBusy(null);
    }
  }
  return (
    <Switch>
      <Match when={items.loading && !items.latest}>
        <ListSkeleton rows={4} />
      </Match>
      <Match when={!shown().length}>
        <EmptyState icon={<Globe size={24} />} title={t("list.publicEmptyTitle")} text={t("list.publicEmptyText")} />
      </Match>
      <Match when>
        <ul class="px-2" data-testid="public-chats">
          <For each={shown()}>
            {(c) => (
              <li class="flex items-center gap-3 rounded-lg px-2.5 py-2 hover:bg-subtle">
                <A href={`/messenger/${c.id}`} class="flex min-w-0 flex-1 items-center gap-3">
                  <ChatAvatar chat={c} />
                  <span class="min-w-0">
                    <span class="block truncate text-[13.5px] font-medium">{c.title}</span>
                    <span class="block truncate text-[12px] text-muted">{tp("list.members", c.memberCount)}</span>
                  </span>
                </A>
                <Button size="sm" variant="secondary" busy={busy() === c.id} onClick={() => void join(c.id)} data-testid="join-chat">
                  {t("list.join")}
                </Button>
              </li>
            )}
          </For>
        </ul>
      </Match>
    </Switch>
  );
}

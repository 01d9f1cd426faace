import { Match, Switch, createEffect, createMemo, createResource } from "solid-js";
import { A } from "@solidjs/router";
import MessageSquareOff from "lucide-solid/icons/message-square-off";
import { ApiError, api, call } from "../../../lib/api";
import { me } from "../../../lib/session";
import { EmptyState } from "../../../ui/EmptyState";
import { ListSkeleton } from "../../../ui/Skeleton";
import { Button } from "../../../ui/Button";
import { upsertChat } from "../data/chats";
import { rememberPeople } from "../data/people";
import { ChatView } from "./ChatView";
import { t } from "../i18n";

/** Loads the chat (members, pinned messages), then shows it; joining a public chat switches to the live view. */
export function Conversation(props: { chatId: string }) {
  const [detail, { mutate, refetch }] = createResource(
    () => props.chatId,
    (id) => call(api.chats[":id"].$get({ param: { id } })),
  );
  createEffect(() => {
    const d = detail.latest;
    if (!d) return;
    rememberPeople(d.members);
    if (d.chat.isMember) upsertChat(d.chat);
  });
  const live = createMemo(() => (detail.latest ? detail.latest.chat.isMember : null));
  return (
    <Switch fallback={<div class="p-4"><ListSkeleton rows={6} /></div>}>
      <Match when={detail.error}>
        <div class="m-auto">
          <EmptyState
            icon={<MessageSquareOff size={26} />}
            title={detail.error instanceof ApiError && detail.error.status === 404 ? t("chat.notFound") : t("chat.loadFailed")}
            action={
              <div class="flex gap-2">
                <A href="/messenger" class="inline-flex h-9 items-center rounded-md border border-line-strong px-3.5 font-medium hover:bg-subtle">
                  {t("chat.back")}
                </A>
                <Button onClick={() => void refetch()}>{t("list.retry")}</Button>
              </div>
            }
          />
        </div>
      </Match>
      <Match when={live() === true && me()}>
        <ChatView detail={() => detail.latest!} setDetail={(d) => mutate(d)} live />
      </Match>
      <Match when={live() === false && me()}>
        <ChatView detail={() => detail.latest!} setDetail={(d) => mutate(d)} live={false} onJoined={(d) => mutate(d)} />
      </Match>
    </Switch>
  );
}

import { Match, Show, Switch, onCleanup, onMount } from "solid-js";
import { useParams } from "@solidjs/router";
import PowerOff from "lucide-solid/icons/power-off";
import MessagesSquare from "lucide-solid/icons/messages-square";
import { t as gt } from "../../lib/i18n";
import { accessOf } from "../../lib/modules";
import { LockedModule } from "../../routes/shell/LockedModule";
import { EmptyState } from "../../ui/EmptyState";
import { watchChats } from "./data/chats";
import { ChatListPane } from "./list/ChatListPane";
import { Conversation } from "./chat/Conversation";
import { t } from "./i18n";

function SwitchedOff() {
  return (
    <div class="mx-auto max-w-xl p-4 md:p-8">
      <div class="k-card p-8 text-center">
        <PowerOff size={28} class="mx-auto text-muted" />
        <h1 class="mt-3 text-base font-semibold">{gt("shell.switchedOffTitle", { module: t("title") })}</h1>
        <p class="mt-2 text-muted">{gt("shell.switchedOffText")}</p>
      </div>
    </div>
  );
}

/** The list on the left, the open conversation on the right; below 768 px one of them at a time. */
function Workspace() {
  const params = useParams<{ chatId?: string }>();
  onMount(() => onCleanup(watchChats()));
  return (
    <div class="flex h-full min-h-0 bg-surface" data-testid="messenger">
      <aside class={`min-h-0 w-full flex-col border-line md:flex md:w-80 md:shrink-0 md:border-r ${params.chatId ? "hidden" : "flex"}`} aria-label={t("list.label")}>
        <ChatListPane activeId={params.chatId} />
      </aside>
      <section class={`min-h-0 min-w-0 flex-1 flex-col bg-bg ${params.chatId ? "flex" : "hidden md:flex"}`}>
        <Show
          when={params.chatId}
          keyed
          fallback={
            <div class="m-auto">
              <EmptyState icon={<MessagesSquare size={26} />} title={t("chat.pick")} text={t("chat.pickText")} />
            </div>
          }
        >
          {(id) => <Conversation chatId={id} />}
        </Show>
      </section>
    </div>
  );
}

export default function Messenger() {
  const access = () => accessOf("messenger");
  return (
    <Switch fallback={<Workspace />}>
      <Match when={!access()}>
        <SwitchedOff />
      </Match>
      <Match when={access()?.locked}>
        <LockedModule module="messenger" reason={access()!.locked!} />
      </Match>
    </Switch>
  );
}

import { Show, createSignal } from "solid-js";
import { useSearchParams } from "@solidjs/router";
import { me } from "../../../lib/session";
import { api, call as http } from "../../../lib/api";
import { errorText, toast } from "../../../lib/toast";
import { toastChatError } from "../data/errors";
import { ConfirmDialog } from "../../../ui/ConfirmDialog";
import { createRoom } from "../data/room";
import { createCall } from "../data/call";
import type { ChatDetail, ChatMessage } from "../data/types";
import { ChatContext, type ChatCtx } from "./context";
import { ChatHeader } from "./ChatHeader";
import { MessageList } from "./MessageList";
import { Composer } from "./Composer";
import { JoinBar } from "./JoinBar";
import { PinnedBar } from "./PinnedBar";
import { ChatSearch } from "./ChatSearch";
import { DropZone } from "./DropZone";
import { StatusLine } from "./StatusLine";
import { CallBanner } from "../call/CallBanner";
import { CallView } from "../call/CallView";
import { t } from "../i18n";

/** One conversation on screen: header, the call (if any), history, typing and the composer. */
export function ChatView(props: { detail: () => ChatDetail; setDetail: (d: ChatDetail) => void; live: boolean; onJoined?: (d: ChatDetail) => void }) {
  const myId = me()!.user.id;
  const [params] = useSearchParams<{ seq?: string }>();
  const room = createRoom(props.detail().chat.id, myId, {
    live: props.live,
    onError: (code, message) => toast((t as (k: string) => string | undefined)(`errors.${code}`) || message || errorText(null), "error"),
  });
  const callCtl = createCall(room, myId);
  const [replyTo, setReplyTo] = createSignal<ChatMessage | null>(null);
  const [editing, setEditing] = createSignal<ChatMessage | null>(null);
  const [deleting, setDeleting] = createSignal<ChatMessage | null>(null);
  const [searchOpen, setSearchOpen] = createSignal(false);
  let jump = (_seq: number) => {};
  let focus = () => {};

  const offline = () => (toast(t("errors.offline"), "error"), false);
  const ctx: ChatCtx = {
    me: myId,
    detail: props.detail,
    room,
    call: callCtl,
    replyTo,
    setReplyTo: (m) => (setEditing(null), setReplyTo(m), focus()),
    editing,
    setEditing: (m) => (setReplyTo(null), setEditing(m), focus()),
    askDelete: setDeleting,
    react: (m, emoji) => {
      const on = !(m.reactions[emoji] ?? []).includes(myId);
      if (!room.frame({ type: "react", seq: m.seq, emoji, on })) offline();
    },
    togglePin: async (m) => {
      try {
        const path = { param: { id: room.chatId, seq: String(m.seq) } };
        const r = await http(m.pinned ? api.chats[":id"].messages[":seq"].pin.$delete(path) : api.chats[":id"].messages[":seq"].pin.$put(path));
        room.messages.upsert([r.message]);
        const pinned = props.detail().pinned.filter((p) => p.seq !== m.seq);
        props.setDetail({ ...props.detail(), pinned: r.message.pinned ? [...pinned, r.message].sort((a, b) => a.seq - b.seq) : pinned });
      } catch (e) {
        toastChatError(e);
      }
    },
    jumpTo: (seq) => jump(seq),
    setJumpTo: (fn) => (jump = fn),
    focusComposer: () => focus(),
    setFocusComposer: (fn) => (focus = fn),
  };

  return (
    <ChatContext.Provider value={ctx}>
      <DropZone enabled={props.live}>
        <div class="flex h-full min-h-0 flex-col" data-testid="conversation" data-chat-id={room.chatId}>
          <ChatHeader onSearch={() => setSearchOpen((o) => !o)} setDetail={props.setDetail} live={props.live} />
          <Show when={callCtl.joined()} fallback={<CallBanner />}>
            <CallView />
          </Show>
          <PinnedBar />
          <div class="relative flex min-h-0 flex-1">
            <MessageList initialSeq={params.seq ? Number(params.seq) : undefined} />
            <Show when={searchOpen()}>
              <ChatSearch onClose={() => setSearchOpen(false)} />
            </Show>
          </div>
          <Show when={props.live} fallback={<JoinBar onJoined={(d) => props.onJoined?.(d)} />}>
            <StatusLine />
            <Composer />
          </Show>
        </div>
      </DropZone>
      <ConfirmDialog
        open={!!deleting()}
        title={t("message.deleteTitle")}
        text={t("message.deleteText")}
        confirm={t("message.delete")}
        danger
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          const m = deleting();
          if (m && !room.frame({ type: "delete", seq: m.seq })) offline();
        }}
      />
    </ChatContext.Provider>
  );
}

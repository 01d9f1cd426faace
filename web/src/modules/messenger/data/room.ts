import { createMemo, createSignal, onCleanup } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { ReliableChatClient } from "../../../../../durable-objects/chat-client";
import { api, call } from "../../../lib/api";
import { IdbOutbox } from "./outbox";
import { createMessageStore } from "./messages";
import { createTyping } from "./typing";
import { noteMessage, refreshSoon, setUnread } from "./chats";
import { openChatSocket, type ChatSocket } from "./socket";
import type { CallParticipant, ChatServerFrame, PendingMessage, PendingView } from "./types";

export type Status = "connecting" | "open" | "offline" | "ended";
const PAGE = 50;

/**
 * One open conversation: its loaded history, the outbox (through ReliableChatClient, so a send survives
 * reloads and reconnects), read cursors, typing and the call roster. History first, then the socket, so
 * the resume on connect asks only for what came after the page we show.
 */
export function createRoom(chatId: string, me: string, opts: { live: boolean; onError: (code: string, message: string) => void }) {
  const messages = createMessageStore();
  const [pending, setPending] = createSignal<PendingView[]>([]);
  const [status, setStatus] = createSignal<Status>("connecting");
  const [readSeqs, setReadSeqs] = createStore<Record<string, number>>({});
  const [readAtOpen, setReadAtOpen] = createSignal<number | null>(null);
  const [participants, setParticipants] = createSignal<CallParticipant[]>([]);
  const [loading, setLoading] = createSignal(true);
  const [loadingOlder, setLoadingOlder] = createSignal(false);
  const typing = createTyping(me);
  const callListeners = new Set<(f: ChatServerFrame | { type: "socket"; open: boolean }) => void>();
  let socket: ChatSocket | null = null;
  let disposed = false;
  let wantRead = 0;

  const dropPending = (clientId: string) => setPending((l) => (l.some((p) => p.clientId === clientId) ? l.filter((p) => p.clientId !== clientId) : l));
  const client = new ReliableChatClient(chatId, new IdbOutbox(me), {
    onMessage: (m) => {
      messages.upsert([m]);
      dropPending(m.clientId);
    },
    onAck: dropPending,
    onFrame,
  });

  function onFrame(f: ChatServerFrame) {
    switch (f.type) {
      case "hello":
        setReadSeqs(reconcile(f.readSeqs));
        if (readAtOpen() === null) setReadAtOpen(f.readSeqs[me] ?? 0);
        setParticipants(f.call);
        break;
      case "read":
        if (f.seq > (readSeqs[f.userId] ?? 0)) setReadSeqs(f.userId, f.seq);
        break;
      case "typing":
        typing.saw(f.userId);
        break;
      case "message":
      case "message.batch":
        for (const m of f.type === "message" ? [f.message] : f.messages) {
          typing.stopped(m.authorId);
          noteMessage(chatId, m);
        }
        refreshSoon(2500);
        break;
      case "message.updated":
        messages.upsert([f.message]);
        break;
      case "call.participants":
        setParticipants(f.participants);
        break;
      case "error":
        if (f.clientId) {
          const dropped = f.code === "validation";
          setPending((l) => l.map((p) => (p.clientId === f.clientId ? { ...p, error: f.message, dropped } : p)));
        } else if (f.code !== "not_in_call") opts.onError(f.code, f.message);
        break;
    }
    if (f.type.startsWith("call.") || f.type === "hello") for (const l of callListeners) l(f);
  }

  async function receive(f: ChatServerFrame) {
    await client.receive(f);
    // A resume answers at most one page; ask again until we are level with the room.
    if (f.type === "messages" && f.messages.length && client.lastSeq < f.lastSeq) socket?.send({ type: "resume", afterSeq: client.lastSeq });
  }

  function connect() {
    socket = openChatSocket(chatId, {
      open: (ws) => {
        setStatus("open");
        void client.attach(ws).then(flushRead);
        for (const l of callListeners) l({ type: "socket", open: true });
      },
      close: (ended) => {
        client.detach();
        setStatus(ended ? "ended" : "offline");
        for (const l of callListeners) l({ type: "socket", open: false });
      },
      frame: (f) => void receive(f),
    });
  }

  async function start() {
    try {
      const [page, outbox] = await Promise.all([call(api.chats[":id"].messages.$get({ param: { id: chatId }, query: { limit: String(PAGE) } })), opts.live ? client.pending() : []]);
      if (disposed) return;
      messages.reset(page.messages);
      client.lastSeq = Math.max(page.lastSeq, messages.last()?.seq ?? 0);
      setPending(outbox.sort((a, b) => a.createdAt - b.createdAt));
    } catch (e) {
      opts.onError("load_failed", e instanceof Error ? e.message : "");
    } finally {
      setLoading(false);
    }
    if (opts.live && !disposed) connect();
  }
  void start();
  onCleanup(() => {
    disposed = true;
    socket?.dispose();
    typing.dispose();
  });

  async function loadOlder(): Promise<number> {
    const first = messages.first();
    if (!first || first.seq <= 1 || loadingOlder()) return 0;
    setLoadingOlder(true);
    try {
      const page = await call(api.chats[":id"].messages.$get({ param: { id: chatId }, query: { before: String(first.seq), limit: String(PAGE) } }));
      messages.upsert(page.messages);
      return page.messages.length;
    } finally {
      setLoadingOlder(false);
    }
  }

  /** Stores the message in the outbox first; it shows as pending once it is safe there. */
  async function send(text: string, extra: Omit<PendingMessage, "clientId" | "chatId" | "text" | "createdAt"> = {}) {
    const p = await client.send(text, extra);
    if (!messages.hasClient(p.clientId)) setPending((l) => [...l, p]);
  }

  async function discard(clientId: string) {
    await new IdbOutbox(me).remove(clientId);
    dropPending(clientId);
  }

  function flushRead() {
    if (wantRead > (readSeqs[me] ?? 0) && socket?.send({ type: "read", seq: wantRead })) {
      setReadSeqs(me, wantRead);
      if (wantRead >= (messages.last()?.seq ?? 0)) setUnread(chatId, 0);
    }
  }

  const visiblePending = createMemo(() => pending().filter((p) => !messages.hasClient(p.clientId)));
  return {
    chatId,
    live: opts.live,
    messages,
    pending: visiblePending,
    status,
    readSeqs,
    readAtOpen,
    participants,
    loading,
    loadingOlder,
    hasOlder: () => (messages.first()?.seq ?? 1) > 1,
    typingUsers: typing.users,
    send,
    discard,
    loadOlder,
    frame: (f: object) => socket?.send(f) ?? false,
    typing: () => typing.mine((f) => socket?.send(f)),
    markRead(seq: number) {
      if (!opts.live || seq <= wantRead) return;
      wantRead = seq;
      flushRead();
    },
    onCall(fn: (f: ChatServerFrame | { type: "socket"; open: boolean }) => void) {
      callListeners.add(fn);
      return () => callListeners.delete(fn);
    },
  };
}

export type Room = ReturnType<typeof createRoom>;

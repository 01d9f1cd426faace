import { createRoot, createSignal } from "solid-js";
import { createStore, produce, reconcile } from "solid-js/store";
import { ApiError, api, call } from "../../../lib/api";
import { onLiveFrame, type Counters } from "../../../lib/live";
import type { ChatDto, ChatMessage } from "./types";

/** The UserHub pushes unread counts live; the poll only catches what counters do not carry (new previews). */
const POLL_MS = 60_000;

/**
 * The user's chats, newest activity first. Refreshed on open, every 20 s, when the window comes back,
 * and soon after a chat socket delivers a message; the open chat patches its row at once.
 */
const store = createRoot(() => {
  const [state, setState] = createStore<{ items: ChatDto[]; loaded: boolean; failed: boolean }>({ items: [], loaded: false, failed: false });
  return { state, setState };
});
export const chats = store.state;

/** Unread counts we just changed here (by reading); a refresh in the next seconds must not bring the old count back. */
const local = new Map<string, { n: number; until: number }>();
const withLocal = (c: ChatDto): ChatDto => {
  const o = local.get(c.id);
  return o && o.until > Date.now() ? { ...c, unread: o.n } : c;
};

/** The list in D1 trails the rooms by a flush: a row we already moved ahead locally keeps its newer preview. */
const keepNewer = (c: ChatDto): ChatDto => {
  const mine = store.state.items.find((x) => x.id === c.id);
  if (!mine || mine.lastSeq <= c.lastSeq) return c;
  return { ...c, lastSeq: mine.lastSeq, lastMessageAt: mine.lastMessageAt, lastPreview: mine.lastPreview, lastAuthorId: mine.lastAuthorId };
};
const activity = (c: ChatDto) => c.lastMessageAt ?? c.createdAt;
const sortByActivity = (items: ChatDto[]) => [...items].sort((a, b) => (activity(a) < activity(b) ? 1 : activity(a) > activity(b) ? -1 : 0));

let inFlight: Promise<void> | null = null;
export function refreshChats(): Promise<void> {
  inFlight ??= (async () => {
    try {
      const r = await call(api.chats.$get({ query: {} }));
      store.setState("items", reconcile(sortByActivity(r.items.map(withLocal).map(keepNewer)), { key: "id" }));
      store.setState({ loaded: true, failed: false });
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) store.setState({ failed: !store.state.loaded, loaded: true });
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}

let soon: ReturnType<typeof setTimeout> | undefined;
/** A refresh a moment from now; many calls in a burst make one request. */
export function refreshSoon(ms = 1200) {
  clearTimeout(soon);
  soon = setTimeout(() => void refreshChats(), ms);
}

/** Live "chat:<id>" counters: badges change at once; a chat we do not list yet, or a new count, brings a refresh. */
function applyCounters(counters: Counters) {
  let stale = false;
  for (const [key, n] of Object.entries(counters)) {
    if (!key.startsWith("chat:")) continue;
    const id = key.slice(5);
    const i = store.state.items.findIndex((c) => c.id === id);
    if (i < 0) {
      stale ||= n > 0;
      continue;
    }
    const o = local.get(id);
    const value = o && o.until > Date.now() ? o.n : n;
    if (value > store.state.items[i].unread) stale = true;
    if (store.state.items[i].unread !== value) store.setState("items", i, "unread", value);
  }
  if (stale) refreshSoon(400);
}

/** Keeps the list fresh while the messenger is on screen; returns the stop function. */
export function watchChats(): () => void {
  void refreshChats();
  const timer = setInterval(() => document.visibilityState === "visible" && void refreshChats(), POLL_MS);
  const onFocus = () => void refreshChats();
  window.addEventListener("focus", onFocus);
  const off = onLiveFrame((f) => {
    if (f.type === "counters" || f.type === "snapshot") applyCounters(f.counters);
    // A snapshot follows every reconnect of the live link: what was missed meanwhile comes with a refresh.
    if (f.type === "snapshot") refreshSoon(200);
  });
  return () => {
    clearInterval(timer);
    window.removeEventListener("focus", onFocus);
    off();
  };
}

export function chatById(id: string | undefined): ChatDto | undefined {
  return id ? store.state.items.find((c) => c.id === id) : undefined;
}

export function upsertChat(chat: ChatDto) {
  store.setState(
    "items",
    produce((items) => {
      const i = items.findIndex((c) => c.id === chat.id);
      if (i >= 0) items[i] = chat;
      else items.unshift(chat);
    }),
  );
}

export function dropChat(id: string) {
  store.setState("items", (items) => items.filter((c) => c.id !== id));
}

export function setUnread(id: string, unread: number) {
  local.set(id, { n: unread, until: Date.now() + 6000 });
  const i = store.state.items.findIndex((c) => c.id === id);
  if (i >= 0 && store.state.items[i].unread !== unread) store.setState("items", i, "unread", unread);
}

/** A new message in an open chat moves its row to the top with the new preview. */
export function noteMessage(chatId: string, m: ChatMessage) {
  const i = store.state.items.findIndex((c) => c.id === chatId);
  if (i < 0 || m.seq <= store.state.items[i].lastSeq) return;
  store.setState(
    "items",
    produce((items) => {
      const [row] = items.splice(i, 1);
      items.unshift({ ...row, lastSeq: m.seq, lastMessageAt: m.createdAt, lastPreview: m.text.slice(0, 140), lastAuthorId: m.authorId });
    }),
  );
}

export const totalUnread = () => store.state.items.reduce((n, c) => n + c.unread, 0);

const [publicVersion, setPublicVersion] = createRoot(() => createSignal(0));
export { publicVersion };
export const bumpPublic = () => setPublicVersion((v) => v + 1);

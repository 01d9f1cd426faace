import { createEffect, createRoot, createSignal, on } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { api, call } from "./api";
import { me, mustSetUpTotp, signedOut } from "./session";

/**
 * The tab's one live connection to its user's UserHub (GET /api/v1/live): counters and notifications,
 * pushed as a snapshot on every (re)connect and as deltas after that. Modules read the counters and
 * may subscribe to the raw frames. partysocket (reconnect with backoff) is a lazy chunk: it is not
 * needed to paint the first screen.
 */

export type LiveStatus = "live" | "connecting" | "offline";
export type Counters = Record<string, number>;
export interface LiveNote {
  id: string;
  type: string;
  data: Record<string, string | number | boolean | null>;
  createdAt: string;
  readAt: string | null;
}
export type LiveFrame =
  | { type: "snapshot"; counters: Counters; notifications: LiveNote[] }
  | { type: "counters"; counters: Counters }
  | { type: "notification"; item: LiveNote }
  | { type: "notifications.read"; ids: string[] | "all" }
  | { type: "session.ended" }
  | { type: "error"; code: string; message: string };

type Socket = { send(data: string): void; close(code?: number, reason?: string): void; readyState: number; reconnect(): void; retryCount: number };
type SocketHandlers = { onMessage: (data: unknown) => void; onOpen?: (first: boolean) => void; onStatus?: (s: LiveStatus) => void };

const PING_MS = 25_000;
/** Close code the hubs use when the session is over: reconnecting would only be refused. */
const SESSION_ENDED = 4001;

/**
 * A reconnecting same-origin WebSocket (any of our live endpoints) with backoff, a text "ping" every
 * 25 s (answered by the Durable Object's auto-response without waking it) and a status signal.
 */
export function openSocket(path: string, h: SocketHandlers): { close: () => void; send: (data: string) => void } {
  let ws: Socket | null = null;
  let closed = false;
  let opens = 0;
  const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${path}`;
  const ping = setInterval(() => ws?.readyState === 1 && ws.send("ping"), PING_MS);
  const status = () => h.onStatus?.(!navigator.onLine || (ws?.retryCount ?? 0) > 3 ? "offline" : "connecting");
  const online = () => ws?.reconnect();
  window.addEventListener("online", online);
  window.addEventListener("offline", status);
  h.onStatus?.("connecting");
  void import("partysocket/ws").then(({ default: ReconnectingWebSocket }) => {
    if (closed) return;
    const rws = new ReconnectingWebSocket(url, [], {
      minReconnectionDelay: 500 + Math.random() * 1000,
      maxReconnectionDelay: 15_000,
      reconnectionDelayGrowFactor: 1.6,
      connectionTimeout: 6000,
      shouldReconnectOnClose: (e: CloseEvent) => e.code !== SESSION_ENDED,
    });
    ws = rws as unknown as Socket;
    rws.addEventListener("open", () => {
      h.onStatus?.("live");
      h.onOpen?.(opens++ === 0);
    });
    rws.addEventListener("close", status);
    rws.addEventListener("message", (e: MessageEvent) => {
      if (typeof e.data !== "string" || e.data === "pong") return;
      try {
        h.onMessage(JSON.parse(e.data));
      } catch {
        /* not JSON: ignore */
      }
    });
  });
  return {
    send: (data) => ws?.readyState === 1 && ws.send(data),
    close: () => {
      closed = true;
      clearInterval(ping);
      window.removeEventListener("online", online);
      window.removeEventListener("offline", status);
      ws?.close(1000, "bye");
      ws = null;
    },
  };
}

const [status, setStatus] = createSignal<LiveStatus>("connecting");
const [counters, setCounters] = createStore<Counters>({});
const [notes, setNotes] = createSignal<LiveNote[]>([]);
const listeners = new Set<(f: LiveFrame) => void>();

/** Connection state of the live link, for the header indicator. */
export const liveStatus = status;
/** Live counters: "notifications", "messenger", "chat:<id>", later "tasks", "crm"… (0 when absent). */
export const counter = (key: string): number => counters[key] ?? 0;
export { counters };
/** The latest notifications (the snapshot's 20 plus everything pushed since). */
export const liveNotes = notes;

/** Every frame of the user's live connection, for modules (calendar answers, chat counters…). Returns the unsubscribe. */
export function onLiveFrame(fn: (f: LiveFrame) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Adds notifications loaded over HTTP (older pages, a fresh first page) to the live list. */
export function mergeNotes(items: LiveNote[], replace = false) {
  setNotes((prev) => {
    const byId = new Map((replace ? [] : prev).map((n) => [n.id, n]));
    for (const n of items) byId.set(n.id, { ...n, readAt: n.readAt ?? null });
    return [...byId.values()].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id.localeCompare(a.id)));
  });
}

/** Marks notifications read locally (the server confirms with a frame to every tab). */
export function markNotesRead(ids: string[] | "all") {
  const now = new Date().toISOString();
  const set = ids === "all" ? null : new Set(ids);
  setNotes((l) => l.map((n) => (!n.readAt && (!set || set.has(n.id)) ? { ...n, readAt: now } : n)));
}

export function setCounter(key: string, value: number) {
  setCounters(key, Math.max(0, value));
}

function apply(f: LiveFrame) {
  if (f.type === "snapshot") {
    setCounters(reconcile(f.counters));
    mergeNotes(f.notifications, true);
  } else if (f.type === "counters") setCounters(f.counters);
  else if (f.type === "notification") mergeNotes([f.item]);
  else if (f.type === "notifications.read") markNotesRead(f.ids);
  else if (f.type === "session.ended") signedOut();
  for (const fn of listeners) fn(f);
}

let probed = 0;
/** Retries keep failing while the browser is online: maybe the session is gone. Asking /me signs out on 401. */
function statusChanged(s: LiveStatus) {
  setStatus(s);
  if (s !== "offline" || !navigator.onLine || Date.now() - probed < 30_000) return;
  probed = Date.now();
  call(api.me.$get()).catch(() => undefined);
}

// Runs while someone is signed in (and not held at the two-factor set-up); a new user gets a new link.
createRoot(() => {
  let conn: { close: () => void } | null = null;
  createEffect(
    on(
      () => (me() && !mustSetUpTotp() ? me()!.user.id : null),
      (userId) => {
        conn?.close();
        conn = null;
        setCounters(reconcile({}));
        setNotes([]);
        if (userId) conn = openSocket("/api/v1/live", { onMessage: (d) => apply(d as LiveFrame), onStatus: statusChanged });
        else setStatus("offline");
      },
    ),
  );
});

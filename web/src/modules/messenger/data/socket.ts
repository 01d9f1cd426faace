import PartySocket from "partysocket/ws";
import type { ChatServerFrame } from "./types";

const PING_EVERY = 25_000;
const DEAD_AFTER = 70_000;

export interface ChatSocketHandlers {
  open(socket: PartySocket): void;
  close(ended: boolean): void;
  frame(frame: ChatServerFrame): void;
}

/**
 * The chat's WebSocket: reconnects with growing, jittered delays; pings so a dead connection is noticed;
 * closes when the browser goes offline and comes back when it is online. Nothing is queued inside the
 * socket: the chat client re-sends from its outbox after every reconnect.
 */
export function openChatSocket(chatId: string, on: ChatSocketHandlers) {
  const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/api/v1/chats/${encodeURIComponent(chatId)}/live`;
  const ws = new PartySocket(url, undefined, {
    maxEnqueuedMessages: 0,
    minReconnectionDelay: 300 + Math.random() * 700,
    maxReconnectionDelay: 15_000,
    reconnectionDelayGrowFactor: 1.7,
    connectionTimeout: 8000,
    // 4001: the room closed our socket for good (removed from the chat, session ended).
    shouldReconnectOnClose: (e) => e.code !== 4001,
  });
  let lastHeard = Date.now();
  let ended = false;
  ws.addEventListener("open", () => {
    lastHeard = Date.now();
    on.open(ws);
  });
  ws.addEventListener("close", (e) => {
    if (e.code === 4001) ended = true;
    on.close(ended);
  });
  ws.addEventListener("message", (e) => {
    lastHeard = Date.now();
    if (typeof e.data !== "string" || e.data === "pong") return;
    let frame: ChatServerFrame;
    try {
      frame = JSON.parse(e.data);
    } catch {
      return;
    }
    if (frame.type === "session.ended") {
      ended = true;
      ws.close(1000, "ended");
    }
    on.frame(frame);
  });
  const timer = setInterval(() => {
    if (ws.readyState !== WebSocket.OPEN) return;
    if (Date.now() - lastHeard > DEAD_AFTER) return ws.reconnect();
    ws.send("ping");
  }, PING_EVERY);
  const offline = () => ws.close(1000, "offline");
  const online = () => !ended && ws.reconnect();
  window.addEventListener("offline", offline);
  window.addEventListener("online", online);
  return {
    ws,
    send(frame: object): boolean {
      if (ws.readyState !== WebSocket.OPEN) return false;
      return ws.send(JSON.stringify(frame));
    },
    dispose() {
      clearInterval(timer);
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      ws.close(1000, "left");
    },
  };
}

export type ChatSocket = ReturnType<typeof openChatSocket>;

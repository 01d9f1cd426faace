import { SELF } from "cloudflare:test";
import type { Client } from "./helpers";

export interface LiveSocket {
  ws: WebSocket;
  frames: any[];
  /** Resolves with the first frame (seen or arriving) that matches, or rejects after the timeout. */
  next(match: (frame: any) => boolean, timeoutMs?: number): Promise<any>;
  close(): void;
}

/** Opens a WebSocket the way a tab of the portal would: its cookie and its own Origin. */
export async function openSocket(c: Client, path: string, origin = `http://${c.host}`): Promise<LiveSocket> {
  const res = await SELF.fetch(`http://${c.host}${path}`, { headers: { upgrade: "websocket", origin, ...(c.cookie ? { cookie: c.cookie } : {}) } });
  const ws = res.webSocket;
  if (!ws) throw new Error(`No socket: ${res.status} ${await res.text()}`);
  ws.accept();
  const frames: any[] = [];
  const waiters: { match: (f: any) => boolean; resolve: (f: any) => void }[] = [];
  ws.addEventListener("message", (e) => {
    if (e.data === "pong") return;
    const frame = JSON.parse(String(e.data));
    frames.push(frame);
    for (const w of [...waiters]) if (w.match(frame)) (waiters.splice(waiters.indexOf(w), 1), w.resolve(frame));
  });
  return {
    ws,
    frames,
    next(match, timeoutMs = 3000) {
      const seen = frames.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("timed out waiting for a frame")), timeoutMs);
        waiters.push({ match, resolve: (f) => (clearTimeout(timer), resolve(f)) });
      });
    },
    close() {
      try {
        ws.close(1000, "test done");
      } catch {
        /* closed */
      }
    },
  };
}

export async function upgradeStatus(c: Client, path: string, origin = `http://${c.host}`) {
  const res = await SELF.fetch(`http://${c.host}${path}`, { headers: { upgrade: "websocket", origin, ...(c.cookie ? { cookie: c.cookie } : {}) } });
  if (res.webSocket) res.webSocket.accept(), res.webSocket.close(1000, "probe");
  else await res.text();
  return res.status;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fresh client id for a chat send (`tag` only makes failures readable). */
export const clientId = (tag: number | string) => `client-${tag}-${Math.random().toString(36).slice(2, 10)}`;

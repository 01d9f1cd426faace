// WebSocket client for suites that need live connections (e.g. feed fan-out): connects to
// 127.0.0.1 with the tenant's Host, the session cookie and a same-origin Origin.
import WebSocket from "ws";
import { hostFor } from "./http.mjs";

/**
 * Opens ws://127.0.0.1:port/path as a signed-in user; resolves the open socket (bounded by timeoutMs).
 * `onMessage(data, receivedAt)` is attached before the handshake, so no early frame (e.g. a hello)
 * is missed; receivedAt is performance.now() taken before anything else.
 */
export function openSocket({ port, slug, path = "/api/v1/live", cookie, timeoutMs = 10_000, onMessage, onClose }) {
  const host = hostFor(port, slug);
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, {
      headers: { host, origin: `http://${host}`, ...(cookie ? { cookie } : {}) },
      handshakeTimeout: timeoutMs,
      perMessageDeflate: false,
    });
    if (onMessage) ws.on("message", (data) => onMessage(data, performance.now()));
    if (onClose) ws.on("close", (code, reason) => onClose(code, String(reason)));
    ws.once("open", () => resolve(ws));
    ws.once("unexpected-response", (_req, res) => {
      reject(new Error(`WebSocket upgrade of ${path} answered HTTP ${res.statusCode}`));
      ws.terminate();
    });
    ws.once("error", reject);
  });
}

/** Closes sockets and waits (bounded) until they are closed; terminates the stragglers. */
export async function closeAll(sockets, timeoutMs = 3_000) {
  await Promise.all(
    sockets.map(
      (ws) =>
        new Promise((resolve) => {
          if (ws.readyState === WebSocket.CLOSED) return resolve();
          const t = setTimeout(() => {
            ws.terminate();
            resolve();
          }, timeoutMs);
          ws.once("close", () => {
            clearTimeout(t);
            resolve();
          });
          try {
            ws.close(1000, "bench done");
          } catch {
            ws.terminate();
          }
        }),
    ),
  );
}

// WebSocket client for suites that need live connections (e.g. feed fan-out): connects to
// 127.0.0.1 with the tenant's Host, the session cookie and a same-origin Origin.
import WebSocket from "ws";
import { hostFor } from "./http.mjs";

/** Opens ws://127.0.0.1:port/path as a signed-in user; resolves the open socket (bounded by timeoutMs). */
export function openSocket({ port, slug, path = "/api/v1/live", cookie, timeoutMs = 10_000 }) {
  const host = hostFor(port, slug);
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, {
      headers: { host, origin: `http://${host}`, ...(cookie ? { cookie } : {}) },
      handshakeTimeout: timeoutMs,
    });
    ws.once("open", () => resolve(ws));
    ws.once("unexpected-response", (_req, res) => {
      reject(new Error(`WebSocket upgrade of ${path} answered HTTP ${res.statusCode}`));
      ws.terminate();
    });
    ws.once("error", reject);
  });
}

import { upload, readJson, type Client } from "./helpers";
import { bodyFor, fill, hasKnownBody, isSocket, queryFor, type AppRoute, type Seed } from "./routes";

/**
 * Calls a route as the given client, with the seed's ids and a valid body (or `{}` when `emptyBody`, or
 * when no valid body is described and the probe only needs the checks that run before validation).
 */
export async function call(c: Client, r: AppRoute, s: Seed, own: { userId: string }, emptyBody: boolean | "if-unknown" = false) {
  if (emptyBody === "if-unknown") emptyBody = !hasKnownBody(r);
  const path = fill(r, s) + queryFor(r, own);
  const body = emptyBody ? (r.method === "GET" ? null : {}) : bodyFor(r, s, own);
  const socket = isSocket(r) ? { upgrade: "websocket", origin: `http://${c.host}` } : undefined;
  const file = body && "file" in body && "type" in body ? (body as { file: Uint8Array | string; type: string }) : null;
  const res = file ? await upload(c, r.method, path, file.file, file.type) : await c.request(r.method, path, body ?? undefined, socket);
  if (res.webSocket) {
    res.webSocket.accept();
    res.webSocket.close(1000, "probe done");
  }
  const json = (res.headers.get("content-type") ?? "").includes("json");
  const out = json ? await readJson(res) : { status: res.status, body: res.webSocket ? null : await res.arrayBuffer().then(() => null) };
  return { ...out, route: `${r.method} ${r.path} → ${path}` };
}

/** Runs probes a few at a time (none of them may change anything) and lists those that went wrong. */
export async function sweep(list: AppRoute[], probe: (r: AppRoute) => Promise<string | null>) {
  const wrong: string[] = [];
  for (let i = 0; i < list.length; i += 8) wrong.push(...(await Promise.all(list.slice(i, i + 8).map(probe))).filter((w): w is string => w !== null));
  return wrong;
}

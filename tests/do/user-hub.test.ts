import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { client, newPortal, newEmployee, expectError } from "../api/helpers";
import { openSocket, upgradeStatus, sleep } from "../api/live-helpers";
import type { Env } from "../../worker/env";

const hubEnv = env as unknown as Env;
const hubOf = (tenantUserName: string) => hubEnv.USER_HUB.get(hubEnv.USER_HUB.idFromName(tenantUserName));

async function tenantIdOf(slug: string) {
  return (await hubEnv.CONTROL.prepare("SELECT id FROM tenants WHERE slug = ?").bind(slug).first<{ id: string }>())!.id;
}

describe("UserHub", () => {
  it("sends a snapshot on connect, the same as GET /counters, and deltas to every tab of the user", async () => {
    const p = await newPortal();
    const tabA = await openSocket(p.admin, "/api/v1/live");
    const tabB = await openSocket(p.admin, "/api/v1/live");
    const snap = await tabA.next((f) => f.type === "snapshot");
    const http = await p.admin.json("GET", "/api/v1/counters");
    expect(snap.counters).toEqual(http.body.counters);
    const hub = hubOf(`${await tenantIdOf(p.slug)}:${p.adminId}`);
    await hub.adjustCounters({ tasks: 3 });
    for (const tab of [tabA, tabB]) expect((await tab.next((f) => f.type === "counters" && f.counters.tasks === 3)).counters.tasks).toBe(3);
    tabA.close();
    tabB.close();
  });

  it("keeps counters and notifications across eviction, and a reconnect gets the full snapshot", async () => {
    const p = await newPortal();
    const hub = hubOf(`${await tenantIdOf(p.slug)}:${p.adminId}`);
    await hub.adjustCounters({ crm_planned: 6 });
    await hub.addNotification({ id: "n1", type: "test", data: { a: 1 }, createdAt: new Date().toISOString() });
    await evictDurableObject(hub);
    expect(await hub.counters()).toMatchObject({ crm_planned: 6, notifications: 1 });
    const tab = await openSocket(p.admin, "/api/v1/live");
    const snap = await tab.next((f) => f.type === "snapshot");
    expect(snap.counters).toMatchObject({ crm_planned: 6, notifications: 1 });
    expect(snap.notifications.map((n: any) => n.id)).toContain("n1");
    tab.ws.send(JSON.stringify({ type: "notifications.read", all: true }));
    await tab.next((f) => f.type === "counters" && f.counters.notifications === 0);
    expect((await p.admin.json("GET", "/api/v1/notifications")).body.unread).toBe(0);
    tab.close();
  });

  it("counters never go below zero", async () => {
    const hub = hubOf("t-x:u-floor");
    await hub.adjustCounters({ chat: 2 });
    expect((await hub.adjustCounters({ chat: -5 })).chat).toBe(0);
  });

  it("rejects malformed frames with an error frame and stays open", async () => {
    const p = await newPortal();
    const tab = await openSocket(p.admin, "/api/v1/live");
    await tab.next((f) => f.type === "snapshot");
    tab.ws.send("not json");
    expect((await tab.next((f) => f.type === "error")).code).toBe("bad_json");
    tab.ws.send(JSON.stringify({ type: "notifications.read", ids: "all" }));
    await tab.next((f) => f.type === "error" && f.code === "bad_frame");
    tab.ws.send(JSON.stringify({ type: "resync" }));
    await sleep(50);
    expect(tab.frames.filter((f) => f.type === "snapshot").length).toBe(2);
    tab.close();
  });

  it("answers ping with pong without a handler (auto response)", async () => {
    const p = await newPortal();
    const tab = await openSocket(p.admin, "/api/v1/live");
    const pong = new Promise((resolve) => tab.ws.addEventListener("message", (e) => e.data === "pong" && resolve(true)));
    // openSocket parses JSON frames; "pong" is plain text, so listen raw.
    tab.ws.send("ping");
    expect(await Promise.race([pong, sleep(2000).then(() => false)])).toBe(true);
    tab.close();
  });

  it("fires a scheduled item exactly once, even after eviction", async () => {
    const p = await newPortal();
    const hub = hubOf(`${await tenantIdOf(p.slug)}:${p.adminId}`);
    await hub.schedule("reminder-1", Date.now() + 60_000, "notification", { type: "reminder", data: { title: "Call Acme" } });
    await hub.schedule("reminder-2", Date.now() + 3_600_000, "notification", { type: "reminder", data: { title: "Later" } });
    await evictDurableObject(hub);
    expect((await hub.listScheduled()).map((s) => s.id)).toEqual(["reminder-1", "reminder-2"]);
    // Make the first one due, then let the alarm run twice: it must fire once.
    await runInDurableObject(hub, (_i, state) => {
      state.storage.sql.exec("UPDATE schedule SET at = ?1 WHERE id = 'reminder-1'", Date.now() - 1);
      return state.storage.setAlarm(Date.now() - 1);
    });
    expect(await runDurableObjectAlarm(hub)).toBe(true);
    await runInDurableObject(hub, (_i, state) => state.storage.setAlarm(Date.now() - 1));
    await runDurableObjectAlarm(hub);
    const list = await p.admin.json("GET", "/api/v1/notifications");
    expect(list.body.items.filter((n: any) => n.type === "reminder")).toHaveLength(1);
    expect((await hub.listScheduled()).map((s) => s.id)).toEqual(["reminder-2"]);
    const alarm = await runInDurableObject(hub, (_i, state) => state.storage.getAlarm());
    expect(alarm).toBeGreaterThan(Date.now() + 3_000_000);
  });

  it("refuses sockets without a session, from another origin, or for another portal's host", async () => {
    const p = await newPortal();
    expect(await upgradeStatus(client(p.host), "/api/v1/live")).toBe(401);
    expect(await upgradeStatus(p.admin, "/api/v1/live", "http://evil.kontor.localhost")).toBe(403);
    const other = await newPortal();
    const stolen = client(other.host);
    stolen.cookie = p.admin.cookie;
    expect(await upgradeStatus(stolen, "/api/v1/live")).toBe(401);
    expectError(await p.admin.json("GET", "/api/v1/live"), 400, "websocket_expected");
  });

  it("dismissing a user closes their open sockets at once", async () => {
    const p = await newPortal({ plan: "basic" });
    const emp = await newEmployee(p, "Dora Dismissed");
    const tab = await openSocket(emp.client, "/api/v1/live");
    const feed = await openSocket(emp.client, "/api/v1/feed/live");
    const closed = (ws: WebSocket) => new Promise((resolve) => ws.addEventListener("close", () => resolve(true)));
    const closes = Promise.all([closed(tab.ws), closed(feed.ws)]);
    expect((await p.admin.json("POST", `/api/v1/people/users/${emp.id}/dismiss`)).status).toBe(200);
    expect(await Promise.race([closes.then(() => true), sleep(3000).then(() => false)])).toBe(true);
    expect(tab.frames.some((f) => f.type === "session.ended")).toBe(true);
    expect(await upgradeStatus(emp.client, "/api/v1/live")).toBe(401);
  });
});

describe("presence", () => {
  it("an open tab keeps the user online: its UserHub marks them seen now and again every few minutes", async () => {
    const p = await newPortal({ plan: "basic" });
    const emp = await newEmployee(p, "Pre Sence");
    const tenantId = await tenantIdOf(p.slug);
    const shard = (env as unknown as Record<string, D1Database>)[`SHARD_${p.shard}`];
    await shard.prepare("UPDATE users SET last_seen_at = '2000-01-01T00:00:00.000Z' WHERE tenant_id = ? AND id = ?").bind(tenantId, emp.id).run();
    const hub = hubOf(`${tenantId}:${emp.id}`);
    const tab = await openSocket(emp.client, "/api/v1/live");
    await tab.next((f) => f.type === "snapshot");
    await runDurableObjectAlarm(hub);
    expect((await p.admin.json("GET", `/api/v1/people/users/${emp.id}`)).body.user.presence).toBe("online");
    const next = (await hub.listScheduled()).find((s) => s.id === "presence");
    expect(next!.at).toBeGreaterThan(Date.now() + 3 * 60_000);
    tab.close();
  });
});

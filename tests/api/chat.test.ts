import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { runDurableObjectAlarm } from "cloudflare:test";
import { newPortal, newEmployee, expectError } from "./helpers";
import { openSocket, sleep, clientId, type LiveSocket } from "./live-helpers";
import type { Env } from "../../worker/env";

const e = env as unknown as Env;
const cid = clientId;

async function team() {
  const p = await newPortal({ plan: "basic" });
  const ann = await newEmployee(p, "Ann Alpha");
  const bob = await newEmployee(p, "Bob Beta");
  const cat = await newEmployee(p, "Cat Gamma");
  return { ...p, ann, bob, cat };
}

async function tenantId(slug: string) {
  return (await e.CONTROL.prepare("SELECT id FROM tenants WHERE slug = ?").bind(slug).first<{ id: string }>())!.id;
}

/** Runs the room's pending flush (unread counts to UserHubs, D1 chat list) now instead of in 400 ms. */
async function flush(slug: string, chatId: string) {
  await runDurableObjectAlarm(e.CHAT_ROOM.get(e.CHAT_ROOM.idFromName(`${await tenantId(slug)}:${chatId}`)));
}

describe("CHAT-1 chats", () => {
  it("one direct chat per pair: creating it again returns the same chat", async () => {
    const t = await team();
    const first = await t.ann.client.json("POST", "/api/v1/chats", { type: "direct", userId: t.bob.id });
    expect(first.status).toBe(201);
    const again = await t.bob.client.json("POST", "/api/v1/chats", { type: "direct", userId: t.ann.id });
    expect(again.status).toBe(200);
    expect(again.body.chat.id).toBe(first.body.chat.id);
    expect(again.body.chat.title).toBe("Ann Alpha");
    expectError(await t.ann.client.json("POST", "/api/v1/chats", { type: "direct", userId: t.ann.id }), 400);
    expectError(await t.ann.client.json("POST", "/api/v1/chats", { type: "direct", userId: "nobody" }), 404);
    expectError(await t.ann.client.json("POST", "/api/v1/chats", { type: "weird" }), 400);
  });

  it("public group chats can be found and joined; private ones are invisible to non-members, the admin included", async () => {
    const t = await team();
    const pub = (await t.ann.client.json("POST", "/api/v1/chats", { type: "group", title: "Lunch", visibility: "public" })).body.chat;
    const priv = (await t.ann.client.json("POST", "/api/v1/chats", { type: "group", title: "Secret", memberIds: [t.bob.id] })).body.chat;
    await t.ann.client.json("POST", `/api/v1/chats/${priv.id}/messages`, { clientId: cid(1), text: "private words" });
    const discover = (await t.cat.client.json("GET", "/api/v1/chats?scope=public")).body.items.map((c: any) => c.id);
    expect(discover).toEqual([pub.id]);
    expect((await t.cat.client.json("GET", `/api/v1/chats/${pub.id}/messages`)).status).toBe(200);
    expectError(await t.cat.client.json("POST", `/api/v1/chats/${pub.id}/messages`, { clientId: cid(2), text: "hi" }), 403, "not_member");
    expect((await t.cat.client.json("POST", `/api/v1/chats/${pub.id}/join`)).body.chat.isMember).toBe(true);
    expect((await t.cat.client.json("POST", `/api/v1/chats/${pub.id}/messages`, { clientId: cid(3), text: "hi" })).status).toBe(201);
    // CHAT-6: private is private, even for the administrator.
    for (const path of [`/api/v1/chats/${priv.id}`, `/api/v1/chats/${priv.id}/messages`, `/api/v1/chats/${priv.id}/search?q=private`]) {
      expectError(await t.admin.json("GET", path), 404);
      expectError(await t.cat.client.json("GET", path), 404);
    }
    expectError(await t.admin.json("POST", `/api/v1/chats/${priv.id}/join`), 404);
    expect((await t.admin.json("GET", "/api/v1/chats/search?q=private")).body.items).toHaveLength(0);
    expect((await t.bob.client.json("GET", "/api/v1/chats/search?q=private")).body.items).toHaveLength(1);
  });

  it("extranet users cannot start chats with employees", async () => {
    const p = await newPortal({ plan: "standard" });
    const ext = await newEmployee(p, "Ext Ernal");
    await p.admin.json("PATCH", `/api/v1/people/users/${ext.id}`, { role: "extranet" });
    expectError(await ext.client.json("POST", "/api/v1/chats", { type: "direct", userId: p.adminId }), 403, "extranet");
    expectError(await p.admin.json("POST", "/api/v1/chats", { type: "direct", userId: ext.id }), 403, "extranet");
    expect((await ext.client.json("GET", "/api/v1/chats?scope=public")).body.items).toEqual([]);
  });
});

describe("CHAT-3 no message is lost", () => {
  it("acknowledges with a seq; the same clientId again stores nothing new", async () => {
    const t = await team();
    const chat = (await t.ann.client.json("POST", "/api/v1/chats", { type: "direct", userId: t.bob.id })).body.chat;
    const id = cid("dup");
    const first = await t.ann.client.json("POST", `/api/v1/chats/${chat.id}/messages`, { clientId: id, text: "hello" });
    expect(first.status).toBe(201);
    const second = await t.ann.client.json("POST", `/api/v1/chats/${chat.id}/messages`, { clientId: id, text: "hello" });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ duplicate: true, message: { seq: first.body.message.seq } });
    const hist = await t.bob.client.json("GET", `/api/v1/chats/${chat.id}/messages`);
    expect(hist.body.messages).toHaveLength(1);
    // The refused duplicate took no sequence number: the next message follows directly.
    const next = await t.ann.client.json("POST", `/api/v1/chats/${chat.id}/messages`, { clientId: cid("next"), text: "next" });
    expect(next.body.message.seq).toBe(first.body.message.seq + 1);
  });

  it("keeps order, and a socket that resumes after a gap receives everything after its seq", async () => {
    const t = await team();
    const chat = (await t.ann.client.json("POST", "/api/v1/chats", { type: "group", title: "Ops", memberIds: [t.bob.id] })).body.chat;
    for (let i = 1; i <= 5; i++) await t.ann.client.json("POST", `/api/v1/chats/${chat.id}/messages`, { clientId: cid(i), text: `m${i}` });
    const ws = await openSocket(t.bob.client, `/api/v1/chats/${chat.id}/live`);
    const hello = await ws.next((f) => f.type === "hello");
    expect(hello.lastSeq).toBe(5);
    ws.ws.send(JSON.stringify({ type: "resume", afterSeq: 2 }));
    const page = await ws.next((f) => f.type === "messages");
    expect(page.messages.map((m: any) => m.text)).toEqual(["m3", "m4", "m5"]);
    ws.ws.send(JSON.stringify({ type: "send", message: { clientId: cid("ws"), text: "over the socket" } }));
    const ack = await ws.next((f) => f.type === "ack");
    expect(ack.seq).toBe(6);
    const after = await t.ann.client.json("GET", `/api/v1/chats/${chat.id}/messages?after=4`);
    expect(after.body.messages.map((m: any) => m.seq)).toEqual([5, 6]);
    const before = await t.ann.client.json("GET", `/api/v1/chats/${chat.id}/messages?before=3&limit=10`);
    expect(before.body.messages.map((m: any) => m.seq)).toEqual([1, 2]);
    ws.close();
  });

  it("refuses non-members on the socket and malformed frames without closing the room", async () => {
    const t = await team();
    const chat = (await t.ann.client.json("POST", "/api/v1/chats", { type: "direct", userId: t.bob.id })).body.chat;
    const probe = await fetchStatus(t.cat.client, `/api/v1/chats/${chat.id}/live`);
    expect(probe).toBe(404);
    const ws = await openSocket(t.bob.client, `/api/v1/chats/${chat.id}/live`);
    ws.ws.send("{{");
    await ws.next((f) => f.type === "error" && f.code === "bad_json");
    ws.ws.send(JSON.stringify({ type: "send", message: { clientId: "short", text: "" } }));
    await ws.next((f) => f.type === "error" && f.code === "validation");
    ws.ws.send(JSON.stringify({ type: "send", message: { clientId: cid("ok"), text: "still here" } }));
    await ws.next((f) => f.type === "ack");
    ws.close();
  });
});

async function fetchStatus(c: any, path: string) {
  const { upgradeStatus } = await import("./live-helpers");
  return upgradeStatus(c, path);
}

describe("CHAT-2 messages, reads, unread counts", () => {
  it("edit, delete, reply, reactions, pins and search", async () => {
    const t = await team();
    const chat = (await t.ann.client.json("POST", "/api/v1/chats", { type: "group", title: "Team", memberIds: [t.bob.id] })).body.chat;
    const m1 = (await t.ann.client.json("POST", `/api/v1/chats/${chat.id}/messages`, { clientId: cid(1), text: "Quarterly numbers are in" })).body.message;
    const reply = (await t.bob.client.json("POST", `/api/v1/chats/${chat.id}/messages`, { clientId: cid(2), text: "Great", replyTo: m1.seq })).body.message;
    expect(reply.replyTo).toMatchObject({ seq: m1.seq, excerpt: "Quarterly numbers are in" });
    expectError(await t.bob.client.json("PATCH", `/api/v1/chats/${chat.id}/messages/${m1.seq}`, { text: "hacked" }), 403, "not_author");
    expect((await t.ann.client.json("PATCH", `/api/v1/chats/${chat.id}/messages/${m1.seq}`, { text: "Quarterly figures are in" })).body.message.editedAt).toBeTruthy();
    const reacted = await t.bob.client.json("PUT", `/api/v1/chats/${chat.id}/messages/${m1.seq}/reactions`, { emoji: "👍" });
    expect(reacted.body.message.reactions).toEqual({ "👍": [t.bob.id] });
    expect((await t.bob.client.json("PUT", `/api/v1/chats/${chat.id}/messages/${m1.seq}/pin`)).body.message.pinned).toBe(true);
    expect((await t.ann.client.json("GET", `/api/v1/chats/${chat.id}`)).body.pinned.map((m: any) => m.seq)).toEqual([m1.seq]);
    expect((await t.ann.client.json("GET", `/api/v1/chats/${chat.id}/search?q=figures`)).body.items.map((m: any) => m.seq)).toEqual([m1.seq]);
    expect((await t.ann.client.json("GET", `/api/v1/chats/${chat.id}/search?q=numbers`)).body.items).toEqual([]);
    const deleted = await t.bob.client.json("DELETE", `/api/v1/chats/${chat.id}/messages/${reply.seq}`);
    expect(deleted.body.message).toMatchObject({ deleted: true, text: "" });
    expectError(await t.ann.client.json("PATCH", `/api/v1/chats/${chat.id}/messages/999`, { text: "x" }), 404);
    expectError(await t.ann.client.json("PATCH", `/api/v1/chats/${chat.id}/messages/abc`, { text: "x" }), 400);
  });

  it("unread counts per chat and in total reach the UserHub, and drop after reading", async () => {
    const t = await team();
    const a = (await t.ann.client.json("POST", "/api/v1/chats", { type: "direct", userId: t.bob.id })).body.chat;
    const g = (await t.cat.client.json("POST", "/api/v1/chats", { type: "group", title: "All", memberIds: [t.bob.id, t.ann.id] })).body.chat;
    const live = await openSocket(t.bob.client, "/api/v1/live");
    for (let i = 0; i < 3; i++) await t.ann.client.json("POST", `/api/v1/chats/${a.id}/messages`, { clientId: cid(`a${i}`), text: `a${i}` });
    await t.cat.client.json("POST", `/api/v1/chats/${g.id}/messages`, { clientId: cid("g"), text: "g", mentions: [t.bob.id] });
    await flush(t.slug, a.id);
    await flush(t.slug, g.id);
    await live.next((f) => f.type === "counters" && f.counters.messenger === 4);
    const list = (await t.bob.client.json("GET", "/api/v1/chats")).body.items;
    expect(Object.fromEntries(list.map((c: any) => [c.id, c.unread]))).toEqual({ [a.id]: 3, [g.id]: 1 });
    expect(list.find((c: any) => c.id === a.id).lastPreview).toBe("a2");
    expect((await t.ann.client.json("GET", "/api/v1/chats")).body.items.find((c: any) => c.id === a.id).unread).toBe(0);
    expect((await t.bob.client.json("POST", `/api/v1/chats/${a.id}/read`, { seq: 2 })).body.readSeq).toBe(2);
    await flush(t.slug, a.id);
    await live.next((f) => f.type === "counters" && f.counters.messenger === 2);
    const notes = (await t.bob.client.json("GET", "/api/v1/notifications")).body.items;
    expect(notes.some((n: any) => n.type === "chat.mention" && n.data.chatId === g.id)).toBe(true);
    live.close();
  });
});

describe("CHAT-4 offline digest", () => {
  it("sends one digest after 15 minutes offline, and no second until the user was online again", async () => {
    const t = await team();
    const chat = (await t.ann.client.json("POST", "/api/v1/chats", { type: "direct", userId: t.bob.id })).body.chat;
    await t.ann.client.json("POST", `/api/v1/chats/${chat.id}/messages`, { clientId: cid(1), text: "Are you there?" });
    await t.ann.client.json("POST", `/api/v1/chats/${chat.id}/messages`, { clientId: cid(2), text: "Second line" });
    await flush(t.slug, chat.id);
    const hub = e.USER_HUB.get(e.USER_HUB.idFromName(`${await tenantId(t.slug)}:${t.bob.id}`));
    const scheduled = await hub.listScheduled();
    expect(scheduled.map((s) => s.kind)).toEqual(["chat.digest"]);
    expect(scheduled[0].at).toBeGreaterThanOrEqual(Date.now() + 14 * 60_000);
    const runDigest = async () => {
      const { runInDurableObject } = await import("cloudflare:test");
      await runInDurableObject(hub, (_i, state) => {
        state.storage.sql.exec("UPDATE schedule SET at = ?1", Date.now() - 1);
        return state.storage.setAlarm(Date.now() - 1);
      });
      await runDurableObjectAlarm(hub);
    };
    await runDigest();
    const mailsFor = async () => (await (await import("./helpers")).mailbox(t.bob.email)).filter((m) => m.subject.includes("unread"));
    const mails = await mailsFor();
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain("Ann Alpha");
    expect(mails[0].text).toContain("Are you there?");
    // More messages while still offline: no second digest.
    await t.ann.client.json("POST", `/api/v1/chats/${chat.id}/messages`, { clientId: cid(3), text: "Third" });
    await flush(t.slug, chat.id);
    expect(await hub.listScheduled()).toEqual([]);
    // Online again, then away: a new digest is due later.
    const ws = await openSocket(t.bob.client, "/api/v1/live");
    await ws.next((f) => f.type === "snapshot");
    ws.close();
    await sleep(100);
    expect((await hub.listScheduled()).map((s) => s.kind)).toEqual(["chat.digest"]);
    await runDigest();
    expect(await mailsFor()).toHaveLength(2);
  });
});

describe("CHAT-5 calls", () => {
  it("relays signalling between call members only and refuses a fifth participant", async () => {
    const t = await team();
    const dan = await newEmployee(t, "Dan Delta");
    const eve = await newEmployee(t, "Eve Epsilon");
    const members = [t.ann, t.bob, t.cat, dan, eve];
    const chat = (await t.ann.client.json("POST", "/api/v1/chats", { type: "group", title: "Call", memberIds: members.map((m) => m.id) })).body.chat;
    const sockets: LiveSocket[] = [];
    for (const m of members) {
      const ws = await openSocket(m.client, `/api/v1/chats/${chat.id}/live`);
      await ws.next((f) => f.type === "hello");
      sockets.push(ws);
    }
    for (const ws of sockets.slice(0, 4)) {
      ws.ws.send(JSON.stringify({ type: "call.join", media: { audio: true, video: true } }));
      await ws.next((f) => f.type === "call.participants" && f.participants.length === sockets.indexOf(ws) + 1);
    }
    const last = await sockets[0].next((f) => f.type === "call.participants" && f.participants.length === 4);
    sockets[4].ws.send(JSON.stringify({ type: "call.join", media: { audio: true, video: false } }));
    expect((await sockets[4].next((f) => f.type === "call.full")).max).toBe(4);
    // The outsider cannot signal into the call.
    sockets[4].ws.send(JSON.stringify({ type: "call.signal", to: last.participants[0].connId, signal: { type: "offer", sdp: "x" } }));
    await sockets[4].next((f) => f.type === "error" && f.code === "not_in_call");
    sockets[1].ws.send(JSON.stringify({ type: "call.signal", to: last.participants[0].connId, signal: { type: "offer", sdp: "v=0" } }));
    const got = await sockets[0].next((f) => f.type === "call.signal");
    expect(got).toMatchObject({ from: t.bob.id, signal: { type: "offer", sdp: "v=0" } });
    sockets[3].close();
    await sockets[0].next((f) => f.type === "call.participants" && f.participants.length === 3);
    sockets[4].ws.send(JSON.stringify({ type: "call.join", media: { audio: true, video: false } }));
    await sockets[4].next((f) => f.type === "call.participants" && f.participants.length === 4);
    for (const ws of sockets) ws.close();
  });
});

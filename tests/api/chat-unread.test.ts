import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { newPortal, newEmployee } from "./helpers";
import { openSocket, sleep, clientId } from "./live-helpers";
import { INDEX_WHEN_QUIET_MS, PUSH_EVERY_MS } from "../../durable-objects/chat-flush";
import { FRAME_EVERY_MS } from "../../durable-objects/chat-fanout";
import type { Env } from "../../worker/env";

// Unread badges of busy rooms (CHAT-2): D1's chat_members.unread is the truth, rooms push changes to
// members' UserHubs in batches, and the hubs keep them in memory only.
const e = env as unknown as Env;
const cid = clientId;

async function pair() {
  const p = await newPortal({ plan: "basic" });
  const ann = await newEmployee(p, "Ann Alpha");
  const bob = await newEmployee(p, "Bob Beta");
  const { id: tenantId, shard } = (await e.CONTROL.prepare("SELECT id, shard FROM tenants WHERE slug = ?").bind(p.slug).first<{ id: string; shard: number }>())!;
  const shardDb = (e as unknown as Record<string, D1Database>)[`SHARD_${shard}`];
  const chat = (await ann.client.json("POST", "/api/v1/chats", { type: "direct", userId: bob.id })).body.chat;
  const room = e.CHAT_ROOM.get(e.CHAT_ROOM.idFromName(`${tenantId}:${chat.id}`));
  const bobHub = e.USER_HUB.get(e.USER_HUB.idFromName(`${tenantId}:${bob.id}`));
  const send = (text: string) => ann.client.json("POST", `/api/v1/chats/${chat.id}/messages`, { clientId: cid(text), text });
  return { p, ann, bob, chat, room, bobHub, send, shardDb };
}

/** Ann's and Bob's sockets on their chat, each past its hello. */
async function roomSockets(t: Awaited<ReturnType<typeof pair>>) {
  const mine = await openSocket(t.ann.client, `/api/v1/chats/${t.chat.id}/live`);
  const theirs = await openSocket(t.bob.client, `/api/v1/chats/${t.chat.id}/live`);
  await Promise.all([mine.next((f) => f.type === "hello"), theirs.next((f) => f.type === "hello")]);
  return { mine, theirs };
}

describe("CHAT-2 unread badges of busy rooms", () => {
  it("a room's push writes nothing in the UserHub; after the hub is evicted the counts come back from D1", async () => {
    const t = await pair();
    for (let i = 0; i < 3; i++) await t.send(`m${i}`);
    await runDurableObjectAlarm(t.room);
    expect(await t.bobHub.chatUnread()).toEqual({ [t.chat.id]: 3 });
    const stored = await runInDurableObject(t.bobHub, (_i, state) => state.storage.sql.exec("SELECT key FROM counters WHERE key LIKE 'chat:%' OR key = 'messenger'").toArray());
    expect(stored).toEqual([]);
    const d1 = await t.shardDb.prepare("SELECT unread FROM chat_members WHERE chat_id = ? AND user_id = ?").bind(t.chat.id, t.bob.id).first<{ unread: number }>();
    expect(d1?.unread).toBe(3);
    await evictDurableObject(t.bobHub);
    const tab = await openSocket(t.bob.client, "/api/v1/live");
    const snap = await tab.next((f) => f.type === "snapshot");
    expect(snap.counters).toMatchObject({ [`chat:${t.chat.id}`]: 3, messenger: 3 });
    expect((await t.bob.client.json("GET", "/api/v1/chats")).body.items.find((c: any) => c.id === t.chat.id).unread).toBe(3);
    tab.close();
  });

  it("a badge appears at once, then moves at most every PUSH_EVERY_MS however many flushes run, and the last count arrives", async () => {
    const t = await pair();
    const tab = await openSocket(t.bob.client, "/api/v1/live");
    await tab.next((f) => f.type === "snapshot");
    const key = `chat:${t.chat.id}`;
    const badge = () => tab.frames.filter((f) => f.type === "counters" && key in f.counters).map((f) => f.counters[key]);
    await t.send("first");
    await runDurableObjectAlarm(t.room);
    await tab.next((f) => f.type === "counters" && f.counters[key] === 1);
    const started = Date.now();
    for (let i = 0; i < 8; i++) {
      await t.send(`more ${i}`);
      await runDurableObjectAlarm(t.room);
    }
    // Eight flushes inside one push interval: no further push to Bob's hub yet.
    if (Date.now() - started < PUSH_EVERY_MS - 200) expect(badge()).toEqual([1]);
    const last = await tab.next((f) => f.type === "counters" && f.counters[key] === 9, PUSH_EVERY_MS + 3000);
    expect(last.counters.messenger).toBe(9);
    expect(badge().length).toBeLessThanOrEqual(3);
    // Reading clears the badge with the next flush, without waiting out the interval.
    await t.bob.client.json("POST", `/api/v1/chats/${t.chat.id}/read`, { seq: 9 });
    await sleep(450);
    await runDurableObjectAlarm(t.room);
    await tab.next((f) => f.type === "counters" && f.counters[key] === 0, 1000);
    tab.close();
  });

  it("a burst of messages reaches every member complete and in order, batched or not", async () => {
    const { mine, theirs } = await roomSockets(await pair());
    const texts = Array.from({ length: 40 }, (_, i) => `burst ${i}`);
    for (const text of texts) mine.ws.send(JSON.stringify({ type: "send", message: { clientId: cid(text), text } }));
    const seen = () => theirs.frames.flatMap((f) => (f.type === "message" ? [f.message] : f.type === "message.batch" ? f.messages : []));
    for (let i = 0; i < 100 && seen().length < texts.length; i++) await sleep(30);
    expect(seen().map((m) => m.text)).toEqual(texts);
    expect(seen().map((m) => m.seq)).toEqual(texts.map((_, i) => i + 1));
    mine.close();
    theirs.close();
  });

  it("a busy room coalesces its frames; after a quiet spell a message leaves on its own", async () => {
    const { mine, theirs } = await roomSockets(await pair());
    // 20 messages, one every 5 ms: several arrive within each FRAME_EVERY_MS.
    const texts = Array.from({ length: 20 }, (_, i) => `paced ${i}`);
    for (const text of texts) {
      mine.ws.send(JSON.stringify({ type: "send", message: { clientId: cid(text), text } }));
      await sleep(5);
    }
    const messageFrames = () => theirs.frames.filter((f) => f.type === "message" || f.type === "message.batch");
    const seen = () => messageFrames().flatMap((f) => (f.type === "message" ? [f.message] : f.messages));
    for (let i = 0; i < 100 && seen().length < texts.length; i++) await sleep(20);
    expect(seen().map((m) => m.text)).toEqual(texts);
    expect(FRAME_EVERY_MS).toBeGreaterThanOrEqual(10);
    expect(messageFrames().length).toBeLessThanOrEqual(texts.length / 2);

    await sleep(FRAME_EVERY_MS * 3);
    const before = messageFrames().length;
    const sentAt = Date.now();
    mine.ws.send(JSON.stringify({ type: "send", message: { clientId: cid("alone"), text: "alone" } }));
    const alone = await theirs.next((f) => f.type === "message" && f.message.text === "alone");
    expect(alone.message.text).toBe("alone");
    expect(messageFrames().length).toBe(before + 1);
    expect(Date.now() - sentAt).toBeLessThan(1000);
    mine.close();
    theirs.close();
  });

  it("the flush indexes for search once the room is quiet, and a search still finds what waits", async () => {
    const t = await pair();
    const upto = () => runInDurableObject(t.room, (_i, state) => Number(state.storage.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'fts_upto'").toArray()[0]?.value ?? 0));
    await t.send("kiwi first");
    await runDurableObjectAlarm(t.room); // right after a message: the room is busy
    expect(await upto()).toBe(0);
    await t.send("kiwi second");
    await runDurableObjectAlarm(t.room);
    expect(await upto()).toBe(0);
    const hits = (await t.ann.client.json("GET", `/api/v1/chats/${t.chat.id}/search?q=kiwi`)).body.items.map((m: any) => m.text);
    expect(hits).toEqual(["kiwi second", "kiwi first"]);
    expect(await upto()).toBe(2);
    await t.send("kiwi third");
    await runDurableObjectAlarm(t.room);
    expect(await upto()).toBe(2);
    // The flush left a later one behind, and that one finds the room quiet.
    await sleep(INDEX_WHEN_QUIET_MS + 100);
    expect(await runDurableObjectAlarm(t.room)).toBe(true);
    expect(await upto()).toBe(3);
  });

  it("a room made before batched search indexing keeps its index, and indexes new messages once", async () => {
    const t = await pair();
    await t.send("alpha launch");
    await sleep(INDEX_WHEN_QUIET_MS + 50);
    await runDurableObjectAlarm(t.room); // quiet: indexed, as the old trigger did
    // Turn the room back into the old shape: a trigger that indexed every insert, no index position.
    await runInDurableObject(t.room, (_i, state) => {
      state.storage.sql.exec(`
        DROP TRIGGER messages_au;
        CREATE TRIGGER messages_ai AFTER INSERT ON messages BEGIN INSERT INTO messages_fts (rowid, text) VALUES (new.seq, new.text); END;
        CREATE TRIGGER messages_au AFTER UPDATE OF text ON messages BEGIN
          INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.seq, old.text);
          INSERT INTO messages_fts (rowid, text) VALUES (new.seq, new.text);
        END;
        DELETE FROM meta WHERE key = 'fts_upto';`);
    });
    await t.send("alpha second");
    await evictDurableObject(t.room);
    await t.send("alpha third");
    const hits = (await t.ann.client.json("GET", `/api/v1/chats/${t.chat.id}/search?q=alpha`)).body.items.map((m: any) => m.text);
    expect(hits).toEqual(["alpha third", "alpha second", "alpha launch"]);
    const triggers = await runInDurableObject(t.room, (_i, state) => state.storage.sql.exec("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").toArray().map((r) => r.name));
    expect(triggers).toEqual(["messages_au"]);
  });
});

import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { SELF, evictDurableObject } from "cloudflare:test";
import { newPortal, newEmployee, type Client } from "../api/helpers";
import { sleep } from "../api/live-helpers";
import { ReliableChatClient, type OutboxStore, type PendingMessage } from "../../durable-objects/chat-client";
import type { Env } from "../../worker/env";

const e = env as unknown as Env;

class MemoryOutbox implements OutboxStore {
  items = new Map<string, PendingMessage>();
  async list(chatId: string) {
    return [...this.items.values()].filter((m) => m.chatId === chatId);
  }
  async put(m: PendingMessage) {
    this.items.set(m.clientId, m);
  }
  async remove(clientId: string) {
    this.items.delete(clientId);
  }
}

/** Deterministic randomness, so a failure can be replayed. */
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

let sendFrames = 0;

async function connect(c: Client, chatId: string, client: ReliableChatClient) {
  const res = await SELF.fetch(`http://${c.host}/api/v1/chats/${chatId}/live`, { headers: { upgrade: "websocket", origin: `http://${c.host}`, cookie: c.cookie! } });
  const ws = res.webSocket!;
  ws.accept();
  ws.addEventListener("message", (ev) => {
    if (ev.data !== "pong") void client.receive(JSON.parse(String(ev.data)));
  });
  ws.addEventListener("close", () => client.detach());
  await client.attach({
    send: (data: string) => {
      if (data.includes('"type":"send"')) sendFrames++;
      ws.send(data);
    },
    get readyState() {
      return ws.readyState;
    },
  });
  return ws;
}

describe("CHAT-3 under faults", () => {
  it("2 000 messages, random socket drops, two evictions: every message stored once, in order", async () => {
    const p = await newPortal({ plan: "basic" });
    const peer = await newEmployee(p, "Pia Peer");
    const chat = (await p.admin.json("POST", "/api/v1/chats", { type: "direct", userId: peer.id })).body.chat;
    const tenantId = (await e.CONTROL.prepare("SELECT id FROM tenants WHERE slug = ?").bind(p.slug).first<{ id: string }>())!.id;
    const room = e.CHAT_ROOM.get(e.CHAT_ROOM.idFromName(`${tenantId}:${chat.id}`));

    const outbox = new MemoryOutbox();
    const acks: { clientId: string; seq: number }[] = [];
    const client = new ReliableChatClient(chat.id, outbox, { onAck: (clientId, seq) => acks.push({ clientId, seq }) });
    const random = rng(42);
    const sent: string[] = [];
    let ws = await connect(p.admin, chat.id, client);
    let drops = 0;

    for (let i = 0; i < 2000; i++) {
      sent.push((await client.send(`m${i}`)).clientId);
      if (random() < 0.01) {
        ws.close(1000, "drop");
        client.detach();
        drops++;
        if (random() < 0.5) await sleep(1);
        ws = await connect(p.admin, chat.id, client);
      }
      if (i === 700 || i === 1400) {
        await evictDurableObject(room, { webSockets: "close" });
        client.detach();
        ws = await connect(p.admin, chat.id, client);
      }
      if (i % 100 === 99) await sleep(0);
    }
    for (let round = 0; outbox.items.size && round < 200; round++) {
      await sleep(20);
      if (ws.readyState !== WebSocket.OPEN) ws = await connect(p.admin, chat.id, client);
    }
    ws.close(1000, "done");

    expect(drops).toBeGreaterThan(5);
    expect(outbox.items.size).toBe(0);
    // Everything the room holds, by paging through its history.
    const stored: { seq: number; clientId: string; text: string }[] = [];
    for (let after = 0; ; ) {
      const page = (await p.admin.json("GET", `/api/v1/chats/${chat.id}/messages?after=${after}&limit=200`)).body.messages;
      if (!page.length) break;
      stored.push(...page);
      after = page[page.length - 1].seq;
    }
    expect(stored).toHaveLength(2000);
    expect(new Set(stored.map((m) => m.clientId)).size).toBe(2000);
    expect(stored.map((m) => m.clientId)).toEqual(sent);
    expect(stored.map((m) => m.text)).toEqual(sent.map((_, i) => `m${i}`));
    // Every message was acknowledged, and first acknowledgements come in seq order.
    const firstAck = new Map<string, number>();
    for (const a of acks) if (!firstAck.has(a.clientId)) firstAck.set(a.clientId, a.seq);
    expect(firstAck.size).toBe(2000);
    const ackedSeqs = [...firstAck.values()];
    expect(ackedSeqs).toEqual([...ackedSeqs].sort((a, b) => a - b));
    // Unacknowledged messages were re-sent after drops and evictions; duplicates got their first seq again.
    expect(sendFrames).toBeGreaterThan(2000);
    for (const a of acks) expect(a.seq).toBe(firstAck.get(a.clientId));
  }, 120_000);
});

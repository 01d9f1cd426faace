// Chat under a crash (faults.mjs): the app's own ReliableChatClient (durable-objects/chat-client.ts of
// the tree under test, compiled with esbuild) with an in-memory outbox per user. Clients send on a
// timer, keep writing while the server is down, reconnect after the restart (resume + re-send of the
// outbox), and the room's history is then checked: every acknowledged message exactly once with its
// acknowledged seq, each client's messages in the order written, nothing sent left unstored.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { transform } from "esbuild";
import { request } from "./http.mjs";
import { sleep, until } from "./pool.mjs";
import { openSocket } from "./ws.mjs";

const OUTBOX_CAP = 150;

async function loadClient(repoDir) {
  const src = readFileSync(join(repoDir, "durable-objects/chat-client.ts"), "utf8");
  const { code } = await transform(src, { loader: "ts", format: "esm", target: "es2022" });
  return (await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`)).ReliableChatClient;
}

class MemoryOutbox {
  constructor() { this.m = new Map(); }
  async list(chatId) { return [...this.m.values()].filter((x) => x.chatId === chatId); }
  async put(msg) { this.m.set(msg.clientId, msg); }
  async remove(id) { this.m.delete(id); }
}

/** users: [{id, cookie, chatId}]. Returns the chat part of the fault run. */
export async function chatTraffic(ctx, users, { intervalMs, runId }) {
  const ReliableChatClient = await loadClient(ctx.repoDir);
  const phase = { killed: false, stop: true };
  const clients = users.map((u, i) => {
    const c = { u, i, outbox: new MemoryOutbox(), written: [], acks: new Map(), dupAcks: 0, errors: [], ws: null, resumed: false };
    c.client = new ReliableChatClient(u.chatId, c.outbox, {
      onAck: (clientId, seq) => {
        if (!c.acks.has(clientId)) c.acks.set(clientId, { seq, beforeKill: !phase.killed });
      },
      onFrame: (f) => {
        if (f.type === "ack" && f.duplicate) c.dupAcks++;
        if (f.type === "messages") c.resumed = true;
        if (f.type === "error") c.errors.push(`${f.code}: ${f.message}`);
      },
    });
    return c;
  });

  async function connect(c) {
    c.resumed = false;
    c.ws = await openSocket({
      port: ctx.port, path: `/api/v1/chats/${c.u.chatId}/live`, cookie: c.u.cookie, timeoutMs: 30_000,
      onMessage: (data) => void c.client.receive(JSON.parse(data)),
      onClose: () => c.client.detach(),
    });
    c.ws.on("error", () => {});
    await c.client.attach(c.ws);
  }

  const write = async (c, note) => {
    const m = await c.client.send(`fault ${runId} ${note} u${c.i} #${c.written.length}`);
    c.written.push(m.clientId);
  };

  return {
    clients,
    connectAll: () => Promise.all(clients.map(connect)),
    /** Sends on a timer until stop(); the outbox is capped so a slow room does not grow it without end. */
    async run() {
      phase.stop = false;
      await Promise.all(clients.map(async (c) => {
        while (!phase.stop) {
          if (c.outbox.m.size < OUTBOX_CAP) await write(c, "live");
          await sleep(intervalMs);
        }
      }));
    },
    stop: () => void (phase.stop = true),
    /** After the kill: acks from now on are for messages the crash left unacknowledged. */
    killed: () => void (phase.killed = true),
    /** A new round of traffic: acks count as "before the kill" again. */
    resume: () => void (phase.killed = false),
    ackedBeforeKills: () => clients.reduce((s, c) => s + [...c.acks.values()].filter((a) => a.beforeKill).length, 0),
    /** While the server is down: what users write goes to their outboxes. */
    async writeOffline(n) {
      for (const c of clients) for (let k = 0; k < n; k++) await write(c, "offline");
    },
    /** After the restart: reconnect, resume, re-send; done when every outbox is empty. */
    async resync({ timeoutMs = 120_000 } = {}) {
      const t0 = performance.now();
      const pendingBefore = clients.reduce((s, c) => s + c.outbox.m.size, 0);
      const dupBefore = clients.reduce((s, c) => s + c.dupAcks, 0);
      await Promise.all(clients.map(connect));
      const connectedMs = Math.round(performance.now() - t0);
      const done = await until(() => clients.every((c) => c.resumed && c.outbox.m.size === 0), { timeoutMs, intervalMs: 20 });
      return {
        connectedMs,
        resyncMs: Math.round(performance.now() - t0),
        complete: done,
        resent: pendingBefore,
        stillPending: clients.reduce((s, c) => s + c.outbox.m.size, 0),
        // Re-sent messages the room already had (stored, but the ack died with the server).
        storedButUnacked: clients.reduce((s, c) => s + c.dupAcks, 0) - dupBefore,
      };
    },
    close: () => clients.forEach((c) => c.ws?.terminate()),
    /** The rooms' history against what the clients wrote and were told. */
    async verify(reader) {
      const rooms = [...new Set(users.map((u) => u.chatId))];
      const found = new Map(); // clientId → [seq…]
      let pages = 0;
      for (const chatId of rooms) {
        let after = 0;
        for (let p = 0; p < 500; p++) {
          const res = await request({ port: ctx.port, path: `/api/v1/chats/${chatId}/messages?after=${after}&limit=200`, cookie: reader.cookie, timeoutMs: 60_000 });
          if (res.status !== 200) throw new Error(`GET …/messages?after=${after} answered ${res.status}: ${res.body.slice(0, 200)}`);
          const { messages } = res.json();
          pages++;
          if (!messages.length) break;
          for (const m of messages) if (m.text.startsWith(`fault ${runId} `)) found.set(m.clientId, [...(found.get(m.clientId) ?? []), m.seq]);
          after = messages.at(-1).seq;
        }
      }
      const r = { written: 0, ackedBeforeKill: 0, foundAfter: 0, lost: 0, seqMismatch: 0, duplicates: 0, notStored: 0, outOfOrder: 0, errorFrames: 0, historyPages: pages };
      for (const c of clients) {
        r.errorFrames += c.errors.length;
        let last = 0;
        for (const id of c.written) {
          r.written++;
          const seqs = found.get(id) ?? [];
          const ack = c.acks.get(id);
          if (seqs.length > 1) r.duplicates += seqs.length - 1;
          if (!seqs.length) r.notStored++;
          if (ack?.beforeKill) {
            r.ackedBeforeKill++;
            if (seqs.length) r.foundAfter++;
            else r.lost++;
            if (seqs.length && seqs[0] !== ack.seq) r.seqMismatch++;
          }
          if (seqs.length) {
            if (seqs[0] <= last) r.outOfOrder++;
            last = seqs[0];
          }
        }
      }
      return r;
    },
  };
}

/**
 * Socket half of the fuzzer (tests/api/fuzz.test.ts): generated frames on every live socket route.
 * Each garbage frame gets an error frame back; afterwards the socket still does its job, and another
 * member's socket on the same object saw nothing of it.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import fc from "fast-check";
import type { z } from "zod";
import { newEmployee, type Client } from "./helpers";
import { openSocket, type LiveSocket } from "./live-helpers";
import { fill, type AppRoute, type Seed } from "./routes";
import type { Portal } from "./seed-portal";
import { chatClientFrame, feedClientFrame, userHubClientFrame } from "../../durable-objects/protocol";
import { badFrame, nastyString, NUMBERS, type Pools } from "./fuzz-values";
import { LONG, SEED, runs } from "./fuzz-harness";

const FRAME_RUNS = runs(40);
const timeout = LONG ? 24 * 3600_000 : 60_000;

interface Pair {
  mine: LiveSocket;
  theirs: LiveSocket;
  me: Client;
  chatId: string;
}

/** What each socket route's object understands, what it says first, and a round trip that proves it still works. */
const HUBS: Record<string, { schema: z.ZodDiscriminatedUnion; hello?: string; stillWorks: (p: Pair, used: Set<unknown>) => Promise<void> }> = {
  "/api/v1/live": {
    schema: userHubClientFrame,
    hello: "snapshot",
    async stillWorks(p, used) {
      for (const s of [p.mine, p.theirs]) {
        s.ws.send(JSON.stringify({ type: "resync" }));
        await next(s, (f) => f.type === "snapshot", used);
      }
    },
  },
  "/api/v1/feed/live": {
    schema: feedClientFrame,
    async stillWorks(p, used) {
      const post = await p.me.json("POST", "/api/v1/feed/posts", { text: "Still listening?", audience: { company: true } });
      expect(post.status, JSON.stringify(post.body)).toBe(201);
      const has = (f: any) => f.type === "feed.events" && f.events.some((e: any) => e.postId === post.body.post.id);
      await Promise.all([next(p.mine, has, used), next(p.theirs, has, used)]);
    },
  },
  "/api/v1/chats/:id/live": {
    schema: chatClientFrame,
    hello: "hello",
    async stillWorks(p, used) {
      const clientId = `fuzz-${Math.random().toString(36).slice(2, 12)}`;
      p.mine.ws.send(JSON.stringify({ type: "send", message: { clientId, text: "still here" } }));
      await next(p.mine, (f) => f.type === "ack" && f.clientId === clientId, used);
      const carries = (f: any) => (f.type === "message" ? [f.message] : f.type === "message.batch" ? f.messages : []).some((m: any) => m.clientId === clientId);
      await next(p.theirs, carries, used);
    },
  },
};

/** The first frame not yet consumed that matches. */
async function next(s: LiveSocket, match: (f: any) => boolean, used: Set<unknown>, timeoutMs = 3000) {
  const frame = await s.next((f) => !used.has(f) && match(f), timeoutMs);
  used.add(frame);
  return frame;
}

/** Frames the chat schema accepts, with values at the edges: they may fail, but never hurt the room. */
function edgyChatFrame(seqs: number[]) {
  const seq = fc.oneof(fc.constantFrom(...seqs, 0, 2 ** 31, Number.MAX_SAFE_INTEGER), fc.nat());
  const text = nastyString().filter((s) => s.length > 0 && s.length <= 10_000);
  const emoji = nastyString().filter((s) => s.length > 0 && s.length <= 16);
  return fc.oneof(
    seq.map((afterSeq) => ({ type: "resume", afterSeq })),
    seq.map((s) => ({ type: "read", seq: s })),
    fc.tuple(seq, text).map(([s, t]) => ({ type: "edit", seq: s, text: t })),
    fc.tuple(seq, emoji, fc.boolean()).map(([s, e, on]) => ({ type: "react", seq: s, emoji: e, on })),
    fc.tuple(nastyString(), fc.oneof(nastyString(), fc.constantFrom(...NUMBERS).map(Number))).map(([clientId, t]) => ({ type: "send", message: { clientId, text: t, replyTo: seqs[0] } })),
    fc.tuple(fc.boolean(), fc.boolean()).map(([audio, video]) => ({ type: "call.join", media: { audio, video } })),
    fc.tuple(emoji, fc.constantFrom("offer", "answer", "ice"), fc.anything()).map(([to, type, candidate]) => ({ type: "call.signal", to, signal: { type, candidate } })),
    fc.constant({ type: "call.leave" }),
  );
}

export function socketSuite(sockets: AppRoute[], world: () => { A: Portal; seedA: Seed; pools: Pools; heal: () => Promise<void> }) {
  describe("fuzzing the live sockets", () => {
    let other: Awaited<ReturnType<typeof newEmployee>>;
    let chatId = "";
    const open: LiveSocket[] = [];

    beforeAll(async () => {
      const { A, heal } = world();
      await heal(); // the route fuzzing ends with a sign-out
      other = await newEmployee(A, "Fuzz Friend");
      const chat = await A.admin.json("POST", "/api/v1/chats", { type: "group", title: "Fuzz room", memberIds: [other.id] });
      expect(chat.status, JSON.stringify(chat.body)).toBe(201);
      chatId = chat.body.chat.id;
    }, 30_000);
    afterAll(() => open.forEach((s) => s.close()));

    it("covers every socket route", () => {
      expect(sockets.map((r) => r.path).sort()).toEqual(Object.keys(HUBS).sort());
    });

    for (const r of sockets) {
      const hub = HUBS[r.path];
      if (!hub) continue;
      it(`${r.path}: garbage frames get an error frame; the socket and its neighbour keep working`, async () => {
        const { A, seedA, pools } = world();
        const path = fill(r, { ...seedA, chatId });
        const used = new Set<unknown>();
        const mine = await openSocket(A.admin, path);
        const theirs = await openSocket(other.client, path);
        open.push(mine, theirs);
        if (hub.hello) await Promise.all([next(mine, (f) => f.type === hub.hello, used), next(theirs, (f) => f.type === hub.hello, used)]);
        const types = hub.schema.options.map((o) => (o as unknown as { shape: { type: { value: string } } }).shape.type.value);
        await fc.assert(
          fc.asyncProperty(badFrame(types, pools), async (frame) => {
            mine.ws.send(frame);
            const error = await next(mine, (f) => f.type === "error", used).catch(() => null);
            const what = typeof frame === "string" ? JSON.stringify(frame.slice(0, 200)) + (frame.length > 200 ? `… (${frame.length} chars)` : "") : `binary ${frame.length} bytes`;
            if (!error) throw new Error(`${r.path}: no error frame for ${what}`);
            expect(typeof error.code, what).toBe("string");
            expect(typeof error.message, what).toBe("string");
            expect(mine.ws.readyState, what).toBe(WebSocket.OPEN);
          }),
          { seed: SEED, numRuns: FRAME_RUNS, endOnFailure: !LONG },
        );
        if (r.path.includes("/chats/")) {
          const seqs = [1];
          await fc.assert(
            fc.asyncProperty(edgyChatFrame(seqs), async (frame) => {
              mine.ws.send(JSON.stringify(frame));
              mine.ws.send(JSON.stringify({ type: "resume", afterSeq: 0 })); // a round trip: the frame before it was handled
              await next(mine, (f) => f.type === "messages", used);
              expect(mine.ws.readyState, JSON.stringify(frame).slice(0, 300)).toBe(WebSocket.OPEN);
            }),
            { seed: SEED, numRuns: FRAME_RUNS, endOnFailure: !LONG },
          );
        }
        await hub.stillWorks({ mine, theirs, me: A.admin, chatId }, used);
        expect(theirs.frames.filter((f) => f.type === "error")).toEqual([]);
        expect(theirs.ws.readyState).toBe(WebSocket.OPEN);
        mine.close();
        theirs.close();
      }, timeout);
    }
  });
}

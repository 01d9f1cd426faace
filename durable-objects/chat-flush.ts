import { and, eq, sql } from "drizzle-orm";
import { dbFor } from "../db/client";
import { chatMembers, chats } from "../db/schema/chat";
import type { ChatRoom } from "./chat-room";
import type { Env } from "../worker/env";
import type { UserHub } from "./user-hub";
import { getMeta, indexPending, setMeta, unreadCounts, type MessageRow } from "./chat-store";

/** New messages move a member's badge at most this often. */
export const PUSH_EVERY_MS = 1_500;
/** A badge that appears or clears, or drops because the member read, goes with the next flush, but not more often than this. */
export const URGENT_EVERY_MS = 400;
/**
 * UserHub calls per flush. Locally every Durable Object shares one JS thread, so a hundred calls in a
 * row stall the room's sends. Badges that appear or clear and did not fit go in a follow-up flush
 * shortly after; moved counts wait for the next regular one (under heavy traffic a member's count
 * then moves every few seconds).
 */
export const PUSHES_PER_FLUSH = 16;
export const FOLLOW_UP_MS = 150;
/** A flush's UserHub calls go a few at a time, so the room's own socket events run in between. */
const PUSHES_AT_ONCE = 4;
const REGULAR_MS = 400;
/**
 * New messages go into the search index once the room has been quiet this long (a search indexes what
 * is pending first, so results never miss a message). Indexing 800 messages in the middle of a burst
 * stalled every socket of the thread for up to about 100 ms (bench chat-room); indexing with every flush
 * stalled each flush a little.
 */
export const INDEX_WHEN_QUIET_MS = 1_000;
/** A room that never goes quiet indexes in chunks once this many messages wait. */
const INDEX_BACKLOG = 2_000;
const INDEX_CHUNK = 500;

/** What a member's UserHub last heard from this room (kept in memory; after a wake-up everything is due once). */
export type Pushed = { unread: number; readSeq: number; at: number };

type Member = { user_id: string; read_seq: number; active: number; pushed_unread: number };
type Push = { userId: string; unread: number; readSeq: number; urgent: boolean; lastAt: number };

/**
 * Runs from the room's alarm: brings D1's chat list and every member's unread count (the source of
 * the badges) up to date in one batch, then tells members' UserHubs their new count for this chat —
 * at most one call per member per PUSH_EVERY_MS, however many messages.
 */
export async function flushChatRoom(room: ChatRoom, env: Env) {
  const { tenantId, chatId, shard } = room.identity();
  const store = room.sql;
  const last = store.exec<MessageRow>("SELECT * FROM messages ORDER BY seq DESC LIMIT 1").toArray()[0];
  const unindexed = last ? last.seq - Number(getMeta(store, "fts_upto") ?? 0) : 0;
  if (unindexed > 0) {
    if (Date.now() - room.lastStoredAt >= INDEX_WHEN_QUIET_MS) indexPending(store);
    else if (unindexed >= INDEX_BACKLOG) indexPending(store, INDEX_CHUNK);
    // Still waiting: a flush once the room is quiet does it.
    if (last!.seq > Number(getMeta(store, "fts_upto") ?? 0)) room.scheduleFlush(INDEX_WHEN_QUIET_MS);
  }
  const everyone = store.exec<Member>("SELECT user_id, read_seq, active, pushed_unread FROM members").toArray();
  const members = everyone.filter((m) => m.active);
  const counts = unreadCounts(store, members);
  // A member who left hears 0, so their badge for this chat goes.
  for (const m of everyone) if (!m.active) counts.set(m.user_id, 0);

  const db = dbFor(env, { shard });
  const { now, later } = duePushes(room, everyone, counts, Date.now());
  // D1 holds what the hubs show (so a hub that reloads from it never goes back) and every moved read.
  const pushedNow = new Map(now.map((p) => [p.userId, p.unread]));
  const shown = (m: Member) => pushedNow.get(m.user_id) ?? room.pushed.get(m.user_id)?.unread ?? Math.max(0, m.pushed_unread);
  const written = members
    .filter((m) => pushedNow.has(m.user_id) || room.flushed.get(m.user_id) !== m.read_seq)
    .map((m) => ({ userId: m.user_id, readSeq: m.read_seq, unread: shown(m) }));
  const chatRow = last ? { lastSeq: last.seq, lastMessageAt: last.created_at, lastPreview: last.deleted ? "" : last.text.slice(0, 140), lastAuthorId: last.author_id } : { lastSeq: 0 };
  const chatKey = JSON.stringify(chatRow);
  if (written.length || room.flushedChat !== chatKey) {
    const rows = JSON.stringify(written.map((w) => [w.userId, w.readSeq, w.unread]));
    const field = (i: 1 | 2) => sql`(SELECT json_extract(value, ${`$[${i}]`}) FROM json_each(${rows}) WHERE json_extract(value, '$[0]') = ${chatMembers.userId})`;
    await db.batch([
      db.update(chats).set(chatRow).where(and(eq(chats.tenantId, tenantId), eq(chats.id, chatId))),
      // Every changed member in one statement (a 100-member room was 100 UPDATEs).
      db
        .update(chatMembers)
        .set({ lastReadSeq: field(1), unread: field(2) })
        .where(and(eq(chatMembers.tenantId, tenantId), eq(chatMembers.chatId, chatId), sql`${chatMembers.userId} IN (SELECT json_extract(value, '$[0]') FROM json_each(${rows}))`)),
    ]);
    room.flushedChat = chatKey;
    for (const w of written) room.flushed.set(w.userId, w.readSeq);
  }

  const hub = (userId: string) => hubOf(room, env, tenantId, userId);
  for (let i = 0; i < now.length; i += PUSHES_AT_ONCE) await Promise.all(now.slice(i, i + PUSHES_AT_ONCE).map((p) => hub(p.userId).setChatUnread({ tenantId, userId: p.userId }, chatId, p.unread)));
  const at = Date.now();
  for (const p of now) room.pushed.set(p.userId, { unread: p.unread, readSeq: p.readSeq, at });
  if (now.length) {
    const done = JSON.stringify(now.map((p) => [p.userId, p.unread]));
    store.exec(
      "UPDATE members SET pushed_unread = (SELECT json_extract(value, '$[1]') FROM json_each(?1) WHERE json_extract(value, '$[0]') = user_id) WHERE user_id IN (SELECT json_extract(value, '$[0]') FROM json_each(?1))",
      done,
    );
  }
  if (later) room.scheduleFlush(later);

  await notifyMentions(room, members, hub);
}

/**
 * Which members' UserHubs hear from this flush: a badge that appears or clears and a member's own
 * read first, then counts that moved longest ago once PUSH_EVERY_MS has passed; at most
 * PUSHES_PER_FLUSH. `later` is when the next flush must run for the ones left waiting (0: none).
 */
function duePushes(room: ChatRoom, members: Member[], counts: Map<string, number>, now: number): { now: Push[]; later: number } {
  const waiting: Push[] = [];
  for (const m of members) {
    const unread = counts.get(m.user_id)!;
    const pushed = room.pushed.get(m.user_id) ?? { unread: m.pushed_unread, readSeq: m.read_seq, at: 0 };
    // -1: never pushed, and a hub that never heard of the chat shows 0 anyway.
    if (pushed.unread === unread || (pushed.unread < 0 && unread === 0)) continue;
    const urgent = pushed.unread <= 0 || unread === 0 || (unread < pushed.unread && pushed.readSeq !== m.read_seq);
    waiting.push({ userId: m.user_id, unread, readSeq: m.read_seq, urgent, lastAt: pushed.at });
  }
  const isDue = (p: Push) => now - p.lastAt >= (p.urgent ? URGENT_EVERY_MS : PUSH_EVERY_MS);
  const sent = waiting.filter(isDue).sort((a, b) => Number(b.urgent) - Number(a.urgent) || a.lastAt - b.lastAt).slice(0, PUSHES_PER_FLUSH);
  const chosen = new Set(sent);
  const left = waiting.filter((p) => !chosen.has(p));
  if (!left.length) return { now: sent, later: 0 };
  const wait = (p: Push) => (p.urgent ? (isDue(p) ? FOLLOW_UP_MS : p.lastAt + URGENT_EVERY_MS - now) : Math.max(REGULAR_MS, p.lastAt + PUSH_EVERY_MS - now));
  return { now: sent, later: Math.max(FOLLOW_UP_MS, Math.min(...left.map(wait))) };
}

/** Members' UserHub stubs, made once per room wake-up (idFromName hashes on every call). */
const hubStubs = new WeakMap<ChatRoom, Map<string, DurableObjectStub<UserHub>>>();

function hubOf(room: ChatRoom, env: Env, tenantId: string, userId: string): DurableObjectStub<UserHub> {
  let stubs = hubStubs.get(room);
  if (!stubs) hubStubs.set(room, (stubs = new Map()));
  let hub = stubs.get(userId);
  if (!hub) stubs.set(userId, (hub = env.USER_HUB.get(env.USER_HUB.idFromName(`${tenantId}:${userId}`))));
  return hub;
}

async function notifyMentions(room: ChatRoom, members: Member[], hub: (userId: string) => DurableObjectStub<UserHub>) {
  const store = room.sql;
  const { chatId } = room.identity();
  const mentions = JSON.parse(getMeta(store, "pending_mentions") ?? "[]") as { seq: number; users: string[] }[];
  if (!mentions.length) return;
  setMeta(store, "pending_mentions", "[]");
  const active = new Set(members.map((m) => m.user_id));
  await Promise.all(
    mentions.flatMap(({ seq, users }) => {
      const msg = store.exec<MessageRow>("SELECT * FROM messages WHERE seq = ?1", seq).toArray()[0];
      return users
        .filter((u) => active.has(u) && u !== msg?.author_id)
        .map((u) => hub(u).addNotification({ id: `chat-${chatId}-${seq}-${u}`, type: "chat.mention", data: { chatId, seq, authorId: msg?.author_id ?? "", excerpt: msg?.text.slice(0, 140) ?? "" }, createdAt: new Date().toISOString() }));
    }),
  );
}

import { and, eq, sql } from "drizzle-orm";
import { dbFor } from "../db/client";
import { chatMembers, chats } from "../db/schema/chat";
import type { ChatRoom } from "./chat-room";
import type { Env } from "../worker/env";
import { getMeta, setMeta, unreadCounts, type MessageRow } from "./chat-store";

/**
 * Runs from the room's alarm: brings D1's chat list up to date and tells each member's UserHub its
 * new unread count for this chat — one call per changed member per flush, however many messages.
 */
export async function flushChatRoom(room: ChatRoom, env: Env) {
  const { tenantId, chatId, shard } = room.identity();
  const store = room.sql;
  const last = store.exec<MessageRow>("SELECT * FROM messages ORDER BY seq DESC LIMIT 1").toArray()[0];
  const members = store.exec<{ user_id: string; read_seq: number; pushed_unread: number }>("SELECT user_id, read_seq, pushed_unread FROM members WHERE active = 1").toArray();
  const counts = unreadCounts(store, members);
  const unread = members.map((m) => ({ ...m, unread: counts.get(m.user_id)! }));
  const db = dbFor(env, { shard });
  const movedReads = members.filter((m) => room.flushedReads.get(m.user_id) !== m.read_seq);
  const t = tenantId;
  const moved = JSON.stringify(movedReads.map((m) => [m.user_id, m.read_seq]));
  await db.batch([
    db
      .update(chats)
      .set(last ? { lastSeq: last.seq, lastMessageAt: last.created_at, lastPreview: last.deleted ? "" : last.text.slice(0, 140), lastAuthorId: last.author_id } : { lastSeq: 0 })
      .where(and(eq(chats.tenantId, t), eq(chats.id, chatId))),
    // Read positions that moved since the last flush, all in one statement (a 100-member room was 100 UPDATEs).
    db
      .update(chatMembers)
      .set({ lastReadSeq: sql`(SELECT json_extract(value, '$[1]') FROM json_each(${moved}) WHERE json_extract(value, '$[0]') = ${chatMembers.userId})` })
      .where(and(eq(chatMembers.tenantId, t), eq(chatMembers.chatId, chatId), sql`${chatMembers.userId} IN (SELECT json_extract(value, '$[0]') FROM json_each(${moved}))`)),
  ]);
  for (const m of movedReads) room.flushedReads.set(m.user_id, m.read_seq);
  const hub = (userId: string) => env.USER_HUB.get(env.USER_HUB.idFromName(`${tenantId}:${userId}`));
  const changed = unread.filter((m) => m.unread !== m.pushed_unread);
  await Promise.all(changed.map((m) => hub(m.user_id).setChatUnread({ tenantId, userId: m.user_id }, chatId, m.unread)));
  for (const m of changed) store.exec("UPDATE members SET pushed_unread = ?1 WHERE user_id = ?2", m.unread, m.user_id);

  const mentions = JSON.parse(getMeta(store, "pending_mentions") ?? "[]") as { seq: number; users: string[] }[];
  if (mentions.length) {
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
}

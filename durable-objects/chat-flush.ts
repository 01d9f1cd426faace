import { and, eq } from "drizzle-orm";
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
  const sql = room.sql;
  const last = sql.exec<MessageRow>("SELECT * FROM messages ORDER BY seq DESC LIMIT 1").toArray()[0];
  const members = sql.exec<{ user_id: string; read_seq: number; pushed_unread: number }>("SELECT user_id, read_seq, pushed_unread FROM members WHERE active = 1").toArray();
  const counts = unreadCounts(sql, members);
  const unread = members.map((m) => ({ ...m, unread: counts.get(m.user_id)! }));
  const db = dbFor(env, { shard });
  const t = tenantId;
  await db.batch([
    db
      .update(chats)
      .set(last ? { lastSeq: last.seq, lastMessageAt: last.created_at, lastPreview: last.deleted ? "" : last.text.slice(0, 140), lastAuthorId: last.author_id } : { lastSeq: 0 })
      .where(and(eq(chats.tenantId, t), eq(chats.id, chatId))),
    ...members.map((m) => db.update(chatMembers).set({ lastReadSeq: m.read_seq }).where(and(eq(chatMembers.tenantId, t), eq(chatMembers.chatId, chatId), eq(chatMembers.userId, m.user_id)))),
  ]);
  const hub = (userId: string) => env.USER_HUB.get(env.USER_HUB.idFromName(`${tenantId}:${userId}`));
  const changed = unread.filter((m) => m.unread !== m.pushed_unread);
  await Promise.all(changed.map((m) => hub(m.user_id).setChatUnread({ tenantId, userId: m.user_id }, chatId, m.unread)));
  for (const m of changed) sql.exec("UPDATE members SET pushed_unread = ?1 WHERE user_id = ?2", m.unread, m.user_id);

  const mentions = JSON.parse(getMeta(sql, "pending_mentions") ?? "[]") as { seq: number; users: string[] }[];
  if (mentions.length) {
    setMeta(sql, "pending_mentions", "[]");
    const active = new Set(members.map((m) => m.user_id));
    await Promise.all(
      mentions.flatMap(({ seq, users }) => {
        const msg = sql.exec<MessageRow>("SELECT * FROM messages WHERE seq = ?1", seq).toArray()[0];
        return users
          .filter((u) => active.has(u) && u !== msg?.author_id)
          .map((u) => hub(u).addNotification({ id: `chat-${chatId}-${seq}-${u}`, type: "chat.mention", data: { chatId, seq, authorId: msg?.author_id ?? "", excerpt: msg?.text.slice(0, 140) ?? "" }, createdAt: new Date().toISOString() }));
      }),
    );
  }
}

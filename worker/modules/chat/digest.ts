import { inList } from "../../../db/lists";
import { and, eq } from "drizzle-orm";
import { controlDb, dbFor } from "../../../db/client";
import { tenants } from "../../../db/schema/control";
import { chats, chatMembers } from "../../../db/schema/chat";
import { users } from "../../../db/schema/people";
import type { Env } from "../../env";
import type { ServiceContext } from "../../context";
import { toTenant } from "../../middleware/tenant";
import { sendMail } from "../../lib/mail";
import { chatDigestMail } from "../../lib/mail-templates";
import { chatRoom } from "../../lib/rooms";

/** CHAT-4: one mail listing the chats with unread messages, their senders, counts and first lines. */
export async function sendChatDigest(env: Env, who: { tenantId: string; userId: string }, unreadByChat: Record<string, number>, knownOrigin: string | null) {
  const row = await controlDb(env).select().from(tenants).where(eq(tenants.id, who.tenantId)).get();
  if (!row) return;
  const tenant = toTenant(row);
  const db = dbFor(env, tenant);
  const user = await db.select().from(users).where(and(eq(users.tenantId, tenant.id), eq(users.id, who.userId), eq(users.status, "active"))).get();
  if (!user) return;
  const chatIds = Object.keys(unreadByChat);
  const [chatRows, members] = await Promise.all([
    db.select().from(chats).where(and(eq(chats.tenantId, tenant.id), inList(chats.id, chatIds))).all(),
    db.select({ chatId: chatMembers.chatId, userId: users.id, name: users.name }).from(chatMembers).innerJoin(users, and(eq(users.tenantId, chatMembers.tenantId), eq(users.id, chatMembers.userId))).where(and(eq(chatMembers.tenantId, tenant.id), inList(chatMembers.chatId, chatIds))).all(),
  ]);
  const nameOf = new Map(members.map((m) => [m.userId, m.name]));
  const origin = knownOrigin ?? `https://${tenant.slug}.${env.ROOT_DOMAIN}`;
  const entries = [];
  for (const chat of chatRows) {
    const summary = await chatRoom(env, tenant.id, chat.id).unreadSummary(user.id);
    if (!summary.count) continue;
    const peer = members.find((m) => m.chatId === chat.id && m.userId !== user.id);
    entries.push({
      title: chat.type === "direct" ? (peer?.name ?? "") : chat.title,
      count: summary.count,
      senders: summary.senders.map((s) => nameOf.get(s) ?? ""),
      firstLines: summary.firstLines,
      link: `${origin}/messenger/${chat.id}`,
    });
  }
  if (!entries.length) return;
  const ctx: ServiceContext = { env, db, tenant, requestId: "digest", ip: "", origin };
  await sendMail(ctx, { to: user.email, ...chatDigestMail(user.language, tenant.name, entries, `${origin}/messenger`) });
}

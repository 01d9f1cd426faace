import { and, eq, desc, sql, notExists } from "drizzle-orm";
import { batchAll, inList, insertRows } from "../../../db/lists";
import type { z } from "zod";
import { chatMembers, chats } from "../../../db/schema/chat";
import { users } from "../../../db/schema/people";
import type { ActorContext } from "../../context";
import { badRequest, forbidden, notFound, conflict } from "../../lib/errors";
import { newId } from "../../lib/crypto";
import { nowIso } from "../../lib/time";
import { chatRoom } from "../../lib/rooms";
import { presenceOf } from "../people/serialize";
import { chatAccess, type ChatRow } from "./access";
import type { createChatSchema, listChatsQuery, updateChatSchema } from "./schemas";

/** Extranet users chat only inside their workgroups (CHAT-1); those arrive with the groups module. */
function assertNotExtranet(ctx: ActorContext) {
  if (ctx.actor.role === "extranet") throw forbidden("extranet", "Extranet users can chat only inside their groups.");
}

async function activeEmployees(ctx: ActorContext, ids: string[]) {
  if (!ids.length) return [];
  const rows = await ctx.db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.status, "active"), inList(users.id, ids)))
    .all();
  if (rows.length !== new Set(ids).size) throw notFound("User");
  if (rows.some((r) => r.role === "extranet")) throw forbidden("extranet", "Extranet users can chat only inside their groups.");
  return rows;
}

/** D1 rows first, then the room; if the room cannot start, the rows go again so nothing is half-made. */
async function createRoom(ctx: ActorContext, chat: ChatRow, members: { userId: string; role: "owner" | "member" }[]) {
  const t = ctx.tenant.id;
  await ctx.db.batch([
    ctx.db.insert(chats).values(chat),
    ...insertRows(ctx.db, chatMembers, members.map((m) => ({ tenantId: t, chatId: chat.id, userId: m.userId, role: m.role, joinedAt: chat.createdAt }))),
  ]);
  try {
    const room = chatRoom(ctx.env, t, chat.id);
    await room.init({ tenantId: t, chatId: chat.id, shard: ctx.tenant.shard });
    await room.syncMembers(members);
  } catch (e) {
    await ctx.db.batch([
      ctx.db.delete(chatMembers).where(and(eq(chatMembers.tenantId, t), eq(chatMembers.chatId, chat.id))),
      ctx.db.delete(chats).where(and(eq(chats.tenantId, t), eq(chats.id, chat.id))),
    ]);
    throw e;
  }
}

export async function createChat(ctx: ActorContext, input: z.infer<typeof createChatSchema>): Promise<{ chatId: string; created: boolean }> {
  assertNotExtranet(ctx);
  const base = { tenantId: ctx.tenant.id, id: newId(), createdBy: ctx.actor.id, createdAt: nowIso(), lastSeq: 0, lastMessageAt: null, lastPreview: "", lastAuthorId: null };
  if (input.type === "direct") {
    if (input.userId === ctx.actor.id) throw badRequest("Choose someone else to chat with.", "validation", "userId");
    await activeEmployees(ctx, [input.userId]);
    const directKey = [ctx.actor.id, input.userId].sort().join(":");
    const existing = await ctx.db.select({ id: chats.id }).from(chats).where(and(eq(chats.tenantId, ctx.tenant.id), eq(chats.directKey, directKey))).get();
    if (existing) return { chatId: existing.id, created: false };
    try {
      await createRoom(ctx, { ...base, type: "direct", title: "", visibility: "private", directKey }, [
        { userId: ctx.actor.id, role: "member" },
        { userId: input.userId, role: "member" },
      ]);
    } catch (e) {
      const again = await ctx.db.select({ id: chats.id }).from(chats).where(and(eq(chats.tenantId, ctx.tenant.id), eq(chats.directKey, directKey))).get();
      if (again) return { chatId: again.id, created: false };
      throw e;
    }
    return { chatId: base.id, created: true };
  }
  const others = [...new Set(input.memberIds)].filter((u) => u !== ctx.actor.id);
  await activeEmployees(ctx, others);
  await createRoom(ctx, { ...base, type: "group", title: input.title, visibility: input.visibility, directKey: null }, [
    { userId: ctx.actor.id, role: "owner" },
    ...others.map((userId) => ({ userId, role: "member" as const })),
  ]);
  return { chatId: base.id, created: true };
}

async function membersOf(ctx: ActorContext, chatIds: string[]) {
  if (!chatIds.length) return [];
  return ctx.db
    .select({ chatId: chatMembers.chatId, userId: chatMembers.userId, role: chatMembers.role, lastReadSeq: chatMembers.lastReadSeq, name: users.name, hasPhoto: users.hasPhoto, status: users.status, lastSeenAt: users.lastSeenAt })
    .from(chatMembers)
    .innerJoin(users, and(eq(users.tenantId, chatMembers.tenantId), eq(users.id, chatMembers.userId)))
    .where(and(eq(chatMembers.tenantId, ctx.tenant.id), inList(chatMembers.chatId, chatIds)))
    .all();
}

function chatDto(ctx: ActorContext, chat: ChatRow, members: Awaited<ReturnType<typeof membersOf>>, unread: number, isMember: boolean) {
  const mine = members.filter((m) => m.chatId === chat.id);
  const peer = chat.type === "direct" ? mine.find((m) => m.userId !== ctx.actor.id) : undefined;
  return {
    id: chat.id,
    type: chat.type,
    title: peer ? peer.name : chat.title,
    visibility: chat.visibility,
    peer: peer ? { id: peer.userId, name: peer.name, hasPhoto: peer.hasPhoto, presence: presenceOf(peer.lastSeenAt), dismissed: peer.status === "dismissed" } : null,
    memberCount: mine.length,
    isMember,
    lastSeq: chat.lastSeq,
    lastMessageAt: chat.lastMessageAt,
    lastPreview: chat.lastPreview,
    lastAuthorId: chat.lastAuthorId,
    unread,
    createdAt: chat.createdAt,
  };
}
export type ChatDto = ReturnType<typeof chatDto>;

/** The chat list: my chats by latest activity with my unread counts (the rooms keep them in D1); or public chats to join. */
export async function listChats(ctx: ActorContext, q: z.infer<typeof listChatsQuery>) {
  const t = ctx.tenant.id;
  let rows: (ChatRow & { unread: number })[];
  if (q.scope === "public") {
    if (ctx.actor.role === "extranet") return { items: [] };
    rows = await ctx.db
      .select()
      .from(chats)
      .where(
        and(
          eq(chats.tenantId, t),
          eq(chats.visibility, "public"),
          eq(chats.type, "group"),
          notExists(ctx.db.select({ one: sql`1` }).from(chatMembers).where(and(eq(chatMembers.tenantId, t), eq(chatMembers.chatId, chats.id), eq(chatMembers.userId, ctx.actor.id)))),
        ),
      )
      .orderBy(desc(sql`coalesce(${chats.lastMessageAt}, ${chats.createdAt})`))
      .limit(100)
      .all()
      .then((found) => found.map((c) => ({ ...c, unread: 0 })));
  } else {
    rows = (
      await ctx.db
        .select({ chat: chats, unread: chatMembers.unread })
        .from(chatMembers)
        .innerJoin(chats, and(eq(chats.tenantId, chatMembers.tenantId), eq(chats.id, chatMembers.chatId)))
        .where(and(eq(chatMembers.tenantId, t), eq(chatMembers.userId, ctx.actor.id)))
        .orderBy(desc(sql`coalesce(${chats.lastMessageAt}, ${chats.createdAt})`))
        .limit(500)
        .all()
    ).map((r) => ({ ...r.chat, unread: r.unread }));
  }
  const members = await membersOf(ctx, rows.map((r) => r.id));
  let items = rows.map(({ unread, ...c }) => chatDto(ctx, c, members, unread, q.scope === "mine"));
  if (q.q) {
    const needle = q.q.toLowerCase();
    items = items.filter((c) => c.title.toLowerCase().includes(needle));
  }
  return { items };
}

export async function getChat(ctx: ActorContext, chatId: string) {
  const { chat, member } = await chatAccess(ctx, chatId);
  const [members, pinned] = await Promise.all([membersOf(ctx, [chatId]), chatRoom(ctx.env, ctx.tenant.id, chatId).pinned()]);
  return {
    chat: chatDto(ctx, chat, members, member?.unread ?? 0, Boolean(member)),
    members: members.map((m) => ({ id: m.userId, name: m.name, role: m.role, hasPhoto: m.hasPhoto, presence: presenceOf(m.lastSeenAt), dismissed: m.status === "dismissed", lastReadSeq: m.lastReadSeq })),
    pinned,
  };
}

async function syncRoom(ctx: ActorContext, chatId: string) {
  const rows = await ctx.db.select({ userId: chatMembers.userId, role: chatMembers.role }).from(chatMembers).where(and(eq(chatMembers.tenantId, ctx.tenant.id), eq(chatMembers.chatId, chatId))).all();
  await chatRoom(ctx.env, ctx.tenant.id, chatId).syncMembers(rows);
}

export async function updateChat(ctx: ActorContext, chatId: string, patch: z.infer<typeof updateChatSchema>) {
  const { chat, member } = await chatAccess(ctx, chatId);
  if (chat.type !== "group") throw badRequest("Direct chats have no title or visibility.", "direct_chat");
  if (member?.role !== "owner") throw forbidden("not_owner", "Only the chat's owner can change it.");
  // An empty patch (e.g. a PATCH without a body) changes nothing; drizzle refuses an UPDATE with no columns.
  if (Object.keys(patch).length) await ctx.db.update(chats).set(patch).where(and(eq(chats.tenantId, ctx.tenant.id), eq(chats.id, chatId)));
  return getChat(ctx, chatId);
}

export async function addMembers(ctx: ActorContext, chatId: string, userIds: string[]) {
  const { chat, member } = await chatAccess(ctx, chatId);
  if (chat.type !== "group") throw badRequest("Start a group chat to talk with more people.", "direct_chat");
  if (!member) throw forbidden("not_member", "Join the chat first.");
  await activeEmployees(ctx, userIds);
  const now = nowIso();
  const inserts = insertRows(ctx.db, chatMembers, [...new Set(userIds)].map((userId) => ({ tenantId: ctx.tenant.id, chatId, userId, role: "member" as const, joinedAt: now })));
  await batchAll(ctx.db, inserts.map((q) => q.onConflictDoNothing()));
  await syncRoom(ctx, chatId);
  return getChat(ctx, chatId);
}

export async function removeMember(ctx: ActorContext, chatId: string, userId: string) {
  const { chat, member } = await chatAccess(ctx, chatId);
  if (chat.type !== "group") throw badRequest("Direct chats keep both people.", "direct_chat");
  if (userId !== ctx.actor.id && member?.role !== "owner") throw forbidden("not_owner", "Only the chat's owner can remove others.");
  const res = await ctx.db.delete(chatMembers).where(and(eq(chatMembers.tenantId, ctx.tenant.id), eq(chatMembers.chatId, chatId), eq(chatMembers.userId, userId))).returning().all();
  if (!res.length) throw notFound("Member");
  await syncRoom(ctx, chatId);
}

export async function joinChat(ctx: ActorContext, chatId: string) {
  const { chat, member } = await chatAccess(ctx, chatId);
  if (member) throw conflict("already_member", "You are already in this chat.");
  if (chat.visibility !== "public") throw notFound("Chat");
  await ctx.db.insert(chatMembers).values({ tenantId: ctx.tenant.id, chatId, userId: ctx.actor.id, role: "member", joinedAt: nowIso() }).onConflictDoNothing();
  await syncRoom(ctx, chatId);
  return getChat(ctx, chatId);
}

/** Closes a user's sockets in all their chats (dismissal). */
export async function disconnectFromChats(ctx: ActorContext, userId: string) {
  const rows = await ctx.db.select({ chatId: chatMembers.chatId }).from(chatMembers).where(and(eq(chatMembers.tenantId, ctx.tenant.id), eq(chatMembers.userId, userId))).all();
  await Promise.all(rows.map((r) => chatRoom(ctx.env, ctx.tenant.id, r.chatId).disconnectUser(userId)));
}

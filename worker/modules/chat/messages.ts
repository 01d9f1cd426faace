import { and, eq, desc, sql } from "drizzle-orm";
import type { z } from "zod";
import { chatMembers, chats } from "../../../db/schema/chat";
import type { ActorContext } from "../../context";
import { chatRoom } from "../../lib/rooms";
import type { ChatSendInput } from "../../../durable-objects/protocol";
import { chatAccess, memberAccess, roomResult } from "./access";
import type { historyQuery } from "./schemas";

const room = (ctx: ActorContext, chatId: string) => chatRoom(ctx.env, ctx.tenant.id, chatId);

/** CHAT-3: answered only after the room stored the message; a repeated clientId returns the same seq. */
export async function sendMessage(ctx: ActorContext, chatId: string, input: ChatSendInput) {
  await memberAccess(ctx, chatId);
  return roomResult(await room(ctx, chatId).trySend(ctx.actor.id, input));
}

export async function history(ctx: ActorContext, chatId: string, q: z.infer<typeof historyQuery>) {
  await chatAccess(ctx, chatId);
  return room(ctx, chatId).history(q);
}

export async function markRead(ctx: ActorContext, chatId: string, seq: number) {
  await memberAccess(ctx, chatId);
  return { readSeq: roomResult(await room(ctx, chatId).tryRead(ctx.actor.id, seq)) };
}

export async function editMessage(ctx: ActorContext, chatId: string, seq: number, text: string) {
  await memberAccess(ctx, chatId);
  return roomResult(await room(ctx, chatId).tryEdit(ctx.actor.id, seq, text));
}

export async function deleteMessage(ctx: ActorContext, chatId: string, seq: number) {
  await memberAccess(ctx, chatId);
  return roomResult(await room(ctx, chatId).tryRemove(ctx.actor.id, seq));
}

export async function react(ctx: ActorContext, chatId: string, seq: number, emoji: string, on: boolean) {
  await memberAccess(ctx, chatId);
  return roomResult(await room(ctx, chatId).tryReact(ctx.actor.id, seq, emoji, on));
}

export async function pin(ctx: ActorContext, chatId: string, seq: number, on: boolean) {
  await memberAccess(ctx, chatId);
  return roomResult(await room(ctx, chatId).tryPin(ctx.actor.id, seq, on));
}

export async function searchChat(ctx: ActorContext, chatId: string, q: string, limit: number) {
  await chatAccess(ctx, chatId);
  return { items: await room(ctx, chatId).search(q, limit) };
}

/** Search across the user's 50 most recently active chats, each searched in its own room. */
export async function searchAll(ctx: ActorContext, q: string, limit: number) {
  const mine = await ctx.db
    .select({ id: chats.id })
    .from(chatMembers)
    .innerJoin(chats, and(eq(chats.tenantId, chatMembers.tenantId), eq(chats.id, chatMembers.chatId)))
    .where(and(eq(chatMembers.tenantId, ctx.tenant.id), eq(chatMembers.userId, ctx.actor.id)))
    .orderBy(desc(sql`coalesce(${chats.lastMessageAt}, ${chats.createdAt})`))
    .limit(50)
    .all();
  const results = await Promise.all(mine.map(async (c) => (await room(ctx, c.id).search(q, limit)).map((m) => ({ chatId: c.id, message: m }))));
  return { items: results.flat().sort((a, b) => b.message.createdAt.localeCompare(a.message.createdAt)).slice(0, limit) };
}

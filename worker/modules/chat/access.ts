import type { RoomOutcome } from "../../../durable-objects/chat-outcome";
import { and, eq } from "drizzle-orm";
import { chatMembers, chats } from "../../../db/schema/chat";
import type { ActorContext } from "../../context";
import { AppError, notFound } from "../../lib/errors";

export type ChatRow = typeof chats.$inferSelect;

/**
 * Who may see a chat: its members; any employee may look into a public group chat (and join it).
 * Private and direct chats are invisible to everyone else, administrators included (CHAT-6).
 */
export async function chatAccess(ctx: ActorContext, chatId: string) {
  const row = await ctx.db
    .select({ chat: chats, member: chatMembers })
    .from(chats)
    .leftJoin(chatMembers, and(eq(chatMembers.tenantId, chats.tenantId), eq(chatMembers.chatId, chats.id), eq(chatMembers.userId, ctx.actor.id)))
    .where(and(eq(chats.tenantId, ctx.tenant.id), eq(chats.id, chatId)))
    .get();
  if (!row) throw notFound("Chat");
  const isPublic = row.chat.type === "group" && row.chat.visibility === "public" && ctx.actor.role !== "extranet";
  if (!row.member && !isPublic) throw notFound("Chat");
  return { chat: row.chat, member: row.member };
}

export async function memberAccess(ctx: ActorContext, chatId: string) {
  const access = await chatAccess(ctx, chatId);
  if (!access.member) throw new AppError(403, "not_member", "Join the chat to write in it.");
  return { chat: access.chat, member: access.member };
}

/** A ChatRoom's refusal as the HTTP error it means; its answer otherwise. */
export function roomResult<T>(o: RoomOutcome<T>): T {
  if (o.ok) return o.value;
  const status = o.code === "not_found" ? 404 : o.code === "validation" ? 400 : o.code === "not_member" || o.code === "not_author" ? 403 : 409;
  throw new AppError(status, o.code, o.message);
}

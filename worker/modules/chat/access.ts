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

/** Errors from a ChatRoom arrive as "code: text" (RPC keeps only the message). */
export function roomError(e: unknown): never {
  const m = /^(\w+): (.*)$/s.exec(e instanceof Error ? e.message : String(e));
  if (!m) throw e;
  const [, code, text] = m;
  const status = code === "not_found" ? 404 : code === "validation" ? 400 : code === "not_member" || code === "not_author" ? 403 : 409;
  throw new AppError(status, code, text);
}

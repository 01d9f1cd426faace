import { z } from "zod";
import { singleLine } from "../portal/schemas";
import { chatSendSchema } from "../../../durable-objects/protocol";

const id = z.string().min(1).max(64);

export const createChatSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("direct"), userId: id }).strict(),
  z
    .object({
      type: z.literal("group"),
      title: singleLine(120, 1, "Name the chat"),
      memberIds: z.array(id).max(500).default([]),
      visibility: z.enum(["public", "private"]).default("private"),
    })
    .strict(),
]);

export const updateChatSchema = z.object({ title: singleLine(120, 1), visibility: z.enum(["public", "private"]) }).partial().strict();
export const membersSchema = z.object({ userIds: z.array(id).min(1).max(500) }).strict();

const seq = z.coerce.number().int().min(0);
export const historyQuery = z
  .object({ after: seq.optional(), before: seq.optional(), limit: z.coerce.number().int().min(1).max(200).default(50) })
  .refine((q) => q.after === undefined || q.before === undefined, "Use either after or before");

export const sendMessageSchema = chatSendSchema;
export const readSchema = z.object({ seq: z.number().int().min(0) }).strict();
export const editMessageSchema = z.object({ text: z.string().min(1).max(10_000) }).strict();
export const reactSchema = z.object({ emoji: z.string().min(1).max(16) }).strict();
export const searchQuery = z.object({ q: z.string().trim().min(1).max(200), limit: z.coerce.number().int().min(1).max(50).default(20) });
export const listChatsQuery = z.object({ q: z.string().trim().max(100).optional(), scope: z.enum(["mine", "public"]).default("mine") });

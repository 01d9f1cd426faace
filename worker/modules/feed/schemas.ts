import { z } from "zod";
import { singleLine } from "../portal/schemas";

const id = z.string().min(1).max(64);

export const audienceSchema = z
  .object({
    company: z.boolean().default(false),
    departmentIds: z.array(id).max(100).default([]),
    groupIds: z.array(id).max(100).default([]),
    userIds: z.array(id).max(200).default([]),
  })
  .strict()
  .refine((a) => a.company || a.departmentIds.length || a.groupIds.length || a.userIds.length, "Choose who sees the post");
export type AudienceInput = z.infer<typeof audienceSchema>;

export const attachmentSchema = z
  .object({ kind: z.string().min(1).max(20), id, name: singleLine(255, 1), size: z.number().int().min(0).max(2 ** 40).optional(), contentType: z.string().max(100).optional() })
  .strict();

export const pollSchema = z
  .object({
    question: z.string().trim().min(1, "Ask a question").max(300),
    multiple: z.boolean().default(false),
    options: z.array(z.string().trim().min(1).max(200)).min(2, "At least two answers").max(20),
  })
  .strict();

export const createPostSchema = z
  .object({
    title: singleLine(200).default(""),
    text: z.string().max(50_000),
    audience: audienceSchema,
    mentions: z.array(id).max(100).default([]),
    attachments: z.array(attachmentSchema).max(20).default([]),
    poll: pollSchema.optional(),
  })
  .strict()
  .refine((p) => p.text.trim().length > 0 || p.poll || p.attachments.length, { message: "Write something first", path: ["text"] });

export const updatePostSchema = z
  .object({ title: singleLine(200), text: z.string().max(50_000), attachments: z.array(attachmentSchema).max(20) })
  .partial()
  .strict();

export const commentSchema = z.object({ text: z.string().max(10_000).refine((t) => t.trim().length > 0, "Write something first") }).strict();
export const voteSchema = z.object({ optionIds: z.array(id).min(1, "Choose an answer").max(20) }).strict();

const isoDate = z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s)), "Use an ISO 8601 date");

export const feedQuerySchema = z.object({
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  authorId: id.optional(),
  type: z.enum(["post", "event"]).optional(),
  eventType: z.string().max(60).optional(),
  groupId: id.optional(),
  departmentId: id.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  mentionsMe: z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1").optional(),
});
export type FeedQuery = z.infer<typeof feedQuerySchema>;

export const commentsQuerySchema = z.object({ cursor: z.string().max(400).optional(), limit: z.coerce.number().int().min(1).max(100).default(50) });

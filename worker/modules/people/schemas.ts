import { z } from "zod";
import { emailSchema, nameSchema, passwordSchema } from "../portal/schemas";

const id = z.string().min(1).max(64);

export const listUsersQuery = z.object({
  q: z.string().trim().max(100).optional(),
  departmentId: id.optional(),
  status: z.enum(["active", "invited", "pending_approval", "dismissed"]).optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const createUserSchema = z
  .object({
    name: nameSchema,
    email: emailSchema,
    position: z.string().trim().max(120).default(""),
    departmentId: id.optional(),
    password: passwordSchema,
    role: z.enum(["admin", "employee"]).default("employee"),
  })
  .strict();

export const updateUserSchema = z
  .object({
    name: nameSchema,
    position: z.string().trim().max(120),
    phone: z.string().trim().max(40),
    departmentId: id,
    role: z.enum(["admin", "employee", "extranet"]),
  })
  .partial()
  .strict();

export const inviteSchema = z
  .object({
    emails: z.array(emailSchema).min(1, "Add at least one e-mail").max(50),
    departmentId: id.optional(),
    role: z.enum(["employee", "extranet"]).default("employee"),
    text: z.string().trim().max(2000).optional(),
  })
  .strict();

export const departmentCreateSchema = z.object({ name: nameSchema, parentId: id, headUserId: id.nullable().optional() }).strict();
export const departmentPatchSchema = z.object({ name: nameSchema, parentId: id, headUserId: id.nullable() }).partial().strict();
export const moveMemberSchema = z.object({ userId: id }).strict();

import { z } from "zod";
import { emailSchema, passwordSchema, nameSchema, LANGUAGES, timeZoneSchema } from "../portal/schemas";

export const loginSchema = z.object({ email: emailSchema, password: z.string().min(1, "Required").max(200) }).strict();
export const totpCodeSchema = z.object({ code: z.string().trim().regex(/^\d{6}$/, "Enter the 6-digit code") }).strict();
export const forgotPasswordSchema = z.object({ email: emailSchema }).strict();
export const tokenSchema = z.object({ token: z.string().min(10).max(200) }).strict();
export const resetPasswordSchema = z.object({ token: z.string().min(10).max(200), password: passwordSchema }).strict();
export const acceptInvitationSchema = z.object({ name: nameSchema, password: passwordSchema }).strict();
export const joinSchema = z.object({ name: nameSchema, email: emailSchema, password: passwordSchema }).strict();
export const changePasswordSchema = z.object({ current: z.string().min(1).max(200), password: passwordSchema }).strict();

export const updateMeSchema = z
  .object({
    name: nameSchema,
    language: z.enum(LANGUAGES),
    timeZone: timeZoneSchema,
    position: z.string().trim().max(120),
    phone: z.string().trim().max(40),
  })
  .partial()
  .strict();

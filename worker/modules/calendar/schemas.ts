import { z } from "zod";
import { emailSchema, singleLine, timeZoneSchema } from "../portal/schemas";

const id = z.string().min(1).max(64);
const instant = z
  .string()
  .max(40)
  .refine((s) => /[zZ]|[+-]\d\d:?\d\d$/.test(s) && !Number.isNaN(Date.parse(s)), "Use ISO 8601 with an offset")
  // The calendar's years (FIRST_YEAR/LAST_YEAR in event-write.ts): a year-275760 event broke reminders, a year-1 series every listing.
  .refine((s) => Number.isNaN(Date.parse(s)) || (new Date(s).getUTCFullYear() >= 1900 && new Date(s).getUTCFullYear() <= 2100), "Use a date between 1900 and 2100");
const rrule = z
  .string()
  .max(500)
  .regex(/^(RRULE:)?FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=[A-Z0-9,+\-:]+)*$/i, "Use an RFC 5545 RRULE such as FREQ=WEEKLY;BYDAY=MO");

export const guestSchema = z
  .object({ email: emailSchema, firstName: singleLine(80, 1), lastName: singleLine(80).default("") })
  .strict();

export const optionsSchema = z.object({ notifyOnDecision: z.boolean().default(true), guestsSeeAttendees: z.boolean().default(false) }).strict();

const eventFields = {
  calendarId: id,
  title: singleLine(255, 1, "Give the event a title"),
  description: z.string().max(20_000).default(""),
  location: z.string().trim().max(500).default(""),
  start: instant,
  end: instant,
  timeZone: timeZoneSchema.default("UTC"),
  allDay: z.boolean().default(false),
  rrule: rrule.nullable().optional(),
  importance: z.enum(["low", "normal", "high"]).default("normal"),
  privacy: z.enum(["public", "private"]).default("public"),
  reminders: z.array(z.number().int().min(0).max(40_320)).max(5).default([15]),
  attendeeIds: z.array(id).max(200).default([]),
  guests: z.array(guestSchema).max(50).default([]),
  options: optionsSchema.default({ notifyOnDecision: true, guestsSeeAttendees: false }),
};

export const createEventSchema = z
  .object(eventFields)
  .strict()
  .refine((e) => Date.parse(e.end) > Date.parse(e.start) || (e.allDay && Date.parse(e.end) >= Date.parse(e.start)), { message: "The event must end after it starts", path: ["end"] });

export const updateEventSchema = z
  .object({
    title: eventFields.title,
    description: z.string().max(20_000),
    location: z.string().trim().max(500),
    start: instant,
    end: instant,
    timeZone: timeZoneSchema,
    allDay: z.boolean(),
    rrule: rrule.nullable(),
    importance: z.enum(["low", "normal", "high"]),
    privacy: z.enum(["public", "private"]),
    reminders: z.array(z.number().int().min(0).max(40_320)).max(5),
    attendeeIds: z.array(id).max(200),
    guests: z.array(guestSchema).max(50),
    options: optionsSchema,
    calendarId: id,
  })
  .partial()
  .strict();

export const scopeQuery = z.object({
  scope: z.enum(["all", "this", "following"]).default("all"),
  /** The occurrence's start, for scope this/following on a series. */
  occurrence: instant.optional(),
});

export const listEventsQuery = z.object({
  from: instant,
  to: instant,
  calendarIds: z.string().max(2000).optional(),
});

export const respondSchema = z.object({ answer: z.enum(["accepted", "declined", "maybe"]), occurrence: instant.optional() }).strict();

export const plannerQuery = z.object({
  userIds: z.string().min(1).max(4000),
  from: instant,
  to: instant,
  duration: z.coerce.number().int().min(5).max(24 * 60).default(60),
});

export const senderSchema = z.object({ email: emailSchema, name: singleLine(120, 1), shared: z.boolean().default(false) }).strict();
export const senderConfirmSchema = z.object({ code: z.string().trim().regex(/^\d{6}$/, "Enter the 6-digit code") }).strict();
export const senderChooseSchema = z.object({ senderId: id }).strict();

export const calendarCreateSchema = z.object({ name: singleLine(120, 1), color: z.string().regex(/^#[0-9a-fA-F]{6}$/).default("#2563eb") }).strict();
export const calendarShareSchema = z.object({ userId: id, access: z.enum(["read", "write"]) }).strict();
export const guestAnswerSchema = z.object({ answer: z.enum(["accept", "decline"]) }).strict();

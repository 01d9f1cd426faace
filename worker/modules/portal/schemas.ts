import { z } from "zod";
import { PLANS, SWITCHABLE_MODULES } from "./plans";

export const LANGUAGES = ["en", "de", "ru", "ro", "cs"] as const;
export const DATE_FORMATS = ["DD.MM.YYYY", "MM/DD/YYYY", "YYYY-MM-DD", "DD/MM/YYYY"] as const;

export const timeZoneSchema = z.string().max(64).refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "Unknown time zone");

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM");
const cidr = z.string().max(64).regex(/^[0-9a-fA-F:.]+(\/\d{1,3})?$/, "Use an IP address or CIDR range");
const emailDomain = z.string().trim().toLowerCase().max(253).regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, "Use a domain like example.com");

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "At least 3 characters")
  .max(40)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "Letters, digits and dashes only");

export const emailSchema = z.string().trim().toLowerCase().max(254).email("Enter a valid e-mail address");
export const passwordSchema = z.string().min(8, "At least 8 characters").max(200);
/** Names, titles and labels are one line: line breaks and control characters have no place in a header, a subject or a list. */
export const singleLine = (max: number, min = 0, required = "Required") =>
  z.string().trim().min(min, required).max(max).regex(/^[^\u0000-\u001f\u007f\u2028\u2029]*$/, "Use a single line without control characters");
export const nameSchema = singleLine(120, 1);

export const portalSignupSchema = z.object({
  company: nameSchema,
  subdomain: slugSchema,
  email: emailSchema,
  password: passwordSchema,
  name: nameSchema.optional(),
  language: z.enum(LANGUAGES).optional(),
});

export const workScheduleSchema = z.object({
  days: z.array(z.number().int().min(1).max(7)).max(7),
  start: hhmm,
  end: hhmm,
});

export const portalSettingsSchema = z.object({
  contactEmail: emailSchema.or(z.literal("")),
  timeZone: timeZoneSchema,
  dateFormat: z.enum(DATE_FORMATS),
  timeFormat: z.enum(["24h", "12h"]),
  workSchedule: workScheduleSchema,
  defaultLanguage: z.enum(LANGUAGES),
  disabledModules: z.array(z.enum(SWITCHABLE_MODULES as [string, ...string[]])).max(10),
  feedPosting: z.object({ mode: z.enum(["everyone", "list"]), userIds: z.array(z.string().max(64)).max(500) }),
  ipAllowList: z.array(cidr).max(100),
  requireTotp: z.boolean(),
  registration: z.object({
    enabled: z.boolean(),
    mode: z.enum(["open", "closed"]),
    allowedDomains: z.array(emailDomain).max(50),
  }),
  invitationText: z.string().max(2000),
});
export type PortalSettings = z.infer<typeof portalSettingsSchema>;

export const portalSettingsPatchSchema = portalSettingsSchema.partial().extend({ name: nameSchema.optional() }).strict();

export const planChangeSchema = z.object({ plan: z.enum(PLANS) }).strict();
export const businessUsersSchema = z.object({ userIds: z.array(z.string().min(1).max(64)).max(1000) }).strict();
export const customDomainSchema = z.object({
  hostname: z.string().trim().toLowerCase().max(253).regex(/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/, "Use a host name like work.example.com"),
}).strict();

export const DEFAULT_SETTINGS: PortalSettings = {
  contactEmail: "",
  timeZone: "UTC",
  dateFormat: "DD.MM.YYYY",
  timeFormat: "24h",
  workSchedule: { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" },
  defaultLanguage: "en",
  disabledModules: [],
  feedPosting: { mode: "everyone", userIds: [] },
  ipAllowList: [],
  requireTotp: false,
  registration: { enabled: false, mode: "closed", allowedDomains: [] },
  invitationText: "",
};

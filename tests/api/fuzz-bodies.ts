/**
 * Valid starting bodies for the write routes without parameters (routes with parameters have theirs in
 * BODIES of tests/api/routes.ts). The fuzzer mutates them one field at a time, so that its requests get
 * past the first check and reach the code behind it. A new write route without a body here or there
 * makes tests/api/fuzz.test.ts fail, naming this file.
 */
import type { Seed } from "./routes";

const day = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * day).toISOString();

export const START: Record<string, (seed: Seed, own: { userId: string }) => unknown> = {
  "POST /api/v1/portals": () => ({ company: "Fuzz Co", subdomain: `fuzz${Date.now().toString(36)}`, email: "owner@fuzz.test", password: "password-123", language: "de" }),
  "POST /api/v1/auth/login": () => ({ email: "nobody@fuzz.test", password: "not-the-password" }),
  "POST /api/v1/auth/login/totp": () => ({ code: "123456" }),
  "POST /api/v1/auth/logout": () => null,
  "POST /api/v1/auth/password/forgot": () => ({ email: "nobody@fuzz.test" }),
  "POST /api/v1/auth/password/reset": () => ({ token: "fuzz-token-0123456789", password: "password-456" }),
  "POST /api/v1/auth/confirm": () => ({ token: "fuzz-token-0123456789" }),
  "POST /api/v1/auth/totp/setup": () => null,
  "POST /api/v1/auth/totp/enable": () => ({ code: "123456" }),
  "POST /api/v1/auth/totp/disable": () => ({ code: "123456" }),
  "PATCH /api/v1/me": () => ({ position: "Fuzzer", phone: "+49 30 1234", timeZone: "Europe/Berlin", language: "de" }),
  "POST /api/v1/me/password": () => ({ current: "not-the-password", password: "password-456" }),
  "POST /api/v1/people/users": (s) => ({ name: "Fuzz Person", email: "fuzz.person@fuzz.test", password: "password-123", departmentId: s.departmentId }),
  "POST /api/v1/people/invitations": (s) => ({ emails: ["fuzz.invitee@fuzz.test"], departmentId: s.departmentId, text: "Welcome" }),
  "POST /api/v1/structure/departments": (s) => ({ name: "Fuzz Department", parentId: s.departmentId, headUserId: s.userId }),
  "PATCH /api/v1/portal/settings": () => ({
    name: "Fuzz Portal", timeZone: "Europe/Berlin", workSchedule: { days: [1, 2, 3], start: "08:00", end: "17:00" },
    registration: { enabled: true, mode: "open", allowedDomains: ["fuzz.test"] }, feedPosting: { mode: "everyone", userIds: [] }, invitationText: "Hello",
  }),
  "POST /api/v1/portal/registration-link": () => null,
  "PUT /api/v1/portal/plan": () => ({ plan: "professional" }),
  "PUT /api/v1/portal/logo": () => null, // a multipart upload: the JSON bodies here are all wrong
  "DELETE /api/v1/portal/logo": () => null,
  "PUT /api/v1/portal/business-users": (s, own) => ({ userIds: [own.userId, s.userId] }),
  "POST /api/v1/portal/domains": () => ({ hostname: "work.fuzz.test" }),
  "POST /api/v1/notifications/read": () => ({ all: true }),
  "POST /api/v1/feed/posts": (s) => ({ text: "Fuzz post", audience: { company: false, userIds: [s.userId] }, mentions: [s.userId], poll: { question: "Q?", options: ["a", "b"] } }),
  "POST /api/v1/chats": (s) => ({ type: "group", title: "Fuzz chat", memberIds: [s.userId], visibility: "public" }),
  "POST /api/v1/calendar/events": (s) => ({
    calendarId: s.calendarId, title: "Fuzz event", start: at(3), end: at(3.05), rrule: "FREQ=WEEKLY;COUNT=3", reminders: [15], attendeeIds: [s.userId], timeZone: "Europe/Berlin",
  }),
  "POST /api/v1/calendar/sender": () => ({ email: "sender@fuzz.test", name: "Fuzz Sender" }),
  "POST /api/v1/calendar/sender/confirm": () => ({ code: "123456" }),
  "PUT /api/v1/calendar/sender": () => ({ senderId: "no-such-sender" }),
};

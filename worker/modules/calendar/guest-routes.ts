import { Hono, type Context } from "hono";
import { and, eq, isNull } from "drizzle-orm";
import { eventAttendees, eventGuests } from "../../../db/schema/calendar";
import { users } from "../../../db/schema/people";
import type { AppEnv } from "../../context";
import { AppError } from "../../lib/errors";
import { guestLanguage, guestNoticePage, guestPage } from "../../pages/guest-page";
import { guestAnswer, resolveGuestLink } from "./attendance";
import { serveAttachment } from "./attachments";
import { findEvent } from "./event-view";

// "same-origin", not "no-referrer": under no-referrer browsers send `Origin: null` with the page's own form POST,
// which the same-origin check below must refuse; the token still never leaves for another site in a Referer.
const PAGE_HEADERS = { "cache-control": "no-store", "referrer-policy": "same-origin", "x-frame-options": "DENY", "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'" };

async function render(c: Context<AppEnv>, token: string, saved: boolean) {
  const ctx = c.get("ctx");
  const lang = guestLanguage(c.req.header("accept-language"));
  const link = await resolveGuestLink(ctx, token);
  if (link.state !== "ok") return c.html(guestNoticePage(lang, ctx.tenant.name, link.state), link.state === "invalid" ? 404 : 410, PAGE_HEADERS);
  const { event, guest, organizerName } = link;
  let attendees: string[] | null = null;
  if (event.options.guestsSeeAttendees) {
    const t = ctx.tenant.id;
    const [colleagues, guests] = await ctx.db.batch([
      ctx.db
        .select({ name: users.name })
        .from(eventAttendees)
        .innerJoin(users, and(eq(users.tenantId, eventAttendees.tenantId), eq(users.id, eventAttendees.userId)))
        .where(and(eq(eventAttendees.tenantId, t), eq(eventAttendees.eventId, event.id))),
      ctx.db.select().from(eventGuests).where(and(eq(eventGuests.tenantId, t), eq(eventGuests.eventId, event.id), isNull(eventGuests.removedAt))),
    ]);
    attendees = [...colleagues.map((a) => a.name), ...guests.map((g) => `${g.firstName} ${g.lastName}`.trim())];
  }
  const html = guestPage(lang, {
    portal: ctx.tenant.name, token, title: event.title, startUtc: event.startUtc, endUtc: event.endUtc, timeZone: event.timeZone, allDay: event.allDay,
    location: event.location, description: event.description, cancelled: event.status === "cancelled", organizer: organizerName,
    status: guest.status, attendees, files: event.attachments.map((a) => ({ id: a.id, name: a.name })), saved,
  });
  return c.html(html, 200, PAGE_HEADERS);
}

/** Mail scanners open links: GET only shows; the answer needs a POST from this very page (same origin). */
export const guestRoutes = new Hono<AppEnv>()
  .get("/:token", (c) => render(c, c.req.param("token"), c.req.query("saved") === "1"))
  .post("/:token", async (c) => {
    const origin = c.req.header("origin") ?? (c.req.header("referer") ? new URL(c.req.header("referer")!).origin : undefined);
    if (origin !== new URL(c.req.url).origin) throw new AppError(403, "csrf", "Cross-site request refused.");
    const type = c.req.header("content-type") ?? "";
    const body = type.includes("application/json") ? await c.req.json().catch(() => ({})) : Object.fromEntries(await c.req.formData().catch(() => new FormData()));
    const answer = (body as { answer?: unknown }).answer;
    if (answer !== "accept" && answer !== "decline") throw new AppError(400, "validation", "answer must be accept or decline.", "answer");
    const token = c.req.param("token");
    const result = await guestAnswer(c.get("ctx"), token, answer);
    if (type.includes("application/json")) return c.json({ status: result.guest.status }, 200);
    return c.redirect(`/g/${encodeURIComponent(token)}?saved=1`, 303);
  })
  .get("/:token/files/:fileId", async (c) => {
    const ctx = c.get("ctx");
    const link = await resolveGuestLink(ctx, c.req.param("token"));
    if (link.state !== "ok") return c.html(guestNoticePage(guestLanguage(c.req.header("accept-language")), ctx.tenant.name, link.state), 404, PAGE_HEADERS);
    return serveAttachment(ctx, await findEvent(ctx, link.event.id), c.req.param("fileId"));
  });


import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { actorCtx } from "../../lib/http";
import { AppError, badRequest } from "../../lib/errors";
import { calendarShareSchema, createEventSchema, listEventsQuery, plannerQuery, respondSchema, scopeQuery, senderChooseSchema, senderConfirmSchema, senderSchema, updateEventSchema } from "./schemas";
import { calendarAccess, rotateFeedToken, shareCalendar, unshareCalendar, visibleCalendars } from "./calendars";
import { findEvent, listEvents } from "./event-view";
import { createEvent, eventDetail } from "./event-write";
import { cancelEvent, updateEvent } from "./event-update";
import { respond } from "./attendance";
import { planner } from "./planner";
import { chooseSender, confirmSender, createSender, senderSettings } from "./senders";
import { importIcs } from "./ics-io";
import { addAttachment, removeAttachment, serveAttachment } from "./attachments";
import { eventAccess } from "./event-view";

const MAX_RANGE_MS = 366 * 86_400_000;

export const calendarRoutes = new Hono<AppEnv>()
  .get("/calendars", async (c) => c.json({ items: (await visibleCalendars(actorCtx(c))).map(({ feedTokenHash, tenantId: _t, ...cal }) => ({ ...cal, hasFeed: Boolean(feedTokenHash) })) }, 200))
  .post("/calendars/:id/shares", validate("json", calendarShareSchema), async (c) => {
    const body = c.req.valid("json");
    await shareCalendar(actorCtx(c), c.req.param("id"), body.userId, body.access);
    return c.json({ ok: true }, 200);
  })
  .delete("/calendars/:id/shares/:userId", async (c) => {
    await unshareCalendar(actorCtx(c), c.req.param("id"), c.req.param("userId"));
    return c.json({ ok: true }, 200);
  })
  .post("/calendars/:id/feed", async (c) => c.json({ url: await rotateFeedToken(actorCtx(c), c.req.param("id"), true) }, 200))
  .delete("/calendars/:id/feed", async (c) => c.json({ url: await rotateFeedToken(actorCtx(c), c.req.param("id"), false) }, 200))
  .post("/calendars/:id/import", async (c) => {
    const ctx = actorCtx(c);
    await calendarAccess(ctx, c.req.param("id"));
    const type = c.req.header("content-type") ?? "";
    let text: string;
    if (type.startsWith("multipart/form-data")) {
      const file = (await c.req.formData().catch(() => null))?.get("file");
      if (!file || typeof file === "string") throw badRequest("Attach an .ics file as the form field 'file'.", "validation", "file");
      if (file.size > 2 * 1024 * 1024) throw new AppError(413, "too_large", "Import files can be at most 2 MB.");
      text = await file.text();
    } else {
      text = await c.req.text();
      if (text.length > 2 * 1024 * 1024) throw new AppError(413, "too_large", "Import files can be at most 2 MB.");
    }
    return c.json(await importIcs(ctx, c.req.param("id"), text), 201);
  })
  .get("/events", validate("query", listEventsQuery), async (c) => {
    const q = c.req.valid("query");
    const from = new Date(q.from);
    const to = new Date(q.to);
    if (to <= from || to.getTime() - from.getTime() > MAX_RANGE_MS) throw badRequest("Ask for at most a year, ending after the start.", "validation", "to");
    return c.json(await listEvents(actorCtx(c), { from, to, calendarIds: q.calendarIds?.split(",").filter(Boolean) }), 200);
  })
  .post("/events", validate("json", createEventSchema), async (c) => c.json({ event: await createEvent(actorCtx(c), c.req.valid("json")) }, 201))
  .get("/events/:id", async (c) => {
    const ctx = actorCtx(c);
    return c.json({ event: await eventDetail(ctx, await findEvent(ctx, c.req.param("id"))) }, 200);
  })
  .patch("/events/:id", validate("query", scopeQuery), validate("json", updateEventSchema), async (c) =>
    c.json({ event: await updateEvent(actorCtx(c), c.req.param("id"), c.req.valid("json"), c.req.valid("query")) }, 200),
  )
  .delete("/events/:id", validate("query", scopeQuery), async (c) => {
    await cancelEvent(actorCtx(c), c.req.param("id"), c.req.valid("query"));
    return c.json({ ok: true }, 200);
  })
  .post("/events/:id/respond", validate("json", respondSchema), async (c) => c.json({ event: await respond(actorCtx(c), c.req.param("id"), c.req.valid("json").answer) }, 200))
  .post("/events/:id/attachments", async (c) => c.json({ attachments: await addAttachment(actorCtx(c), c.req.param("id"), c.req.raw) }, 201))
  .delete("/events/:id/attachments/:fileId", async (c) => c.json({ attachments: await removeAttachment(actorCtx(c), c.req.param("id"), c.req.param("fileId")) }, 200))
  .get("/events/:id/attachments/:fileId", async (c) => {
    const ctx = actorCtx(c);
    const e = await findEvent(ctx, c.req.param("id"));
    const view = await eventAccess(ctx, e);
    if (!view.full) throw badRequest("This event is private.", "private");
    return serveAttachment(ctx, e, c.req.param("fileId"));
  })
  .get("/planner", validate("query", plannerQuery), async (c) => {
    const q = c.req.valid("query");
    return c.json(await planner(actorCtx(c), { userIds: q.userIds.split(",").filter(Boolean), from: new Date(q.from), to: new Date(q.to), durationMinutes: q.duration }), 200);
  })
  .get("/sender", async (c) => c.json(await senderSettings(actorCtx(c)), 200))
  .post("/sender", validate("json", senderSchema), async (c) => c.json({ sender: await createSender(actorCtx(c), c.req.valid("json")) }, 201))
  .post("/sender/confirm", validate("json", senderConfirmSchema), async (c) => c.json({ sender: await confirmSender(actorCtx(c), c.req.valid("json").code) }, 200))
  .put("/sender", validate("json", senderChooseSchema), async (c) => c.json({ sender: await chooseSender(actorCtx(c), c.req.valid("json").senderId) }, 200));


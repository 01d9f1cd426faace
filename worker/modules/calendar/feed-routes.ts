import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { notFound } from "../../lib/errors";
import { calendarByFeedToken } from "./calendars";
import { calendarFeed } from "./ics-io";

/** GET /ical/<token>.ics: the private subscription feed; the token is the only credential. */
export const icalFeedRoutes = new Hono<AppEnv>().get("/:file", async (c) => {
  const m = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(c.req.param("file"));
  if (!m) throw notFound("Feed");
  const ctx = c.get("ctx");
  const calendar = await calendarByFeedToken(ctx, m[1]);
  if (!calendar) throw notFound("Feed");
  return c.body(await calendarFeed(ctx, calendar), 200, { "content-type": "text/calendar; charset=utf-8", "cache-control": "private, max-age=60", "x-content-type-options": "nosniff" });
});

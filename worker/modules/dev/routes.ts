import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { desc, sql } from "drizzle-orm";
import { shardBindings, shardDb } from "../../../db/client";
import { mailOutbox } from "../../../db/schema/mail";
import type { AppEnv } from "../../context";
import type { Env } from "../../env";
import { notFound } from "../../lib/errors";

/** The local dev mailbox: every mail of every portal, newest first. Exists only with DEV_MAILBOX=1. */
async function recentMail(env: Env, to: string | undefined) {
  const perShard = await Promise.all(
    shardBindings(env).map((b) =>
      shardDb(b)
        .select()
        .from(mailOutbox)
        // An exact address, not a LIKE pattern: D1 refuses LIKE patterns over 50 bytes, and addresses can be longer.
        .where(to ? sql`lower(${mailOutbox.to}) = ${to.toLowerCase()}` : undefined)
        .orderBy(desc(mailOutbox.createdAt))
        .limit(100)
        .all(),
    ),
  );
  return perShard
    .flat()
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, 100)
    .map((m) => ({ id: m.id, to: m.to, subject: m.subject, text: m.text, html: m.html, status: m.status, attachments: m.attachments ?? [], createdAt: m.createdAt, links: m.text.match(/https?:\/\/\S+/g) ?? [] }));
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Only the dev paths: this router is mounted at "/", so an unscoped middleware would answer 404 for the whole app. */
const devOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (c.env.DEV_MAILBOX !== "1") throw notFound("Page");
  return next();
});

export const devRoutes = new Hono<AppEnv>()
  .get("/api/v1/dev/mail", devOnly, async (c) => c.json({ items: await recentMail(c.env, c.req.query("to")) }, 200))
  .get("/dev/mail", devOnly, async (c) => {
    const items = await recentMail(c.env, c.req.query("to"));
    const rows = items
      .map((m) => `<article><h2>${esc(m.subject)}</h2><p><b>To:</b> ${esc(m.to)} · ${esc(m.createdAt)} · ${m.status}</p><pre>${esc(m.text)}</pre>${m.links.map((l) => `<a href="${esc(l)}">${esc(l)}</a>`).join("<br>")}</article>`)
      .join("<hr>");
    return c.html(`<!doctype html><meta charset="utf-8"><title>Dev mailbox</title><style>body{font-family:system-ui;max-width:860px;margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap;background:#f3f4f6;padding:.75rem}</style><h1>Dev mailbox (${items.length})</h1>${rows || "<p>No mail yet.</p>"}`);
  });

import { and, eq, sql } from "drizzle-orm";
import { events } from "../../../db/schema/calendar";
import type { ActorContext, ServiceContext } from "../../context";
import { AppError, badRequest, notFound } from "../../lib/errors";
import { newId } from "../../lib/crypto";
import { nowIso } from "../../lib/time";
import { editableEvent } from "./event-write";
import type { EventRow } from "./event-view";

const MAX_BYTES = 10 * 1024 * 1024;
const key = (tenantId: string, eventId: string, fileId: string) => `t/${tenantId}/events/${eventId}/${fileId}`;

/** Event attachments live in R2 (the drive will offer its files here too); guests download them through their link. */
export async function addAttachment(ctx: ActorContext, eventId: string, req: Request) {
  const e = await editableEvent(ctx, eventId);
  if (Number(req.headers.get("content-length") ?? "0") > MAX_BYTES + 8192) throw new AppError(413, "too_large", "Attachments can be at most 10 MB.");
  const form = await req.formData().catch(() => null);
  const file = form?.get("file");
  if (!file || typeof file === "string") throw badRequest("Attach a file as the form field 'file'.", "validation", "file");
  if (file.size > MAX_BYTES) throw new AppError(413, "too_large", "Attachments can be at most 10 MB.");
  const id = newId();
  const name = (file.name || "file").replace(/[\r\n"\\/]/g, "_").slice(0, 200);
  const objectKey = key(ctx.tenant.id, e.id, id);
  await ctx.env.FILES.put(objectKey, await file.arrayBuffer(), { httpMetadata: { contentType: "application/octet-stream" } });
  const item = { id, name, size: file.size, contentType: file.type || "application/octet-stream" };
  try {
    // Appended in SQL, not as a read-modify-write of the list: parallel uploads to one event each keep theirs.
    const row = await ctx.db
      .update(events)
      .set({ attachments: sql`json_insert(${events.attachments}, '$[#]', json(${JSON.stringify(item)}))`, updatedAt: nowIso() })
      .where(and(eq(events.tenantId, ctx.tenant.id), eq(events.id, e.id)))
      .returning({ attachments: events.attachments })
      .get();
    if (!row) throw notFound("Event");
    return row.attachments;
  } catch (err) {
    await ctx.env.FILES.delete(objectKey).catch(() => {}); // no object without its row
    throw err;
  }
}

export async function removeAttachment(ctx: ActorContext, eventId: string, fileId: string) {
  const e = await editableEvent(ctx, eventId);
  if (!e.attachments.some((a) => a.id === fileId)) throw notFound("Attachment");
  // The row first (filtered in SQL, so a parallel upload is not undone), then the object.
  const row = await ctx.db
    .update(events)
    .set({ attachments: sql`(SELECT json_group_array(json(value)) FROM json_each(${events.attachments}) WHERE json_extract(value, '$.id') <> ${fileId})` })
    .where(and(eq(events.tenantId, ctx.tenant.id), eq(events.id, e.id)))
    .returning({ attachments: events.attachments })
    .get();
  await ctx.env.FILES.delete(key(ctx.tenant.id, e.id, fileId));
  return row?.attachments ?? [];
}

/** Always a download, never rendered on the portal's origin. */
export async function serveAttachment(ctx: ServiceContext, e: EventRow, fileId: string) {
  const meta = e.attachments.find((a) => a.id === fileId);
  if (!meta) throw notFound("Attachment");
  const obj = await ctx.env.FILES.get(key(ctx.tenant.id, e.id, fileId));
  if (!obj) throw notFound("Attachment");
  return new Response(obj.body, {
    headers: {
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename="${meta.name.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(meta.name)}`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, no-store",
    },
  });
}

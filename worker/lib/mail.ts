import { createMimeMessage, Mailbox } from "mimetext/browser";
import { EmailMessage } from "cloudflare:email";
import { and, eq } from "drizzle-orm";
import { mailOutbox } from "../../db/schema/mail";
import type { ServiceContext } from "../context";
import { newId } from "./crypto";
import { nowIso } from "./time";

export interface MailAttachment {
  filename: string;
  /** e.g. "text/calendar; method=REQUEST" */
  contentType: string;
  content: string;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
  /** Shown as the sender's name ("Anna via Kontor"); the address stays the portal's own. */
  fromName?: string;
  replyTo?: { name: string; addr: string };
}

const b64 = (s: string) => {
  const bytes = new TextEncoder().encode(s);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/.{76}/g, "$&\r\n");
};

/** Header injection guard: names and subjects never carry line breaks into headers. */
const oneLine = (s: string) => s.replace(/[\r\n]+/g, " ").trim();

export function buildMime(from: { name: string; addr: string }, mail: Mail): string {
  const msg = createMimeMessage();
  msg.setSender({ name: oneLine(from.name), addr: from.addr });
  msg.setRecipient(mail.to);
  msg.setSubject(oneLine(mail.subject));
  msg.addMessage({ contentType: "text/plain", data: b64(mail.text), encoding: "base64" });
  msg.addMessage({ contentType: "text/html", data: b64(mail.html), encoding: "base64" });
  if (mail.replyTo) msg.setHeader("Reply-To", new Mailbox({ name: oneLine(mail.replyTo.name), addr: mail.replyTo.addr }));
  for (const a of mail.attachments ?? []) {
    msg.addAttachment({ filename: a.filename.replace(/["\r\n]/g, ""), contentType: a.contentType, data: b64(a.content) });
  }
  return msg.asRaw();
}

/** Records the message in the portal's outbox, then hands it to the send_email binding. */
export async function sendMail(ctx: ServiceContext, mail: Mail): Promise<{ id: string; status: "sent" | "failed" }> {
  const id = newId();
  const tenantId = ctx.tenant.id;
  const subject = oneLine(mail.subject);
  await ctx.db.insert(mailOutbox).values({ tenantId, id, to: mail.to, subject, text: mail.text, html: mail.html, attachments: mail.attachments ?? null, status: "queued", createdAt: nowIso() });
  const where = and(eq(mailOutbox.tenantId, tenantId), eq(mailOutbox.id, id));
  try {
    const raw = buildMime({ name: mail.fromName ?? ctx.tenant.name, addr: ctx.env.MAIL_FROM }, { ...mail, subject });
    await ctx.env.MAIL.send(new EmailMessage(ctx.env.MAIL_FROM, mail.to, raw));
    await ctx.db.update(mailOutbox).set({ status: "sent", sentAt: nowIso() }).where(where);
    return { id, status: "sent" };
  } catch (e) {
    await ctx.db.update(mailOutbox).set({ status: "failed", error: String(e).slice(0, 500) }).where(where);
    return { id, status: "failed" };
  }
}

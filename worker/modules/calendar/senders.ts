import { and, eq, or, desc } from "drizzle-orm";
import { calendarSenders, calendarSettings } from "../../../db/schema/calendar";
import type { ActorContext } from "../../context";
import { badRequest, notFound, tooMany } from "../../lib/errors";
import { newId, sha256Hex } from "../../lib/crypto";
import { nowIso } from "../../lib/time";
import { sendMail } from "../../lib/mail";
import { senderCodeMail } from "../../lib/mail-templates";

type SenderRow = typeof calendarSenders.$inferSelect;
const dto = (s: SenderRow) => ({ id: s.id, email: s.email, name: s.name, shared: s.shared, confirmed: s.confirmed, mine: true });

const codeHash = (senderId: string, code: string) => sha256Hex(`${senderId}:${code}`);

/** CAL-3: the address invitations go out from; confirmed once with a code mailed to it. */
export async function createSender(ctx: ActorContext, input: { email: string; name: string; shared: boolean }) {
  const id = newId();
  const code = String(crypto.getRandomValues(new Uint32Array(1))[0] % 1_000_000).padStart(6, "0");
  await ctx.db.insert(calendarSenders).values({
    tenantId: ctx.tenant.id, id, ownerId: ctx.actor.id, email: input.email, name: input.name, shared: input.shared,
    confirmed: false, codeHash: await codeHash(id, code), codeExpiresAt: new Date(Date.now() + 30 * 60_000).toISOString(), createdAt: nowIso(),
  });
  await sendMail(ctx, { to: input.email, ...senderCodeMail(ctx.actor.language, ctx.tenant.name, code) });
  return { id, email: input.email, name: input.name, shared: input.shared, confirmed: false, mine: true };
}

export async function confirmSender(ctx: ActorContext, code: string) {
  const pending = await ctx.db
    .select()
    .from(calendarSenders)
    .where(and(eq(calendarSenders.tenantId, ctx.tenant.id), eq(calendarSenders.ownerId, ctx.actor.id), eq(calendarSenders.confirmed, false)))
    .orderBy(desc(calendarSenders.createdAt))
    .get();
  if (!pending) throw notFound("Sender address awaiting confirmation");
  if (pending.attempts >= 5) throw tooMany("Too many wrong codes. Add the address again to get a new code.");
  const where = and(eq(calendarSenders.tenantId, ctx.tenant.id), eq(calendarSenders.id, pending.id));
  const valid = pending.codeHash === (await codeHash(pending.id, code)) && (pending.codeExpiresAt ?? "") > nowIso();
  if (!valid) {
    await ctx.db.update(calendarSenders).set({ attempts: pending.attempts + 1 }).where(where);
    throw badRequest("The code is wrong or has expired.", "invalid_code", "code");
  }
  await ctx.db.batch([
    ctx.db.update(calendarSenders).set({ confirmed: true, codeHash: null, codeExpiresAt: null }).where(where),
    ctx.db
      .insert(calendarSettings)
      .values({ tenantId: ctx.tenant.id, userId: ctx.actor.id, senderId: pending.id })
      .onConflictDoUpdate({ target: [calendarSettings.tenantId, calendarSettings.userId], set: { senderId: pending.id } }),
  ]);
  return dto({ ...pending, confirmed: true });
}

/** Confirmed addresses the actor may use: their own, and those shared for all employees. */
export async function availableSenders(ctx: ActorContext) {
  const rows = await ctx.db
    .select()
    .from(calendarSenders)
    .where(and(eq(calendarSenders.tenantId, ctx.tenant.id), or(eq(calendarSenders.ownerId, ctx.actor.id), and(eq(calendarSenders.shared, true), eq(calendarSenders.confirmed, true)))))
    .all();
  return rows.map((s) => ({ ...dto(s), mine: s.ownerId === ctx.actor.id }));
}

export async function chosenSender(ctx: ActorContext): Promise<SenderRow | null> {
  const setting = await ctx.db.select().from(calendarSettings).where(and(eq(calendarSettings.tenantId, ctx.tenant.id), eq(calendarSettings.userId, ctx.actor.id))).get();
  if (!setting?.senderId) return null;
  const s = await ctx.db.select().from(calendarSenders).where(and(eq(calendarSenders.tenantId, ctx.tenant.id), eq(calendarSenders.id, setting.senderId), eq(calendarSenders.confirmed, true))).get();
  return s && (s.ownerId === ctx.actor.id || s.shared) ? s : null;
}

export async function chooseSender(ctx: ActorContext, senderId: string) {
  const s = (await availableSenders(ctx)).find((x) => x.id === senderId && x.confirmed);
  if (!s) throw notFound("Sender address");
  await ctx.db
    .insert(calendarSettings)
    .values({ tenantId: ctx.tenant.id, userId: ctx.actor.id, senderId })
    .onConflictDoUpdate({ target: [calendarSettings.tenantId, calendarSettings.userId], set: { senderId } });
  return s;
}

export async function senderSettings(ctx: ActorContext) {
  const chosen = await chosenSender(ctx);
  return { sender: chosen ? { ...dto(chosen), mine: chosen.ownerId === ctx.actor.id } : null, available: await availableSenders(ctx) };
}

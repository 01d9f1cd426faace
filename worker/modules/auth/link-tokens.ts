import { and, eq, gt, isNull } from "drizzle-orm";
import { linkTokens, TOKEN_PURPOSES } from "../../../db/schema/auth";
import type { ServiceContext } from "../../context";
import { randomToken, sha256Hex } from "../../lib/crypto";
import { nowIso } from "../../lib/time";
import { AppError } from "../../lib/errors";

type Purpose = (typeof TOKEN_PURPOSES)[number];

export const TOKEN_TTL_HOURS: Record<Purpose, number> = { confirm_email: 72, reset_password: 1, invitation: 24 * 14 };

/** Builds the insert for a new link token; the raw token goes only into the mail. */
export async function newLinkToken(ctx: ServiceContext, purpose: Purpose, subjectId: string) {
  const token = randomToken(32);
  const now = Date.now();
  const insert = ctx.db.insert(linkTokens).values({
    tokenHash: await sha256Hex(token),
    tenantId: ctx.tenant.id,
    purpose,
    subjectId,
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + TOKEN_TTL_HOURS[purpose] * 3_600_000).toISOString(),
  });
  return { token, insert };
}

/** A valid, unused token of this purpose in this tenant; anything else is one clear error. */
export async function findLinkToken(ctx: ServiceContext, purpose: Purpose, token: string) {
  const row = await ctx.db
    .select()
    .from(linkTokens)
    .where(
      and(
        eq(linkTokens.tokenHash, await sha256Hex(token)),
        eq(linkTokens.tenantId, ctx.tenant.id),
        eq(linkTokens.purpose, purpose),
        isNull(linkTokens.usedAt),
        gt(linkTokens.expiresAt, nowIso()),
      ),
    )
    .get();
  if (!row) throw new AppError(404, "invalid_link", "This link is invalid or has expired.");
  return row;
}

export function useLinkTokenStatement(ctx: ServiceContext, tokenHash: string) {
  return ctx.db.update(linkTokens).set({ usedAt: nowIso() }).where(and(eq(linkTokens.tenantId, ctx.tenant.id), eq(linkTokens.tokenHash, tokenHash)));
}

export function revokeLinkTokensStatement(ctx: ServiceContext, subjectId: string, purpose: Purpose) {
  return ctx.db
    .update(linkTokens)
    .set({ usedAt: nowIso() })
    .where(and(eq(linkTokens.tenantId, ctx.tenant.id), eq(linkTokens.subjectId, subjectId), eq(linkTokens.purpose, purpose), isNull(linkTokens.usedAt)));
}

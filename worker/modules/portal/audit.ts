import { auditLog } from "../../../db/schema/portal";
import type { ServiceContext } from "../../context";
import { newId } from "../../lib/crypto";
import { nowIso } from "../../lib/time";

/** Security-relevant actions: sign-ins, role and status changes, settings. */
export function auditStatement(ctx: ServiceContext, actorId: string | null, action: string, subjectId: string | null, data?: Record<string, unknown>) {
  return ctx.db.insert(auditLog).values({ tenantId: ctx.tenant.id, id: newId(), actorId, action, subjectId, ip: ctx.ip, data: data ?? null, at: nowIso() });
}

export async function audit(ctx: ServiceContext, actorId: string | null, action: string, subjectId: string | null, data?: Record<string, unknown>) {
  await auditStatement(ctx, actorId, action, subjectId, data);
}

import { sqliteTable, text, index, primaryKey } from "drizzle-orm/sqlite-core";

/** One row per portal-local day on which the business-user list was changed (PLAN-3). */
export const seatChanges = sqliteTable(
  "seat_changes",
  {
    tenantId: text("tenant_id").notNull(),
    day: text("day").notNull(),
    actorId: text("actor_id").notNull(),
    changedAt: text("changed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day] })],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    tenantId: text("tenant_id").notNull(),
    id: text("id").notNull(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    subjectId: text("subject_id"),
    ip: text("ip"),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>(),
    at: text("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index("audit_log_tenant_at").on(t.tenantId, t.at)],
);

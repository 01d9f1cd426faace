import { sqliteTable, text, index, primaryKey } from "drizzle-orm/sqlite-core";

export const notifications = sqliteTable(
  "notifications",
  {
    tenantId: text("tenant_id").notNull(),
    id: text("id").notNull(),
    userId: text("user_id").notNull(),
    type: text("type").notNull(),
    data: text("data", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    readAt: text("read_at"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index("notifications_user").on(t.tenantId, t.userId, t.createdAt)],
);

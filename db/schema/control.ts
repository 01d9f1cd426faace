import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";

/** Control database: which portals exist, where their data lives, which hosts reach them. */
export const tenants = sqliteTable("tenants", {
  id: text("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  plan: text("plan", { enum: ["free", "basic", "standard", "professional"] }).notNull().default("free"),
  shard: integer("shard").notNull(),
  status: text("status", { enum: ["pending", "active"] }).notNull().default("pending"),
  settings: text("settings", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
  createdAt: text("created_at").notNull(),
});

export const domains = sqliteTable(
  "domains",
  {
    hostname: text("hostname").primaryKey(),
    tenantId: text("tenant_id").notNull().references(() => tenants.id, { onDelete: "cascade" }),
    verified: integer("verified", { mode: "boolean" }).notNull().default(false),
    verificationToken: text("verification_token").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("domains_tenant").on(t.tenantId)],
);

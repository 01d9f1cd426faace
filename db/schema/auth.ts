import { sqliteTable, text, integer, index, primaryKey } from "drizzle-orm/sqlite-core";

/** Only the SHA-256 of a session token is stored. */
export const sessions = sqliteTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    userId: text("user_id").notNull(),
    /** "full", or "totp" while the second factor is still owed. */
    stage: text("stage", { enum: ["full", "totp"] }).notNull().default("full"),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("sessions_tenant_user").on(t.tenantId, t.userId)],
);

export const TOKEN_PURPOSES = ["confirm_email", "reset_password", "invitation"] as const;

/** One-purpose link tokens (stored hashed), bound to a tenant and a subject. */
export const linkTokens = sqliteTable(
  "link_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    purpose: text("purpose", { enum: TOKEN_PURPOSES }).notNull(),
    subjectId: text("subject_id").notNull(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("link_tokens_subject").on(t.tenantId, t.subjectId, t.purpose)],
);

/** Failed sign-in attempts per key (e-mail or IP) and window, checked before any hashing. */
export const loginAttempts = sqliteTable(
  "login_attempts",
  {
    tenantId: text("tenant_id").notNull(),
    key: text("key").notNull(),
    windowStart: integer("window_start").notNull(),
    failures: integer("failures").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] })],
);

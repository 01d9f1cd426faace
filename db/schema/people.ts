import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from "drizzle-orm/sqlite-core";

export const ROLES = ["admin", "employee", "extranet"] as const;
/** invited: invitation not accepted yet; pending_approval: closed quick registration awaiting the admin. */
export const USER_STATUSES = ["invited", "pending_approval", "active", "dismissed"] as const;

export const users = sqliteTable(
  "users",
  {
    tenantId: text("tenant_id").notNull(),
    id: text("id").notNull(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    position: text("position").notNull().default(""),
    phone: text("phone").notNull().default(""),
    passwordHash: text("password_hash"),
    role: text("role", { enum: ROLES }).notNull().default("employee"),
    status: text("status", { enum: USER_STATUSES }).notNull().default("active"),
    emailConfirmed: integer("email_confirmed", { mode: "boolean" }).notNull().default(false),
    language: text("language").notNull().default("en"),
    timeZone: text("time_zone").notNull().default("UTC"),
    departmentId: text("department_id"),
    /** Holds a business seat (PLAN-3/4); seatGrantedAt orders holders when a downgrade locks the newest. */
    businessUser: integer("business_user", { mode: "boolean" }).notNull().default(false),
    seatGrantedAt: text("seat_granted_at"),
    /** Set once the portal told the admin this user could not get a seat (PLAN-5). */
    seatDeniedNotifiedAt: text("seat_denied_notified_at"),
    totpSecret: text("totp_secret"),
    totpEnabled: integer("totp_enabled", { mode: "boolean" }).notNull().default(false),
    /** The last 30-second step a code was accepted for: a code works once (no replay within its window). */
    totpLastStep: integer("totp_last_step"),
    hasPhoto: integer("has_photo", { mode: "boolean" }).notNull().default(false),
    firstLoginAt: text("first_login_at"),
    lastSeenAt: text("last_seen_at"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("users_tenant_email").on(t.tenantId, t.email),
    index("users_tenant_name").on(t.tenantId, t.name, t.id),
    index("users_tenant_department").on(t.tenantId, t.departmentId),
    index("users_tenant_seat").on(t.tenantId, t.businessUser, t.seatGrantedAt),
  ],
);

export const departments = sqliteTable(
  "departments",
  {
    tenantId: text("tenant_id").notNull(),
    id: text("id").notNull(),
    name: text("name").notNull(),
    parentId: text("parent_id"),
    headUserId: text("head_user_id"),
    sort: integer("sort").notNull().default(0),
    createdAt: text("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index("departments_tenant_parent").on(t.tenantId, t.parentId)],
);

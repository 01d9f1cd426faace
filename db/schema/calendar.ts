import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from "drizzle-orm/sqlite-core";

export interface EventAttachment {
  id: string;
  name: string;
  size: number;
  contentType: string;
}

export interface EventOptions {
  notifyOnDecision: boolean;
  guestsSeeAttendees: boolean;
}

/** Personal (one per user), company (one per portal) and group calendars. */
export const calendars = sqliteTable(
  "calendars",
  {
    tenantId: text("tenant_id").notNull(),
    id: text("id").notNull(),
    kind: text("kind", { enum: ["personal", "company", "group"] }).notNull(),
    ownerId: text("owner_id"),
    name: text("name").notNull(),
    color: text("color").notNull().default("#2563eb"),
    feedTokenHash: text("feed_token_hash"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex("calendars_owner").on(t.tenantId, t.kind, t.ownerId), uniqueIndex("calendars_feed").on(t.feedTokenHash)],
);

export const calendarShares = sqliteTable(
  "calendar_shares",
  {
    tenantId: text("tenant_id").notNull(),
    calendarId: text("calendar_id").notNull(),
    userId: text("user_id").notNull(),
    access: text("access", { enum: ["read", "write"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.calendarId, t.userId] }), index("calendar_shares_user").on(t.tenantId, t.userId)],
);

/**
 * An event or a series (rrule). Times are UTC instants plus the event's zone, so a weekly 09:00 in
 * Berlin stays 09:00 across DST. An exception row overrides one occurrence of its parent.
 */
export const events = sqliteTable(
  "events",
  {
    tenantId: text("tenant_id").notNull(),
    id: text("id").notNull(),
    calendarId: text("calendar_id").notNull(),
    organizerId: text("organizer_id").notNull(),
    uid: text("uid").notNull(),
    sequence: integer("sequence").notNull().default(0),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    location: text("location").notNull().default(""),
    startUtc: text("start_utc").notNull(),
    endUtc: text("end_utc").notNull(),
    timeZone: text("time_zone").notNull(),
    allDay: integer("all_day", { mode: "boolean" }).notNull().default(false),
    rrule: text("rrule"),
    exdates: text("exdates", { mode: "json" }).notNull().$type<string[]>(),
    /** Last instant any occurrence can end (null: the series never ends); used for range queries. */
    untilUtc: text("until_utc"),
    parentId: text("parent_id"),
    recurrenceStartUtc: text("recurrence_start_utc"),
    importance: text("importance", { enum: ["low", "normal", "high"] }).notNull().default("normal"),
    privacy: text("privacy", { enum: ["public", "private"] }).notNull().default("public"),
    reminders: text("reminders", { mode: "json" }).notNull().$type<number[]>(),
    options: text("options", { mode: "json" }).notNull().$type<EventOptions>(),
    attachments: text("attachments", { mode: "json" }).notNull().$type<EventAttachment[]>(),
    status: text("status", { enum: ["confirmed", "cancelled"] }).notNull().default("confirmed"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("events_calendar_range").on(t.tenantId, t.calendarId, t.startUtc),
    index("events_parent").on(t.tenantId, t.parentId),
    index("events_until").on(t.tenantId, t.untilUtc),
  ],
);

export const eventAttendees = sqliteTable(
  "event_attendees",
  {
    tenantId: text("tenant_id").notNull(),
    eventId: text("event_id").notNull(),
    userId: text("user_id").notNull(),
    status: text("status", { enum: ["pending", "accepted", "declined", "maybe"] }).notNull().default("pending"),
    respondedAt: text("responded_at"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.eventId, t.userId] }), index("event_attendees_user").on(t.tenantId, t.userId)],
);

/** People outside the portal invited by e-mail (CAL-3): not users, only a capability link. */
export const eventGuests = sqliteTable(
  "event_guests",
  {
    tenantId: text("tenant_id").notNull(),
    id: text("id").notNull(),
    eventId: text("event_id").notNull(),
    email: text("email").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    status: text("status", { enum: ["pending", "accepted", "declined"] }).notNull().default("pending"),
    respondedAt: text("responded_at"),
    /** The SEQUENCE last mailed to this guest; null until the first invitation is sent. */
    mailedSequence: integer("mailed_sequence"),
    removedAt: text("removed_at"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index("event_guests_event").on(t.tenantId, t.eventId)],
);

/**
 * Guest links (CAL-4): each mail carries a fresh random token, stored only as its hash, so links in
 * earlier mails keep working; all of a guest's tokens go when the guest is removed.
 */
export const eventGuestTokens = sqliteTable(
  "event_guest_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    guestId: text("guest_id").notNull(),
    eventId: text("event_id").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("event_guest_tokens_guest").on(t.tenantId, t.guestId)],
);

/** Addresses invitations are sent from; confirmed by a code, optionally shared with everyone. */
export const calendarSenders = sqliteTable(
  "calendar_senders",
  {
    tenantId: text("tenant_id").notNull(),
    id: text("id").notNull(),
    ownerId: text("owner_id").notNull(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    shared: integer("shared", { mode: "boolean" }).notNull().default(false),
    confirmed: integer("confirmed", { mode: "boolean" }).notNull().default(false),
    codeHash: text("code_hash"),
    codeExpiresAt: text("code_expires_at"),
    attempts: integer("attempts").notNull().default(0),
    createdAt: text("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index("calendar_senders_owner").on(t.tenantId, t.ownerId)],
);

/** Each user's chosen sender address. */
export const calendarSettings = sqliteTable(
  "calendar_settings",
  {
    tenantId: text("tenant_id").notNull(),
    userId: text("user_id").notNull(),
    senderId: text("sender_id"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] })],
);

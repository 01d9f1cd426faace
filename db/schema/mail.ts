import { sqliteTable, text, index, primaryKey } from "drizzle-orm/sqlite-core";

/** Every message the portal sends, with its delivery status. */
export const mailOutbox = sqliteTable(
  "mail_outbox",
  {
    tenantId: text("tenant_id").notNull(),
    id: text("id").notNull(),
    to: text("to_address").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    /** Text attachments kept for the record and the dev mailbox (iCalendar invitations). */
    attachments: text("attachments", { mode: "json" }).$type<{ filename: string; contentType: string; content: string }[]>(),
    status: text("status", { enum: ["queued", "sent", "failed"] }).notNull(),
    error: text("error"),
    createdAt: text("created_at").notNull(),
    sentAt: text("sent_at"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index("mail_outbox_created").on(t.createdAt)],
);

import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from "drizzle-orm/sqlite-core";

/**
 * The chat list as D1 sees it: who is in which chat and how far the chat and each member got.
 * Messages themselves live in each chat's ChatRoom Durable Object, which keeps these rows current.
 */
export const chats = sqliteTable(
  "chats",
  {
    tenantId: text("tenant_id").notNull(),
    id: text("id").notNull(),
    type: text("type", { enum: ["direct", "group"] }).notNull(),
    title: text("title").notNull().default(""),
    visibility: text("visibility", { enum: ["public", "private"] }).notNull().default("private"),
    /** For direct chats: the two user ids, sorted and joined, so each pair has one chat. */
    directKey: text("direct_key"),
    createdBy: text("created_by").notNull(),
    lastSeq: integer("last_seq").notNull().default(0),
    lastMessageAt: text("last_message_at"),
    lastPreview: text("last_preview").notNull().default(""),
    lastAuthorId: text("last_author_id"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("chats_direct_key").on(t.tenantId, t.directKey),
    index("chats_public").on(t.tenantId, t.visibility, t.lastMessageAt),
  ],
);

export const chatMembers = sqliteTable(
  "chat_members",
  {
    tenantId: text("tenant_id").notNull(),
    chatId: text("chat_id").notNull(),
    userId: text("user_id").notNull(),
    role: text("role", { enum: ["owner", "member"] }).notNull().default("member"),
    lastReadSeq: integer("last_read_seq").notNull().default(0),
    /** Messages after lastReadSeq by others, as the room's last flush counted them: the source of unread badges. */
    unread: integer("unread").notNull().default(0),
    joinedAt: text("joined_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.chatId, t.userId] }), index("chat_members_user").on(t.tenantId, t.userId)],
);

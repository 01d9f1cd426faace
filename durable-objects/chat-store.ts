import type { ChatMessage } from "./protocol";

/** The ChatRoom's own SQLite: messages with their per-chat sequence, reactions, members, search. */
export function migrateChatStore(sql: SqlStorage) {
  sql.exec(`
    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS members (user_id TEXT PRIMARY KEY, role TEXT NOT NULL, read_seq INTEGER NOT NULL DEFAULT 0, pushed_unread INTEGER NOT NULL DEFAULT -1, active INTEGER NOT NULL DEFAULT 1);
    CREATE TABLE IF NOT EXISTS messages (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, client_id TEXT NOT NULL, author_id TEXT NOT NULL, text TEXT NOT NULL,
      reply_to INTEGER, mentions TEXT NOT NULL DEFAULT '[]', attachments TEXT NOT NULL DEFAULT '[]',
      created_at TEXT NOT NULL, edited_at TEXT, deleted INTEGER NOT NULL DEFAULT 0, pinned INTEGER NOT NULL DEFAULT 0
    );
    CREATE UNIQUE INDEX IF NOT EXISTS messages_client ON messages (author_id, client_id);
    CREATE INDEX IF NOT EXISTS messages_author ON messages (author_id, seq);
    CREATE TABLE IF NOT EXISTS reactions (seq INTEGER NOT NULL, user_id TEXT NOT NULL, emoji TEXT NOT NULL, PRIMARY KEY (seq, user_id, emoji));
    CREATE TABLE IF NOT EXISTS call (conn_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, muted INTEGER NOT NULL, camera INTEGER NOT NULL, screen INTEGER NOT NULL, joined_at INTEGER NOT NULL);
    CREATE VIRTUAL TABLE IF NOT EXISTS messages_fts USING fts5 (text, content='messages', content_rowid='seq', tokenize='unicode61 remove_diacritics 2');
    CREATE TRIGGER IF NOT EXISTS messages_au AFTER UPDATE OF text ON messages
    WHEN old.seq <= (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'fts_upto') BEGIN
      INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.seq, old.text);
      INSERT INTO messages_fts (rowid, text) VALUES (new.seq, new.text);
    END;
  `);
  // Rooms made before batched indexing index on every insert: everything they hold is indexed already.
  if (sql.exec("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'messages_ai'").toArray().length) {
    sql.exec("DROP TRIGGER messages_ai");
    sql.exec("DROP TRIGGER messages_au");
    markIndexed(sql);
    migrateChatStore(sql);
  }
}

/** Every message so far is in the search index (rooms from before batched indexing, or after a rebuild). */
export function markIndexed(sql: SqlStorage) {
  setMeta(sql, "fts_upto", String(lastSeq(sql)));
}

/**
 * Adds the messages after fts_upto to the search index in one statement, at most `limit` of them. Runs
 * from a flush once the room is quiet, before a search and before an export; an edit of a message not
 * indexed yet needs no FTS work (the trigger skips it).
 */
export function indexPending(sql: SqlStorage, limit = Number.MAX_SAFE_INTEGER) {
  const upto = Number(getMeta(sql, "fts_upto") ?? 0);
  const last = Math.min(lastSeq(sql), upto + limit);
  if (last <= upto) return;
  sql.exec("INSERT INTO messages_fts (rowid, text) SELECT seq, text FROM messages WHERE seq > ?1 AND seq <= ?2", upto, last);
  setMeta(sql, "fts_upto", String(last));
}

export type MessageRow = {
  seq: number; client_id: string; author_id: string; text: string; reply_to: number | null; mentions: string; attachments: string;
  created_at: string; edited_at: string | null; deleted: number; pinned: number;
};

export function getMeta(sql: SqlStorage, key: string): string | null {
  return sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?1", key).toArray()[0]?.value ?? null;
}

export function setMeta(sql: SqlStorage, key: string, value: string) {
  sql.exec("INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2", key, value);
}

export function lastSeq(sql: SqlStorage): number {
  return sql.exec<{ s: number | null }>("SELECT max(seq) AS s FROM messages").one().s ?? 0;
}

const excerpt = (text: string) => (text.length > 120 ? `${text.slice(0, 119)}…` : text);

/** Rows to messages, with reactions and reply excerpts loaded for the whole page at once (a message just stored has no reactions). */
export function toMessages(sql: SqlStorage, rows: MessageRow[], opts: { justStored?: boolean } = {}): ChatMessage[] {
  if (!rows.length) return [];
  const seqs = rows.map((r) => r.seq);
  const min = Math.min(...seqs);
  const max = Math.max(...seqs);
  const reactions = new Map<number, Record<string, string[]>>();
  const reactionRows = opts.justStored ? [] : sql.exec<{ seq: number; user_id: string; emoji: string }>("SELECT seq, user_id, emoji FROM reactions WHERE seq BETWEEN ?1 AND ?2", min, max);
  for (const r of reactionRows) {
    const byEmoji = reactions.get(r.seq) ?? {};
    (byEmoji[r.emoji] ??= []).push(r.user_id);
    reactions.set(r.seq, byEmoji);
  }
  const replySeqs = [...new Set(rows.map((r) => r.reply_to).filter((s): s is number => s !== null))];
  const replies = new Map<number, MessageRow>();
  for (const s of replySeqs) {
    const row = sql.exec<MessageRow>("SELECT * FROM messages WHERE seq = ?1", s).toArray()[0];
    if (row) replies.set(s, row);
  }
  return rows.map((r) => {
    const reply = r.reply_to !== null ? replies.get(r.reply_to) : undefined;
    return {
      seq: r.seq,
      clientId: r.client_id,
      authorId: r.author_id,
      text: r.deleted ? "" : r.text,
      replyTo: reply ? { seq: reply.seq, authorId: reply.author_id, excerpt: reply.deleted ? "" : excerpt(reply.text) } : null,
      mentions: JSON.parse(r.mentions),
      attachments: r.deleted ? [] : JSON.parse(r.attachments),
      reactions: reactions.get(r.seq) ?? {},
      pinned: r.pinned === 1,
      createdAt: r.created_at,
      editedAt: r.edited_at,
      deleted: r.deleted === 1,
    };
  });
}

/**
 * Every member's unread count in one pass over the unread span: counts between neighbouring read
 * positions are summed from the newest down (members mostly share a few positions), then each member's
 * own messages after their position (usually none: sending marks read) are taken off via the author index.
 */
export function unreadCounts(sql: SqlStorage, members: { user_id: string; read_seq: number }[]): Map<string, number> {
  const positions = [...new Set(members.map((m) => m.read_seq))].sort((a, b) => b - a);
  const liveAfter = new Map<number, number>();
  let running = 0;
  let upper = Number.MAX_SAFE_INTEGER;
  for (const position of positions) {
    running += sql.exec<{ n: number }>("SELECT count(*) AS n FROM messages WHERE seq > ?1 AND seq <= ?2 AND deleted = 0", position, upper).one().n;
    liveAfter.set(position, running);
    upper = position;
  }
  // Sending marks read, so this is almost always empty: one statement over the author index, not one per member.
  const own = new Map<string, number>();
  for (const r of sql.exec<{ user_id: string; n: number }>(
    "SELECT m.user_id, count(*) AS n FROM members m JOIN messages msg ON msg.author_id = m.user_id AND msg.seq > m.read_seq AND msg.deleted = 0 WHERE m.active = 1 GROUP BY m.user_id",
  )) own.set(r.user_id, r.n);
  const out = new Map<string, number>();
  for (const m of members) out.set(m.user_id, liveAfter.get(m.read_seq)! - (own.get(m.user_id) ?? 0));
  return out;
}

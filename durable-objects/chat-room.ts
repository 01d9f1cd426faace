import { DurableObject } from "cloudflare:workers";
import type { Env } from "../worker/env";
import { chatClientFrame, chatSendSchema, PING, PONG, type ChatMessage, type ChatServerFrame, type ChatSendInput } from "./protocol";
import { parseFrame } from "./frames";
import { getMeta, indexPending, lastSeq, markIndexed, migrateChatStore, setMeta, toMessages, type MessageRow } from "./chat-store";
import { ChatCalls } from "./chat-calls";
import { ChatFanout } from "./chat-fanout";
import { flushChatRoom, type Pushed } from "./chat-flush";
import { ChatError, outcome, type RoomOutcome } from "./chat-outcome";
import { CHAT_EPHEMERAL_TABLES, clearStateTables, exportStatePage, importStateRows, type StateCursor, type StateRow } from "./state-export";

export interface ChatRoomInit {
  tenantId: string;
  chatId: string;
  shard: number;
}

const FLUSH_DELAY_MS = 400;
const PAGE_MAX = 200;

/**
 * One per chat. Stores messages with a per-chat sequence (client ids make sends idempotent), read
 * cursors, reactions and search, relays typing and call signalling. An alarm flushes at most every
 * 400 ms: D1's chat list and unread counts, the search index, and members' UserHubs in batches
 * (chat-flush.ts); sockets get messages through ChatFanout.
 */
export class ChatRoom extends DurableObject<Env> {
  readonly sql: SqlStorage;
  private calls: ChatCalls;
  /** Active member ids, read once per wake-up; syncMembers is the only writer and resets it. */
  private memberCache: Set<string> | null = null;
  /** Read position per member as D1 last got it (after a wake-up every member's is written once more). */
  readonly flushed = new Map<string, number>();
  /** The chat list row D1 last got. */
  flushedChat = "";
  /** When this room last stored a message (0 after a wake-up): search indexing waits for a quiet room. */
  lastStoredAt = 0;
  /** What each member's UserHub last heard, and when. */
  readonly pushed = new Map<string, Pushed>();
  /** An alarm is armed and "dirty" is stored: later messages of the same window skip both writes. */
  private flushArmed = false;
  private fanout: ChatFanout;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    migrateChatStore(this.sql);
    this.calls = new ChatCalls(this);
    this.fanout = new ChatFanout(ctx);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
  }

  init(init: ChatRoomInit) {
    setMeta(this.sql, "init", JSON.stringify(init));
  }

  identity(): ChatRoomInit {
    const raw = getMeta(this.sql, "init");
    if (!raw) throw new ChatError("not_initialized", "Chat room not initialized");
    return JSON.parse(raw);
  }

  /** Makes the room's member list match D1's; removed members' sockets close at once. */
  syncMembers(members: { userId: string; role: string }[]) {
    const keep = new Set(members.map((m) => m.userId));
    this.ctx.storage.transactionSync(() => {
      for (const m of members) {
        this.sql.exec("INSERT INTO members (user_id, role, active) VALUES (?1, ?2, 1) ON CONFLICT(user_id) DO UPDATE SET role = ?2, active = 1", m.userId, m.role);
      }
      for (const row of this.sql.exec<{ user_id: string }>("SELECT user_id FROM members WHERE active = 1").toArray()) {
        if (!keep.has(row.user_id)) this.sql.exec("UPDATE members SET active = 0 WHERE user_id = ?1", row.user_id);
      }
    });
    this.memberCache = null;
    for (const ws of this.ctx.getWebSockets()) {
      const { userId } = ws.deserializeAttachment() as { userId: string };
      if (!keep.has(userId)) this.closeSocket(ws, "removed from chat");
    }
    this.scheduleFlush();
  }

  isMember(userId: string): boolean {
    this.memberCache ??= new Set(this.sql.exec<{ user_id: string }>("SELECT user_id FROM members WHERE active = 1").toArray().map((r) => r.user_id));
    return this.memberCache.has(userId);
  }

  // ---- messages -------------------------------------------------------------------------------

  /** Stores a message durably and only then answers; the same clientId again returns the same seq. */
  sendMessage(userId: string, input: ChatSendInput): { message: ChatMessage; duplicate: boolean } {
    const stored = this.store(userId, input);
    if (!stored.duplicate) this.announce(stored.message);
    return stored;
  }

  /** The durable half of a send: after it returns, the message survives anything. */
  private store(userId: string, input: ChatSendInput): { message: ChatMessage; duplicate: boolean } {
    if (!this.isMember(userId)) throw new ChatError("not_member", "Only members can write in this chat.");
    const parsed = chatSendSchema.safeParse(input);
    if (!parsed.success) throw new ChatError("validation", parsed.error.issues[0]?.message ?? "Invalid message.");
    const m = parsed.data;
    const existing = this.sql.exec<MessageRow>("SELECT * FROM messages WHERE author_id = ?1 AND client_id = ?2", userId, m.clientId).toArray()[0];
    if (existing) return { message: toMessages(this.sql, [existing])[0], duplicate: true };
    if (m.replyTo !== undefined && !this.sql.exec("SELECT 1 FROM messages WHERE seq = ?1", m.replyTo).toArray().length) {
      throw new ChatError("validation", "The message you reply to does not exist.");
    }
    // No transactionSync: the writes of one event without an await are committed together (the
    // implicit transaction), and the output gate holds the ack until that commit is durable. An explicit
    // transaction commits (and fsyncs) inside the call, blocking every object on the thread per message.
    const row = this.sql
      .exec<MessageRow>(
        "INSERT INTO messages (client_id, author_id, text, reply_to, mentions, attachments, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING *",
        m.clientId, userId, m.text, m.replyTo ?? null, JSON.stringify(m.mentions), JSON.stringify(m.attachments), new Date().toISOString(),
      )
      .one();
    this.sql.exec("UPDATE members SET read_seq = max(read_seq, ?1) WHERE user_id = ?2", row.seq, userId);
    this.lastStoredAt = Date.now();
    if (m.mentions.length) {
      const pending = JSON.parse(getMeta(this.sql, "pending_mentions") ?? "[]") as { seq: number; users: string[] }[];
      setMeta(this.sql, "pending_mentions", JSON.stringify([...pending, { seq: row.seq, users: m.mentions }]));
    }
    return { message: toMessages(this.sql, [row], { justStored: true })[0], duplicate: false };
  }

  /** The live half: every open tab gets the message (see ChatFanout), unread counts follow with the next flush. */
  private announce(message: ChatMessage) {
    this.fanout.announce(message);
    this.scheduleFlush();
  }

  // ---- RPC entry points for the worker's HTTP routes ------------------------------------------------

  trySend(userId: string, input: ChatSendInput): RoomOutcome<{ message: ChatMessage; duplicate: boolean }> {
    return outcome(() => this.sendMessage(userId, input));
  }
  tryRead(userId: string, seq: number): RoomOutcome<number> {
    return outcome(() => this.markRead(userId, seq));
  }
  tryEdit(userId: string, seq: number, text: string): RoomOutcome<ChatMessage> {
    return outcome(() => this.edit(userId, seq, text));
  }
  tryRemove(userId: string, seq: number): RoomOutcome<ChatMessage> {
    return outcome(() => this.remove(userId, seq));
  }
  tryReact(userId: string, seq: number, emoji: string, on: boolean): RoomOutcome<ChatMessage> {
    return outcome(() => this.react(userId, seq, emoji, on));
  }
  tryPin(userId: string, seq: number, on: boolean): RoomOutcome<ChatMessage> {
    return outcome(() => this.pin(userId, seq, on));
  }

  history(opts: { after?: number; before?: number; limit: number }): { messages: ChatMessage[]; lastSeq: number } {
    const limit = Math.min(Math.max(opts.limit, 1), PAGE_MAX);
    const rows =
      opts.after !== undefined
        ? this.sql.exec<MessageRow>("SELECT * FROM messages WHERE seq > ?1 ORDER BY seq LIMIT ?2", opts.after, limit).toArray()
        : this.sql.exec<MessageRow>("SELECT * FROM (SELECT * FROM messages WHERE seq < ?1 ORDER BY seq DESC LIMIT ?2) ORDER BY seq", opts.before ?? Number.MAX_SAFE_INTEGER, limit).toArray();
    return { messages: toMessages(this.sql, rows), lastSeq: lastSeq(this.sql) };
  }

  markRead(userId: string, seq: number): number {
    const upTo = Math.min(seq, lastSeq(this.sql));
    const row = this.sql.exec<{ read_seq: number }>("UPDATE members SET read_seq = max(read_seq, ?1) WHERE user_id = ?2 AND active = 1 RETURNING read_seq", upTo, userId).toArray()[0];
    if (!row) throw new ChatError("not_member", "Only members can read this chat.");
    this.broadcast({ type: "read", userId, seq: row.read_seq });
    this.scheduleFlush();
    return row.read_seq;
  }

  readSeqs(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.sql.exec<{ user_id: string; read_seq: number }>("SELECT user_id, read_seq FROM members WHERE active = 1")) out[r.user_id] = r.read_seq;
    return out;
  }

  private ownMessage(userId: string, seq: number): MessageRow {
    const row = this.sql.exec<MessageRow>("SELECT * FROM messages WHERE seq = ?1", seq).toArray()[0];
    if (!row || row.deleted) throw new ChatError("not_found", "Message not found.");
    if (row.author_id !== userId) throw new ChatError("not_author", "Only the author can change this message.");
    return row;
  }

  private updated(seq: number): ChatMessage {
    const message = toMessages(this.sql, this.sql.exec<MessageRow>("SELECT * FROM messages WHERE seq = ?1", seq).toArray())[0];
    this.broadcast({ type: "message.updated", message });
    return message;
  }

  edit(userId: string, seq: number, text: string): ChatMessage {
    this.ownMessage(userId, seq);
    if (!text.trim()) throw new ChatError("validation", "Write something first.");
    this.sql.exec("UPDATE messages SET text = ?1, edited_at = ?2 WHERE seq = ?3", text.slice(0, 10_000), new Date().toISOString(), seq);
    return this.updated(seq);
  }

  remove(userId: string, seq: number): ChatMessage {
    this.ownMessage(userId, seq);
    this.sql.exec("UPDATE messages SET text = '', attachments = '[]', deleted = 1, edited_at = ?1 WHERE seq = ?2", new Date().toISOString(), seq);
    return this.updated(seq);
  }

  react(userId: string, seq: number, emoji: string, on: boolean): ChatMessage {
    if (!this.isMember(userId)) throw new ChatError("not_member", "Only members can react.");
    const row = this.sql.exec<{ deleted: number }>("SELECT deleted FROM messages WHERE seq = ?1", seq).toArray()[0];
    if (!row || row.deleted) throw new ChatError("not_found", "Message not found.");
    if (on) this.sql.exec("INSERT OR IGNORE INTO reactions (seq, user_id, emoji) VALUES (?1, ?2, ?3)", seq, userId, emoji);
    else this.sql.exec("DELETE FROM reactions WHERE seq = ?1 AND user_id = ?2 AND emoji = ?3", seq, userId, emoji);
    return this.updated(seq);
  }

  pin(userId: string, seq: number, on: boolean): ChatMessage {
    if (!this.isMember(userId)) throw new ChatError("not_member", "Only members can pin.");
    if (!this.sql.exec("SELECT 1 FROM messages WHERE seq = ?1 AND deleted = 0", seq).toArray().length) throw new ChatError("not_found", "Message not found.");
    this.sql.exec("UPDATE messages SET pinned = ?1 WHERE seq = ?2", on ? 1 : 0, seq);
    return this.updated(seq);
  }

  pinned(): ChatMessage[] {
    return toMessages(this.sql, this.sql.exec<MessageRow>("SELECT * FROM messages WHERE pinned = 1 AND deleted = 0 ORDER BY seq").toArray());
  }

  /** Full-text search (FTS5) over this chat's live messages. */
  search(query: string, limit = 20): ChatMessage[] {
    const terms = query.match(/[\p{L}\p{N}]+/gu)?.slice(0, 8) ?? [];
    if (!terms.length) return [];
    this.ctx.storage.transactionSync(() => indexPending(this.sql));
    const match = terms.map((t) => `"${t}"*`).join(" ");
    const rows = this.sql
      .exec<MessageRow>("SELECT m.* FROM messages_fts f JOIN messages m ON m.seq = f.rowid WHERE messages_fts MATCH ?1 AND m.deleted = 0 ORDER BY m.seq DESC LIMIT ?2", match, limit)
      .toArray();
    return toMessages(this.sql, rows);
  }

  /** For the offline digest: what this member has not read yet. */
  unreadSummary(userId: string): { count: number; senders: string[]; firstLines: string[] } {
    const read = this.sql.exec<{ read_seq: number }>("SELECT read_seq FROM members WHERE user_id = ?1", userId).toArray()[0]?.read_seq ?? 0;
    const rows = this.sql.exec<MessageRow>("SELECT * FROM messages WHERE seq > ?1 AND deleted = 0 AND author_id <> ?2 ORDER BY seq", read, userId).toArray();
    return { count: rows.length, senders: [...new Set(rows.map((r) => r.author_id))], firstLines: rows.slice(0, 3).map((r) => r.text.split("\n")[0].slice(0, 140)) };
  }

  unreadFor(userId: string): number {
    const read = this.sql.exec<{ read_seq: number }>("SELECT read_seq FROM members WHERE user_id = ?1", userId).toArray()[0]?.read_seq ?? 0;
    return this.sql.exec<{ n: number }>("SELECT count(*) AS n FROM messages WHERE seq > ?1 AND author_id <> ?2 AND deleted = 0", read, userId).one().n;
  }

  /** Local benchmarks only (the worker exposes it with the dev tools switch): bulk history in one statement. */
  devSeed(count: number, authorIds: string[]) {
    const start = lastSeq(this.sql);
    const authors = JSON.stringify(authorIds);
    this.sql.exec(
      `INSERT INTO messages (client_id, author_id, text, created_at)
       WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
       SELECT 'seed-' || (?2 + i), json_extract(?3, '$[' || (i % json_array_length(?3)) || ']'), 'Seeded message number ' || (?2 + i), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       FROM n`,
      count, start, authors,
    );
    this.scheduleFlush();
    return { lastSeq: lastSeq(this.sql) };
  }

  // ---- flush (alarm) --------------------------------------------------------------------------

  scheduleFlush(delayMs = FLUSH_DELAY_MS) {
    if (this.flushArmed) return;
    this.flushArmed = true;
    setMeta(this.sql, "dirty", "1");
    void this.ctx.storage.getAlarm().then((at) => (at === null ? this.ctx.storage.setAlarm(Date.now() + delayMs) : undefined));
  }

  async alarm() {
    this.flushArmed = false;
    if (getMeta(this.sql, "dirty") !== "1") return;
    setMeta(this.sql, "dirty", "0");
    await flushChatRoom(this, this.env);
  }

  // ---- sockets --------------------------------------------------------------------------------

  async fetch(request: Request): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") return new Response("Expected a WebSocket", { status: 426 });
    const userId = request.headers.get("x-kontor-user");
    if (!userId || !this.isMember(userId)) return new Response("Not a member", { status: 403 });
    const pair = new WebSocketPair();
    const connId = crypto.randomUUID();
    this.ctx.acceptWebSocket(pair[1], [userId]);
    this.fanout.socketsChanged();
    pair[1].serializeAttachment({ userId, connId });
    this.sendFrame(pair[1], { type: "hello", lastSeq: lastSeq(this.sql), readSeqs: this.readSeqs(), call: this.calls.participants() });
    return new Response(null, { status: 101, webSocket: pair[0] });
  }

  async webSocketMessage(ws: WebSocket, raw: string | ArrayBuffer) {
    const frame = parseFrame(chatClientFrame, raw);
    if (!frame.ok) return this.sendFrame(ws, { type: "error", code: frame.code, message: frame.message });
    const { userId, connId } = ws.deserializeAttachment() as { userId: string; connId: string };
    if (!this.isMember(userId)) return this.closeSocket(ws, "not a member");
    const f = frame.value;
    try {
      switch (f.type) {
        case "send": {
          // The sender hears first: the ack does not wait for the fan-out to everyone else.
          const { message, duplicate } = this.store(userId, f.message as ChatSendInput);
          this.sendFrame(ws, { type: "ack", clientId: message.clientId, seq: message.seq, duplicate });
          if (!duplicate) this.announce(message);
          return;
        }
        case "resume": {
          const page = this.history({ after: f.afterSeq, limit: PAGE_MAX });
          return this.sendFrame(ws, { type: "messages", messages: page.messages, lastSeq: page.lastSeq });
        }
        case "typing":
          return this.broadcast({ type: "typing", userId }, ws);
        case "read":
          return void this.markRead(userId, f.seq);
        case "edit":
          return void this.edit(userId, f.seq, f.text);
        case "delete":
          return void this.remove(userId, f.seq);
        case "react":
          return void this.react(userId, f.seq, f.emoji, f.on);
        default:
          return this.calls.handle(ws, userId, connId, f);
      }
    } catch (e) {
      const clientId = f.type === "send" ? (f.message as { clientId?: string })?.clientId : undefined;
      if (e instanceof ChatError) return this.sendFrame(ws, { type: "error", code: e.code, message: e.text, ...(clientId ? { clientId } : {}) });
      throw e;
    }
  }

  async webSocketClose(ws: WebSocket, code: number) {
    this.fanout.socketsChanged();
    const { connId } = ws.deserializeAttachment() as { connId: string };
    this.calls.leave(connId);
    try {
      ws.close(code === 1005 ? 1000 : code, "closing");
    } catch {
      /* closed */
    }
  }

  /** Closes one user's sockets in this room (dismissal, removal). */
  disconnectUser(userId: string) {
    for (const ws of this.ctx.getWebSockets(userId)) this.closeSocket(ws, "session ended");
  }

  closeSocket(ws: WebSocket, reason: string) {
    this.fanout.socketsChanged();
    const { connId } = ws.deserializeAttachment() as { connId: string };
    this.calls.leave(connId);
    this.sendFrame(ws, { type: "session.ended" });
    try {
      ws.close(4001, reason);
    } catch {
      /* closed */
    }
  }

  broadcast(frame: ChatServerFrame, except?: WebSocket) {
    this.fanout.broadcast(frame, except);
  }

  sendFrame(ws: WebSocket, frame: ChatServerFrame) {
    this.fanout.send(ws, frame);
  }

  sockets(): WebSocket[] {
    return this.fanout.sockets();
  }

  // ---- backup (kontor export/import: durable-objects/state-export.ts) -------------------------

  exportState(cursor: StateCursor | null) {
    // The copy rebuilds its search index from every message: bring this one up to date too, so both agree.
    if (!cursor) this.ctx.storage.transactionSync(() => indexPending(this.sql));
    return exportStatePage(this.sql, cursor, CHAT_EPHEMERAL_TABLES);
  }
  importState(rows: StateRow[], fresh: boolean) { importStateRows(this.ctx.storage, rows, fresh, CHAT_EPHEMERAL_TABLES); }
  async clearState() { await clearStateTables(this.ctx.storage); }
  /** After the imported portal went live: a flush that was pending at export time runs. */
  finishImport() {
    // Imported messages skipped the search index: build it from all of them.
    this.ctx.storage.transactionSync(() => {
      this.sql.exec("INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')");
      markIndexed(this.sql);
    });
    if (getMeta(this.sql, "dirty") === "1") void this.ctx.storage.setAlarm(Date.now() + FLUSH_DELAY_MS);
  }
}

import { DurableObject } from "cloudflare:workers";
import type { Env } from "../worker/env";
import { userHubClientFrame, PING, PONG, type Counters, type NotificationItem, type UserHubServerFrame, type JsonValue } from "./protocol";
import { parseFrame } from "./frames";
import { markSeen, PRESENCE_EVERY_MS, PRESENCE_ID } from "./presence";
import { sendChatDigest } from "../worker/modules/chat/digest";
import { fireReminder, type ReminderPayload } from "../worker/modules/calendar/reminders";
import { clearStateTables, exportStatePage, importStateRows, type StateCursor, type StateRow } from "./state-export";
import { and, eq, gt } from "drizzle-orm";
import { chatMembers } from "../db/schema/chat";
import { shardDbOf, type HubIdentity } from "./hub-identity";

const NOTIFICATION_PAGE = 30;
const DIGEST_ID = "chat-digest";
const DIGEST_AFTER_MS = 15 * 60_000;

/**
 * One per user of a portal (name "tenantId:userId"). The single writer of the user's counters and
 * notifications; every change is pushed to all the user's open tabs. Alarms run its schedule table.
 * Chat unread counts are the exception: D1's chat_members.unread holds them (rooms write it on every
 * flush), the hub keeps them in memory only, so a room's push costs no write here.
 */
export class UserHub extends DurableObject<Env> {
  private sql: SqlStorage;
  /** Unread per chat, loaded from D1 on first need after a wake-up, then kept current by the rooms' pushes. */
  private chatCounts: Map<string, number> | null = null;
  private chatCountsLoad: Promise<Map<string, number>> | null = null;
  /** This absence already has its digest scheduled or sent: rooms' pushes need not check again until the user is back. */
  private digestSettled = false;
  /** The stored identity (meta "identity"), read once. */
  private identityRaw: string | null | undefined;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(`
      CREATE TABLE IF NOT EXISTS counters (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS notifications (id TEXT PRIMARY KEY, type TEXT NOT NULL, data TEXT NOT NULL, created_at TEXT NOT NULL, read_at TEXT);
      CREATE INDEX IF NOT EXISTS notifications_created ON notifications (created_at DESC, id DESC);
      CREATE TABLE IF NOT EXISTS schedule (id TEXT PRIMARY KEY, at INTEGER NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS schedule_at ON schedule (at);
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
    // Chat counts moved to D1: drop the copies older hubs kept.
    if (this.sql.exec("SELECT 1 FROM counters WHERE key LIKE 'chat:%' OR key = 'messenger' LIMIT 1").toArray().length) {
      this.sql.exec("DELETE FROM counters WHERE key LIKE 'chat:%' OR key = 'messenger'");
    }
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
  }

  /** Upgrade handed over by the worker after it authenticated the user. */
  async fetch(request: Request): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") return new Response("Expected a WebSocket", { status: 426 });
    const pair = new WebSocketPair();
    this.ctx.acceptWebSocket(pair[1]);
    // Online again: a later absence may earn a new digest (CHAT-4).
    this.setMeta("digest_sent", "0");
    this.digestSettled = false;
    this.setMeta("origin", new URL(request.url).origin);
    const identity = request.headers.get("x-kontor-identity");
    if (identity) this.rememberIdentity(JSON.parse(identity));
    await this.unschedule(DIGEST_ID);
    // Presence: mark seen now and keep marking while any tab stays open.
    if (identity) await this.schedule(PRESENCE_ID, Date.now(), "presence", {});
    this.send(pair[1], await this.snapshotFrame());
    return new Response(null, { status: 101, webSocket: pair[0] });
  }

  async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer) {
    const frame = parseFrame(userHubClientFrame, message);
    if (!frame.ok) return this.send(ws, { type: "error", code: frame.code, message: frame.message });
    if (frame.value.type === "resync") return this.send(ws, await this.snapshotFrame());
    if (frame.value.type === "notifications.read") this.markRead(frame.value.all ? "all" : (frame.value.ids ?? []));
  }

  async webSocketClose(ws: WebSocket, code: number) {
    try {
      ws.close(code === 1005 ? 1000 : code, "closing");
    } catch {
      /* already closed */
    }
    if (this.ctx.getWebSockets().every((s) => s === ws || s.readyState !== WebSocket.OPEN)) {
      this.setMeta("offline_since", String(Date.now()));
      await this.maybeScheduleDigest();
    }
  }

  // ---- counters -------------------------------------------------------------------------------

  async counters(): Promise<Counters> {
    const out: Counters = {};
    for (const row of this.sql.exec<{ key: string; value: number }>("SELECT key, value FROM counters")) out[row.key] = row.value;
    out.notifications = this.unreadCount();
    const chats = await this.chatUnreadCounts();
    for (const [chatId, n] of chats) out[`chat:${chatId}`] = n;
    out.messenger = sum(chats);
    return out;
  }

  /** Adds deltas to counters (never below zero) and pushes the changed values. */
  adjustCounters(deltas: Counters): Counters {
    const changed: Counters = {};
    for (const [key, delta] of Object.entries(deltas)) {
      const row = this.sql
        .exec<{ value: number }>("INSERT INTO counters (key, value) VALUES (?1, max(0, ?2)) ON CONFLICT(key) DO UPDATE SET value = max(0, value + ?2) RETURNING value", key, delta)
        .one();
      changed[key] = row.value;
    }
    this.broadcast({ type: "counters", counters: changed });
    return changed;
  }

  setCounters(values: Counters): void {
    for (const [key, value] of Object.entries(values)) {
      this.sql.exec("INSERT INTO counters (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2", key, Math.max(0, value));
    }
    this.broadcast({ type: "counters", counters: values });
  }

  // ---- chat unread and the offline digest (CHAT-4) ---------------------------------------------

  /** ChatRooms report a member's unread count per chat; the messenger total is their sum. Writes nothing. */
  async setChatUnread(identity: HubIdentity, chatId: string, unread: number) {
    this.rememberIdentity(identity);
    const chats = await this.chatUnreadCounts();
    if (unread > 0) chats.set(chatId, unread);
    else chats.delete(chatId);
    this.broadcast({ type: "counters", counters: { [`chat:${chatId}`]: Math.max(0, unread), messenger: sum(chats) } });
    await this.maybeScheduleDigest();
  }

  async chatUnread(): Promise<Record<string, number>> {
    return Object.fromEntries(await this.chatUnreadCounts());
  }

  private chatUnreadCounts(): Promise<Map<string, number>> {
    if (this.chatCounts) return Promise.resolve(this.chatCounts);
    const who = this.identity();
    if (!who) return Promise.resolve(new Map());
    this.chatCountsLoad ??= readChatCounts(this.env, who).then(
      (counts) => (this.chatCounts = counts),
      (e) => {
        this.chatCountsLoad = null;
        throw e;
      },
    );
    return this.chatCountsLoad;
  }

  private identity(): HubIdentity | null {
    if (this.identityRaw === undefined) this.identityRaw = this.getMeta("identity");
    return this.identityRaw ? JSON.parse(this.identityRaw) : null;
  }

  /** Stored once; every room's push carries it, and a write per push is what this hub avoids. */
  private rememberIdentity(who: HubIdentity) {
    const raw = JSON.stringify({ tenantId: who.tenantId, userId: who.userId });
    if (this.identity() && this.identityRaw === raw) return;
    this.setMeta("identity", raw);
    this.identityRaw = raw;
    this.chatCounts = null;
    this.chatCountsLoad = null;
  }

  /** One digest after 15 minutes without any open tab, and none again until the user was online. */
  private async maybeScheduleDigest() {
    if (this.digestSettled || this.ctx.getWebSockets().some((s) => s.readyState === WebSocket.OPEN)) return;
    if (this.getMeta("digest_sent") === "1" || this.listScheduled().some((s) => s.id === DIGEST_ID)) {
      this.digestSettled = true;
      return;
    }
    if (!this.identity() || !sum(await this.chatUnreadCounts())) return;
    const offlineSince = Number(this.getMeta("offline_since") ?? Date.now());
    await this.schedule(DIGEST_ID, Math.max(Date.now(), offlineSince + DIGEST_AFTER_MS), "chat.digest", {});
    this.digestSettled = true;
  }

  private async sendDigest() {
    if (this.ctx.getWebSockets().some((s) => s.readyState === WebSocket.OPEN) || this.getMeta("digest_sent") === "1") return;
    const identity = this.identity();
    const unread = await this.chatUnread();
    if (!identity || !Object.keys(unread).length) return;
    this.setMeta("digest_sent", "1");
    await sendChatDigest(this.env, identity, unread, this.getMeta("origin"));
  }

  private getMeta(key: string): string | null {
    return this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?1", key).toArray()[0]?.value ?? null;
  }

  private setMeta(key: string, value: string) {
    this.sql.exec("INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2", key, value);
  }

  // ---- notifications --------------------------------------------------------------------------

  private unreadCount(): number {
    return this.sql.exec<{ n: number }>("SELECT count(*) AS n FROM notifications WHERE read_at IS NULL").one().n;
  }

  addNotification(item: Omit<NotificationItem, "readAt">): NotificationItem {
    this.sql.exec("INSERT OR IGNORE INTO notifications (id, type, data, created_at) VALUES (?1, ?2, ?3, ?4)", item.id, item.type, JSON.stringify(item.data), item.createdAt);
    const full = { ...item, readAt: null };
    this.broadcast({ type: "notification", item: full });
    this.broadcast({ type: "counters", counters: { notifications: this.unreadCount() } });
    return full;
  }

  listNotifications(before: { createdAt: string; id: string } | null, limit = NOTIFICATION_PAGE) {
    const rows = before
      ? this.sql.exec<Row>("SELECT * FROM notifications WHERE (created_at, id) < (?1, ?2) ORDER BY created_at DESC, id DESC LIMIT ?3", before.createdAt, before.id, limit + 1)
      : this.sql.exec<Row>("SELECT * FROM notifications ORDER BY created_at DESC, id DESC LIMIT ?1", limit + 1);
    const items = [...rows].map(toItem);
    const page = items.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page, next: items.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null, unread: this.unreadCount() };
  }

  markRead(ids: string[] | "all"): number {
    const now = new Date().toISOString();
    if (ids === "all") this.sql.exec("UPDATE notifications SET read_at = ?1 WHERE read_at IS NULL", now);
    else for (const id of ids) this.sql.exec("UPDATE notifications SET read_at = ?1 WHERE id = ?2 AND read_at IS NULL", now, id);
    this.broadcast({ type: "notifications.read", ids });
    const unread = this.unreadCount();
    this.broadcast({ type: "counters", counters: { notifications: unread } });
    return unread;
  }

  // ---- schedule (alarms) ----------------------------------------------------------------------

  /** Adds or replaces a scheduled item; the object's single alarm is re-armed to the earliest one. */
  async schedule(id: string, at: number, kind: string, payload: Record<string, unknown>, identity?: HubIdentity) {
    if (identity) this.rememberIdentity(identity);
    this.sql.exec("INSERT INTO schedule (id, at, kind, payload) VALUES (?1, ?2, ?3, ?4) ON CONFLICT(id) DO UPDATE SET at = ?2, kind = ?3, payload = ?4", id, at, kind, JSON.stringify(payload));
    await this.rearm();
  }

  async unschedule(id: string) {
    this.sql.exec("DELETE FROM schedule WHERE id = ?1", id);
    await this.rearm();
  }

  listScheduled(): { id: string; at: number; kind: string }[] {
    return [...this.sql.exec<{ id: string; at: number; kind: string }>("SELECT id, at, kind FROM schedule ORDER BY at")];
  }

  private async rearm() {
    const next = this.sql.exec<{ at: number | null }>("SELECT min(at) AS at FROM schedule").one().at;
    if (next === null) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(next);
  }

  /** Each due item is removed before it runs, so it fires once even if the alarm is retried. */
  async alarm() {
    const due = [...this.sql.exec<{ id: string; kind: string; payload: string }>("SELECT id, kind, payload FROM schedule WHERE at <= ?1 ORDER BY at", Date.now())];
    for (const item of due) {
      this.sql.exec("DELETE FROM schedule WHERE id = ?1", item.id);
      await this.runScheduled(item.id, item.kind, JSON.parse(item.payload));
    }
    await this.rearm();
  }

  private async runScheduled(id: string, kind: string, payload: Record<string, unknown>) {
    if (kind === "notification") {
      const { type, data } = payload as { type: string; data: Record<string, JsonValue> };
      this.addNotification({ id: `sched-${id}`, type, data, createdAt: new Date().toISOString() });
    }
    if (kind === "chat.digest") {
      await this.sendDigest();
      this.digestSettled = false;
    }
    if (kind === "event.reminder") await this.remind(id, payload as ReminderPayload);
    if (kind === "presence") await this.heartbeat();
  }

  private async heartbeat() {
    const identity = this.identity();
    if (!identity || !this.ctx.getWebSockets().some((s) => s.readyState === WebSocket.OPEN)) return;
    await markSeen(this.env, identity);
    await this.schedule(PRESENCE_ID, Date.now() + PRESENCE_EVERY_MS, "presence", {});
  }

  private async remind(id: string, payload: ReminderPayload) {
    const userId = this.identity()?.userId;
    if (!userId) return;
    const result = await fireReminder(this.env, userId, payload);
    if (!result) return;
    this.addNotification({ id: `${id}:${result.notification.data.start}`, type: result.notification.type, data: result.notification.data, createdAt: new Date().toISOString() });
    if (result.next) await this.schedule(id, result.next, "event.reminder", payload);
  }

  // ---- sockets --------------------------------------------------------------------------------

  /** Closes every open tab of this user (dismissal, sign-out everywhere). */
  disconnectAll(reason = "session ended") {
    for (const ws of this.ctx.getWebSockets()) {
      this.send(ws, { type: "session.ended" });
      try {
        ws.close(4001, reason);
      } catch {
        /* already closed */
      }
    }
  }

  connectionCount(): number {
    return this.ctx.getWebSockets().length;
  }

  private async snapshotFrame(): Promise<UserHubServerFrame> {
    return { type: "snapshot", counters: await this.counters(), notifications: this.listNotifications(null, 20).items };
  }

  private broadcast(frame: UserHubServerFrame) {
    const data = JSON.stringify(frame);
    for (const ws of this.ctx.getWebSockets()) {
      try {
        ws.send(data);
      } catch {
        /* a closing socket; the runtime removes it */
      }
    }
  }

  private send(ws: WebSocket, frame: UserHubServerFrame) {
    try {
      ws.send(JSON.stringify(frame));
    } catch {
      /* closing */
    }
  }

  // ---- backup (kontor export/import: durable-objects/state-export.ts) -------------------------

  exportState(cursor: StateCursor | null) { return exportStatePage(this.sql, cursor); }
  importState(rows: StateRow[], fresh: boolean) {
    importStateRows(this.ctx.storage, rows, fresh);
    this.forgetCached();
  }
  async clearState() {
    await clearStateTables(this.ctx.storage);
    this.forgetCached();
  }
  private forgetCached() {
    this.digestSettled = false;
    this.identityRaw = undefined;
    this.chatCounts = null;
    this.chatCountsLoad = null;
  }
  /** After the imported portal went live: the schedule table's alarm runs again. */
  async finishImport() { await this.rearm(); }
}

type Row = { id: string; type: string; data: string; created_at: string; read_at: string | null };
const toItem = (r: Row): NotificationItem => ({ id: r.id, type: r.type, data: JSON.parse(r.data), createdAt: r.created_at, readAt: r.read_at });

const sum = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);

async function readChatCounts(env: Env, who: HubIdentity): Promise<Map<string, number>> {
  const db = await shardDbOf(env, who);
  const rows = db
    ? await db
        .select({ chatId: chatMembers.chatId, unread: chatMembers.unread })
        .from(chatMembers)
        .where(and(eq(chatMembers.tenantId, who.tenantId), eq(chatMembers.userId, who.userId), gt(chatMembers.unread, 0)))
        .all()
    : [];
  return new Map(rows.map((r) => [r.chatId, r.unread]));
}

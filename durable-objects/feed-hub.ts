import { DurableObject } from "cloudflare:workers";
import type { Env } from "../worker/env";
import { feedClientFrame, PING, PONG, type FeedEvent, type FeedServerFrame } from "./protocol";
import { parseFrame } from "./frames";
import { clearStateTables, exportStatePage, importStateRows, type StateCursor, type StateRow } from "./state-export";

/** Who is behind a feed socket: their audience keys decide which events they may receive. */
export interface FeedViewer {
  userId: string;
  /** "all", "u:<id>", "d:<id>" (own department and its ancestors), "g:<id>". */
  keys: string[];
  /** Administrators read every post (USER-4). */
  seesAll: boolean;
}

const FLUSH_MS = 50;

/**
 * One per portal. Fans feed events out to connected feed pages, filtered by audience, batching
 * bursts into at most one frame per socket every 50 ms.
 */
export class FeedHub extends DurableObject<Env> {
  private pending: { event: FeedEvent & { at: number }; audience: Set<string> }[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private lastFlushAt = 0;
  /** Attachments survive hibernation; this in-memory copy saves a structured clone per socket per flush. */
  private viewers = new WeakMap<WebSocket, FeedViewer>();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
  }

  async fetch(request: Request): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") return new Response("Expected a WebSocket", { status: 426 });
    const viewer = JSON.parse(request.headers.get("x-kontor-viewer") ?? "null") as FeedViewer | null;
    if (!viewer) return new Response("Unauthenticated", { status: 401 });
    const pair = new WebSocketPair();
    this.ctx.acceptWebSocket(pair[1], [`u:${viewer.userId}`]);
    pair[1].serializeAttachment(viewer);
    return new Response(null, { status: 101, webSocket: pair[0] });
  }

  async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer) {
    const frame = parseFrame(feedClientFrame, message);
    if (!frame.ok) this.send(ws, { type: "error", code: frame.code, message: frame.message });
  }

  async webSocketClose(ws: WebSocket, code: number) {
    try {
      ws.close(code === 1005 ? 1000 : code, "closing");
    } catch {
      /* already closed */
    }
  }

  /** Called by the worker after a feed write is stored. `audience` holds the post's audience keys. */
  publish(events: FeedEvent[], audience: string[]) {
    const at = Date.now();
    const keys = new Set(audience);
    for (const event of events) this.pending.push({ event: { ...event, at }, audience: keys });
    // A throttle, not a debounce: the first event after a quiet spell goes out at once, a burst waits for
    // the next 50 ms slot, so no socket gets more than one frame per 50 ms and nothing waits without need.
    this.flushTimer ??= setTimeout(() => this.flush(), Math.max(0, this.lastFlushAt + FLUSH_MS - at));
  }

  /** Closes the feed sockets of one user (dismissal). */
  disconnectUser(userId: string) {
    for (const ws of this.ctx.getWebSockets(`u:${userId}`)) {
      try {
        ws.close(4001, "session ended");
      } catch {
        /* closed */
      }
    }
  }

  connectionCount(): number {
    return this.ctx.getWebSockets().length;
  }

  /**
   * Sockets that may see the same events get the same bytes: each distinct set is serialized once
   * (a company-wide burst is one JSON.stringify however many pages are open).
   */
  private flush() {
    this.flushTimer = null;
    this.lastFlushAt = Date.now();
    const batch = this.pending;
    this.pending = [];
    if (!batch.length) return;
    const framesBySet = new Map<string, string | null>();
    for (const ws of this.ctx.getWebSockets()) {
      const viewer = this.viewerOf(ws);
      let set = "";
      for (let i = 0; i < batch.length; i++) {
        if (viewer.seesAll || viewer.keys.some((k) => batch[i]!.audience.has(k))) set += `${i},`;
      }
      if (!set) continue;
      let frame = framesBySet.get(set);
      if (frame === undefined) {
        const events = set.split(",").filter(Boolean).map((i) => batch[Number(i)]!.event);
        frame = JSON.stringify({ type: "feed.events", events } satisfies FeedServerFrame);
        framesBySet.set(set, frame);
      }
      this.sendRaw(ws, frame!);
    }
  }

  private viewerOf(ws: WebSocket): FeedViewer {
    let viewer = this.viewers.get(ws);
    if (!viewer) {
      viewer = ws.deserializeAttachment() as FeedViewer;
      this.viewers.set(ws, viewer);
    }
    return viewer;
  }

  private send(ws: WebSocket, frame: FeedServerFrame) {
    this.sendRaw(ws, JSON.stringify(frame));
  }

  private sendRaw(ws: WebSocket, text: string) {
    try {
      ws.send(text);
    } catch {
      /* closing */
    }
  }

  // ---- backup (kontor export/import): no tables today; whatever FeedHub stores later is included.

  exportState(cursor: StateCursor | null) { return exportStatePage(this.ctx.storage.sql, cursor); }
  importState(rows: StateRow[], fresh: boolean) { importStateRows(this.ctx.storage, rows, fresh); }
  async clearState() { await clearStateTables(this.ctx.storage); }
  finishImport() {}
}

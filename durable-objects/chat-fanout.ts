import type { ChatMessage, ChatServerFrame } from "./protocol";

/** While messages keep coming, a room sends its message frames at most this often. */
export const FRAME_EVERY_MS = 20;

/**
 * A room's way out to its sockets. Sending to a hundred sockets is most of a send's cost (every frame
 * is a write on every member's connection), so a busy room coalesces: a message after a quiet spell
 * leaves at once (after the socket events already queued), one that follows within FRAME_EVERY_MS
 * waits for the next frame, and one `message.batch` frame carries all that waited.
 */
export class ChatFanout {
  /** Messages announced but not yet sent. */
  private outbox: ChatMessage[] = [];
  /** The runtime's socket list, kept between messages (asking for a hundred sockets on every send cost a third of a send); dropped on accept and close. */
  private socketCache: WebSocket[] | null = null;
  private lastFrameAt = 0;

  constructor(private readonly ctx: DurableObjectState) {}

  announce(message: ChatMessage) {
    this.outbox.push(message);
    if (this.outbox.length === 1) setTimeout(() => this.drain(), Math.max(0, this.lastFrameAt + FRAME_EVERY_MS - Date.now()));
  }

  /** Any other frame goes after the messages already announced, so no one sees an edit before its message. */
  broadcast(frame: ChatServerFrame, except?: WebSocket) {
    this.drain();
    this.sendToAll(frame, except);
  }

  send(ws: WebSocket, frame: ChatServerFrame) {
    try {
      ws.send(JSON.stringify(frame));
    } catch {
      /* closing */
    }
  }

  sockets(): WebSocket[] {
    return (this.socketCache ??= this.ctx.getWebSockets());
  }

  /** A socket was accepted or closed. */
  socketsChanged() {
    this.socketCache = null;
  }

  private drain() {
    if (!this.outbox.length) return;
    const messages = this.outbox;
    this.outbox = [];
    this.lastFrameAt = Date.now();
    this.sendToAll(messages.length === 1 ? { type: "message", message: messages[0] } : { type: "message.batch", messages });
  }

  private sendToAll(frame: ChatServerFrame, except?: WebSocket) {
    const data = JSON.stringify(frame);
    for (const ws of this.sockets()) {
      if (ws === except) continue;
      try {
        ws.send(data);
      } catch {
        /* closing */
      }
    }
  }
}

import type { ChatMessage, ChatServerFrame } from "./protocol";

/**
 * A room's way out to its sockets. Sending to a hundred sockets is most of a send's cost, so messages
 * stored before the queued socket events have run go out together (the timer fires after them): idle,
 * a message leaves at once; busy, one `message.batch` frame carries several.
 */
export class ChatFanout {
  /** Messages announced but not yet sent. */
  private outbox: ChatMessage[] = [];
  /** The runtime's socket list, kept between messages (asking for a hundred sockets on every send cost a third of a send); dropped on accept and close. */
  private socketCache: WebSocket[] | null = null;

  constructor(private readonly ctx: DurableObjectState) {}

  announce(message: ChatMessage) {
    this.outbox.push(message);
    if (this.outbox.length === 1) setTimeout(() => this.drain(), 0);
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

import type { ChatMessage, ChatServerFrame } from "./protocol";

/** A message the client has not seen acknowledged yet; kept in durable storage (IndexedDB in the app). */
export interface PendingMessage {
  clientId: string;
  chatId: string;
  text: string;
  replyTo?: number;
  mentions?: string[];
  attachments?: { kind: string; id: string; name: string; size?: number }[];
  createdAt: number;
}

export interface OutboxStore {
  list(chatId: string): Promise<PendingMessage[]>;
  put(message: PendingMessage): Promise<void>;
  remove(clientId: string): Promise<void>;
}

export interface SocketLike {
  send(data: string): void;
  readonly readyState: number;
}

export interface ChatClientEvents {
  onMessage?(message: ChatMessage): void;
  onAck?(clientId: string, seq: number): void;
  onFrame?(frame: ChatServerFrame): void;
}

const OPEN = 1;
const WINDOW = 64;

/**
 * The client half of CHAT-3: every send is stored before it goes out and removed only on its ack;
 * after a reconnect the client resumes from its last seq and re-sends whatever is still pending,
 * in the original order. The server's clientId check makes the re-send harmless.
 */
export class ReliableChatClient {
  lastSeq = 0;
  private socket: SocketLike | null = null;
  private inFlight = new Set<string>();
  private lastStamp = 0;

  constructor(
    readonly chatId: string,
    private store: OutboxStore,
    private events: ChatClientEvents = {},
  ) {}

  static newClientId(): string {
    return `${Date.now().toString(36)}-${crypto.randomUUID()}`;
  }

  async send(text: string, extra: Omit<PendingMessage, "clientId" | "chatId" | "text" | "createdAt"> = {}): Promise<PendingMessage> {
    // Strictly increasing, so the outbox re-sends in the order the user wrote, even within one millisecond.
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
    const message: PendingMessage = { clientId: ReliableChatClient.newClientId(), chatId: this.chatId, text, createdAt: this.lastStamp, ...extra };
    await this.store.put(message);
    await this.pump();
    return message;
  }

  pending(): Promise<PendingMessage[]> {
    return this.store.list(this.chatId);
  }

  /** Call when a socket opens: ask for what was missed, then re-send the outbox. */
  async attach(socket: SocketLike) {
    this.socket = socket;
    this.inFlight.clear();
    socket.send(JSON.stringify({ type: "resume", afterSeq: this.lastSeq }));
    await this.pump();
  }

  detach() {
    this.socket = null;
    this.inFlight.clear();
  }

  /** Feed every frame from the socket here. */
  async receive(frame: ChatServerFrame) {
    this.events.onFrame?.(frame);
    if (frame.type === "ack") {
      this.inFlight.delete(frame.clientId);
      await this.store.remove(frame.clientId);
      this.events.onAck?.(frame.clientId, frame.seq);
      await this.pump();
    } else if (frame.type === "message") {
      this.see(frame.message);
    } else if (frame.type === "messages" || frame.type === "message.batch") {
      for (const m of frame.messages) this.see(m);
    } else if (frame.type === "error" && frame.clientId && frame.code === "validation") {
      // The server will never take this one: drop it rather than retry forever.
      this.inFlight.delete(frame.clientId);
      await this.store.remove(frame.clientId);
    }
  }

  private see(message: ChatMessage) {
    if (message.seq > this.lastSeq) this.lastSeq = message.seq;
    this.events.onMessage?.(message);
  }

  /** Sends pending messages in order, keeping at most WINDOW unacknowledged on the wire. */
  private async pump() {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN) return;
    const pending = (await this.store.list(this.chatId)).sort((a, b) => a.createdAt - b.createdAt);
    for (const m of pending) {
      if (this.inFlight.size >= WINDOW) break;
      if (this.inFlight.has(m.clientId)) continue;
      if (socket !== this.socket || socket.readyState !== OPEN) return;
      this.inFlight.add(m.clientId);
      socket.send(JSON.stringify({ type: "send", message: { clientId: m.clientId, text: m.text, replyTo: m.replyTo, mentions: m.mentions ?? [], attachments: m.attachments ?? [] } }));
    }
  }
}

import type { OutboxStore, PendingMessage } from "../../../../../durable-objects/chat-client";

const DB_NAME = "kontor-messenger";
const STORE = "outbox";
type Row = PendingMessage & { userId: string };

let opening: Promise<IDBDatabase | null> | null = null;

function open(): Promise<IDBDatabase | null> {
  opening ??= new Promise((resolve) => {
    try {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: "clientId" }).createIndex("owner", ["userId", "chatId"]);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opening;
}

function done<T>(req: IDBRequest<T>, tx: IDBTransaction): Promise<T> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/**
 * The messenger's outbox in IndexedDB: a message is written here before it goes out and removed on its
 * ack, so nothing typed is lost to a reload or a closed tab. Rows carry the user, so a second account
 * in the same browser never re-sends someone else's messages. Without IndexedDB it keeps them in memory.
 */
export class IdbOutbox implements OutboxStore {
  private memory = new Map<string, Row>();
  constructor(private userId: string) {}

  async list(chatId: string): Promise<PendingMessage[]> {
    const db = await open();
    if (!db) return [...this.memory.values()].filter((m) => m.chatId === chatId);
    const tx = db.transaction(STORE, "readonly");
    const rows = await done(tx.objectStore(STORE).index("owner").getAll([this.userId, chatId]) as IDBRequest<Row[]>, tx);
    return rows.map(({ userId: _u, ...m }) => m);
  }

  async put(message: PendingMessage): Promise<void> {
    const db = await open();
    const row: Row = { ...message, userId: this.userId };
    if (!db) return void this.memory.set(message.clientId, row);
    const tx = db.transaction(STORE, "readwrite");
    await done(tx.objectStore(STORE).put(row), tx);
  }

  async remove(clientId: string): Promise<void> {
    const db = await open();
    if (!db) return void this.memory.delete(clientId);
    const tx = db.transaction(STORE, "readwrite");
    await done(tx.objectStore(STORE).delete(clientId), tx);
  }
}

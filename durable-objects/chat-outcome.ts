// How a ChatRoom refuses: ChatError inside the room, RoomOutcome across RPC.

export class ChatError extends Error {
  constructor(readonly code: string, readonly text: string) {
    super(`${code}: ${text}`);
  }
}

/** What the room's RPC entry points answer: an error thrown across RPC is logged as uncaught, a refusal is not an error. */
export type RoomOutcome<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

export function outcome<T>(run: () => T): RoomOutcome<T> {
  try {
    return { ok: true, value: run() };
  } catch (e) {
    if (e instanceof ChatError) return { ok: false, code: e.code, message: e.text };
    throw e;
  }
}

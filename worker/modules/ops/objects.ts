import type { Env } from "../../env";
import type { StateCursor, StatePage, StateRow } from "../../../durable-objects/state-export";
import { feedHub, userHub } from "../../lib/hubs";
import { chatRoom } from "../../lib/rooms";
import { AppError } from "../../lib/errors";

/** The backup methods every Durable Object class of a portal offers (durable-objects/state-export.ts). */
export interface StateStub {
  exportState(cursor: StateCursor | null): Promise<StatePage>;
  importState(rows: StateRow[], fresh: boolean): Promise<void>;
  finishImport(): Promise<void>;
  clearState(): Promise<void>;
}

/**
 * Archive part names of a portal's objects, which are named after the tenant (worker/lib/hubs.ts,
 * rooms.ts): do/FeedHub (one per portal), do/UserHub/<userId>, do/ChatRoom/<chatId>.
 */
export function objectParts(userIds: string[], chatIds: string[]): string[] {
  return ["do/FeedHub", ...userIds.map((id) => `do/UserHub/${id}`), ...chatIds.map((id) => `do/ChatRoom/${id}`)];
}

/** The stub behind a part name, for the given tenant id (the new one on import). */
export function objectFor(env: Env, tenantId: string, part: string): StateStub {
  const [, kind, id, extra] = part.split("/");
  const stub =
    kind === "FeedHub" && id === undefined ? feedHub(env, tenantId)
    : kind === "UserHub" && id && extra === undefined ? userHub(env, tenantId, id)
    : kind === "ChatRoom" && id && extra === undefined ? chatRoom(env, tenantId, id)
    : null;
  if (!stub) throw new AppError(422, "archive_corrupt", `Part ${part} names no known Durable Object.`);
  return stub as unknown as StateStub;
}

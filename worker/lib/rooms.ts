import type { Env } from "../env";

/** The ChatRoom of one chat; the tenant is part of the name, so rooms of different portals never meet. */
export const chatRoom = (env: Env, tenantId: string, chatId: string) => env.CHAT_ROOM.get(env.CHAT_ROOM.idFromName(`${tenantId}:${chatId}`));

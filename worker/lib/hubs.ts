import type { Env } from "../env";

/** The UserHub of one user of one portal; the tenant is part of the name, so hubs never mix portals. */
export const userHub = (env: Env, tenantId: string, userId: string) => env.USER_HUB.get(env.USER_HUB.idFromName(`${tenantId}:${userId}`));

export const feedHub = (env: Env, tenantId: string) => env.FEED_HUB.get(env.FEED_HUB.idFromName(tenantId));

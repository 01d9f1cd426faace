import type { ShardDb } from "../db/client";
import type { users } from "../db/schema/people";
import type { Env } from "./env";
import type { PortalSettings } from "./modules/portal/schemas";
import type { Plan } from "./modules/portal/plans";

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  plan: Plan;
  shard: number;
  status: "pending" | "active";
  settings: PortalSettings & { hasLogo?: boolean; registrationToken?: string };
}

export interface Actor {
  id: string;
  name: string;
  email: string;
  role: "admin" | "employee" | "extranet";
  language: string;
  timeZone: string;
  businessUser: boolean;
  seatGrantedAt: string | null;
  /** Seat holders granted before this user (a downgrade locks the newest holders). */
  seatsAhead: number;
  lastSeenAt: string | null;
  totpEnabled: boolean;
  sessionHash: string;
}

/** What every service gets: no Hono types, so a cron, a Durable Object or the mail handler can call it too. */
export interface ServiceContext {
  env: Env;
  db: ShardDb;
  tenant: Tenant;
  requestId: string;
  ip: string;
  /** The origin users reach the portal at, for links in mails. */
  origin: string;
}

export interface ActorContext extends ServiceContext {
  actor: Actor;
}

export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    tenant: Tenant;
    ctx: ServiceContext;
    actor: Actor;
    /** The signed-in user's row, as the session lookup read it. */
    user: typeof users.$inferSelect;
    isRootHost: boolean;
  };
}

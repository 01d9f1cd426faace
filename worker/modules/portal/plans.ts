/** PLAN-1. Imported by the web app too: keep it free of worker-only imports. */
export const PLANS = ["free", "basic", "standard", "professional"] as const;
export type Plan = (typeof PLANS)[number];

export interface PlanLimits {
  businessUsers: number;
  storageBytes: number;
  guestEvents: number | null;
  extranet: boolean;
  timeTracking: boolean;
  workflows: boolean;
  customDomain: boolean;
  customInvitationText: boolean;
  workSchedule: boolean;
}

const GB = 1024 ** 3;
export const PLAN_LIMITS: Record<Plan, PlanLimits> = {
  free: { businessUsers: 2, storageBytes: 5 * GB, guestEvents: 10, extranet: false, timeTracking: false, workflows: false, customDomain: false, customInvitationText: false, workSchedule: false },
  basic: { businessUsers: 6, storageBytes: 24 * GB, guestEvents: null, extranet: false, timeTracking: true, workflows: false, customDomain: false, customInvitationText: true, workSchedule: true },
  standard: { businessUsers: 24, storageBytes: 100 * GB, guestEvents: null, extranet: true, timeTracking: true, workflows: false, customDomain: false, customInvitationText: true, workSchedule: true },
  professional: { businessUsers: 50, storageBytes: 1024 * GB, guestEvents: null, extranet: true, timeTracking: true, workflows: true, customDomain: true, customInvitationText: true, workSchedule: true },
};

/** Modules of the workspace. Business modules need a business seat (PLAN-2). */
export const MODULES = ["feed", "messenger", "tasks", "crm", "calendar", "drive", "groups", "company"] as const;
export type ModuleName = (typeof MODULES)[number];
export const BUSINESS_MODULES: readonly ModuleName[] = ["tasks", "crm", "calendar", "drive"];
/** USER-2: extranet users work only inside their groups: the feed and chats of their groups, and the groups themselves. */
export const EXTRANET_MODULES: readonly ModuleName[] = ["feed", "messenger", "groups"];
/** The company structure and directory can never be switched off: people need to find each other. */
export const SWITCHABLE_MODULES = MODULES.filter((m) => m !== "company");

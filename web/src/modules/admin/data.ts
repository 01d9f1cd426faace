import { createResource } from "solid-js";
import { api, call, type Body } from "../../lib/api";

export type PortalView = Body<Awaited<ReturnType<typeof api.portal.$get>>>;
export type AdminSettings = NonNullable<Extract<PortalView, { settings: unknown }>["settings"]>;
export type SeatOverview = Body<Awaited<ReturnType<(typeof api.portal)["business-users"]["$get"]>>>;
export type Person = Body<Awaited<ReturnType<typeof api.people.users.$get>>>["items"][number];
export type Department = Body<Awaited<ReturnType<typeof api.structure.departments.$get>>>["items"][number];

export function usePortal() {
  return createResource(async () => call(api.portal.$get()));
}

export function useDepartments() {
  return createResource(async () => (await call(api.structure.departments.$get())).items);
}

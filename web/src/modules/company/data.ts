import { createResource, createRoot } from "solid-js";
import { ApiError, api, call, type Body } from "../../lib/api";
import { toastError } from "../../lib/toast";

export type Department = Body<Awaited<ReturnType<typeof api.structure.departments.$get>>>["items"][number];
export type Person = Body<Awaited<ReturnType<typeof api.people.users.$get>>>["items"][number];
export type Profile = Body<Awaited<ReturnType<(typeof api.people.users)[":id"]["$get"]>>>;

/**
 * The department tree, shared by the company screens and refreshed after changes. A failed load keeps
 * what was there (and says why) instead of breaking every screen that reads it.
 */
const store = createRoot(() => {
  const [departments, { refetch, mutate }] = createResource<Department[]>(async (_k, info) => {
    try {
      return (await call(api.structure.departments.$get())).items;
    } catch (e) {
      if (!(e instanceof ApiError && (e.status === 401 || e.code === "totp_setup_required"))) toastError(e);
      return (info.value as Department[] | undefined) ?? [];
    }
  });
  return { departments, refetch, mutate };
});

/** Read through .latest: a refresh keeps the tree on screen instead of suspending the page. */
export const departments = () => store.departments.latest;
export const reloadDepartments = () => store.refetch();
export const mutateDepartments = store.mutate;

export function departmentName(id: string | null | undefined): string {
  return departments()?.find((d) => d.id === id)?.name ?? "";
}

export interface TreeNode {
  dept: Department;
  children: TreeNode[];
  depth: number;
}

/** Builds the tree from the flat list; departments whose parent is missing are shown as roots. */
export function buildTree(list: Department[]): TreeNode[] {
  const ids = new Set(list.map((d) => d.id));
  const byParent = new Map<string | null, Department[]>();
  for (const d of list) {
    const key = d.parentId && ids.has(d.parentId) ? d.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), d]);
  }
  const make = (parent: string | null, depth: number): TreeNode[] =>
    (byParent.get(parent) ?? []).map((dept) => ({ dept, depth, children: make(dept.id, depth + 1) }));
  return make(null, 0);
}

/** The ids of a department and everything below it (a department cannot move under those). */
export function subtreeIds(list: Department[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of list) if (d.parentId && out.has(d.parentId) && !out.has(d.id)) (out.add(d.id), (grew = true));
  }
  return out;
}

/** Department names with their path, for pickers: "Demo Company › Sales". */
export function departmentOptions(list: Department[], exclude: Set<string> = new Set()) {
  const byId = new Map(list.map((d) => [d.id, d]));
  const path = (d: Department): string => {
    const parts = [d.name];
    let cur = d.parentId ? byId.get(d.parentId) : undefined;
    for (let i = 0; cur && i < 20; i++, cur = cur.parentId ? byId.get(cur.parentId) : undefined) parts.unshift(cur.name);
    return parts.join(" › ");
  };
  return list.filter((d) => !exclude.has(d.id)).map((d) => ({ value: d.id, label: path(d) }));
}

export async function moveMember(departmentId: string, userId: string) {
  await call(api.structure.departments[":id"].members.$post({ param: { id: departmentId }, json: { userId } }));
}

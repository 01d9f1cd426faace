import { describe, it, expect } from "vitest";
import { newPortal, newEmployee, expectError } from "./helpers";

type Portal = Awaited<ReturnType<typeof newPortal>>;

async function tree(p: Portal) {
  const res = await p.admin.json("GET", "/api/v1/structure/departments");
  expect(res.status).toBe(200);
  return res.body.items as { id: string; name: string; parentId: string | null; headUserId: string | null; employeeCount: number }[];
}
async function addDept(p: Portal, name: string, parentId: string, headUserId?: string) {
  const res = await p.admin.json("POST", "/api/v1/structure/departments", { name, parentId, headUserId });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.department.id as string;
}

describe("STRUCT-1 company structure", () => {
  it("starts with the company as the root department headed by its creator", async () => {
    const p = await newPortal();
    const [root] = await tree(p);
    expect(root).toMatchObject({ name: `Company ${p.slug}`, parentId: null, headUserId: p.adminId, employeeCount: 1 });
  });

  it("adds, renames, moves and deletes departments; people and sub-departments move up on delete", async () => {
    const p = await newPortal();
    const root = (await tree(p))[0].id;
    const sales = await addDept(p, "Sales", root);
    const north = await addDept(p, "North", sales);
    const dev = await addDept(p, "Development", root);
    const e = await newEmployee(p, "Nils North", { departmentId: north });
    expect((await p.admin.json("PATCH", `/api/v1/structure/departments/${sales}`, { name: "Sales & Marketing" })).body.department.name).toBe("Sales & Marketing");
    expect((await p.admin.json("PATCH", `/api/v1/structure/departments/${north}`, { parentId: dev })).body.department.parentId).toBe(dev);
    expect((await p.admin.json("DELETE", `/api/v1/structure/departments/${dev}`)).status).toBe(200);
    const after = await tree(p);
    expect(after.find((d) => d.id === dev)).toBeUndefined();
    expect(after.find((d) => d.id === north)!.parentId).toBe(root);
    expect((await p.admin.json("DELETE", `/api/v1/structure/departments/${north}`)).status).toBe(200);
    expect((await e.client.json("GET", `/api/v1/people/users/${e.id}`)).body.user.departmentId).toBe(root);
  });

  it("refuses cycles, moving or deleting the root, unknown ids and bad input", async () => {
    const p = await newPortal();
    const root = (await tree(p))[0].id;
    const a = await addDept(p, "A", root);
    const b = await addDept(p, "B", a);
    expectError(await p.admin.json("PATCH", `/api/v1/structure/departments/${a}`, { parentId: b }), 409, "cycle");
    expectError(await p.admin.json("PATCH", `/api/v1/structure/departments/${a}`, { parentId: a }), 409, "cycle");
    expectError(await p.admin.json("PATCH", `/api/v1/structure/departments/${root}`, { parentId: a }), 400, "root_department");
    expectError(await p.admin.json("DELETE", `/api/v1/structure/departments/${root}`), 400, "root_department");
    expectError(await p.admin.json("PATCH", `/api/v1/structure/departments/nope`, { name: "X" }), 404, "not_found");
    expectError(await p.admin.json("PATCH", `/api/v1/structure/departments/${a}`, { parentId: "nope" }), 404, "not_found");
    expectError(await p.admin.json("DELETE", `/api/v1/structure/departments/nope`), 404, "not_found");
    expectError(await p.admin.json("POST", "/api/v1/structure/departments", { name: "X", parentId: "nope" }), 404, "not_found");
    expectError(await p.admin.json("POST", "/api/v1/structure/departments", { name: "x".repeat(121), parentId: root }), 400, "validation");
    expectError(await p.admin.json("POST", "/api/v1/structure/departments", { name: "", parentId: root }), 400, "validation");
    expectError(await p.admin.json("POST", "/api/v1/structure/departments", { name: ["X"], parentId: root }), 400, "validation");
    expectError(await p.admin.json("POST", "/api/v1/structure/departments", { name: "X", parentId: root, headUserId: "ghost" }), 400, "invalid_user");
    expect((await p.admin.json("PATCH", `/api/v1/structure/departments/${a}`, {})).status).toBe(200);
  });

  it("only administrators change the structure; everyone reads it", async () => {
    const p = await newPortal();
    const root = (await tree(p))[0].id;
    const e = await newEmployee(p);
    expect((await e.client.json("GET", "/api/v1/structure/departments")).status).toBe(200);
    expectError(await e.client.json("POST", "/api/v1/structure/departments", { name: "Mine", parentId: root }), 403, "admin_only");
    expectError(await e.client.json("PATCH", `/api/v1/structure/departments/${root}`, { name: "Mine" }), 403, "admin_only");
    expectError(await e.client.json("DELETE", `/api/v1/structure/departments/${root}`), 403, "admin_only");
    expectError(await e.client.json("POST", `/api/v1/structure/departments/${root}/members`, { userId: e.id }), 403, "admin_only");
  });

  it("moves employees between departments (drag and drop) and counts them", async () => {
    const p = await newPortal();
    const root = (await tree(p))[0].id;
    const sales = await addDept(p, "Sales", root);
    const e = await newEmployee(p, "Mo Mover");
    expect((await p.admin.json("POST", `/api/v1/structure/departments/${sales}/members`, { userId: e.id })).status).toBe(200);
    expect((await tree(p)).find((d) => d.id === sales)!.employeeCount).toBe(1);
    expect((await e.client.json("GET", "/api/v1/me")).body.user.departmentId).toBe(sales);
    expectError(await p.admin.json("POST", `/api/v1/structure/departments/${sales}/members`, { userId: "ghost" }), 404);
    expectError(await p.admin.json("POST", `/api/v1/structure/departments/nope/members`, { userId: e.id }), 404);
    expectError(await p.admin.json("POST", `/api/v1/structure/departments/${sales}/members`, { userId: 5 }), 400, "validation");
  });

  it("derives the manager: the nearest head above, across sub-departments", async () => {
    const p = await newPortal();
    const root = (await tree(p))[0].id;
    const head = await newEmployee(p, "Hanna Head");
    const sales = await addDept(p, "Sales", root, head.id);
    const north = await addDept(p, "North", sales);
    const rep = await newEmployee(p, "Rick Rep", { departmentId: north });
    await p.admin.json("POST", `/api/v1/structure/departments/${sales}/members`, { userId: head.id });
    const repProfile = (await rep.client.json("GET", `/api/v1/people/users/${rep.id}`)).body;
    expect(repProfile.manager).toMatchObject({ id: head.id, name: "Hanna Head" });
    const headProfile = (await rep.client.json("GET", `/api/v1/people/users/${head.id}`)).body;
    expect(headProfile.manager).toMatchObject({ id: p.adminId });
    expect(headProfile.headOf).toEqual([{ id: sales, name: "Sales" }]);
    expect(headProfile.managesDepartmentIds.sort()).toEqual([sales, north].sort());
    // A dismissed person cannot be made a head (hidden from pickers).
    await p.admin.json("POST", `/api/v1/people/users/${rep.id}/dismiss`);
    expectError(await p.admin.json("PATCH", `/api/v1/structure/departments/${north}`, { headUserId: rep.id }), 400, "invalid_user");
    expect((await p.admin.json("PATCH", `/api/v1/structure/departments/${sales}`, { headUserId: null })).body.department.headUserId).toBeNull();
  });
});

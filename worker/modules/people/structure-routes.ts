import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { actorCtx } from "../../lib/http";
import { denyExtranet, requireAdmin } from "../../middleware/session";
import { departmentCreateSchema, departmentPatchSchema, moveMemberSchema } from "./schemas";
import { createDepartment, deleteDepartment, listDepartments, moveMember, updateDepartment } from "./structure";

export const structureRoutes = new Hono<AppEnv>()
  .use(denyExtranet)
  .get("/departments", async (c) => c.json({ items: await listDepartments(c.get("ctx")) }, 200))
  .post("/departments", requireAdmin, validate("json", departmentCreateSchema), async (c) => c.json({ department: await createDepartment(actorCtx(c), c.req.valid("json")) }, 201))
  .patch("/departments/:id", requireAdmin, validate("json", departmentPatchSchema), async (c) =>
    c.json({ department: await updateDepartment(actorCtx(c), c.req.param("id"), c.req.valid("json")) }, 200),
  )
  .delete("/departments/:id", requireAdmin, async (c) => {
    await deleteDepartment(actorCtx(c), c.req.param("id"));
    return c.json({ ok: true }, 200);
  })
  .post("/departments/:id/members", requireAdmin, validate("json", moveMemberSchema), async (c) => {
    await moveMember(actorCtx(c), c.req.param("id"), c.req.valid("json").userId);
    return c.json({ ok: true }, 200);
  });

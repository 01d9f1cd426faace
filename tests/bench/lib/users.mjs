// Signed-in users for the load suites: the demo admin, and a pool of extra employees the admin
// registers (POST /api/v1/people/users). The pool lives on the bench ctx, so suites of one run share
// it (users are created and signed in once); with --attach, users left by an earlier run are reused.
import { DEMO, login, request } from "./http.mjs";
import { mapLimit } from "./pool.mjs";

export const BENCH_PASSWORD = "bench-password-2026";
const emailOf = (i) => `bench.u${String(i).padStart(3, "0")}@demo.test`;

/** The demo admin's session: {cookie, id, email}, cached on ctx. */
export async function adminSession(ctx) {
  if (!ctx.benchAdmin) {
    const { cookie, body } = await login({ port: ctx.port, email: DEMO.email, password: DEMO.password });
    const id = body?.user?.id ?? (await request({ port: ctx.port, path: "/api/v1/me", cookie })).json().user.id;
    ctx.benchAdmin = { cookie, id, email: DEMO.email };
  }
  return ctx.benchAdmin;
}

/**
 * The first `n` bench users (bench.u001@demo.test …), created if needed and signed in:
 * [{id, email, name, cookie}]. Returns {users, createdMs, loginMs, created} — the time spent here.
 */
export async function benchUsers(ctx, n, { concurrency = 4 } = {}) {
  const admin = await adminSession(ctx);
  ctx.benchPool ??= [];
  const pool = ctx.benchPool;
  let createdMs = 0;
  let loginMs = 0;
  let created = 0;
  if (pool.length < n) {
    const want = Array.from({ length: n - pool.length }, (_, k) => pool.length + k + 1);
    const t0 = performance.now();
    const made = await mapLimit(want, concurrency, async (i) => {
      const email = emailOf(i);
      const name = `Bench User ${String(i).padStart(3, "0")}`;
      const res = await request({ port: ctx.port, method: "POST", path: "/api/v1/people/users", cookie: admin.cookie, body: { name, email, password: BENCH_PASSWORD }, timeoutMs: 30_000 });
      if (res.status === 201) {
        created++;
        return { i, id: res.json().user.id, email, name };
      }
      if (res.status === 409) return { i, id: null, email, name }; // left by an earlier run (--attach)
      throw new Error(`POST /api/v1/people/users (${email}) answered ${res.status}: ${res.body.slice(0, 300)}`);
    });
    createdMs = performance.now() - t0;
    const t1 = performance.now();
    const signedIn = await mapLimit(made, concurrency, async (u) => {
      const { cookie, body } = await login({ port: ctx.port, email: u.email, password: BENCH_PASSWORD });
      return { ...u, id: u.id ?? body?.user?.id, cookie };
    });
    loginMs = performance.now() - t1;
    for (const u of signedIn.sort((a, b) => a.i - b.i)) {
      if (!u.id) throw new Error(`no user id for ${u.email}`);
      pool.push({ id: u.id, email: u.email, name: u.name, cookie: u.cookie });
    }
  }
  return { users: pool.slice(0, n), createdMs: Math.round(createdMs), loginMs: Math.round(loginMs), created };
}

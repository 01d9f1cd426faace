import { describe, it, expect } from "vitest";
import { client, newPortal, newEmployee, upload, readJson, expectError, PNG } from "./helpers";

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(32).fill(1)]);
const HTML = "<!doctype html><script>alert(document.cookie)</script>";

function expectSafeImage(res: Response, type: string) {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe(type);
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'.*sandbox/);
}

describe("PORTAL-3 portal logo", () => {
  it("uploads a PNG and serves it without a session, as an inert image", async () => {
    const p = await newPortal();
    expectError(await client(p.host).json("GET", "/api/v1/portal/logo"), 404);
    expect((await upload(p.admin, "PUT", "/api/v1/portal/logo", PNG)).status).toBe(200);
    const res = await client(p.host).request("GET", "/api/v1/portal/logo");
    expectSafeImage(res, "image/png");
    expect(new Uint8Array(await res.arrayBuffer()).slice(0, 4)).toEqual(PNG.slice(0, 4));
    expect((await p.admin.json("GET", "/api/v1/me")).body.portal.hasLogo).toBe(true);
    expect((await p.admin.json("DELETE", "/api/v1/portal/logo")).status).toBe(200);
    expectError(await client(p.host).json("GET", "/api/v1/portal/logo"), 404);
  });

  it("judges the type by magic bytes: HTML and SVG are refused whatever they claim to be", async () => {
    const p = await newPortal();
    expectError(await readJson(await upload(p.admin, "PUT", "/api/v1/portal/logo", HTML, "image/png")), 400, "unsupported_type");
    expectError(await readJson(await upload(p.admin, "PUT", "/api/v1/portal/logo", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "image/svg+xml")), 400, "unsupported_type");
    expectError(await readJson(await upload(p.admin, "PUT", "/api/v1/portal/logo", new Uint8Array(0))), 400);
    // A JPEG declared as PNG is stored and served as what it is.
    expect((await upload(p.admin, "PUT", "/api/v1/portal/logo", JPEG, "image/png")).status).toBe(200);
    expectSafeImage(await client(p.host).request("GET", "/api/v1/portal/logo"), "image/jpeg");
  });

  it("refuses non-admins, a missing file, oversize images and uploads without the app's header", async () => {
    const p = await newPortal();
    const e = await newEmployee(p);
    expectError(await readJson(await upload(e.client, "PUT", "/api/v1/portal/logo", PNG)), 403, "admin_only");
    expectError(await readJson(await upload(p.admin, "PUT", "/api/v1/portal/logo", PNG, "image/png", {})), 403, "csrf");
    const empty = await p.admin.request("PUT", "/api/v1/portal/logo", new FormData(), { "x-kontor-request": "1" });
    expectError(await readJson(empty), 400, "validation");
    const big = new Uint8Array(2 * 1024 * 1024 + 10);
    big.set(PNG);
    expectError(await readJson(await upload(p.admin, "PUT", "/api/v1/portal/logo", big)), 413, "too_large");
  });
});

describe("STRUCT-2 profile photos", () => {
  it("a user sets their own photo; the admin may set anyone's; others may not", async () => {
    const p = await newPortal();
    const e = await newEmployee(p);
    const f = await newEmployee(p);
    expect((await upload(e.client, "PUT", `/api/v1/people/users/${e.id}/photo`, PNG)).status).toBe(200);
    expectSafeImage(await f.client.request("GET", `/api/v1/people/users/${e.id}/photo`), "image/png");
    expect((await f.client.json("GET", `/api/v1/people/users/${e.id}`)).body.user.hasPhoto).toBe(true);
    expectError(await readJson(await upload(f.client, "PUT", `/api/v1/people/users/${e.id}/photo`, PNG)), 403, "admin_only");
    expect((await upload(p.admin, "PUT", `/api/v1/people/users/${f.id}/photo`, JPEG)).status).toBe(200);
    expectError(await readJson(await upload(e.client, "PUT", `/api/v1/people/users/${e.id}/photo`, HTML, "image/jpeg")), 400, "unsupported_type");
    expectError(await readJson(await upload(p.admin, "PUT", `/api/v1/people/users/ghost/photo`, PNG)), 404);
    expectError(await f.client.json("GET", `/api/v1/people/users/${p.adminId}/photo`), 404);
    expectError(await client(p.host).json("GET", `/api/v1/people/users/${e.id}/photo`), 401);
  });
});

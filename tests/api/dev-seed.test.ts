import { describe, it, expect } from "vitest";
import { newPortal, newEmployee, expectError } from "./helpers";

describe("dev seeding for benchmarks", () => {
  it("bulk-inserts feed posts and chat history for an administrator only", async () => {
    const p = await newPortal({ plan: "basic" });
    const emp = await newEmployee(p, "Sid Seed");
    expect((await p.admin.json("POST", "/api/v1/dev/seed/feed", { count: 1200 })).status).toBe(201);
    const page = await emp.client.json("GET", "/api/v1/feed?limit=50");
    expect(page.body.items).toHaveLength(50);
    expect(page.body.items[0].text).toBe("<p>Seeded post 1200</p>");
    expect(page.body.nextCursor).toBeTruthy();
    const chat = (await p.admin.json("POST", "/api/v1/chats", { type: "direct", userId: emp.id })).body.chat;
    expect((await p.admin.json("POST", `/api/v1/dev/seed/chats/${chat.id}/messages`, { count: 3000 })).body.lastSeq).toBe(3000);
    const hist = await emp.client.json("GET", `/api/v1/chats/${chat.id}/messages?limit=20`);
    expect(hist.body.messages.map((m: any) => m.seq)).toEqual(Array.from({ length: 20 }, (_, i) => 2981 + i));
    expect((await emp.client.json("GET", `/api/v1/chats/${chat.id}/search?q=2999`)).body.items[0].seq).toBe(2999);
    expectError(await emp.client.json("POST", "/api/v1/dev/seed/feed", { count: 10 }), 403, "admin_only");
    expectError(await p.admin.json("POST", "/api/v1/dev/seed/feed", { count: 0 }), 400);
  });
});

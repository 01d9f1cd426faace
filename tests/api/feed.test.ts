import { describe, it, expect } from "vitest";
import { client, newPortal, newEmployee, expectError } from "./helpers";
import { openSocket, sleep } from "./live-helpers";

async function portalWithDepartments() {
  const p = await newPortal({ plan: "professional" });
  const deps = (await p.admin.json("GET", "/api/v1/structure/departments")).body.items;
  const rootId = deps.find((d: any) => !d.parentId).id;
  const sales = (await p.admin.json("POST", "/api/v1/structure/departments", { name: "Sales", parentId: rootId })).body.department;
  const team = (await p.admin.json("POST", "/api/v1/structure/departments", { name: "Sales Team North", parentId: sales.id })).body.department;
  const dev = (await p.admin.json("POST", "/api/v1/structure/departments", { name: "Dev", parentId: rootId })).body.department;
  const seller = await newEmployee(p, "Sally Seller", { departmentId: team.id });
  const coder = await newEmployee(p, "Cody Coder", { departmentId: dev.id });
  return { ...p, rootId, sales, team, dev, seller, coder };
}

const post = (c: any, body: Record<string, unknown>) => c.json("POST", "/api/v1/feed/posts", { text: "<p>Hello</p>", audience: { company: true }, ...body });

describe("FEED-1 posts and audiences", () => {
  it("a company post is read by everyone; a department post only by that department and its sub-departments", async () => {
    const p = await portalWithDepartments();
    const all = await post(p.admin, { text: "<p>For everyone</p>" });
    expect(all.status).toBe(201);
    const sales = await post(p.admin, { text: "<p>Sales only</p>", audience: { departmentIds: [p.sales.id] } });
    expect(sales.status).toBe(201);
    const sellerFeed = (await p.seller.client.json("GET", "/api/v1/feed")).body.items.map((i: any) => i.id);
    expect(sellerFeed).toEqual([sales.body.post.id, all.body.post.id]);
    const coderFeed = (await p.coder.client.json("GET", "/api/v1/feed")).body.items.map((i: any) => i.id);
    expect(coderFeed).toEqual([all.body.post.id]);
    // Invisible everywhere: detail, comments, likes, votes.
    const id = sales.body.post.id;
    expectError(await p.coder.client.json("GET", `/api/v1/feed/posts/${id}`), 404);
    expectError(await p.coder.client.json("GET", `/api/v1/feed/posts/${id}/comments`), 404);
    expectError(await p.coder.client.json("POST", `/api/v1/feed/posts/${id}/comments`, { text: "hi" }), 404);
    expectError(await p.coder.client.json("PUT", `/api/v1/feed/posts/${id}/like`), 404);
  });

  it("a post to users reaches them and its author only; mentions add the person and notify them", async () => {
    const p = await portalWithDepartments();
    const direct = await post(p.seller.client, { audience: { userIds: [p.coder.id] }, mentions: [p.adminId] });
    expect(direct.status).toBe(201);
    const id = direct.body.post.id;
    expect((await p.coder.client.json("GET", `/api/v1/feed/posts/${id}`)).status).toBe(200);
    const mentioned = await p.admin.json("GET", "/api/v1/feed?mentionsMe=true");
    expect(mentioned.body.items.map((i: any) => i.id)).toEqual([id]);
    const notes = await p.admin.json("GET", "/api/v1/notifications");
    expect(notes.body.items[0]).toMatchObject({ type: "feed.mention", data: { postId: id } });
    expect(notes.body.unread).toBeGreaterThan(0);
  });

  it("refuses bad input and foreign ids", async () => {
    const p = await portalWithDepartments();
    expectError(await post(p.admin, { audience: {} }), 400, "validation");
    expectError(await post(p.admin, { text: 5 }), 400, "validation");
    expectError(await post(p.admin, { text: "x".repeat(50_001) }), 400, "validation");
    expectError(await post(p.admin, { audience: { departmentIds: ["nope"] } }), 404);
    expectError(await post(p.admin, { audience: { groupIds: ["nope"] } }), 404);
    expectError(await post(p.admin, { audience: { userIds: ["nope"] } }), 404);
    expectError(await p.admin.json("GET", "/api/v1/feed?limit=500"), 400);
    expectError(await p.admin.json("GET", "/api/v1/feed?cursor=garbage!"), 400);
    const other = await newPortal();
    const foreign = (await post(other.admin, {})).body.post.id;
    expectError(await p.admin.json("GET", `/api/v1/feed/posts/${foreign}`), 404);
    expectError(await p.admin.json("DELETE", `/api/v1/feed/posts/${foreign}`), 404);
    expectError(await p.admin.json("PUT", `/api/v1/feed/posts/${foreign}/like`), 404);
    expect((await other.admin.json("GET", `/api/v1/feed/posts/${foreign}`)).status).toBe(200);
  });

  it("sanitizes rich text: scripts, handlers and javascript: links are stripped", async () => {
    const p = await portalWithDepartments();
    const res = await post(p.admin, {
      text: `<p onclick="x()">Hi <b>there</b><script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">bad</a><a href="https://ok.test">ok</a></p>`,
    });
    const html: string = res.body.post.text;
    expect(html).toContain("<b>there</b>");
    expect(html).not.toMatch(/script|onerror|onclick|javascript:|<img/i);
    expect(html).toContain('href="https://ok.test"');
  });
});

describe("FEED-2 comments, likes, edit and delete", () => {
  it("comments and likes count; the author is notified of comments; edit/delete by author and admin only", async () => {
    const p = await portalWithDepartments();
    const id = (await post(p.seller.client, {})).body.post.id;
    const comment = await p.coder.client.json("POST", `/api/v1/feed/posts/${id}/comments`, { text: "<p>Nice</p>" });
    expect(comment.status).toBe(201);
    expect((await p.coder.client.json("PUT", `/api/v1/feed/posts/${id}/like`)).body).toEqual({ likeCount: 1, likedByMe: true });
    expect((await p.coder.client.json("PUT", `/api/v1/feed/posts/${id}/like`)).body.likeCount).toBe(1);
    expect((await p.admin.json("PUT", `/api/v1/feed/posts/${id}/comments/${comment.body.comment.id}/like`)).body.likeCount).toBe(1);
    const detail = (await p.seller.client.json("GET", `/api/v1/feed/posts/${id}`)).body.post;
    expect(detail).toMatchObject({ commentCount: 1, likeCount: 1, likedByMe: false });
    expect(detail.comments[0].likeCount).toBe(1);
    expect((await p.seller.client.json("GET", "/api/v1/notifications")).body.items[0].type).toBe("feed.comment");
    expectError(await p.coder.client.json("PATCH", `/api/v1/feed/posts/${id}`, { text: "hijack" }), 403, "not_author");
    expectError(await p.seller.client.json("PATCH", `/api/v1/feed/comments/${comment.body.comment.id}`, { text: "hijack" }), 403);
    expect((await p.seller.client.json("PATCH", `/api/v1/feed/posts/${id}`, { text: "<p>Edited</p>" })).body.post.text).toBe("<p>Edited</p>");
    expect((await p.admin.json("DELETE", `/api/v1/feed/comments/${comment.body.comment.id}`)).status).toBe(200);
    expect((await p.coder.client.json("DELETE", `/api/v1/feed/posts/${id}/like`)).body.likeCount).toBe(0);
    expect((await p.admin.json("DELETE", `/api/v1/feed/posts/${id}`)).status).toBe(200);
    expectError(await p.seller.client.json("GET", `/api/v1/feed/posts/${id}`), 404);
  });
});

describe("FEED-1 polls", () => {
  it("single choice takes one answer; results stay hidden until the reader votes", async () => {
    const p = await portalWithDepartments();
    const created = await post(p.admin, { poll: { question: "Lunch?", options: ["Pizza", "Sushi"] } });
    const { id, poll } = created.body.post;
    expectError(await p.seller.client.json("POST", `/api/v1/feed/posts/${id}/vote`, { optionIds: poll.options.map((o: any) => o.id) }), 400, "single_choice");
    expectError(await p.seller.client.json("POST", `/api/v1/feed/posts/${id}/vote`, { optionIds: ["nope"] }), 400, "invalid_option");
    const before = (await p.coder.client.json("GET", `/api/v1/feed/posts/${id}`)).body.post.poll;
    expect(before.options.every((o: any) => o.votes === null)).toBe(true);
    const voted = await p.seller.client.json("POST", `/api/v1/feed/posts/${id}/vote`, { optionIds: [poll.options[1].id] });
    expect(voted.body.post.poll).toMatchObject({ totalVoters: 1, myVotes: [poll.options[1].id] });
    expect(voted.body.post.poll.options.map((o: any) => o.votes)).toEqual([0, 1]);
    const revote = await p.seller.client.json("POST", `/api/v1/feed/posts/${id}/vote`, { optionIds: [poll.options[0].id] });
    expect(revote.body.post.poll.options.map((o: any) => o.votes)).toEqual([1, 0]);
    expect((await p.coder.client.json("GET", `/api/v1/feed/posts/${id}`)).body.post.poll.totalVoters).toBeNull();
  });

  it("multiple choice accepts several answers", async () => {
    const p = await portalWithDepartments();
    const { id, poll } = (await post(p.admin, { poll: { question: "Days?", multiple: true, options: ["Mon", "Tue", "Wed"] } })).body.post;
    const res = await p.coder.client.json("POST", `/api/v1/feed/posts/${id}/vote`, { optionIds: [poll.options[0].id, poll.options[2].id] });
    expect(res.body.post.poll.options.map((o: any) => o.votes)).toEqual([1, 0, 1]);
  });
});

describe("FEED-4 filters and cursor pagination", () => {
  it("pages through posts without gaps or repeats, and filters by author and date", async () => {
    const p = await portalWithDepartments();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await post(i % 2 ? p.seller.client : p.admin, { text: `<p>n${i}</p>` })).body.post.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await p.coder.client.json("GET", `/api/v1/feed?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.body.items.map((i: any) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const bySeller = (await p.coder.client.json("GET", `/api/v1/feed?authorId=${p.seller.id}`)).body.items;
    expect(bySeller).toHaveLength(3);
    const future = (await p.coder.client.json("GET", `/api/v1/feed?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).body.items;
    expect(future).toHaveLength(0);
    const events = (await p.coder.client.json("GET", "/api/v1/feed?type=event")).body.items;
    expect(events).toHaveLength(0);
  });
});

describe("FEED-6 posting rights", () => {
  it("limits company-wide posts to chosen people; others may still post to departments", async () => {
    const p = await portalWithDepartments();
    expect((await p.admin.json("PATCH", "/api/v1/portal/settings", { feedPosting: { mode: "list", userIds: [p.seller.id] } })).status).toBe(200);
    expectError(await post(p.coder.client, {}), 403, "posting_restricted");
    expect((await post(p.coder.client, { audience: { departmentIds: [p.dev.id] } })).status).toBe(201);
    expect((await post(p.seller.client, {})).status).toBe(201);
    expect((await post(p.admin, {})).status).toBe(201);
  });

  it("answers 403 module_disabled when the feed is switched off", async () => {
    const p = await portalWithDepartments();
    await p.admin.json("PATCH", "/api/v1/portal/settings", { disabledModules: ["feed"] });
    expectError(await p.seller.client.json("GET", "/api/v1/feed"), 403, "module_disabled");
  });
});

describe("FEED-5 live", () => {
  it("delivers posts, comments, likes and votes only to sockets that may read them", async () => {
    const p = await portalWithDepartments();
    const sellerWs = await openSocket(p.seller.client, "/api/v1/feed/live");
    const coderWs = await openSocket(p.coder.client, "/api/v1/feed/live");
    const adminWs = await openSocket(p.admin, "/api/v1/feed/live");
    const salesPost = (await post(p.admin, { audience: { departmentIds: [p.sales.id] }, text: "<p>quota</p>" })).body.post;
    const companyPost = (await post(p.seller.client, { poll: { question: "Q?", options: ["a", "b"] } })).body.post;
    await p.coder.client.json("POST", `/api/v1/feed/posts/${companyPost.id}/comments`, { text: "c" });
    await p.coder.client.json("PUT", `/api/v1/feed/posts/${companyPost.id}/like`);
    await p.coder.client.json("POST", `/api/v1/feed/posts/${companyPost.id}/vote`, { optionIds: [companyPost.poll.options[0].id] });
    const has = (ws: any, kind: string, postId: string) => ws.next((f: any) => f.type === "feed.events" && f.events.some((e: any) => e.kind === kind && e.postId === postId));
    await has(sellerWs, "post.created", salesPost.id);
    await has(adminWs, "post.created", salesPost.id);
    for (const kind of ["post.created", "comment.created", "like", "poll.voted"]) await has(sellerWs, kind, companyPost.id);
    await has(coderWs, "like", companyPost.id);
    await sleep(150);
    const coderSaw = coderWs.frames.flatMap((f) => f.events ?? []);
    expect(coderSaw.some((e: any) => e.postId === salesPost.id)).toBe(false);
    // A live post carries no reader-specific data (no poll results).
    const livePoll = sellerWs.frames.flatMap((f) => f.events ?? []).find((e: any) => e.kind === "post.created" && e.postId === companyPost.id).post.poll;
    expect(livePoll.options.every((o: any) => o.votes === null)).toBe(true);
    for (const ws of [sellerWs, coderWs, adminWs]) ws.close();
  });

  it("batches a burst into few frames", async () => {
    const p = await portalWithDepartments();
    const ws = await openSocket(p.coder.client, "/api/v1/feed/live");
    await Promise.all(Array.from({ length: 10 }, (_, i) => post(p.admin, { text: `<p>burst ${i}</p>` })));
    await ws.next((f) => f.type === "feed.events" && ws.frames.flatMap((x: any) => x.events ?? []).length >= 10, 3000);
    expect(ws.frames.length).toBeLessThan(10);
    ws.close();
  });

  it("answers malformed frames with an error frame and keeps the socket", async () => {
    const p = await portalWithDepartments();
    const ws = await openSocket(p.coder.client, "/api/v1/feed/live");
    ws.ws.send("{not json");
    expect((await ws.next((f) => f.type === "error")).code).toBe("bad_json");
    ws.ws.send(JSON.stringify({ type: "nope" }));
    await ws.next((f) => f.type === "error" && f.code === "bad_frame");
    await post(p.admin, {});
    await ws.next((f) => f.type === "feed.events");
    ws.close();
  });
});

describe("FEED-4 cursors", () => {
  it("refuses a crafted cursor with the wrong number of keys with 400, never 500", async () => {
    const p = await newPortal();
    const oneKey = btoa(JSON.stringify(["2030-01-01T00:00:00.000Z"])).replace(/=+$/, "");
    expectError(await p.admin.json("GET", `/api/v1/feed?cursor=${oneKey}`), 400, "invalid_cursor");
    const id = (await p.admin.json("POST", "/api/v1/feed/posts", { text: "<p>x</p>", audience: { company: true } })).body.post.id;
    expectError(await p.admin.json("GET", `/api/v1/feed/posts/${id}/comments?cursor=${oneKey}`), 400, "invalid_cursor");
    expectError(await p.admin.json("GET", `/api/v1/notifications?cursor=${oneKey}`), 400, "invalid_cursor");
  });
});

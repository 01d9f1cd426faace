import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { newPortal, newEmployee } from "./helpers";
import { openSocket } from "./live-helpers";
import { resolveTenant } from "../../worker/middleware/tenant";
import { dbFor } from "../../db/client";
import { publishFeedEvent } from "../../worker/modules/feed/events";
import type { Env } from "../../worker/env";
import type { ServiceContext } from "../../worker/context";

/** The context another module (tasks, CRM, drive) would hand to publishFeedEvent. */
async function serviceContext(host: string): Promise<ServiceContext> {
  const e = env as unknown as Env;
  const tenant = (await resolveTenant(e, host))!;
  return { env: e, db: dbFor(e, tenant), tenant, requestId: "test", ip: "127.0.0.1", origin: `http://${host}` };
}

describe("FEED-3 module events in the feed", () => {
  it("appear for their audience only, live, and can be filtered by type", async () => {
    const p = await newPortal({ plan: "basic" });
    const insider = await newEmployee(p, "Ina Insider");
    const outsider = await newEmployee(p, "Otto Outsider");
    const ws = await openSocket(insider.client, "/api/v1/feed/live");
    const outWs = await openSocket(outsider.client, "/api/v1/feed/live");
    const ctx = await serviceContext(p.host);
    const event = await publishFeedEvent(ctx, {
      eventType: "task.created",
      actorId: p.adminId,
      audience: [`u:${insider.id}`],
      title: "New task: Prepare the offer",
      text: "<p>Due Friday<script>x</script></p>",
      data: { taskId: "t1" },
    });
    expect(event.text).toBe("<p>Due Friday</p>");
    const frame = await ws.next((f) => f.type === "feed.events" && f.events.some((e: any) => e.postId === event.id));
    expect(frame.events[0].post).toMatchObject({ type: "event", eventType: "task.created", title: "New task: Prepare the offer" });
    const insiderEvents = await insider.client.json("GET", "/api/v1/feed?type=event");
    expect(insiderEvents.body.items.map((i: any) => i.id)).toEqual([event.id]);
    expect((await insider.client.json("GET", "/api/v1/feed?eventType=task.created")).body.items).toHaveLength(1);
    expect((await outsider.client.json("GET", "/api/v1/feed?type=event")).body.items).toHaveLength(0);
    expect(outWs.frames.flatMap((f) => f.events ?? [])).toHaveLength(0);
    // Events are not editable, not even by the admin.
    expect((await p.admin.json("PATCH", `/api/v1/feed/posts/${event.id}`, { text: "x" })).body.error.code).toBe("not_editable");
    ws.close();
    outWs.close();
  });
});

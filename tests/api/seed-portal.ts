import { expect } from "vitest";
import { newPortal, newEmployee, inviteOne, upload, readJson, mailbox, PNG } from "./helpers";
import { confirmSender, personalCalendarId } from "./calendar-helpers";
import type { Seed } from "./routes";

export type Portal = Awaited<ReturnType<typeof newPortal>>;

/** A portal with one of everything a route can point at. */
export async function seed(p: Portal): Promise<Seed> {
  const e = await newEmployee(p, "Iso Employee");
  expect((await upload(e.client, "PUT", `/api/v1/people/users/${e.id}/photo`, PNG)).status).toBe(200);
  const root = (await p.admin.json("GET", "/api/v1/structure/departments")).body.items[0].id;
  const dept = await p.admin.json("POST", "/api/v1/structure/departments", { name: "Iso Dept", parentId: root });
  const invitation = await inviteOne(p, `invitee.${p.slug}@x.test`);
  const holder = await inviteOne(p, `holder.${p.slug}@x.test`);
  const reg = await p.admin.json("PATCH", "/api/v1/portal/settings", { registration: { enabled: true, mode: "open", allowedDomains: [] } });
  const domain = await p.admin.json("POST", "/api/v1/portal/domains", { hostname: `iso-${p.slug}.invalid` });
  expect(domain.status, JSON.stringify(domain.body)).toBe(201);
  const post = await p.admin.json("POST", "/api/v1/feed/posts", { text: "Iso post", audience: { company: true }, poll: { question: "Q?", options: ["Yes", "No"] } });
  expect(post.status, JSON.stringify(post.body)).toBe(201);
  const comment = await e.client.json("POST", `/api/v1/feed/posts/${post.body.post.id}/comments`, { text: "Iso comment" });
  expect(comment.status, JSON.stringify(comment.body)).toBe(201);
  const chat = await p.admin.json("POST", "/api/v1/chats", { type: "group", title: "Iso chat", memberIds: [e.id], visibility: "public" });
  expect(chat.status, JSON.stringify(chat.body)).toBe(201);
  const message = await e.client.json("POST", `/api/v1/chats/${chat.body.chat.id}/messages`, { clientId: `iso-${p.slug}`, text: "Iso message" });
  expect(message.status, JSON.stringify(message.body)).toBe(201);
  const calendarId = await personalCalendarId(p.admin);
  expect((await p.admin.json("POST", `/api/v1/calendar/calendars/${calendarId}/shares`, { userId: e.id, access: "read" })).status).toBe(200);
  await confirmSender(p.admin, `sender@${p.slug}.test`);
  const start = new Date(Date.now() + 7 * 86_400_000);
  const event = await p.admin.json("POST", "/api/v1/calendar/events", {
    calendarId, title: "Iso event", start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString(),
    attendeeIds: [e.id], guests: [{ email: `guest@${p.slug}.test`, firstName: "Gus" }],
  });
  expect(event.status, JSON.stringify(event.body)).toBe(201);
  const files = await readJson(await upload(p.admin, "POST", `/api/v1/calendar/events/${event.body.event.id}/attachments`, "agenda", "text/plain"));
  expect(files.status, JSON.stringify(files.body)).toBe(201);
  const feed = await p.admin.json("POST", `/api/v1/calendar/calendars/${calendarId}/feed`);
  return {
    userId: e.id,
    departmentId: dept.body.department.id,
    seatHolderId: holder.id,
    hostname: domain.body.domain.hostname,
    invitationToken: invitation.token,
    joinToken: new URL(reg.body.registrationUrl).searchParams.get("token")!,
    domainToken: domain.body.domain.verificationPath.split("/").pop(),
    postId: post.body.post.id,
    commentId: comment.body.comment.id,
    pollOptionId: post.body.post.poll.options[0].id,
    chatId: chat.body.chat.id,
    messageSeq: String(message.body.message.seq),
    calendarId,
    eventId: event.body.event.id,
    attachmentId: files.body.attachments[0].id,
    guestToken: new URL((await mailbox(`guest@${p.slug}.test`)).find((m) => m.links.some((l) => l.includes("/g/")))!.links.find((l) => l.includes("/g/"))!).pathname.split("/")[2],
    icalFile: new URL(feed.body.url).pathname.split("/")[2],
  };
}

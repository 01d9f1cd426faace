// Hostile content for tests/e2e/xss.test.mjs: a fresh portal where every name, title and text the app
// renders carries XSS payloads, created through the API. Each field gets its own number, so a payload
// that ever ran (window.__xss(n)) names the field it came from.
import assert from "node:assert/strict";
import { http, apiPortal, apiLogin, mailLink, ROOT_HOST } from "./helpers.mjs";

export const X = {
  img: (n) => `<img src=x onerror=window.__xss(${n})>`,
  script: (n) => `<script>window.__xss(${n})</script>`,
  svg: (n) => `<svg onload=window.__xss(${n})>`,
  attr: (n) => `"><img src=x onerror=window.__xss(${n})>`,
  js: (n) => `javascript:window.__xss(${n})`,
};
/** Fits a name (≤ 80): breaks out of an attribute, then tries an image and an SVG. */
export const short = (n) => `Eve${X.attr(n)}${X.svg(n)}`;
/** Fits a title (≤ 200): every payload once. */
export const long = (n) => `Q${X.attr(n)}${X.img(n)}${X.script(n)}${X.svg(n)} '><svg/onload=window.__xss(${n})>`;
/** Rich text: markup the sanitizer must drop, links it must disarm, and an in-portal link it must keep. */
export const rich = (n) =>
  `<p>Rich ${n} ${X.img(n)}${X.script(n)}${X.svg(n)}<a href="${X.js(n)}">js link</a> <a href="&#106;avascript:window.__xss(${n})">entity link</a> ` +
  `<a href="/\\evil.test">slash link</a> <a title='"><img src=x onerror=window.__xss(${n})>' href="/feed">title link</a>` +
  `<iframe srcdoc="<script>parent.__xss(${n})</script>"></iframe><b onmouseover="window.__xss(${n})">bold</b></p>`;

export const FIELDS = {
  1: "portal name", 2: "user name", 3: "user position", 4: "user phone", 5: "colleague name", 6: "colleague position",
  7: "department name", 8: "post title", 9: "post text", 10: "poll question", 11: "poll option", 12: "poll option",
  13: "post attachment name", 14: "comment", 15: "chat title", 16: "chat message", 17: "chat message link",
  18: "chat message attribute", 19: "sender name", 20: "event title", 21: "event description", 22: "event location",
  23: "guest first name", 24: "guest last name", 25: "colleague's mention post", 26: "reflected query",
};

async function call(host, cookie, method, path, body, ok = [200, 201]) {
  const r = await http(host, method, path, { cookie, body });
  assert.ok(ok.includes(r.status), `${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Builds the portal; returns what the screens need: hosts, cookies and ids. */
export async function hostilePortal() {
  const p = await apiPortal("xss");
  const { host, cookie } = p;
  const api = (method, path, body) => call(host, cookie, method, path, body);
  await api("PUT", "/api/v1/portal/plan", { plan: "professional" });
  await api("PATCH", "/api/v1/portal/settings", { name: short(1) });
  const me = (await api("PATCH", "/api/v1/me", { name: short(2), position: long(3).slice(0, 120), phone: X.js(4), language: "en" })).user;
  const colleagueEmail = `cole.${p.slug}@staff.test`;
  const colleague = (await api("POST", "/api/v1/people/users", { name: short(5), email: colleagueEmail, password: "e2e-password-1", position: X.attr(6) })).user;
  const root = (await api("GET", "/api/v1/structure/departments")).items[0].id;
  const dept = (await api("POST", "/api/v1/structure/departments", { name: short(7), parentId: root, headUserId: colleague.id })).department;
  await api("POST", `/api/v1/structure/departments/${dept.id}/members`, { userId: colleague.id });

  const post = (await api("POST", "/api/v1/feed/posts", {
    title: long(8), text: rich(9), audience: { company: true },
    poll: { question: long(10), options: [short(11), short(12)] },
    attachments: [{ kind: "file", id: "f1", name: long(13), size: 10 }],
  })).post;
  const coleCookie = await apiLogin(host, colleagueEmail, "e2e-password-1");
  await call(host, coleCookie, "PATCH", "/api/v1/me", { language: "en" });
  await call(host, coleCookie, "POST", `/api/v1/feed/posts/${post.id}/comments`, { text: rich(14) });
  const esc = (v) => v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"); // as the editor's text node
  const mention = `<p>${X.img(25)} <a data-mention="${me.id}" href="/company/people/${me.id}">@${esc(short(2))}</a></p>`;
  await call(host, coleCookie, "POST", "/api/v1/feed/posts", { text: mention, audience: { company: true }, mentions: [me.id] });

  const chat = (await api("POST", "/api/v1/chats", { type: "group", title: short(15), memberIds: [colleague.id], visibility: "public" })).chat;
  await api("POST", `/api/v1/chats/${chat.id}/messages`, { clientId: `x1${p.slug}`, text: `${long(16)} ${X.js(17)} https://x.test/"><img src=x onerror=window.__xss(18)>` });
  await call(host, coleCookie, "POST", `/api/v1/chats/${chat.id}/messages`, { clientId: `x2${p.slug}`, text: `@${short(2)} ${X.img(16)}`, mentions: [me.id] });

  // The calendar: a confirmed sender (its name is the organizer's on the guest page), an event with a guest.
  const senderEmail = `sender.${p.slug}@org.test`;
  await api("POST", "/api/v1/calendar/sender", { email: senderEmail, name: short(19), shared: false });
  const codeMail = (await http(ROOT_HOST, "GET", `/api/v1/dev/mail?to=${encodeURIComponent(senderEmail)}`)).body.items[0];
  await api("POST", "/api/v1/calendar/sender/confirm", { code: codeMail.text.match(/\b(\d{6})\b/)[1] });
  const calendarId = (await api("GET", "/api/v1/calendar/calendars")).items.find((c) => c.kind === "personal").id;
  const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const guestEmail = `guest.${p.slug}@client.test`;
  const event = (await api("POST", "/api/v1/calendar/events", {
    calendarId, title: long(20), description: `${rich(21)}\n${X.js(21)}`, location: long(22),
    start: `${day}T09:00:00Z`, end: `${day}T10:00:00Z`, attendeeIds: [colleague.id],
    guests: [{ email: guestEmail, firstName: short(23), lastName: X.script(24) }],
    options: { notifyOnDecision: true, guestsSeeAttendees: true },
  })).event;
  const guestLink = await mailLink(guestEmail, "/g/");
  return { ...p, me, colleague, dept, post, chat, event, day, guestLink };
}

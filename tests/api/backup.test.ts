import { describe, it, expect, beforeAll } from "vitest";
import { SELF, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { client, newPortal, newEmployee, inviteOne, upload, readJson, mailbox, signIn, shardOf, expectError, ROOT, PNG, type Client } from "./helpers";
import { confirmSender, personalCalendarId } from "./calendar-helpers";
import { e, OPS, TOKEN, exportArchive, importArchive, unpack, pack, resign, tenantData, filesOf, objectData, tenantIdOf, world, remap } from "./backup-helpers";
import { app } from "../../worker/app";
import { isOperatorPath } from "./routes";

type Portal = Awaited<ReturnType<typeof newPortal>>;
const cid = () => `bk-${Math.random().toString(36).slice(2, 10)}`;

/** A portal with data in every module: people, structure, invitations, domains, files, feed, chat, calendar, notifications. */
async function fill(p: Portal) {
  const ann = await newEmployee(p, "Ann Backup");
  const bob = await newEmployee(p, "Bob Backup");
  expect((await upload(ann.client, "PUT", `/api/v1/people/users/${ann.id}/photo`, PNG)).status).toBe(200);
  expect((await upload(p.admin, "PUT", "/api/v1/portal/logo", PNG)).status).toBe(200);
  const root = (await p.admin.json("GET", "/api/v1/structure/departments")).body.items[0].id;
  expect((await p.admin.json("POST", "/api/v1/structure/departments", { name: "Backup Dept", parentId: root, headUserId: bob.id })).status).toBe(201);
  await inviteOne(p, `invitee.${p.slug}@x.test`);
  const domain = await p.admin.json("POST", "/api/v1/portal/domains", { hostname: `bk-${p.slug}.invalid` });
  expect(domain.status, JSON.stringify(domain.body)).toBe(201);

  const post = await p.admin.json("POST", "/api/v1/feed/posts", { text: "Backup post", audience: { company: true }, mentions: [bob.id], poll: { question: "Keep?", options: ["Yes", "No"] } });
  expect(post.status, JSON.stringify(post.body)).toBe(201);
  const postId = post.body.post.id;
  expect((await ann.client.json("POST", `/api/v1/feed/posts/${postId}/comments`, { text: "A comment" })).status).toBe(201);
  expect((await bob.client.json("PUT", `/api/v1/feed/posts/${postId}/like`)).status).toBe(200);
  expect((await bob.client.json("POST", `/api/v1/feed/posts/${postId}/vote`, { optionIds: [post.body.post.poll.options[0].id] })).status).toBe(200);

  const chat = (await p.admin.json("POST", "/api/v1/chats", { type: "group", title: "Backup chat", memberIds: [ann.id, bob.id], visibility: "public" })).body.chat;
  const direct = (await ann.client.json("POST", "/api/v1/chats", { type: "direct", userId: bob.id })).body.chat;
  const send = async (c: Client, chatId: string, body: Record<string, unknown>) => {
    const res = await c.json("POST", `/api/v1/chats/${chatId}/messages`, { clientId: cid(), ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.message.seq as number;
  };
  const first = await send(ann.client, chat.id, { text: "hello backup world" });
  await send(bob.client, chat.id, { text: "a reply", replyTo: first, mentions: [p.adminId] });
  const third = await send(p.admin, chat.id, { text: "to be edited" });
  const fourth = await send(p.admin, chat.id, { text: "to be deleted" });
  expect((await p.admin.json("PATCH", `/api/v1/chats/${chat.id}/messages/${third}`, { text: "edited text" })).status).toBe(200);
  expect((await p.admin.json("DELETE", `/api/v1/chats/${chat.id}/messages/${fourth}`)).status).toBe(200);
  expect((await bob.client.json("PUT", `/api/v1/chats/${chat.id}/messages/${first}/reactions`, { emoji: "👍" })).status).toBe(200);
  expect((await ann.client.json("PUT", `/api/v1/chats/${chat.id}/messages/${first}/pin`)).status).toBe(200);
  expect((await bob.client.json("POST", `/api/v1/chats/${chat.id}/read`, { seq: first })).status).toBe(200);
  await send(ann.client, direct.id, { text: "private hello" });
  const tenantId = (await tenantIdOf(p.slug))!;
  for (const id of [chat.id, direct.id]) await runDurableObjectAlarm(e.CHAT_ROOM.get(e.CHAT_ROOM.idFromName(`${tenantId}:${id}`)));

  const calendarId = await personalCalendarId(p.admin);
  expect((await p.admin.json("POST", `/api/v1/calendar/calendars/${calendarId}/shares`, { userId: ann.id, access: "read" })).status).toBe(200);
  await confirmSender(p.admin, `sender@${p.slug}.test`);
  const start = new Date(Date.now() + 7 * 86_400_000);
  const event = await p.admin.json("POST", "/api/v1/calendar/events", {
    calendarId, title: "Backup meeting", start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString(),
    attendeeIds: [ann.id, bob.id], guests: [{ email: `guest@${p.slug}.test`, firstName: "Gus" }], reminders: [15],
  });
  expect(event.status, JSON.stringify(event.body)).toBe(201);
  const attachment = new Uint8Array(2048).map((_, i) => (i * 7) % 256);
  const files = await readJson(await upload(p.admin, "POST", `/api/v1/calendar/events/${event.body.event.id}/attachments`, attachment, "application/pdf"));
  expect(files.status, JSON.stringify(files.body)).toBe(201);
  expect((await p.admin.json("POST", `/api/v1/calendar/calendars/${calendarId}/feed`)).status).toBe(200);
  const guestLink = (await mailbox(`guest@${p.slug}.test`)).flatMap((m) => m.links).find((l) => l.includes("/g/"))!;

  // A user who had a tab open: the hub remembers the portal's address for digest links.
  await runInDurableObject(e.USER_HUB.get(e.USER_HUB.idFromName(`${tenantId}:${bob.id}`)), (_i: unknown, state: DurableObjectState) => {
    state.storage.sql.exec("INSERT INTO meta (key, value) VALUES ('origin', ?1)", `http://${p.host}`);
  });
  return { ann, bob, chatIds: [chat.id, direct.id], eventId: event.body.event.id, fileId: files.body.attachments[0].id, guestPath: new URL(guestLink).pathname };
}

let P: Portal, data: Awaited<ReturnType<typeof fill>>, archive: Uint8Array, lines: string[];
let oldId: string, newId: string, target: { slug: string; host: string; shard: number };
const snapshot: { shard?: Awaited<ReturnType<typeof tenantData>>; control?: Awaited<ReturnType<typeof tenantData>>; tenant?: Record<string, unknown>; files?: Awaited<ReturnType<typeof filesOf>>; objects?: Record<string, unknown> } = {};
const objectNames = (tenantId: string, userIds: string[]) => [
  ...userIds.map((u) => [e.USER_HUB, `${tenantId}:${u}`] as const),
  ...data.chatIds.map((c) => [e.CHAT_ROOM, `${tenantId}:${c}`] as const),
  [e.FEED_HUB, tenantId] as const,
];
let userIds: string[];

beforeAll(async () => {
  P = await newPortal({ plan: "professional" });
  data = await fill(P);
  oldId = (await tenantIdOf(P.slug))!;
  userIds = (await shardOf(P.shard).prepare("SELECT id FROM users WHERE tenant_id = ? ORDER BY id").bind(oldId).all<{ id: string }>()).results.map((r) => r.id);
  snapshot.shard = await tenantData(shardOf(P.shard), oldId);
  snapshot.control = await tenantData(e.CONTROL, oldId);
  snapshot.tenant = (await e.CONTROL.prepare("SELECT * FROM tenants WHERE id = ?").bind(oldId).first())!;
  snapshot.files = await filesOf(oldId);
  archive = await exportArchive(P.slug);
  // After the export: a chat room brings its search index up to date as it exports.
  snapshot.objects = {};
  for (const [ns, name] of objectNames(oldId, userIds)) snapshot.objects[name.replace(oldId, "T")] = await objectData(ns, name);
  lines = await unpack(archive);
  const slug = `${P.slug}-copy`;
  target = { slug, host: `${slug}.${ROOT}`, shard: 1 - P.shard };
}, 120_000);

describe("kontor export", () => {
  it("writes a versioned archive: header, records, and a manifest with a count and sha256 per part", async () => {
    const header = JSON.parse(lines[0]);
    expect(header).toMatchObject({ type: "header", format: "kontor-portal-archive", version: 1, source: { tenantId: oldId, slug: P.slug, shard: P.shard } });
    expect(header.skipped).toEqual(["shard/sessions", "shard/login_attempts"]);
    const manifest = JSON.parse(lines[lines.length - 1]);
    expect(manifest.type).toBe("manifest");
    // Every tenant table of the shard is a part (derived from the schema, not a hand list), empty ones too.
    for (const table of Object.keys(snapshot.shard!)) {
      if (table === "sessions" || table === "login_attempts") expect(manifest.parts[`shard/${table}`]).toBeUndefined();
      else expect(manifest.parts[`shard/${table}`]?.count, table).toBe(snapshot.shard![table].length);
    }
    expect(manifest.parts["control/tenants"].count).toBe(1);
    expect(manifest.parts["control/domains"].count).toBe(1);
    expect(manifest.parts.r2.count).toBe(Object.keys(snapshot.files!).length);
    expect(Object.keys(snapshot.files!).length).toBe(3); // photo, logo, attachment
    for (const u of userIds) expect(manifest.parts[`do/UserHub/${u}`]).toBeTruthy();
    for (const c of data.chatIds) expect(manifest.parts[`do/ChatRoom/${c}`].count).toBeGreaterThanOrEqual(5); // meta, members, messages, reactions
    expect(manifest.parts["do/FeedHub"]).toEqual({ count: 0, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it("answers 404 in the envelope for an unknown portal", async () => {
    const res = await readJson(await SELF.fetch(`${OPS}/portals/no-such-portal/export`, { headers: { authorization: `Bearer ${TOKEN}` } }));
    expectError(res, 404, "not_found");
  });
});

describe("kontor import refuses, and then writes nothing", () => {
  it("an address that is taken", async () => {
    const before = await world();
    expectError(await importArchive(archive, { slug: P.slug }), 409, "portal_exists");
    expect(await world()).toEqual(before);
  });

  it("a damaged archive (one edited record: its part's sha256 no longer matches), a truncated one, and no gzip at all", async () => {
    const before = await world();
    const i = lines.findIndex((l) => l.includes('"p":"shard/users"') && l.includes("Ann Backup"));
    const edited = [...lines];
    edited[i] = edited[i].replace("Ann Backup", "Eve Intruder");
    const res = await importArchive(await pack(edited), { slug: `${P.slug}-bad`, shard: String(target.shard) });
    expectError(res, 422, "archive_corrupt");
    expect(res.body.error.message).toMatch(/shard\/users: sha256 .* does not match/);
    expectError(await importArchive(await pack(lines.slice(0, -1)), { slug: `${P.slug}-bad` }), 422, "archive_corrupt");
    expectError(await importArchive(new TextEncoder().encode(lines.join("\n")), { slug: `${P.slug}-bad` }), 422, "archive_corrupt");
    expect(await world()).toEqual(before);
    expect(await tenantIdOf(`${P.slug}-bad`)).toBeNull();
  });

  it("a custom domain still held by the original", async () => {
    const before = await world();
    expectError(await importArchive(archive, { slug: target.slug, shard: String(target.shard) }), 409, "domain_taken");
    expect(await world()).toEqual(before);
  });

  it("a failure halfway (a Durable Object refuses a row) removes the rows, files and objects already written", async () => {
    const before = await world();
    const i = lines.findIndex((l) => l.includes(`"p":"do/ChatRoom/${data.chatIds[0]}"`) && l.includes('"t":"messages"'));
    const duplicated = await resign([...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)]);
    const res = await importArchive(await pack(duplicated), { slug: `${P.slug}-half`, shard: String(target.shard), dropDomains: "1" });
    expectError(res, 409, "import_failed");
    expect(res.body.error.message).toMatch(/Durable Objects.*UNIQUE.*Everything it had written was removed/s);
    expect(await world()).toEqual(before);
    expect(await tenantIdOf(`${P.slug}-half`)).toBeNull();
  });
});

describe("kontor import round trip, into a new portal on the other shard", () => {
  beforeAll(async () => {
    expect((await P.admin.json("DELETE", `/api/v1/portal/domains/bk-${P.slug}.invalid`)).status).toBe(200);
    const res = await importArchive(archive, { slug: target.slug, shard: String(target.shard) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.portal).toMatchObject({ slug: target.slug, shard: target.shard, host: target.host });
    expect(res.body.tenantIdRemapped).toBe(true); // the original still uses its id
    newId = res.body.portal.id;
  }, 120_000);

  it("every row of the control database and of the shard, with the tenant id remapped", async () => {
    const tenant = await e.CONTROL.prepare("SELECT * FROM tenants WHERE id = ?").bind(newId).first();
    expect(tenant).toEqual({ ...snapshot.tenant, id: newId, slug: target.slug, shard: target.shard });
    expect(await tenantData(e.CONTROL, newId)).toEqual(remap(snapshot.control, oldId, newId));
    const copy = await tenantData(shardOf(target.shard), newId);
    const expected = remap(snapshot.shard!, oldId, newId);
    expected.sessions = []; // sessions and sign-in windows are not carried over (header.skipped)
    expected.login_attempts = [];
    expect(Object.keys(copy)).toEqual(Object.keys(expected));
    for (const table of Object.keys(expected)) expect(copy[table], table).toEqual(expected[table]);
    expect(Object.values(expected).reduce((n, rows) => n + rows.length, 0)).toBeGreaterThan(40);
  });

  it("every file, byte for byte, under the new portal's prefix", async () => {
    expect(await filesOf(newId)).toEqual(snapshot.files);
  });

  it("every table of every Durable Object: user hubs, chat rooms, the feed hub", async () => {
    for (const [ns, name] of objectNames(newId, userIds)) {
      const want = remap(snapshot.objects![name.replace(newId, "T")], oldId, newId) as Record<string, { key?: string; value?: string }[]>;
      if (want.meta) {
        for (const m of want.meta) {
          if (m.key === "init") m.value = JSON.stringify({ ...JSON.parse(m.value!), shard: target.shard });
          if (m.key === "origin") m.value = `http://${target.host}`;
        }
      }
      expect(await objectData(ns, name), name).toEqual(want);
    }
  });

  it("the copy works: same sign-ins, chat history and search, notifications and counters, files, guest links", async () => {
    const pairs: [Client, Client][] = [];
    for (const email of [P.email, data.ann.email, data.bob.email]) {
      const [a, b] = [await signIn(P.host, email), await signIn(target.host, email)];
      expect(b.res.status).toBe(200);
      pairs.push([a.client, b.client]);
    }
    const same = async (path: string) => {
      for (const [orig, copy] of pairs) {
        const [x, y] = [await orig.json("GET", path), await copy.json("GET", path)];
        expect(y.status, path).toBe(x.status);
        const plain = (body: any) => (body?.error ? { ...body, error: { ...body.error, requestId: undefined } } : body);
        expect(plain(remap(y.body, newId, oldId)), path).toEqual(plain(x.body));
      }
    };
    for (const id of data.chatIds) {
      await same(`/api/v1/chats/${id}/messages?limit=50`);
      await same(`/api/v1/chats/${id}/search?q=hello`);
    }
    await same("/api/v1/chats");
    await same("/api/v1/notifications");
    await same("/api/v1/counters");
    await same("/api/v1/feed");
    await same(`/api/v1/calendar/events/${data.eventId}`);
    const [, admin] = pairs[0];
    const file = await admin.request("GET", `/api/v1/calendar/events/${data.eventId}/attachments/${data.fileId}`);
    expect(file.status).toBe(200);
    expect([...new Uint8Array(await file.arrayBuffer())]).toEqual(snapshot.files![`events/${data.eventId}/${data.fileId}`].bytes);
    expect((await SELF.fetch(`http://${target.host}${data.guestPath}`)).status).toBe(200);
    // Chat goes on where it stopped; the original is untouched.
    const sent = await admin.json("POST", `/api/v1/chats/${data.chatIds[0]}/messages`, { clientId: cid(), text: "after restore" });
    expect(sent.body.message.seq).toBe(5);
    expect((await pairs[0][0].json("GET", `/api/v1/chats/${data.chatIds[0]}/messages?limit=50`)).body.messages).toHaveLength(4);
  });
});

describe("operator routes", () => {
  const ops = [...new Set(app.routes.filter((r) => isOperatorPath(r.path) && !r.path.includes("*")).map((r) => `${r.method} ${r.path}`))];

  it("are unreachable under a portal host, even with a session and the token, and need the token on the root host", async () => {
    expect(ops).toEqual(["GET /ops/v1/portals/:slug/export", "POST /ops/v1/portals/import"]);
    for (const route of ops) {
      const [method, path] = route.split(" ");
      const url = path.replace(":slug", P.slug);
      for (const token of [TOKEN, undefined]) {
        const res = await P.admin.request(method, url, method === "POST" ? "x" : undefined, token ? { authorization: `Bearer ${token}` } : {});
        expect(res.status, `${route} on the portal host`).toBe(404);
        await res.arrayBuffer();
      }
      const headers: Record<string, string>[] = [{}, { authorization: "Bearer wrong-token-wrong-token-wrong" }, { authorization: TOKEN }];
      for (const header of headers) {
        expectError(await readJson(await client(ROOT).request(method, url, method === "POST" ? "x" : undefined, header)), 401, "ops_token");
      }
    }
  });
});

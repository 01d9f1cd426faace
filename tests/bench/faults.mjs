// `npm run faults [-- --rounds=2] [--kill-after=10] [--chat-users=10] [--guests=20] [--interval=200] [--port=8891] [--ref=HEAD] [--keep]`
//
// Issue 6.6: crash the server mid-traffic and check what survived. Starts `npm start` in a snapshot
// (fresh, persistent state dir), generates traffic — chat sends over ChatRoom sockets with the app's
// ReliableChatClient, attachment/photo/logo uploads (one trickled so the kill lands mid-body), .ics
// imports, events with attendees, guest answers on /g/<token> — then SIGKILLs the server's whole
// process group, restarts it on the same state dir (`npm start -- --no-build`), lets the chat clients
// resync, and checks through the API: every acknowledged chat message exactly once and in order,
// unacknowledged ones re-sent, no half-written upload/import/event, guest answers all-or-nothing.
// Writes tests/bench/results/faults.json (server output: results/faults-server*.log).
import { request } from "./lib/http.mjs";
import { machine, parseArgs, standaloneServer, writeResult } from "./lib/cli.mjs";
import { adminSession, benchUsers } from "./lib/users.mjs";
import { confirmSender, guestPath } from "./lib/mail.mjs";
import { sleep } from "./lib/pool.mjs";
import { chatTraffic } from "./lib/faults-chat.mjs";
import { fileTraffic } from "./lib/faults-files.mjs";
import { calendarTraffic } from "./lib/faults-calendar.mjs";
import { printTable } from "./lib/table.mjs";

const log = (...a) => console.error("[faults]", ...a);
const opts = parseArgs(process.argv.slice(2), ["rounds", "kill-after", "chat-users", "guests", "interval", "port"]);
const ROUNDS = opts.rounds ?? 2;
const KILL_AFTER_S = opts["kill-after"] ?? 10;
const CHAT_USERS = opts["chat-users"] ?? 10;
const GUESTS = Math.min(50, opts.guests ?? 20);
const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString();

async function must(res, status, what) {
  const r = await res;
  if (r.status !== status) throw new Error(`${what} answered ${r.status}: ${r.body.slice(0, 300)}`);
  return r.json();
}

async function setup(ctx, runId) {
  const { port } = ctx;
  const admin = await adminSession(ctx);
  const { users } = await benchUsers(ctx, CHAT_USERS);
  // Two rooms, the admin (who reads the history afterwards) in both, the users split between them.
  const half = Math.ceil(users.length / 2);
  for (const part of [users.slice(0, half), users.slice(half)]) {
    const { chat } = await must(request({ port, method: "POST", path: "/api/v1/chats", cookie: admin.cookie, body: { type: "group", title: `Fault room ${runId}`, memberIds: part.map((u) => u.id), visibility: "private" } }), 201, "POST /api/v1/chats");
    for (const u of part) u.chatId = chat.id;
  }
  const cals = await must(request({ port, path: "/api/v1/calendar/calendars", cookie: admin.cookie }), 200, "GET /api/v1/calendar/calendars");
  const calendarId = cals.items.find((c) => c.kind === "personal" && (c.ownerId === undefined || c.ownerId === admin.id)).id;
  const baseDay = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) + 30 * DAY;
  const event = async (title, extra = {}) =>
    (await must(request({ port, method: "POST", path: "/api/v1/calendar/events", cookie: admin.cookie, body: { calendarId, title, start: iso(baseDay + 10 * 3_600_000), end: iso(baseDay + 11 * 3_600_000), ...extra } }), 201, "POST /api/v1/calendar/events")).event;
  const fileEvents = [await event(`Fault files A ${runId}`), await event(`Fault files B ${runId}`)];
  const cutEvent = await event(`Fault cut uploads ${runId}`);
  await confirmSender(ctx, admin, `fault.sender.${runId}@demo.test`);
  const guestList = Array.from({ length: GUESTS }, (_, i) => ({ email: `fault.guest.${runId}.${i}@example.test`, firstName: "Guest", lastName: String(i) }));
  const guestEvent = await event(`Fault guests ${runId}`, { guests: guestList });
  const guests = [];
  for (const g of guestList) guests.push({ email: g.email, path: await guestPath(ctx, g.email, 30_000) });
  return { admin, users, calendarId, baseDay, fileEvents, cutEvent, guestEvent, guests };
}

async function main() {
  const report = { startedAt: new Date().toISOString(), ...machine(), options: { rounds: ROUNDS, killAfterS: KILL_AFTER_S, chatUsers: CHAT_USERS, guests: GUESTS, chatIntervalMs: opts.interval ?? 200 }, rounds: [] };
  const srv = await standaloneServer({ name: "faults", basePort: 8891, options: opts, log });
  try {
    let server = await srv.start();
    report.server = { command: "npm start", port: srv.port, firstStartMs: server.coldStart.msToFirst200 };
    const ctx = srv.ctx;
    const runId = Date.now().toString(36);
    let t = performance.now();
    const s = await setup(ctx, runId);
    const chat = await chatTraffic(ctx, s.users, { intervalMs: opts.interval ?? 200, runId });
    await chat.connectAll();
    const files = fileTraffic(ctx, { admin: s.admin, user: s.users[0], events: s.fileEvents, cutEvent: s.cutEvent, runId });
    const cal = calendarTraffic(ctx, { admin: s.admin, calendarId: s.calendarId, attendees: s.users.slice(0, 3), guests: s.guests, guestEventId: s.guestEvent.id, runId, baseDay: s.baseDay });
    report.setupMs = Math.round(performance.now() - t);
    // An upload the client gives up halfway (the server stays up): must leave nothing.
    const aborted = await files.cutUpload({ abortAfter: 1_200_000, label: "client-abort" });
    // Attachments may be 10 MB (attachments.ts); does a 4 MB one get through the API?
    const big = await files.cutUpload({ label: "4mb-probe", size: 4_000_000, gapMs: 0 });
    // Four attachments to one event at once (no crash): each is a read-modify-write of the event's list.
    const parallel = await files.parallel(4);
    report.probes = { clientAbortedUpload: aborted.status, attachment4MB: big.status, attachment4MBAnswer: big.body, parallelAttachments: parallel };
    log(`setup done in ${report.setupMs} ms; probes ${JSON.stringify(report.probes)}`);

    for (let round = 1; round <= ROUNDS; round++) {
      chat.resume();
      const running = [chat.run(), files.run(), cal.run()];
      const killAfterMs = Math.round(KILL_AFTER_S * 1000 * (0.75 + Math.random() * 0.5));
      // A 2.5 MB upload trickled over ~3 s, started 1.5 s before the kill: the kill lands mid-body.
      const cut = sleep(Math.max(0, killAfterMs - 1_500)).then(() => files.cutUpload({ label: `kill-${round}`, gapMs: 150 }));
      await sleep(killAfterMs);
      const before = { chatAcked: chat.ackedBeforeKills(), uploadsAcked: files.uploads.filter((u) => u.state === "acked").length, importsAcked: cal.imports.filter((x) => x.state === "acked").length, guestAnswersAcked: [...cal.answers.values()].flat().filter((x) => x.state === "acked").length };
      log(`round ${round}: SIGKILL to process group ${srv.current().pgid} after ${killAfterMs} ms of traffic ${JSON.stringify(before)}`);
      const killT = performance.now();
      const dead = srv.kill(); // the signal goes out now; no new request is started after it
      chat.stop();
      files.stop();
      cal.stop();
      await dead;
      const killMs = Math.round(performance.now() - killT);
      await Promise.all([...running, cut]);
      chat.killed();
      await chat.writeOffline(3);
      t = performance.now();
      server = await srv.start(["--no-build"]);
      const restart = { msToFirst200: server.coldStart.msToFirst200, msToMigrated: server.coldStart.msToMigrated, msToWranglerReady: server.coldStart.msToWranglerReady };
      log(`round ${round}: restarted in ${restart.msToFirst200} ms; resyncing the chat clients`);
      const resync = await chat.resync();
      log(`round ${round}: resync ${JSON.stringify(resync)}`);
      report.rounds.push({ round, killAfterMs, killMs, before, restart, resync });
    }
    chat.close();
    t = performance.now();
    report.chat = await chat.verify(s.admin);
    report.uploads = await files.verify();
    Object.assign(report, await cal.verify());
    report.verifyMs = Math.round(performance.now() - t);
  } finally {
    await srv.stop();
  }
  const c = report.chat;
  const ga = report.guestAnswers;
  const up = report.uploads;
  const imp = report.icsImports;
  const ev = report.eventsWithAttendees;
  report.problems = {
    chatLost: c.lost, chatDuplicates: c.duplicates, chatSeqMismatch: c.seqMismatch, chatOutOfOrder: c.outOfOrder, chatNotStoredAfterResync: c.notStored, chatErrorFrames: c.errorFrames,
    parallelAttachmentsLost: report.probes.parallelAttachments.acked - report.probes.parallelAttachments.listed + (report.probes.parallelAttachments.removeKept ? 0 : 1),
    uploadsBroken: up.listedButBroken + up.ackedButMissing + up.cutButListed + (up.photo.ok ? 0 : 1) + (up.logo.ok ? 0 : 1), uploadsRejected: up.rejected,
    importsPartial: imp.partial + imp.ackedButMissing, eventsHalfWritten: ev.ackedButMissing + ev.missingAttendees + ev.missingInvitations,
    guestAnswersHalfApplied: ga.staleStatus + ga.ackedWithoutNotification + ga.statusWithoutNotification + ga.extraNotifications,
    rejectedRequests: imp.rejected.length + ev.rejected.length + ga.rejected.length + up.rejected,
  };
  report.finishedAt = new Date().toISOString();
  const file = writeResult("faults.json", report);
  print(report, file);
  return Object.values(report.problems).some((v) => v) ? 1 : 0;
}

function print(m, file) {
  console.log(JSON.stringify(m, null, 2));
  console.log("");
  const rows = [];
  for (const r of m.rounds) {
    rows.push([`round ${r.round}: traffic before the kill (ms)`, r.killAfterMs]);
    rows.push(["  chat messages acked before this kill (all rounds so far)", r.before.chatAcked]);
    rows.push(["  restart: spawn → migrated / wrangler ready / first 200 (ms)", `${r.restart.msToMigrated} / ${r.restart.msToWranglerReady} / ${r.restart.msToFirst200}`]);
    rows.push(["  resync: sockets open / outboxes empty (ms)", `${r.resync.connectedMs} / ${r.resync.resyncMs}${r.resync.complete ? "" : " (INCOMPLETE)"}`]);
    rows.push(["  re-sent after reconnect / already stored (ack lost)", `${r.resync.resent} / ${r.resync.storedButUnacked}`]);
  }
  const c = m.chat;
  rows.push(["chat: written / acked before a kill / found after", `${c.written} / ${c.ackedBeforeKill} / ${c.foundAfter}`]);
  rows.push(["chat: LOST (must be 0) / duplicates / seq changed / out of order", `${c.lost} / ${c.duplicates} / ${c.seqMismatch} / ${c.outOfOrder}`]);
  rows.push(["chat: written but not stored after resync / error frames", `${c.notStored} / ${c.errorFrames}`]);
  const u = m.uploads;
  rows.push(["uploads: sent / acked / cut off or failed / rejected (4xx-5xx)", `${u.uploads} / ${u.acked} / ${u.failedOrCut} / ${u.rejected}${u.firstRejected ? ` (${u.firstRejected})` : ""}`]);
  rows.push(["attachments: listed / listed but broken / acked but missing / cut but listed", `${u.attachmentsListed} / ${u.listedButBroken} / ${u.ackedButMissing} / ${u.cutButListed}`]);
  rows.push(["photo / logo stored", `${u.photo.stored} / ${u.logo.stored}`]);
  rows.push(["probes: client-aborted upload / 4 MB attachment (HTTP)", `${m.probes.clientAbortedUpload} / ${m.probes.attachment4MB}`]);
  const p = m.probes.parallelAttachments;
  rows.push(["probe: 4 attachments to one event at once: acked / listed; one removed, others kept", `${p.acked} / ${p.listed}; ${p.removeKept ? "yes" : "NO"}`]);
  const i = m.icsImports;
  rows.push([".ics imports (100 events): sent / acked / whole / absent / PARTIAL", `${i.attempted} / ${i.acked} / ${i.whole} / ${i.absent} / ${i.partial}`]);
  const e = m.eventsWithAttendees;
  rows.push(["events with 3 attendees: sent / acked / found / missing attendees / missing invitations", `${e.attempted} / ${e.acked} / ${e.found} / ${e.missingAttendees} / ${e.missingInvitations}`]);
  const g = m.guestAnswers;
  rows.push(["guest answers: sent / acked / cut off (applied, not applied)", `${g.attempted} / ${g.acked} / ${g.unknown} (${g.applied}, ${g.notApplied})`]);
  rows.push(["guest answers: stale status / acked w/o notification / status w/o notification", `${g.staleStatus} / ${g.ackedWithoutNotification} / ${g.statusWithoutNotification}`]);
  rows.push(["CSV import", "none exists in Kontor yet: not tested"]);
  rows.push(["resumable uploads", "none: every upload is one request; checked that a cut one leaves nothing"]);
  printTable(["figure", "value"], rows);
  console.log("");
  printTable(["problem (must be 0)", "count"], Object.entries(m.problems));
  console.log(`\nwritten to ${file}`);
}

main()
  .then((code) => (process.exitCode = code))
  .catch((e) => {
    console.error("[faults] failed:", e?.stack ?? e);
    process.exitCode = 1;
  });

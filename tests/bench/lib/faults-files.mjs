// Uploads under a crash (faults.mjs). No upload in Kontor is resumable: event attachments (multipart,
// ≤ 10 MB), profile photos and the portal logo (multipart, ≤ 2 MB) are each one request — R2 put,
// then the D1 row. So the check is that a failed upload leaves nothing behind that the API shows:
// every listed attachment downloads whole (same SHA-256), every acknowledged one is listed, a photo or
// logo is always one whole upload (the last acknowledged one or the one cut off), and an upload that
// was cut off mid-body (by the client, or by the kill) is not listed.
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import { hostFor, request } from "./http.mjs";
import { sleep } from "./pool.mjs";

const sha = (b) => createHash("sha256").update(b).digest("hex").slice(0, 16);
const png = (size) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(size - 8)]);

function multipart(name, bytes, type = "application/octet-stream") {
  const boundary = `----kontor-fault-${randomBytes(8).toString("hex")}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`);
  return { body: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

/** A multipart upload written in chunks every `gapMs`; `abortAfter` bytes → the client cuts it off. */
function slowUpload({ port, path, method = "POST", cookie, body, type, chunk = 128 * 1024, gapMs = 50, abortAfter = null }) {
  const host = hostFor(port);
  return new Promise((resolve) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, agent: false, headers: { host, origin: `http://${host}`, cookie, "content-type": type, "content-length": body.length, "x-kontor-request": "1" } }, (res) => {
      let text = "";
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode, body: text }));
      res.on("error", (e) => resolve({ status: e.code ?? "error" }));
    });
    req.on("error", (e) => resolve({ status: e.code ?? "error" }));
    (async () => {
      for (let off = 0; off < body.length; off += chunk) {
        if (abortAfter !== null && off >= abortAfter) return req.destroy();
        if (req.destroyed) return;
        req.write(body.subarray(off, off + chunk));
        await sleep(gapMs);
      }
      req.end();
    })();
  });
}

/** events: [{id}] of the admin's for the upload loops, cutEvent: for cut-off uploads and probes; user: a plain employee (own photo); admin: {cookie}. */
export function fileTraffic(ctx, { admin, user, events, cutEvent, runId }) {
  const { port } = ctx;
  const uploads = []; // {kind, eventId?, name, hash, state: "acked" | "failed" | "cut", status}
  const phase = { stop: true };
  let k = 0;

  const put = async (kind, eventId) => {
    const i = k++;
    const isImage = kind !== "attachment";
    const bytes = isImage ? png(8_000 + Math.floor(Math.random() * 60_000)) : randomBytes(20_000 + Math.floor(Math.random() * 280_000));
    const name = `fault-${runId}-${i}.${isImage ? "png" : "bin"}`;
    const u = { kind, eventId, name, hash: sha(bytes), state: "sent", status: null };
    uploads.push(u);
    const { body, type } = multipart(name, bytes, isImage ? "image/png" : undefined);
    const path = kind === "attachment" ? `/api/v1/calendar/events/${eventId}/attachments` : kind === "photo" ? `/api/v1/people/users/${user.id}/photo` : "/api/v1/portal/logo";
    const res = await request({ port, method: kind === "attachment" ? "POST" : "PUT", path, cookie: kind === "photo" ? user.cookie : admin.cookie, body, headers: { "content-type": type, "x-kontor-request": "1" }, timeoutMs: 60_000 }).catch((e) => ({ status: e.code ?? "error" }));
    u.status = res.status;
    // A number is the server's answer (anything but 2xx is an error); a code (ECONNRESET…) means cut off by the kill.
    u.state = res.status === 200 || res.status === 201 ? "acked" : typeof res.status === "number" ? "rejected" : res.status === "ECONNREFUSED" ? "refused" : "failed";
    if (u.state === "rejected") u.body = String(res.body).slice(0, 200);
    return u;
  };

  return {
    uploads,
    /** One sequential uploader per event, one for the photo, one for the logo, until stop(). */
    async run() {
      phase.stop = false;
      const loop = async (fn) => {
        while (!phase.stop) {
          await fn();
          await sleep(30);
        }
      };
      await Promise.all([...events.map((e) => loop(() => put("attachment", e.id))), loop(() => put("photo")), loop(() => put("logo"))]);
    },
    stop: () => void (phase.stop = true),
    /** `n` attachments to one event at the same time (no crash): are all acknowledged ones listed? */
    async parallel(n, eventId = cutEvent.id) {
      const done = await Promise.all(Array.from({ length: n }, () => put("attachment", eventId)));
      const res = await request({ port, path: `/api/v1/calendar/events/${eventId}`, cookie: admin.cookie });
      const listed = new Set(res.json().event.details.attachments.map((a) => a.name));
      for (const u of done) u.state = "probe"; // not part of the crash figures
      // Removing one keeps the others (the list is filtered in SQL too).
      const first = res.json().event.details.attachments.find((a) => a.name === done[0].name);
      const del = first && (await request({ port, method: "DELETE", path: `/api/v1/calendar/events/${eventId}/attachments/${first.id}`, cookie: admin.cookie }));
      const left = del?.status === 200 ? del.json().attachments.map((a) => a.name) : [];
      if (del?.status === 200) done[0].state = "removed";
      const removeKept = del?.status === 200 && !left.includes(done[0].name) && done.slice(1).every((u) => left.includes(u.name));
      return { sent: n, acked: done.filter((u) => u.status === 201).length, listed: done.filter((u) => listed.has(u.name)).length, removeKept };
    },
    /** An attachment (2.5 MB) written in 128 KB chunks `gapMs` apart; with `abortAfter` the client cuts it off itself. */
    async cutUpload({ eventId = cutEvent.id, abortAfter = null, label, size = 2_500_000, gapMs = 50 }) {
      const bytes = randomBytes(size);
      const name = `fault-${runId}-${label}.bin`;
      const u = { kind: "attachment", eventId, name, hash: sha(bytes), state: "cut", status: null };
      uploads.push(u);
      const { body, type } = multipart(name, bytes);
      const res = await slowUpload({ port, path: `/api/v1/calendar/events/${eventId}/attachments`, cookie: admin.cookie, body, type, abortAfter, gapMs });
      u.status = res.status;
      u.body = String(res.body ?? "").slice(0, 200);
      if (res.status === 201) u.state = "acked"; // the kill came too late
      return u;
    },
    async verify() {
      const rejected = uploads.filter((u) => u.state === "rejected");
      const r = { uploads: uploads.filter((u) => u.state !== "probe" && u.state !== "removed").length, acked: 0, failedOrCut: 0, rejected: rejected.length, firstRejected: rejected[0] ? `${rejected[0].kind} ${rejected[0].status} ${rejected[0].body}` : null, refused: uploads.filter((u) => u.state === "refused").length, attachmentsListed: 0, listedButBroken: 0, ackedButMissing: 0, cutButListed: 0, photo: null, logo: null };
      for (const u of uploads) if (u.state === "probe" || u.state === "removed") continue;
      else if (u.state === "acked") r.acked++;
      else if (u.state !== "rejected" && u.state !== "refused") r.failedOrCut++;
      const byName = new Map(uploads.map((u) => [u.name, u]));
      for (const e of [...events, cutEvent]) {
        const res = await request({ port, path: `/api/v1/calendar/events/${e.id}`, cookie: admin.cookie });
        if (res.status !== 200) throw new Error(`GET /api/v1/calendar/events/${e.id} answered ${res.status}`);
        const listed = res.json().event.details.attachments;
        r.attachmentsListed += listed.length;
        for (const a of listed) {
          const u = byName.get(a.name);
          if (!u || (await hashOf(port, e.id, a.id, admin.cookie)) !== u.hash) r.listedButBroken++;
          if (u?.state === "cut") r.cutButListed++;
        }
        for (const u of uploads.filter((x) => x.eventId === e.id && x.state === "acked")) if (!listed.some((a) => a.name === u.name)) r.ackedButMissing++;
      }
      r.photo = await imageCheck(port, `/api/v1/people/users/${user.id}/photo`, user.cookie, uploads.filter((u) => u.kind === "photo"));
      r.logo = await imageCheck(port, "/api/v1/portal/logo", admin.cookie, uploads.filter((u) => u.kind === "logo"));
      return r;
    },
  };
}

/** The body's SHA-256 (binary-safe: a raw GET, not the text helper). */
function hashOf(port, eventId, fileId, cookie) {
  return rawHash(port, `/api/v1/calendar/events/${eventId}/attachments/${fileId}`, cookie);
}

function rawHash(port, path, cookie) {
  return new Promise((resolve) => {
    const req = http.request({ host: "127.0.0.1", port, path, agent: false, headers: { host: hostFor(port), cookie } }, (res) => {
      const h = createHash("sha256");
      res.on("data", (d) => h.update(d));
      res.on("end", () => resolve(res.statusCode === 200 ? h.digest("hex").slice(0, 16) : `HTTP ${res.statusCode}`));
    });
    req.on("error", (e) => resolve(e.code ?? "error"));
    req.end();
  });
}

/** The stored image is one whole upload: the last acknowledged one or one sent after it. */
async function imageCheck(port, path, cookie, tries) {
  const hash = await rawHash(port, path, cookie);
  const lastAcked = tries.map((u) => u.state).lastIndexOf("acked");
  const at = tries.findIndex((u) => u.hash === hash);
  return { uploads: tries.length, acked: tries.filter((u) => u.state === "acked").length, stored: at === -1 ? hash : at === lastAcked ? "last acked" : at > lastAcked ? "a later, unanswered one" : "an OLDER one", ok: (at !== -1 && at >= lastAcked) || (lastAcked === -1 && hash === "HTTP 404") };
}

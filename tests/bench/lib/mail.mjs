// The dev mailbox (GET /api/v1/dev/mail, only with DEV_MAILBOX=1) and the flows that need a mailed code
// or link: a confirmed sender address and e-mail guests' /g/<token> links.
import { request } from "./http.mjs";
import { sleep } from "./pool.mjs";

const brief = (res) => `${res.status} ${res.body.slice(0, 240)}`;

/** The newest mail to `to` that `match`es (polled, bounded). */
export async function waitForMail(ctx, to, match, timeoutMs = 10_000) {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    const res = await request({ port: ctx.port, path: `/api/v1/dev/mail?to=${encodeURIComponent(to)}` });
    if (res.status !== 200) throw new Error(`GET /api/v1/dev/mail answered ${brief(res)}`);
    const found = res.json().items.find((m) => m.to.toLowerCase() === to.toLowerCase() && match(m));
    if (found) return found;
    await sleep(200);
  }
  throw new Error(`no mail to ${to} in the dev mailbox within ${timeoutMs} ms`);
}

/** Sender address for guest invitations: created, confirmed with the mailed six-digit code. */
export async function confirmSender(ctx, admin, email) {
  const res = await request({ port: ctx.port, method: "POST", path: "/api/v1/calendar/sender", cookie: admin.cookie, body: { email, name: "Bench Sender", shared: false } });
  if (res.status !== 201) throw new Error(`POST /api/v1/calendar/sender answered ${brief(res)}`);
  const mail = await waitForMail(ctx, email, (m) => /\b\d{6}\b/.test(m.text));
  const code = /\b(\d{6})\b/.exec(mail.text)[1];
  const confirm = await request({ port: ctx.port, method: "POST", path: "/api/v1/calendar/sender/confirm", cookie: admin.cookie, body: { code } });
  if (confirm.status !== 200) throw new Error(`POST /api/v1/calendar/sender/confirm answered ${brief(confirm)}`);
}

/** The path (/g/<token>) of the guest link in the invitation mailed to `email`. */
export async function guestPath(ctx, email, timeoutMs = 10_000) {
  const invite = await waitForMail(ctx, email, (m) => m.links.some((l) => /\/g\/[^/\s]+/.test(l)), timeoutMs);
  return new URL(invite.links.find((l) => /\/g\/[^/\s]+/.test(l))).pathname;
}

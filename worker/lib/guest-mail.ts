import type { events, eventGuests } from "../../db/schema/calendar";

type Lang = "en" | "de";
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const T = {
  en: {
    invite: (t: string) => `Invitation: ${t}`, update: (t: string) => `Updated: ${t}`, cancel: (t: string) => `Cancelled: ${t}`,
    hello: (n: string) => `Hello ${n},`,
    inviteIntro: (o: string, p: string) => `${o} (${p}) invites you to this event.`,
    updateIntro: (o: string) => `${o} changed this event.`,
    cancelIntro: (o: string) => `${o} cancelled this event.`,
    when: "When", where: "Where", files: "Attachments", cta: "Accept or decline", repeats: "Repeats",
  },
  de: {
    invite: (t: string) => `Einladung: ${t}`, update: (t: string) => `Geändert: ${t}`, cancel: (t: string) => `Abgesagt: ${t}`,
    hello: (n: string) => `Hallo ${n},`,
    inviteIntro: (o: string, p: string) => `${o} (${p}) lädt Sie zu diesem Termin ein.`,
    updateIntro: (o: string) => `${o} hat diesen Termin geändert.`,
    cancelIntro: (o: string) => `${o} hat diesen Termin abgesagt.`,
    when: "Wann", where: "Wo", files: "Anhänge", cta: "Zusagen oder absagen", repeats: "Wiederholung",
  },
};

export function formatWhen(lang: string, e: { startUtc: string; endUtc: string; timeZone: string; allDay: boolean }) {
  const locale = lang === "de" ? "de-DE" : "en-GB";
  const opts: Intl.DateTimeFormatOptions = e.allDay
    ? { dateStyle: "full", timeZone: "UTC" }
    : { dateStyle: "full", timeStyle: "short", timeZone: e.timeZone };
  const fmt = new Intl.DateTimeFormat(locale, opts);
  const start = fmt.format(new Date(e.startUtc));
  const end = e.allDay ? "" : new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: e.timeZone }).format(new Date(e.endUtc));
  return e.allDay ? start : `${start} – ${end} (${e.timeZone})`;
}

/** The body of a guest mail; the iCalendar part travels as an attachment beside it. */
export function guestMail(
  language: string,
  kind: "invite" | "update" | "cancel",
  d: { event: typeof events.$inferSelect; guest: typeof eventGuests.$inferSelect; link: string; organizer: string; portal: string },
) {
  const lang: Lang = language === "de" ? "de" : "en";
  const t = T[lang];
  const e = d.event;
  const intro = kind === "invite" ? t.inviteIntro(d.organizer, d.portal) : kind === "update" ? t.updateIntro(d.organizer) : t.cancelIntro(d.organizer);
  const lines = [
    t.hello(d.guest.firstName),
    "",
    intro,
    "",
    e.title,
    `${t.when}: ${formatWhen(lang, e)}`,
    ...(e.rrule ? [`${t.repeats}: ${e.rrule}`] : []),
    ...(e.location ? [`${t.where}: ${e.location}`] : []),
    ...(e.description ? ["", e.description] : []),
    ...(e.attachments.length ? ["", `${t.files}: ${e.attachments.map((a) => a.name).join(", ")}`] : []),
  ];
  const text = kind === "cancel" ? lines.join("\n") : [...lines, "", `${t.cta}: ${d.link}`].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1f2937;max-width:560px">
<p>${esc(t.hello(d.guest.firstName))}</p><p>${esc(intro)}</p>
<h2 style="margin:16px 0 8px${kind === "cancel" ? ";text-decoration:line-through" : ""}">${esc(e.title)}</h2>
<p><b>${esc(t.when)}:</b> ${esc(formatWhen(lang, e))}</p>
${e.location ? `<p><b>${esc(t.where)}:</b> ${esc(e.location)}</p>` : ""}
${e.description ? `<p style="white-space:pre-wrap">${esc(e.description)}</p>` : ""}
${e.attachments.length ? `<p><b>${esc(t.files)}:</b> ${e.attachments.map((a) => esc(a.name)).join(", ")}</p>` : ""}
${kind === "cancel" ? "" : `<p><a href="${esc(d.link)}" style="background:#2563eb;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${esc(t.cta)}</a></p>`}
</body></html>`;
  const subject = kind === "invite" ? t.invite(e.title) : kind === "update" ? t.update(e.title) : t.cancel(e.title);
  return { subject, text, html };
}

import { formatWhen } from "../lib/guest-mail";

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const T = {
  en: { title: "Invitation", when: "When", where: "Where", organizer: "Organizer", attendees: "Attendees", files: "Attachments", accept: "Accept", decline: "Decline", yourAnswer: "Your answer", accepted: "You accepted.", declined: "You declined.", pending: "You have not answered yet.", change: "You can change your answer at any time before the event.", cancelled: "This event was cancelled.", expired: "This event is over; the invitation has expired.", invalid: "This invitation link is not valid. It may have been withdrawn.", saved: "Thank you, your answer was sent to the organizer." },
  de: { title: "Einladung", when: "Wann", where: "Wo", organizer: "Organisator", attendees: "Teilnehmer", files: "Anhänge", accept: "Zusagen", decline: "Absagen", yourAnswer: "Ihre Antwort", accepted: "Sie haben zugesagt.", declined: "Sie haben abgesagt.", pending: "Sie haben noch nicht geantwortet.", change: "Sie können Ihre Antwort bis zum Termin jederzeit ändern.", cancelled: "Dieser Termin wurde abgesagt.", expired: "Dieser Termin ist vorbei; die Einladung ist abgelaufen.", invalid: "Dieser Einladungslink ist nicht gültig. Vielleicht wurde er zurückgezogen.", saved: "Danke, Ihre Antwort wurde an den Organisator gesendet." },
  ru: { title: "Приглашение", when: "Когда", where: "Где", organizer: "Организатор", attendees: "Участники", files: "Файлы", accept: "Принять", decline: "Отклонить", yourAnswer: "Ваш ответ", accepted: "Вы приняли приглашение.", declined: "Вы отклонили приглашение.", pending: "Вы ещё не ответили.", change: "Ответ можно изменить до начала события.", cancelled: "Событие отменено.", expired: "Событие прошло; приглашение больше не действует.", invalid: "Ссылка на приглашение недействительна. Возможно, её отозвали.", saved: "Спасибо, ваш ответ отправлен организатору." },
  ro: { title: "Invitație", when: "Când", where: "Unde", organizer: "Organizator", attendees: "Participanți", files: "Atașamente", accept: "Accept", decline: "Refuz", yourAnswer: "Răspunsul dvs.", accepted: "Ați acceptat.", declined: "Ați refuzat.", pending: "Nu ați răspuns încă.", change: "Vă puteți schimba răspunsul oricând înainte de eveniment.", cancelled: "Evenimentul a fost anulat.", expired: "Evenimentul s-a încheiat; invitația a expirat.", invalid: "Acest link de invitație nu este valid. Poate a fost retras.", saved: "Mulțumim, răspunsul a fost trimis organizatorului." },
  cs: { title: "Pozvánka", when: "Kdy", where: "Kde", organizer: "Organizátor", attendees: "Účastníci", files: "Přílohy", accept: "Přijmout", decline: "Odmítnout", yourAnswer: "Vaše odpověď", accepted: "Přijali jste.", declined: "Odmítli jste.", pending: "Zatím jste neodpověděli.", change: "Odpověď můžete změnit kdykoli před událostí.", cancelled: "Tato událost byla zrušena.", expired: "Událost skončila; pozvánka vypršela.", invalid: "Tento odkaz na pozvánku není platný. Možná byl stažen.", saved: "Děkujeme, vaše odpověď byla odeslána organizátorovi." },
};
type Lang = keyof typeof T;

/** The guest's browser language decides (Accept-Language), English otherwise. */
export function guestLanguage(acceptLanguage: string | undefined): Lang {
  for (const part of (acceptLanguage ?? "").split(",")) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if (code in T) return code as Lang;
  }
  return "en";
}

function shell(lang: Lang, portal: string, body: string) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${esc(T[lang].title)} · ${esc(portal)}</title>
<style>body{font-family:system-ui,-apple-system,sans-serif;margin:0;background:#f8fafc;color:#0f172a}main{max-width:36rem;margin:0 auto;padding:2rem 1rem}.card{background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:1.5rem}h1{font-size:1.4rem;margin:.25rem 0 1rem}dt{font-weight:600;margin-top:.75rem}dd{margin:0}.muted{color:#64748b;font-size:.9rem}.actions{display:flex;gap:.75rem;margin-top:1.25rem;flex-wrap:wrap}button{font:inherit;padding:.6rem 1.2rem;border-radius:8px;border:1px solid #cbd5e1;background:#fff;cursor:pointer}button.primary{background:#2563eb;border-color:#2563eb;color:#fff}button:focus-visible{outline:3px solid #93c5fd}.notice{padding:.75rem 1rem;border-radius:8px;background:#eff6ff;margin-bottom:1rem}.cancelled{text-decoration:line-through}</style></head>
<body><main><p class="muted">${esc(portal)}</p>${body}</main></body></html>`;
}

export function guestNoticePage(lang: Lang, portal: string, kind: "invalid" | "expired") {
  return shell(lang, portal, `<div class="card" role="alert"><p>${esc(T[lang][kind])}</p></div>`);
}

export interface GuestPageData {
  portal: string;
  token: string;
  title: string;
  startUtc: string;
  endUtc: string;
  timeZone: string;
  allDay: boolean;
  location: string;
  description: string;
  cancelled: boolean;
  organizer: string;
  status: "pending" | "accepted" | "declined";
  attendees: string[] | null;
  files: { id: string; name: string }[];
  saved: boolean;
}

/** CAL-4: what the guest may see, and two buttons that POST; opening the page changes nothing. */
export function guestPage(lang: Lang, d: GuestPageData) {
  const t = T[lang];
  const answer = d.status === "accepted" ? t.accepted : d.status === "declined" ? t.declined : t.pending;
  const body = `<div class="card">
${d.saved ? `<p class="notice" role="status">${esc(t.saved)}</p>` : ""}
${d.cancelled ? `<p class="notice" role="alert">${esc(t.cancelled)}</p>` : ""}
<p class="muted">${esc(t.title)}</p><h1 class="${d.cancelled ? "cancelled" : ""}">${esc(d.title)}</h1>
<dl><dt>${esc(t.when)}</dt><dd>${esc(formatWhen(lang, d))}</dd>
${d.location ? `<dt>${esc(t.where)}</dt><dd>${esc(d.location)}</dd>` : ""}
<dt>${esc(t.organizer)}</dt><dd>${esc(d.organizer)}</dd>
${d.attendees ? `<dt>${esc(t.attendees)}</dt><dd><ul>${d.attendees.map((a) => `<li>${esc(a)}</li>`).join("")}</ul></dd>` : ""}
${d.files.length ? `<dt>${esc(t.files)}</dt><dd><ul>${d.files.map((f) => `<li><a href="/g/${esc(d.token)}/files/${esc(f.id)}">${esc(f.name)}</a></li>`).join("")}</ul></dd>` : ""}
</dl>
${d.description ? `<p style="white-space:pre-wrap">${esc(d.description)}</p>` : ""}
<p><b>${esc(t.yourAnswer)}:</b> <span id="answer">${esc(answer)}</span></p>
${d.cancelled ? "" : `<form method="post" action="/g/${esc(d.token)}" class="actions"><button class="primary" name="answer" value="accept" type="submit">${esc(t.accept)}</button><button name="answer" value="decline" type="submit">${esc(t.decline)}</button></form><p class="muted">${esc(t.change)}</p>`}
</div>`;
  return shell(lang, d.portal, body);
}

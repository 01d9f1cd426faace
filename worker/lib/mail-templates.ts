/** Transactional mails in the recipient's language (English and German first). */
type Lang = "en" | "de";
const pick = (lang: string): Lang => (lang === "de" ? "de" : "en");

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function layout(title: string, paragraphs: string[], link: { href: string; label: string }) {
  const text = [...paragraphs, "", `${link.label}: ${link.href}`].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1f2937">
<h2>${esc(title)}</h2>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join("")}
<p><a href="${esc(link.href)}" style="background:#2563eb;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${esc(link.label)}</a></p>
<p style="color:#6b7280;font-size:12px">${esc(link.href)}</p></body></html>`;
  return { text, html };
}

const T = {
  confirm: {
    en: (p: string) => ({ subject: `Confirm your e-mail for ${p}`, title: "Welcome to Kontor", body: [`Your portal "${p}" is ready. Confirm your e-mail address to sign in.`], cta: "Confirm e-mail" }),
    de: (p: string) => ({ subject: `Bestätigen Sie Ihre E-Mail für ${p}`, title: "Willkommen bei Kontor", body: [`Ihr Portal „${p}“ ist bereit. Bestätigen Sie Ihre E-Mail-Adresse, um sich anzumelden.`], cta: "E-Mail bestätigen" }),
  },
  reset: {
    en: (p: string) => ({ subject: `Reset your password for ${p}`, title: "Password reset", body: ["Someone asked to reset your password. If it was you, choose a new one with the link below (valid for one hour)."], cta: "Choose a new password" }),
    de: (p: string) => ({ subject: `Passwort für ${p} zurücksetzen`, title: "Passwort zurücksetzen", body: ["Jemand hat das Zurücksetzen Ihres Passworts angefordert. Wenn Sie es waren, wählen Sie über den Link ein neues (eine Stunde gültig)."], cta: "Neues Passwort wählen" }),
  },
  invite: {
    en: (p: string, who: string) => ({ subject: `${who} invites you to ${p}`, title: `Join ${p} on Kontor`, body: [`${who} invited you to the company workspace "${p}".`], cta: "Accept invitation" }),
    de: (p: string, who: string) => ({ subject: `${who} lädt Sie zu ${p} ein`, title: `Treten Sie ${p} auf Kontor bei`, body: [`${who} hat Sie in den Firmen-Arbeitsbereich „${p}“ eingeladen.`], cta: "Einladung annehmen" }),
  },
};

export function confirmMail(lang: string, portal: string, href: string) {
  const t = T.confirm[pick(lang)](portal);
  return { subject: t.subject, ...layout(t.title, t.body, { href, label: t.cta }) };
}

export function resetMail(lang: string, portal: string, href: string) {
  const t = T.reset[pick(lang)](portal);
  return { subject: t.subject, ...layout(t.title, t.body, { href, label: t.cta }) };
}

export function inviteMail(lang: string, portal: string, inviter: string, href: string, customText: string) {
  const t = T.invite[pick(lang)](portal, inviter);
  return { subject: t.subject, ...layout(t.title, customText ? [...t.body, customText] : t.body, { href, label: t.cta }) };
}

export interface DigestEntry {
  title: string;
  count: number;
  senders: string[];
  firstLines: string[];
  link: string;
}

const DIGEST = {
  en: { subject: (p: string, n: number) => `${n} unread message${n === 1 ? "" : "s"} in ${p}`, title: "You have unread messages", from: "from", cta: "Open the messenger" },
  de: { subject: (p: string, n: number) => `${n} ungelesene Nachricht${n === 1 ? "" : "en"} in ${p}`, title: "Sie haben ungelesene Nachrichten", from: "von", cta: "Messenger öffnen" },
};

/** CHAT-4: one mail for all unread chats, never one per message. */
export function chatDigestMail(lang: string, portal: string, entries: DigestEntry[], href: string) {
  const t = DIGEST[pick(lang)];
  const total = entries.reduce((n, e) => n + e.count, 0);
  const text = [t.title, "", ...entries.flatMap((e) => [`${e.title} (${e.count}) ${t.from} ${e.senders.join(", ")}`, ...e.firstLines.map((l) => `  ${l}`), `  ${e.link}`, ""]), `${t.cta}: ${href}`].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1f2937"><h2>${esc(t.title)}</h2>${entries
    .map((e) => `<h3><a href="${esc(e.link)}">${esc(e.title)}</a> (${e.count})</h3><p style="color:#6b7280">${esc(t.from)} ${esc(e.senders.join(", "))}</p>${e.firstLines.map((l) => `<blockquote>${esc(l)}</blockquote>`).join("")}`)
    .join("")}<p><a href="${esc(href)}">${esc(t.cta)}</a></p></body></html>`;
  return { subject: t.subject(portal, total), text, html };
}

const SENDER_CODE = {
  en: { subject: (p: string) => `Your confirmation code for ${p}`, body: (c: string) => `Enter this code in the calendar settings to confirm the address: ${c}. It is valid for 30 minutes.` },
  de: { subject: (p: string) => `Ihr Bestätigungscode für ${p}`, body: (c: string) => `Geben Sie diesen Code in den Kalendereinstellungen ein, um die Adresse zu bestätigen: ${c}. Er ist 30 Minuten gültig.` },
};

export function senderCodeMail(lang: string, portal: string, code: string) {
  const t = SENDER_CODE[pick(lang)];
  const text = t.body(code);
  return { subject: t.subject(portal), text, html: `<!doctype html><html><body style="font-family:system-ui,sans-serif"><p>${esc(text)}</p><p style="font-size:28px;letter-spacing:6px"><b>${code}</b></p></body></html>` };
}

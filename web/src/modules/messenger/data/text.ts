import { formatDate, formatTime } from "../../../lib/format";
import { t } from "../i18n";

export type Part = { kind: "text"; text: string } | { kind: "link"; text: string } | { kind: "mention"; text: string; id: string };

const LINK = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/gi;

/** Splits a message into plain text, links and @mentions of the people it names; nothing is parsed as HTML. */
export function parts(text: string, mentions: { id: string; name: string }[]): Part[] {
  const marks: { start: number; end: number; part: Part }[] = [];
  for (const m of text.matchAll(LINK)) marks.push({ start: m.index!, end: m.index! + m[0].length, part: { kind: "link", text: m[0] } });
  for (const p of mentions) {
    if (!p.name) continue;
    const needle = `@${p.name}`;
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) {
      if (!marks.some((x) => i < x.end && i + needle.length > x.start)) marks.push({ start: i, end: i + needle.length, part: { kind: "mention", text: needle, id: p.id } });
    }
  }
  marks.sort((a, b) => a.start - b.start);
  const out: Part[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue;
    if (m.start > at) out.push({ kind: "text", text: text.slice(at, m.start) });
    out.push(m.part);
    at = m.end;
  }
  if (at < text.length) out.push({ kind: "text", text: text.slice(at) });
  return out;
}

/** The calendar day of a moment in the user's time zone, for separators. */
export const dayOf = (iso: string) => formatDate(iso);

export function dayLabel(iso: string): string {
  const day = dayOf(iso);
  if (day === dayOf(new Date().toISOString())) return t("chat.today");
  if (day === dayOf(new Date(Date.now() - 86_400_000).toISOString())) return t("chat.yesterday");
  return day;
}

/** Time for today's messages, the date before that: the chat list's right column. */
export function shortWhen(iso: string | null): string {
  if (!iso) return "";
  return dayOf(iso) === dayOf(new Date().toISOString()) ? formatTime(iso) : formatDate(iso);
}

export const QUICK_REACTIONS = ["👍", "❤️", "😂", "🎉", "😮", "🙏"];

import { moduleI18n } from "../i18n/module";
import { tOr, t as shellT } from "../i18n";
import { formatDateTime } from "../format";
import { en } from "./en";

/** The live link's own dictionary (indicator, badges, notification texts), English in the first chunk. */
export const { t: lt } = moduleI18n(en, {
  de: () => import("./de").then((m) => m.de),
  ru: () => import("./ru").then((m) => m.ru),
  ro: () => import("./ro").then((m) => m.ro),
  cs: () => import("./cs").then((m) => m.cs),
});

type NoteLike = { type: string; data: Record<string, unknown> };

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** Where a notification leads: the post, the chat, the event, the admin screen, else the person. */
export function noteTarget(n: NoteLike): string | null {
  const d = n.data;
  if (n.type.startsWith("feed.") && str(d.postId)) return `/feed?post=${encodeURIComponent(str(d.postId))}`;
  if (n.type.startsWith("chat.") && str(d.chatId)) return `/messenger/${encodeURIComponent(str(d.chatId))}`;
  if (n.type.startsWith("calendar.") && str(d.eventId)) return `/calendar/event/${encodeURIComponent(str(d.eventId))}`;
  if (n.type === "seats_exhausted" || n.type === "seats_over_limit") return "/admin/business-users";
  if (n.type === "registration_pending") return "/admin/people?status=pending_approval";
  return str(d.userId) ? `/company/people/${str(d.userId)}` : null;
}

/** The notification in the user's language, with dates in their time zone; unknown types get a generic line. */
export function noteText(n: NoteLike): string {
  const args: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(n.data)) if (typeof v === "string" || typeof v === "number") args[k] = v;
  if (str(n.data.start)) args.when = formatDateTime(str(n.data.start));
  if (n.type === "seats_over_limit" && str(n.data.plan)) args.plan = shellT(`plans.${str(n.data.plan) as "free"}`) || str(n.data.plan);
  const key = n.type === "calendar.answer" || n.type === "calendar.guest_answer" ? `${n.type}_${str(n.data.answer)}` : n.type;
  const own = (lt as unknown as (k: string, a: Record<string, string | number>) => unknown)(`types.${key}`, args);
  return typeof own === "string" ? own : tOr(`notifications.types.${n.type}`, shellT("notifications.generic"), args);
}

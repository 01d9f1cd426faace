import { locale } from "./i18n";
import { me } from "./session";

/** The user's time zone (their own choice, else the portal's, else the browser's). */
export function userTimeZone(): string {
  const m = me();
  return m?.user.timeZone || m?.portal.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function parts(d: Date, tz: string) {
  const p = new Intl.DateTimeFormat("en-US", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(d);
  const get = (type: string) => p.find((x) => x.type === type)?.value ?? "";
  return { y: get("year"), m: get("month"), d: get("day"), h: get("hour"), min: get("minute") };
}

/** A date in the portal's date format (DD.MM.YYYY, MM/DD/YYYY, …), in the user's time zone. */
export function formatDate(iso: string | Date | null | undefined): string {
  if (!iso) return "";
  const d = typeof iso === "string" ? new Date(iso) : iso;
  if (isNaN(d.getTime())) return "";
  const p = parts(d, userTimeZone());
  const fmt = me()?.portal.dateFormat ?? "DD.MM.YYYY";
  return fmt.replace("DD", p.d).replace("MM", p.m).replace("YYYY", p.y);
}

export function formatTime(iso: string | Date): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  const h12 = me()?.portal.timeFormat === "12h";
  return new Intl.DateTimeFormat(locale(), { timeZone: userTimeZone(), hour: "numeric", minute: "2-digit", hour12: h12 }).format(d);
}

export function formatDateTime(iso: string | Date): string {
  return `${formatDate(iso)} ${formatTime(iso)}`;
}

/** "5 min ago" for the last week, the date after that. */
export function formatRelative(iso: string, now = Date.now()): string {
  const diff = (Date.parse(iso) - now) / 1000;
  const abs = Math.abs(diff);
  const rtf = new Intl.RelativeTimeFormat(locale(), { numeric: "auto", style: "short" });
  if (abs < 45) return rtf.format(0, "second");
  if (abs < 3600) return rtf.format(Math.round(diff / 60), "minute");
  if (abs < 86400) return rtf.format(Math.round(diff / 3600), "hour");
  if (abs < 7 * 86400) return rtf.format(Math.round(diff / 86400), "day");
  return formatDate(iso);
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(locale()).format(n);
}

export function formatBytes(n: number): string {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"] as const;
  let i = 0;
  while (n >= 1024 && i < units.length - 1) (n /= 1024), i++;
  return new Intl.NumberFormat(locale(), { style: "unit", unit: units[i], unitDisplay: "short", maximumFractionDigits: 0 }).format(n);
}

/** All IANA time zones the browser knows, for pickers. */
export function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  const list = intl.supportedValuesOf?.("timeZone") ?? [];
  return list.includes("UTC") ? list : ["UTC", ...list];
}

export function initials(name: string): string {
  const p = name.trim().split(/\s+/);
  return ((p[0]?.[0] ?? "") + (p.length > 1 ? (p[p.length - 1][0] ?? "") : "")).toUpperCase() || "?";
}

export const nowIso = () => new Date().toISOString();
export const addMinutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000).toISOString();

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function dayIn(timeZone: string, at = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

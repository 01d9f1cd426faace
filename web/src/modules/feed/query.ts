import { TZDateMini } from "@date-fns/tz";
import { userTimeZone } from "../../lib/format";
import type { FeedQuery } from "./api";
import type { FilterParams } from "./FeedFilters";

/** A calendar day of the date inputs as an instant in the user's time zone (start or end of that day). */
function dayEdge(day: string | undefined, end: boolean): string | undefined {
  const m = day && /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const d = end
    ? new TZDateMini(+m[1], +m[2] - 1, +m[3], 23, 59, 59, 999, userTimeZone())
    : new TZDateMini(+m[1], +m[2] - 1, +m[3], 0, 0, 0, 0, userTimeZone());
  return new Date(d.getTime()).toISOString();
}

/** The address's filters as the feed API takes them. */
export function toQuery(p: FilterParams): FeedQuery {
  return {
    authorId: p.author || undefined,
    type: p.type === "post" || p.type === "event" ? p.type : undefined,
    departmentId: p.dept || undefined,
    from: dayEdge(p.from, false),
    to: dayEdge(p.to, true),
    mentionsMe: p.mentions === "1" || undefined,
  };
}

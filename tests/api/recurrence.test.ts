import { describe, it, expect } from "vitest";
import { occurrences, seriesEnd, nextOccurrence, untilBefore } from "../../worker/modules/calendar/recurrence";

describe("CAL-1 recurrence in the event's time zone", () => {
  it("keeps a weekly 09:00 Berlin meeting at 09:00 local across the DST change", () => {
    // Monday 2026-03-23 09:00 CET (UTC+1) = 08:00Z; DST starts 2026-03-29; next Monday 09:00 CEST = 07:00Z.
    const start = new Date("2026-03-23T08:00:00Z");
    const got = occurrences({ rrule: "FREQ=WEEKLY;BYDAY=MO", start, durationMs: 3_600_000, timeZone: "Europe/Berlin", from: new Date("2026-03-20T00:00:00Z"), to: new Date("2026-04-10T00:00:00Z") });
    expect(got.map((d) => d.toISOString())).toEqual(["2026-03-23T08:00:00.000Z", "2026-03-30T07:00:00.000Z", "2026-04-06T07:00:00.000Z"]);
  });

  it("handles the autumn change and New York too", () => {
    const start = new Date("2026-10-30T13:00:00Z"); // Fri 09:00 EDT
    const got = occurrences({ rrule: "FREQ=WEEKLY;COUNT=2", start, durationMs: 1_800_000, timeZone: "America/New_York", from: new Date("2026-10-01T00:00:00Z"), to: new Date("2026-12-01T00:00:00Z") });
    expect(got.map((d) => d.toISOString())).toEqual(["2026-10-30T13:00:00.000Z", "2026-11-06T14:00:00.000Z"]);
  });

  it("skips exception dates, knows the series end, and cuts a series", () => {
    const start = new Date("2026-01-05T10:00:00Z");
    const all = occurrences({ rrule: "FREQ=DAILY;COUNT=5", start, durationMs: 3_600_000, timeZone: "UTC", from: start, to: new Date("2026-02-01T00:00:00Z"), exdates: ["2026-01-07T10:00:00.000Z"] });
    expect(all).toHaveLength(4);
    expect(seriesEnd("FREQ=DAILY;COUNT=5", start, 3_600_000, "UTC")?.toISOString()).toBe("2026-01-09T11:00:00.000Z");
    expect(seriesEnd("FREQ=DAILY", start, 3_600_000, "UTC")).toBeNull();
    expect(nextOccurrence("FREQ=DAILY", start, "UTC", new Date("2026-01-06T10:00:01Z"))?.toISOString()).toBe("2026-01-07T10:00:00.000Z");
    const cut = untilBefore("FREQ=DAILY;COUNT=5", new Date("2026-01-08T10:00:00Z"));
    expect(occurrences({ rrule: cut, start, durationMs: 3_600_000, timeZone: "UTC", from: start, to: new Date("2026-02-01T00:00:00Z") })).toHaveLength(3);
  });
});

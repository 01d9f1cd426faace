import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { occurrences, seriesEnd, nextOccurrence, untilBefore, validateRule, assertRepeats, parseRule, rebase } from "../../worker/modules/calendar/recurrence";

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

describe("rules that would stall every listing (found while fuzzing, issue #6)", () => {
  it("refuses rules that repeat more than daily, never advance, count too far or never match", () => {
    for (const rule of ["FREQ=SECONDLY", "FREQ=HOURLY", "FREQ=DAILY;BYHOUR=1,2", "FREQ=DAILY;BYMINUTE=0,30", "FREQ=DAILY;INTERVAL=0", "FREQ=DAILY;COUNT=100000"]) {
      expect(() => validateRule(rule), rule).toThrow();
    }
    const t0 = Date.now();
    // rrule checks UNTIL/COUNT only on a match: without the probe these searched to the year 9999 (84 s).
    expect(() => assertRepeats("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31", new Date("2026-12-01T10:00:00Z"), "UTC")).toThrow("never repeats");
    expect(() => assertRepeats("FREQ=YEARLY;BYMONTH=2", new Date("2026-12-30T10:00:00Z"), "Europe/Berlin")).toThrow("never repeats");
    expect(() => assertRepeats("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO", new Date("2026-12-01T10:00:00Z"), "UTC")).not.toThrow();
    expect(() => assertRepeats("FREQ=YEARLY", new Date("2028-02-29T10:00:00Z"), "UTC")).not.toThrow();
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it("expands a daily series begun long ago from shortly before the window, with the same occurrences", () => {
    const t0 = Date.now();
    const got = occurrences({ rrule: "FREQ=DAILY;INTERVAL=3", start: new Date("1901-01-01T09:00:00Z"), durationMs: 3_600_000, timeZone: "Europe/Berlin", from: new Date("2026-06-01T00:00:00Z"), to: new Date("2026-06-10T00:00:00Z") });
    expect(Date.now() - t0).toBeLessThan(500);
    expect(got.length).toBe(3);
    const week = fc.subarray(["MO", "TU", "WE", "TH", "FR", "SA", "SU"], { minLength: 1 });
    const rule = fc.tuple(fc.constantFrom("DAILY", "WEEKLY"), fc.integer({ min: 1, max: 4 }), week, fc.constantFrom("MO", "SU"), fc.boolean())
      .map(([f, i, days, wkst, pos]) => `FREQ=${f};INTERVAL=${i};BYDAY=${days.join(",")};WKST=${wkst}${pos && f === "WEEKLY" && days.length > 1 ? ";BYSETPOS=-1" : ""}`);
    const date = (min: string, max: string) => fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true });
    fc.assert(
      fc.property(rule, date("1995-01-01", "2030-01-01"), date("2020-01-01", "2035-01-01"), fc.integer({ min: 1, max: 40 }), (rrule, start, from, days) => {
        const r = parseRule(rrule, start, "UTC");
        const to = new Date(from.getTime() + days * 86_400_000);
        expect(rebase(r, new Date(from.getTime() - 86_400_000)).between(from, to, true)).toEqual(r.between(from, to, true));
      }),
      { numRuns: 40, seed: 6 },
    );
  });
});

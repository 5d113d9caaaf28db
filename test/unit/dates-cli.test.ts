// How --period and --as-of become the as-of date, against an injected today.
import { describe, expect, it } from "vitest";
import { localToday, resolveDates } from "../../src/options.ts";
import { UsageError } from "../../src/errors.ts";

describe("resolveDates({period, asOf, today})", () => {
  const today = "2026-12-01";

  it("computes a past quarter as of its last day", () => {
    expect(resolveDates({ period: "2026-Q3", today })).toEqual({ asOf: "2026-09-30", period: "2026-Q3" });
  });

  it("computes the current quarter to date, as of today", () => {
    expect(resolveDates({ period: "2026-Q4", today })).toEqual({ asOf: "2026-12-01", period: "2026-Q4" });
  });

  it("refuses an as-of date after today, a quarter not started and a day that does not exist", () => {
    expect(() => resolveDates({ asOf: "2026-12-02", today })).toThrow("--as-of 2026-12-02 is after today (2026-12-01)");
    expect(() => resolveDates({ period: "2027-Q1", today })).toThrow(UsageError);
    expect(() => resolveDates({ asOf: "2026-02-31", today })).toThrow("--as-of 2026-02-31 is not a date");
    expect(() => resolveDates({ asOf: "2026-9-30", today })).toThrow("--as-of 2026-9-30 is not a date");
    expect(resolveDates({ asOf: today, today })).toEqual({ asOf: today, period: "2026-Q4" });
  });

  it("computes a month (the monthly report's) as of its last day, the current month to date, in its quarter", () => {
    expect(resolveDates({ period: "2026-10", today })).toEqual({ asOf: "2026-10-31", period: "2026-Q4" });
    expect(resolveDates({ period: "2026-02", today })).toEqual({ asOf: "2026-02-28", period: "2026-Q1" });
    expect(resolveDates({ period: "2026-12", today })).toEqual({ asOf: "2026-12-01", period: "2026-Q4" });
    expect(() => resolveDates({ period: "2027-01", today })).toThrow(
      "--period 2027-01 has not started yet (today is 2026-12-01)",
    );
    expect(() => resolveDates({ period: "2026-13", today })).toThrow("--period 2026-13 is not a quarter or a month");
  });

  it("reads today from the local calendar", () => {
    // The date of the local calendar (the CLI test checks it in UTC+14 and UTC−11).
    const evening = new Date(2026, 11, 1, 20, 0);
    expect(localToday(evening)).toBe("2026-12-01");
  });
});

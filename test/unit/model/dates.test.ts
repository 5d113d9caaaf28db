import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  fromDay,
  inPeriod,
  nextPeriod,
  parsePeriod,
  periodOf,
  toDay,
} from "../../../src/model/dates.ts";

describe("toDay(iso) / fromDay(day)", () => {
  it("counts whole days since 1970-01-01", () => {
    expect(toDay("1970-01-01")).toBe(0);
    expect(toDay("1970-01-02")).toBe(1);
    expect(toDay("2026-01-01")).toBe(20454);
  });

  it("round-trips, leap days included", () => {
    for (const iso of ["2024-02-29", "2026-12-31", "1999-03-01"]) expect(fromDay(toDay(iso))).toBe(iso);
  });

  it("throws on anything but a calendar day", () => {
    expect(() => toDay("2026-02-30")).toThrow(RangeError);
    expect(() => toDay("2026-1-5")).toThrow(RangeError);
  });
});

describe("daysBetween(from, to)", () => {
  it("is end-exclusive: the same day is 0", () => {
    expect(daysBetween("2026-03-01", "2026-03-01")).toBe(0);
    expect(daysBetween("2026-02-28", "2026-03-01")).toBe(1);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
  });

  it("is negative when to is earlier", () => {
    expect(daysBetween("2026-01-10", "2026-01-01")).toBe(-9);
  });

  it("ignores daylight saving (whole UTC days)", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
  });
});

describe("addDays(iso, days)", () => {
  it("crosses months and years", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("parsePeriod(id)", () => {
  it("gives the quarter's first and last day", () => {
    expect(parsePeriod("2026-Q3")).toEqual({ id: "2026-Q3", start: "2026-07-01", end: "2026-09-30" });
    expect(parsePeriod("2026-Q1")).toEqual({ id: "2026-Q1", start: "2026-01-01", end: "2026-03-31" });
    expect(parsePeriod("2024-Q4")).toEqual({ id: "2024-Q4", start: "2024-10-01", end: "2024-12-31" });
  });

  it("is null for anything not written YYYY-Qn", () => {
    expect(parsePeriod("2026-Q5")).toBeNull();
    expect(parsePeriod("2026Q3")).toBeNull();
    expect(parsePeriod("2026-q3")).toBeNull();
  });
});

describe("nextPeriod(period)", () => {
  it("moves to the next quarter, across the year", () => {
    expect(nextPeriod(parsePeriod("2026-Q3")!).id).toBe("2026-Q4");
    expect(nextPeriod(parsePeriod("2026-Q4")!)).toEqual({ id: "2027-Q1", start: "2027-01-01", end: "2027-03-31" });
  });
});

describe("periodOf(date)", () => {
  it("finds the quarter a date lies in", () => {
    expect(periodOf("2026-09-30").id).toBe("2026-Q3");
    expect(periodOf("2026-10-01").id).toBe("2026-Q4");
    expect(periodOf("2026-01-01").id).toBe("2026-Q1");
  });
});

describe("inPeriod(date, period)", () => {
  it("includes both ends", () => {
    const q = parsePeriod("2026-Q2")!;
    expect(inPeriod("2026-04-01", q)).toBe(true);
    expect(inPeriod("2026-06-30", q)).toBe(true);
    expect(inPeriod("2026-07-01", q)).toBe(false);
  });
});

describe("toDay(iso) against Date", () => {
  it("agrees with Date.UTC on every day from 1899 to 2101", () => {
    for (let ms = Date.UTC(1899, 0, 1); ms <= Date.UTC(2101, 11, 31); ms += 86_400_000) {
      const iso = new Date(ms).toISOString().slice(0, 10);
      expect(toDay(iso)).toBe(ms / 86_400_000);
      expect(fromDay(ms / 86_400_000)).toBe(iso);
    }
  });

  it("knows leap years", () => {
    expect(() => toDay("2100-02-29")).toThrow(RangeError);
    expect(() => toDay("2000-02-29")).not.toThrow();
    expect(() => toDay("2026-04-31")).toThrow(RangeError);
    expect(() => toDay("2026-13-01")).toThrow(RangeError);
  });
});

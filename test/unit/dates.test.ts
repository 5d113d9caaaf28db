import { describe, expect, it } from "vitest";
import { calendarDate, readDate } from "../../src/dates.ts";

describe("calendarDate(written)", () => {
  it.each([
    ["115/11/22", "2026-11-22", "a Minguo (ROC) date"],
    ["民國115年11月22日", "2026-11-22", "a Minguo (ROC) date"],
    ["令和8年11月22日", "2026-11-22", "a Japanese era date (令和)"],
    ["R8.11.22", "2026-11-22", "a Japanese era date (令和)"],
    ["令和元年5月1日", "2019-05-01", "a Japanese era date (令和)"],
    ["H31.4.30", "2019-04-30", "a Japanese era date (平成)"],
  ])("%s is %s", (written, date, calendar) => expect(calendarDate(written)).toEqual({ date, calendar }));
  it("leaves Gregorian dates alone", () => {
    expect(calendarDate("2026-11-22")).toBeNull();
    expect(calendarDate("22/11/26")).toBeNull();
  });
});

describe("readDate(raw, format)", () => {
  it("answers a Minguo date with the day it stands for", () =>
    expect(readDate("115/11/22", "YMD")).toEqual({
      problem: "is a Minguo (ROC) date",
      fix: "write the day it stands for as YYYY-MM-DD: 2026-11-22",
    }));
  it("reads day first in DMY", () => expect(readDate("02.06.2025", "DMY")).toEqual({ date: "2025-06-02" }));
  it("reads month first in MDY", () => expect(readDate("03/31/2027", "MDY")).toEqual({ date: "2027-03-31" }));
});

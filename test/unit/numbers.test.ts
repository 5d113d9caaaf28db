import { describe, expect, it } from "vitest";
import { numberFormatOf, readIn, readNumber, withoutMark } from "../../src/numbers.ts";

describe("numberFormatOf(locale)", () => {
  it.each([
    ["en-US", "1,234.5"],
    ["ja-JP", "1,234.5"],
    ["de-DE", "1.234,5"],
    ["es-ES", "1.234,5"],
    ["pt-BR", "1.234,5"],
    ["fr-FR", "1 234,5"],
    ["de-CH", "1'234.5"],
    ["zh-CN", "1,234.5"],
    ["ko-KR", "1,234.5"],
  ])("%s writes %s", (locale, format) => expect(numberFormatOf(locale)).toBe(format));
});

describe("readIn(text, format)", () => {
  it("reads each format's thousands and decimal marks", () => {
    expect(readIn("1,234.5", "1,234.5")).toBe(1234.5);
    expect(readIn("1.234,5", "1.234,5")).toBe(1234.5);
    expect(readIn("18.400", "1.234,5")).toBe(18400);
    expect(readIn("1\u202f234,5", "1 234,5")).toBe(1234.5);
    expect(readIn("1 234,5", "1 234,5")).toBe(1234.5);
    expect(readIn("1'234.5", "1'234.5")).toBe(1234.5);
    expect(readIn("-0,75", "1.234,5")).toBe(-0.75);
    expect(readIn(".5", "1,234.5")).toBe(0.5);
  });
  it("refuses what the format does not write", () => {
    expect(readIn("1.234,5", "1,234.5")).toBeNull();
    expect(readIn("12,34", "1,234.5")).toBeNull();
    expect(readIn("1e309", "1,234.5")).toBeNull();
    expect(readIn("", "1,234.5")).toBeNull();
  });
});

describe("readNumber(raw, format)", () => {
  it("names both readings of a value the two common formats read differently", () => {
    expect(readNumber("2.000", "1 234,5")).toEqual({
      problem:
        "is not written in numberFormat 1 234,5, and reads differently in the other formats (2 in 1,234.5, 2000 in 1.234,5)",
      fix: "write the number you mean as 1 234,5 writes it, e.g. 2 or 2000",
    });
  });
  it("gives the one reading of a value written in another format", () => {
    expect(readNumber("91,50", "1,234.5")).toEqual({
      problem: "is not written in numberFormat 1,234.5",
      fix: 'write 91.5 (or set "numberFormat": "1.234,5" for the customer)',
    });
  });
  it("reads numbers as they are", () => expect(readNumber(0.82, "1.234,5")).toEqual({ value: 0.82 }));
});

describe("withoutMark(text, unit)", () => {
  it("takes off the customer's currency and a % sign", () => {
    expect(withoutMark("$2,000", { currency: "USD" })).toEqual({ text: "2,000", mark: "$" });
    expect(withoutMark("1.234,50 €", { currency: "EUR" })).toEqual({ text: "1.234,50", mark: "€" });
    expect(withoutMark("NT$60,000", { currency: "TWD" })).toEqual({ text: "60,000", mark: "NT$" });
    expect(withoutMark("71%", { percent: true })).toEqual({ text: "71", mark: "%" });
  });
  it("leaves another currency's symbol, which the unit does not make unambiguous", () => {
    expect(withoutMark("¥200,000", { currency: "USD" })).toBeNull();
    expect(withoutMark("71%", { currency: "USD" })).toBeNull();
  });
});

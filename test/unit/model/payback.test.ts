import { describe, expect, it } from "vitest";
import { costLedger } from "../../../src/model/ledger.ts";
import { paybackCurve, sampleDays } from "../../../src/model/payback.ts";
import { buildReport } from "../../../src/model/report.ts";
import type { MonetizedMetric } from "../../../src/model/value.ts";
import { cost, customer, customerData, measurement, metric } from "./factories.ts";

// One hour saved a week is worth 700 (100 a day); 15 hours at baseline.
const hours = metric({ value_per_unit: 700, per: "week" }) as MonetizedMetric;
const rows = [measurement("2026-02-01", 14), measurement("2026-03-01", 5)];
const ledger = costLedger([cost({ item: "Setup", amount: 10_000, per: "once", start: "2026-01-15" })], [], {
  start: "2026-01-01",
}).entries;
const input = (over = {}) => ({
  metrics: [hours],
  verified: ["M1"],
  rowsOf: () => rows,
  ledger,
  paybackDate: "2026-03-14",
  verifiedPaybackDate: "2026-03-14",
  breakEven: null,
  ...over,
});

describe("sampleDays(from, to, extra)", () => {
  it("is the first day, each month's last day, the extra days within, and the last day, once each", () => {
    expect(sampleDays("2026-01-15", "2026-03-10", ["2026-02-20", "2025-12-01", null, "2026-01-31"])).toEqual([
      "2026-01-15",
      "2026-01-31",
      "2026-02-20",
      "2026-02-28",
      "2026-03-10",
    ]);
  });
});

describe("paybackCurve(input, asOf)", () => {
  it("is null without a monetized metric or a cost", () => {
    expect(paybackCurve(input({ metrics: [] }), "2026-04-30")).toBeNull();
    expect(paybackCurve(input({ ledger: [] }), "2026-04-30")).toBeNull();
  });

  it("sums value claimed and cost day by day, crossing on the payback date", () => {
    const curve = paybackCurve(input(), "2026-04-30")!;
    expect(curve.points.map((p) => p.date)).toEqual([
      "2026-01-15",
      "2026-01-31",
      "2026-02-28",
      "2026-03-14",
      "2026-03-31",
      "2026-04-30",
    ]);
    // An hour saved from Feb 1 (100 a day), ten from Mar 1; a day's value counts from the next day (end-exclusive).
    const at = (d: string) => curve.points.find((p) => p.date === d)!;
    expect(at("2026-01-31")).toEqual({ date: "2026-01-31", value: 0, verified: 0, cost: 10_000 });
    expect(at("2026-02-28").value).toBe(2700); // 27 days × 1 hour × 100
    expect(at("2026-03-14").value).toBe(15_800); // 28 days × 100, then 13 days × 10 hours × 100
    expect(at("2026-03-14").value).toBeGreaterThanOrEqual(at("2026-03-14").cost);
    expect(at("2026-02-28").value).toBeLessThan(at("2026-02-28").cost);
  });

  it("counts verified value only to the last measurement, and none for an unverified metric", () => {
    const verified = paybackCurve(input(), "2026-04-30")!;
    const last = verified.points.at(-1)!;
    expect(last.value).toBe(2800 + 60 * 1000); // March and April at 10 hours, projected after Mar 1
    expect(last.verified).toBe(2800); // measured up to Mar 1 only
    const none = paybackCurve(input({ verified: [] }), "2026-04-30")!;
    expect(none.points.every((p) => p.verified === 0)).toBe(true);
  });

  it("marks the projected break-even only while nothing has paid back", () => {
    expect(paybackCurve(input({ breakEven: "2027-01-01" }), "2026-04-30")!.breakEven).toBeNull();
    const before = paybackCurve(
      input({ paybackDate: null, verifiedPaybackDate: null, breakEven: "2027-01-01" }),
      "2026-02-10",
    )!;
    expect(before.breakEven).toBe("2027-01-01");
  });

  it("ends on the report's payback dates and figures in report.json", () => {
    const data = customerData({
      customer: customer({ costs: [cost({ item: "Setup", amount: 10_000, per: "once", start: "2026-01-15" })] }),
      metrics: [hours],
      measurements: rows,
      present: ["metrics", "measurements"],
    });
    const r = buildReport(data, { asOf: "2026-04-30", period: null });
    const last = r.paybackCurve!.points.at(-1)!;
    expect(last).toMatchObject({ date: "2026-04-30", value: r.roi.valueToDate, cost: r.roi.costToDate });
    expect(r.paybackCurve!.paybackDate).toBe(r.roi.paybackDate);
    expect(r.paybackCurve!.points.map((p) => p.date)).toContain(r.roi.paybackDate);
  });
});

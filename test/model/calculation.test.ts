import { describe, expect, it } from "vitest";
import { costStep, valueStep } from "../../src/model/calculation.ts";
import { valueToDate, type MonetizedMetric } from "../../src/model/value.ts";
import { cost, measurement, metric } from "./factories.ts";

// 15 hours/week at baseline, one hour saved a week is worth 80; 5 hours from 2026-02-01, 3 from 2026-02-15.
const hours = metric({ value_per_unit: 80, per: "week" }) as MonetizedMetric;
const saved = [measurement("2026-02-01", 5), measurement("2026-02-15", 3)];

describe("valueStep(metric, measurements, asOf)", () => {
  it("gives the latest improvement, the improvement accrued in the metric's per, and since when", () => {
    // (10 × 14 + 12 × 14) / 7 = 44 hour/week-weeks, i.e. 44 hours saved.
    expect(valueStep(hours, saved, "2026-03-01")).toEqual({ id: "M1", improvement: 12, accrued: 44, since: "2026-02-01", periodsPerYear: 52.1786 });
  });

  it("multiplies back to the value to date", () => {
    const step = valueStep(hours, saved, "2026-03-01");
    expect(step.accrued * hours.value_per_unit).toBeCloseTo(valueToDate(hours, saved, "2026-03-01"), 6);
  });

  it("is zero before any measurement", () => {
    expect(valueStep(hours, saved, "2026-01-31")).toEqual({ id: "M1", improvement: 0, accrued: 0, since: null, periodsPerYear: 52.1786 });
  });

  it("counts a regression as a negative improvement", () => {
    expect(valueStep(hours, [measurement("2026-02-01", 17)], "2026-02-08")).toMatchObject({ improvement: -2, accrued: -2 });
  });

  it("gives the periods per year of each per", () => {
    const per = (p: MonetizedMetric["per"]) => valueStep({ ...hours, per: p }, [], "2026-03-01").periodsPerYear;
    expect([per("month"), per("quarter"), per("year")]).toEqual([12, 4, 1]);
  });
});

describe("costStep(cost, asOf)", () => {
  it("gives the periods a recurring cost has run", () => {
    expect(costStep(cost({ item: "Licence", start: "2026-01-01", end: "2026-04-01" }), "2026-12-31")).toEqual({ item: "Licence", periods: 2.9569 }); // 90 / 30.4375
  });

  it("has no periods for a once-cost", () => {
    expect(costStep(cost({ item: "Setup", per: "once" }), "2026-12-31")).toEqual({ item: "Setup", periods: null });
  });
});

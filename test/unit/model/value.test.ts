import { describe, expect, it } from "vitest";
import {
  costDays,
  costToDate,
  improvement,
  improvementDays,
  isMonetized,
  paybackDate,
  perDays,
  projectedFrom,
  projectedValueToDate,
  roi,
  runRate,
  valueToDate,
  type MonetizedMetric,
} from "../../../src/model/value.ts";
import { buildReport } from "../../../src/model/report.ts";
import { cost, customer, customerData, measurement, metric } from "./factories.ts";

// 15 hours/week of manual work at baseline; one hour saved a week is worth 80.
const hours = metric({ value_per_unit: 80, per: "week" }) as MonetizedMetric;
// 5 hours on day 0 (2026-02-01), 3 hours on day 14; day 28 is 2026-03-01.
const saved = [measurement("2026-02-01", 5), measurement("2026-02-15", 3)];

describe("perDays(per)", () => {
  it("is 7, 365.25/12, 365.25/4, 365.25", () => {
    expect(perDays("week")).toBe(7);
    expect(perDays("month")).toBe(30.4375);
    expect(perDays("quarter")).toBe(91.3125);
    expect(perDays("year")).toBe(365.25);
  });
});

describe("isMonetized(metric)", () => {
  it("needs both value_per_unit and per", () => {
    expect(isMonetized(hours)).toBe(true);
    expect(isMonetized(metric({ value_per_unit: 80 }))).toBe(false);
    expect(isMonetized(metric({ per: "week" }))).toBe(false);
  });
});

describe("improvement(metric, value)", () => {
  it("is baseline − value for down metrics and value − baseline for up metrics", () => {
    expect(improvement(hours, 5)).toBe(10);
    expect(improvement(hours, 17)).toBe(-2);
    expect(improvement(metric({ direction: "up", baseline: 100, target: 150 }), 110)).toBe(10);
  });
});

describe("valueToDate(metric, measurements, asOf)", () => {
  it("holds each improvement until the next measurement: 10×80×14/7 + 12×80×14/7 = 3520", () => {
    expect(valueToDate(hours, saved, "2026-03-01")).toBeCloseTo(3520, 9);
  });

  it("holds the last improvement until asOf", () => {
    expect(valueToDate(hours, saved, "2026-02-08")).toBeCloseTo(800, 9); // 10 × 80 × 7/7
  });

  it("counts nothing from the baseline date to the first measurement, nor before it", () => {
    expect(valueToDate(hours, saved, "2026-02-01")).toBe(0);
    expect(valueToDate(hours, saved, "2026-01-15")).toBe(0);
    expect(valueToDate(hours, [], "2026-12-31")).toBe(0);
  });

  it("counts a regression as negative value", () => {
    // 17 hours: 2 worse than baseline, for 7 days → −2 × 80 × 7/7 = −160.
    expect(valueToDate(hours, [measurement("2026-02-01", 17)], "2026-02-08")).toBeCloseTo(-160, 9);
  });

  it("works for up metrics per month", () => {
    // 110 deals vs 100 at baseline, worth 50 each a month, for 182 days: 10 × 50 × 182 / 30.4375.
    const deals = metric({
      direction: "up",
      baseline: 100,
      target: 150,
      value_per_unit: 50,
      per: "month",
    }) as MonetizedMetric;
    expect(valueToDate(deals, [measurement("2026-01-01", 110)], "2026-07-02")).toBeCloseTo(
      (10 * 50 * 182) / 30.4375,
      9,
    );
  });
});

describe("improvementDays(metric, measurements, asOf)", () => {
  it("is Σ improvement × days held: 10×14 + 12×14 = 308", () => {
    expect(improvementDays(hours, saved, "2026-03-01")).toBe(308);
  });

  it("is 0 before the first measurement", () => {
    expect(improvementDays(hours, saved, "2026-01-31")).toBe(0);
  });
});

describe("runRate(metric, measurements, asOf)", () => {
  it("is the latest improvement × value_per_unit × periods per year", () => {
    expect(runRate(hours, saved, "2026-03-01")).toBeCloseTo((12 * 80 * 365.25) / 7, 9);
    expect(runRate(hours, saved, "2026-02-14")).toBeCloseTo((10 * 80 * 365.25) / 7, 9);
  });

  it("is 0 before the first measurement", () => {
    expect(runRate(hours, saved, "2026-01-31")).toBe(0);
  });
});

describe("costToDate(cost, asOf)", () => {
  it("counts a once-cost in full from its date", () => {
    const setup = cost({ amount: 5000, per: "once", start: "2026-03-01" });
    expect(costToDate(setup, "2026-02-28")).toBe(0);
    expect(costToDate(setup, "2026-03-01")).toBe(5000);
  });

  it("prorates a recurring cost by day, end-exclusive", () => {
    const licence = cost({ amount: 1000, per: "month", start: "2026-01-01" });
    expect(costToDate(licence, "2026-01-01")).toBe(0);
    expect(costToDate(licence, "2026-07-02")).toBeCloseTo((1000 * 182) / 30.4375, 9);
    expect(costToDate(cost({ amount: 36525, per: "year", start: "2026-01-01" }), "2026-01-11")).toBeCloseTo(1000, 9);
    expect(costToDate(cost({ amount: 70, per: "week", start: "2026-01-01" }), "2026-01-15")).toBeCloseTo(140, 9);
    expect(costToDate(cost({ amount: 9131.25, per: "quarter", start: "2026-01-01" }), "2026-01-02")).toBeCloseTo(
      100,
      9,
    );
  });

  it("stops a recurring cost at its end date", () => {
    const pilot = cost({ amount: 1000, per: "month", start: "2026-01-01", end: "2026-04-01" });
    expect(costToDate(pilot, "2026-12-31")).toBeCloseTo((1000 * 90) / 30.4375, 9);
    expect(costToDate(pilot, "2026-02-01")).toBeCloseTo((1000 * 31) / 30.4375, 9);
  });

  it("is 0 before the cost starts", () => {
    expect(costToDate(cost({ start: "2026-05-01" }), "2026-04-30")).toBe(0);
  });
});

describe("costDays(cost, asOf)", () => {
  it("counts the days a recurring cost has run, up to its end", () => {
    expect(costDays(cost({ start: "2026-01-01" }), "2026-01-31")).toBe(30);
    expect(costDays(cost({ start: "2026-01-01", end: "2026-01-11" }), "2026-12-31")).toBe(10);
  });

  it("is 0 for a once-cost and before the start", () => {
    expect(costDays(cost({ per: "once" }), "2026-12-31")).toBe(0);
    expect(costDays(cost({ start: "2026-05-01" }), "2026-04-01")).toBe(0);
  });
});

describe("roi(value, cost)", () => {
  it("is (value − cost) / cost", () => {
    expect(roi(3520, 1000)).toBeCloseTo(2.52, 12);
    expect(roi(500, 1000)).toBe(-0.5);
  });

  it("is null when nothing was spent", () => {
    expect(roi(3520, 0)).toBeNull();
  });
});

describe("paybackDate(metrics, measurements, costs, asOf)", () => {
  const setup = cost({ item: "Setup", amount: 3520, per: "once", start: "2026-02-01" });

  it("is the first day cumulative value reaches cumulative cost", () => {
    // Value is 3520 on day 28 (2026-03-01), exactly the once-cost.
    expect(paybackDate([hours], saved, [setup], "2026-06-30")).toBe("2026-03-01");
    expect(paybackDate([hours], saved, [setup], "2026-03-01")).toBe("2026-03-01");
  });

  it("is null when value has not caught up by asOf", () => {
    expect(paybackDate([hours], saved, [setup], "2026-02-28")).toBeNull();
  });

  it("is null when value never catches up", () => {
    expect(
      paybackDate([hours], saved, [cost({ amount: 1e6, per: "once", start: "2026-01-01" })], "2026-12-31"),
    ).toBeNull();
  });

  it("needs some cost: no costs, no payback", () => {
    expect(paybackDate([hours], saved, [], "2026-12-31")).toBeNull();
  });

  it("starts once a recurring cost has cost something", () => {
    // Day 0: value 0, cost 0 (not yet a payback); day 1: value 114.29 ≥ cost 32.85.
    const licence = cost({ amount: 1000, per: "month", start: "2026-02-01" });
    expect(paybackDate([hours], saved, [licence], "2026-12-31")).toBe("2026-02-02");
  });

  it("is the cost's own day when value already exceeds a later once-cost", () => {
    const late = cost({ amount: 500, per: "once", start: "2026-02-20" });
    expect(paybackDate([hours], saved, [late], "2026-12-31")).toBe("2026-02-20");
  });

  it("matches valueToDate and costToDate on the day it names", () => {
    const licence = cost({ amount: 3000, per: "month", start: "2026-01-15", end: "2026-03-15" });
    const day = paybackDate([hours], saved, [licence], "2026-12-31")!;
    expect(valueToDate(hours, saved, day)).toBeGreaterThanOrEqual(costToDate(licence, day));
    const before = new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);
    expect(valueToDate(hours, saved, before)).toBeLessThan(costToDate(licence, before));
  });

  it("is null when asOf comes before any cost or measurement", () => {
    expect(paybackDate([hours], saved, [setup], "2026-01-15")).toBeNull();
    expect(paybackDate([], [], [], "2026-01-15")).toBeNull();
  });
});

describe("value after a metric's last measurement is projected at the last measured level and kept out of verified value", () => {
  // Measured 5 hours (10 saved) on Feb 1 and 3 (12 saved) on Feb 15; as of Mar 1 the 14 days after Feb 15 are projected.
  const perDay = 80 / 7;

  it("value after the last measurement is projected at the last measured level, from that measurement's date", () => {
    expect(projectedValueToDate(hours, saved, "2026-03-01")).toBeCloseTo(12 * 14 * perDay, 9);
    expect(projectedFrom(hours, saved, "2026-03-01")).toBe("2026-02-15");
    expect(valueToDate(hours, saved, "2026-03-01")).toBeCloseTo((10 * 14 + 12 * 14) * perDay, 9);
  });

  it("a metric measured on the as-of date projects nothing; an unmeasured one has nothing to project", () => {
    expect(projectedValueToDate(hours, saved, "2026-02-15")).toBe(0);
    expect(projectedFrom(hours, saved, "2026-02-15")).toBeNull();
    expect(projectedFrom(hours, [], "2026-03-01")).toBeNull();
    expect(projectedValueToDate(hours, [], "2026-03-01")).toBe(0);
  });

  it("the verified payback counts measured value only: value stops at each metric's last measurement", () => {
    // 12 hours saved a week from Feb 1 is 137.14/day; a once-cost of 2000 is covered on day 15 of held value.
    const flat = [measurement("2026-02-01", 3), measurement("2026-02-10", 3)];
    const setup = [cost({ per: "once", amount: 2000, start: "2026-02-01" })];
    expect(paybackDate([hours], flat, setup, "2026-03-01")).toBe("2026-02-16");
    expect(paybackDate([hours], flat, setup, "2026-03-01", { measuredOnly: true })).toBeNull();
    const later = [...flat, measurement("2026-02-20", 3)];
    expect(paybackDate([hours], later, setup, "2026-03-01", { measuredOnly: true })).toBe("2026-02-16");
  });

  it("report.json: verified value is the measured value of verified metrics; the projection is stated with its date", () => {
    const data = customerData({
      customer: customer({ costs: [{ item: "Setup", amount: 1000, per: "once", start: "2026-02-01" }] }),
      metrics: [metric({ value_per_unit: 80, per: "week" })],
      measurements: saved.map((m) => ({ ...m, source: "Timesheets" })),
    });
    const r = buildReport(data, { asOf: "2026-03-01", period: null });
    expect(r.metrics[0].projectedFrom).toBe("2026-02-15");
    expect(r.metrics[0].projectedValueToDate).toBe(1920);
    expect(r.roi.valueToDate).toBe(3520);
    expect(r.roi.projectedValueToDate).toBe(1920);
    expect(r.roi.projectedFrom).toBe("2026-02-15");
    expect(r.roi.unverifiedMetrics).toEqual([]);
    expect(r.roi.verifiedValueToDate).toBe(1600);
    expect(r.roiCalculation.metrics[0]).toMatchObject({ projectedFrom: "2026-02-15", projectedUnitDays: 168 });
  });
});

import { describe, expect, it } from "vitest";
import { costStep, valueStep } from "../../../src/model/calculation.ts";
import { costLedger } from "../../../src/model/ledger.ts";
import { costToDate, runRate, valueToDate, type MonetizedMetric } from "../../../src/model/value.ts";
import { cost, financial, measurement, metric } from "./factories.ts";

// 15 hours/week at baseline, one hour saved a week is worth 80; 5 hours from 2026-02-01, 3 from 2026-02-15.
const hours = metric({ value_per_unit: 80, per: "week" }) as MonetizedMetric;
const saved = [measurement("2026-02-01", 5), measurement("2026-02-15", 3)];
const engagement = { start: "2026-01-01" };
const entry = (c: Parameters<typeof cost>[0], rows = [] as ReturnType<typeof financial>[]) =>
  costLedger([cost(c)], rows, engagement).entries[0];

describe("valueStep(metric, measurements, asOf)", () => {
  it("gives the latest improvement, the improvement held in unit-days, the days per period and since when", () => {
    // 10 × 14 + 12 × 14 = 308 (hours/week) × days.
    expect(valueStep(hours, saved, "2026-03-01")).toEqual({
      id: "M1",
      improvement: 12,
      unitDays: 308,
      perDays: 7,
      daysPerYear: 365.25,
      since: "2026-02-01",
      // 12 × 14: the days after the last measurement (Feb 15) are projected at its level.
      projectedFrom: "2026-02-15",
      projectedUnitDays: 168,
    });
  });

  it("multiplies back to the value to date and the run-rate as printed: unitDays × value ÷ perDays", () => {
    const step = valueStep(hours, saved, "2026-03-01");
    expect((step.unitDays * hours.value_per_unit) / step.perDays).toBeCloseTo(
      valueToDate(hours, saved, "2026-03-01"),
      6,
    );
    expect((step.improvement * hours.value_per_unit * step.daysPerYear) / step.perDays).toBeCloseTo(
      runRate(hours, saved, "2026-03-01"),
      6,
    );
  });

  it("is zero before any measurement", () => {
    expect(valueStep(hours, saved, "2026-01-31")).toEqual({
      id: "M1",
      improvement: 0,
      unitDays: 0,
      perDays: 7,
      daysPerYear: 365.25,
      since: null,
      projectedFrom: null,
      projectedUnitDays: 0,
    });
  });

  it("counts a regression as a negative improvement", () => {
    expect(valueStep(hours, [measurement("2026-02-01", 17)], "2026-02-08")).toMatchObject({
      improvement: -2,
      unitDays: -14,
    });
  });

  it("gives the days of each per", () => {
    const per = (p: MonetizedMetric["per"]) => valueStep({ ...hours, per: p }, [], "2026-03-01").perDays;
    expect([per("month"), per("quarter"), per("year")]).toEqual([30.4375, 91.3125, 365.25]);
  });
});

describe("costStep(entry, asOf)", () => {
  it("gives the days a recurring cost has run and the days of its period", () => {
    const licence = entry({ item: "Licence", start: "2026-01-01", end: "2026-04-01" });
    expect(costStep(licence, "2026-12-31")).toEqual({ item: "Licence", days: 90, divisor: 30.4375 });
    expect((licence.amount * 90) / 30.4375).toBeCloseTo(
      costToDate(cost({ item: "Licence", start: "2026-01-01", end: "2026-04-01" }), "2026-12-31"),
      6,
    );
  });

  it("has no days for a once-cost", () => {
    expect(costStep(entry({ item: "Setup", per: "once" }), "2026-12-31")).toEqual({
      item: "Setup",
      days: null,
      divisor: null,
    });
  });

  it("spreads an actual that supersedes a recurring cost over the cost's days", () => {
    const hypercare = entry({ item: "Hypercare", start: "2026-01-01", end: "2026-04-01" }, [
      financial({ item: "Hypercare", actual: 9000 }),
    ]);
    expect(costStep(hypercare, "2026-02-15")).toEqual({ item: "Hypercare", days: 45, divisor: 90 });
  });
});

describe("costLedger(costs, financials, engagement)", () => {
  it("supersedes a cost's amount with the actual of the row of the same item, and says where they disagree", () => {
    const { entries, disagreements } = costLedger(
      [
        cost({ item: "Setup", amount: 3000, per: "once", start: "2026-01-05" }),
        cost({ item: "Hypercare", amount: 1000, per: "month", start: "2026-01-01", end: "2026-04-01" }),
      ],
      [
        financial({ item: "Setup", actual: 3000 }),
        financial({ item: "Hypercare", actual: 3200, src: { file: "financials.csv", line: 3 } }),
      ],
      engagement,
    );
    expect(entries.map((e) => [e.item, e.basis, e.amount, e.spanDays])).toEqual([
      ["Setup", "actual", 3000, null],
      ["Hypercare", "actual", 3200, 90],
    ]);
    // 1000 a month over 90 days comes to 2956.89, not 3200.
    expect(disagreements).toEqual([
      {
        item: "Hypercare",
        costTotal: (1000 * 90) / 30.4375,
        actual: 3200,
        sources: ["customer.json", "financials.csv:3"],
      },
    ]);
  });

  it("counts a row with no cost as a one-off cost on its date, else on engagement.end, never twice", () => {
    const rows = [
      financial({ item: "Travel", actual: 900, date: "2026-03-01" }),
      financial({ item: "Training", actual: 400 }),
    ];
    expect(
      costLedger([], rows, { start: "2026-01-01", end: "2026-06-30" }).entries.map((e) => [
        e.item,
        e.per,
        e.start,
        e.basis,
      ]),
    ).toEqual([
      ["Travel", "once", "2026-03-01", "financials"],
      ["Training", "once", "2026-06-30", "financials"],
    ]);
    const open = costLedger([cost({ item: "Licence" })], [financial({ item: "Licence", actual: 5000 })], engagement);
    expect(open.entries.map((e) => e.basis)).toEqual(["cost"]);
  });
});

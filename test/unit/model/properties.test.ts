// Properties of the value model over generated customers (fast-check), not only worked examples.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../../src/model/dates.ts";
import { forecast } from "../../../src/model/metrics.ts";
import type { Report } from "../../../src/model/contract.ts";
import { buildReport } from "../../../src/model/report.ts";
import type { CustomerData, Measurement, Metric } from "../../../src/schema.ts";
import { cost, customer, customerData, financial, measurement, metric, milestone } from "./factories.ts";

const START = "2026-01-01";
const day = (n: number) => addDays(START, n);

/** A metric measured on some days of its first 400, with a target either way of its baseline. */
const metricArb = (id: string, line: number) =>
  fc
    .record({
      direction: fc.constantFrom("down" as const, "up" as const),
      baseline: fc.integer({ min: 10, max: 100 }),
      gap: fc.integer({ min: 1, max: 9 }),
      targetDay: fc.integer({ min: 30, max: 400 }),
      monetized: fc.boolean(),
      valuePerUnit: fc.integer({ min: 1, max: 500 }),
      per: fc.constantFrom("week" as const, "month" as const, "quarter" as const, "year" as const),
      unitIsPercent: fc.boolean(),
      points: fc.array(
        fc.record({
          day: fc.integer({ min: 1, max: 420 }),
          value: fc.integer({ min: 0, max: 200 }),
          sourced: fc.boolean(),
        }),
        { maxLength: 8 },
      ),
    })
    .map((g) => {
      const target = g.direction === "down" ? g.baseline - g.gap : g.baseline + g.gap;
      const m = metric({
        id,
        direction: g.direction,
        unit: g.unitIsPercent ? "%" : "hours/week",
        baseline: g.baseline,
        baseline_date: START,
        target,
        target_date: day(g.targetDay),
        ...(g.monetized ? { value_per_unit: g.valuePerUnit, per: g.per } : {}),
        src: { file: "metrics.csv", line },
      });
      const rows = g.points.map((p, i) =>
        measurement(day(p.day), p.value / 2, {
          metric_id: id,
          source: p.sourced ? "Timesheets" : undefined,
          src: { file: "measurements.csv", line: line * 10 + i },
        }),
      );
      return { metric: m, rows };
    });

/** A customer: two metrics, milestones on them, costs and financials. */
const customerArb = fc
  .record({
    a: metricArb("m1", 2),
    b: metricArb("m2", 3),
    milestoneDays: fc.array(
      fc.record({
        day: fc.integer({ min: 10, max: 400 }),
        metric: fc.constantFrom("m1", "m2", null),
        evidence: fc.boolean(),
        revised: fc.option(fc.integer({ min: 0, max: 200 })),
      }),
      { maxLength: 4 },
    ),
    setup: fc.integer({ min: 0, max: 100_000 }),
    monthly: fc.integer({ min: 0, max: 10_000 }),
    extra: fc.option(fc.record({ actual: fc.integer({ min: 0, max: 50_000 }), day: fc.integer({ min: 0, max: 400 }) })),
    end: fc.option(fc.integer({ min: 100, max: 400 })),
  })
  .map((g): CustomerData => {
    const costs = [
      cost({ item: "Setup", amount: g.setup, per: "once", start: day(5) }),
      cost({ item: "Licence", amount: g.monthly, per: "month", start: START }),
    ];
    const financials = g.extra
      ? [financial({ item: "Travel", budget: g.extra.actual, actual: g.extra.actual, date: day(g.extra.day) })]
      : [];
    return customerData({
      customer: customer({
        costs,
        engagement: { name: "E", start: START, closeoutDays: 30, ...(g.end !== null ? { end: day(g.end) } : {}) },
      }),
      metrics: [g.a.metric, g.b.metric],
      measurements: [...g.a.rows, ...g.b.rows],
      milestones: g.milestoneDays.map((m, i) =>
        milestone({
          id: `ms${i + 1}`,
          target_date: day(m.day),
          ...(m.metric ? { metric_id: m.metric } : {}),
          ...(m.evidence ? { evidence: ["https://example.com/proof"] } : {}),
          ...(m.revised !== null ? { revised_target_date: day(m.day + m.revised) } : {}),
          src: { file: "milestones.csv", line: i + 2 },
        }),
      ),
      financials,
      present: ["metrics", "measurements", "milestones", ...(financials.length ? (["financials"] as const) : [])],
    });
  });

const asOfArb = fc.integer({ min: 0, max: 420 }).map(day);
const report = (data: CustomerData, asOf: string): Report => buildReport(data, { asOf, period: null });

/** Every date of a customer's rows moved by k days. */
function shifted(data: CustomerData, k: number): CustomerData {
  const s = (d: string | undefined) => (d === undefined ? undefined : addDays(d, k));
  return {
    ...data,
    customer: {
      ...data.customer,
      engagement: {
        ...data.customer.engagement,
        start: s(data.customer.engagement.start)!,
        end: s(data.customer.engagement.end),
      },
      costs: data.customer.costs.map((c) => ({ ...c, start: s(c.start)!, end: s(c.end) })),
    },
    metrics: data.metrics.map((m) => ({ ...m, baseline_date: s(m.baseline_date)!, target_date: s(m.target_date)! })),
    measurements: data.measurements.map((m) => ({ ...m, date: s(m.date)! })),
    milestones: data.milestones.map((m) => ({
      ...m,
      target_date: s(m.target_date)!,
      revised_target_date: s(m.revised_target_date),
      achieved_date: s(m.achieved_date),
    })),
    financials: data.financials.map((f) => ({ ...f, date: s(f.date) })),
  };
}

/** Every amount of money in a customer's rows × c. */
function scaled(data: CustomerData, c: number): CustomerData {
  return {
    ...data,
    customer: { ...data.customer, costs: data.customer.costs.map((x) => ({ ...x, amount: x.amount * c })) },
    metrics: data.metrics.map((m): Metric =>
      m.value_per_unit === undefined ? m : { ...m, value_per_unit: m.value_per_unit * c },
    ),
    financials: data.financials.map((f) => ({ ...f, budget: f.budget * c, actual: f.actual * c })),
  };
}

/** The dated outputs of a report, and the figures that do not depend on dates. */
const datesOf = (r: Report) => ({
  current: r.metrics.map((m) => m.currentDate),
  forecast: r.metrics.map((m) => [m.forecast.date, m.forecast.dueDate]),
  achieved: r.milestones.map((m) => m.achievedOn),
  payback: r.roi.paybackDate,
  next: r.nextMilestone,
});
const figuresOf = (r: Report) => ({
  metrics: r.metrics.map((m) => [
    m.current,
    m.progress,
    m.state,
    m.change,
    m.changePoints,
    m.forecast.status,
    m.forecast.shortfall,
    m.valueToDate,
    m.runRate,
    m.stale,
  ]),
  milestones: r.milestones.map((m) => [m.status, m.unverified]),
  health: r.health,
  roi: [r.roi.valueToDate, r.roi.costToDate, r.roi.roi, r.roi.verifiedRoi],
});

describe("value model properties", () => {
  it("measurements dated after asOf change nothing", () => {
    fc.assert(
      fc.property(
        customerArb,
        asOfArb,
        fc.array(
          fc.record({
            after: fc.integer({ min: 1, max: 60 }),
            value: fc.integer({ min: 0, max: 200 }),
            metric: fc.constantFrom("m1", "m2"),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (data, asOf, later) => {
          const extra: Measurement[] = later.map((l, i) =>
            measurement(addDays(asOf, l.after), l.value, {
              metric_id: l.metric,
              src: { file: "measurements.csv", line: 900 + i },
            }),
          );
          expect(report({ ...data, measurements: [...data.measurements, ...extra] }, asOf)).toEqual(report(data, asOf));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("shifting every date by k days shifts every output date by k and leaves the figures alone", () => {
    fc.assert(
      fc.property(customerArb, asOfArb, fc.integer({ min: -800, max: 800 }), (data, asOf, k) => {
        const before = report(data, asOf);
        const after = report(shifted(data, k), addDays(asOf, k));
        const move = (d: string | null) => (d === null ? null : addDays(d, k));
        const expected = datesOf(before);
        expect(datesOf(after)).toEqual({
          current: expected.current.map((d) => move(d)),
          forecast: expected.forecast.map(([a, b]) => [move(a), move(b)]),
          achieved: expected.achieved.map(move),
          payback: move(expected.payback),
          next: expected.next,
        });
        expect(figuresOf(after)).toEqual(figuresOf(before));
      }),
      { numRuns: 150 },
    );
  });

  it("scaling all money by c scales value and cost by c and leaves ROI unchanged", () => {
    fc.assert(
      fc.property(customerArb, asOfArb, fc.integer({ min: 2, max: 1000 }), (data, asOf, c) => {
        const before = report(data, asOf);
        const after = report(scaled(data, c), asOf);
        expect(Math.abs(after.roi.costToDate - before.roi.costToDate * c)).toBeLessThanOrEqual(0.005 * c + 0.01);
        expect(Math.abs(after.roi.valueToDate - before.roi.valueToDate * c)).toBeLessThanOrEqual(0.005 * c + 0.01);
        if (before.roi.roi === null) expect(after.roi.roi).toBeNull();
        else expect(Math.abs(after.roi.roi! - before.roi.roi)).toBeLessThanOrEqual(0.0001);
        expect(after.roi.paybackDate).toBe(before.roi.paybackDate);
      }),
      { numRuns: 150 },
    );
  });

  it("never dates a forecast before asOf unless the target is reached", () => {
    fc.assert(
      fc.property(metricArb("m1", 2), asOfArb, ({ metric: m, rows }, asOf) => {
        const f = forecast(m, rows, asOf);
        if (f.status !== "reached" && f.date !== null)
          expect(f.date >= asOf, `${f.status} ${f.date} < ${asOf}`).toBe(true);
        if (f.status === "on_track") expect(f.date! <= f.dueDate).toBe(true);
        if (f.status === "missed") expect(f.dueDate <= asOf && f.shortfall! > 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("is never green with a missed target", () => {
    fc.assert(
      fc.property(customerArb, asOfArb, (data, asOf) => {
        const r = report(data, asOf);
        if (r.metrics.some((m) => m.forecast.status === "missed")) expect(r.health.rag).not.toBe("green");
        if (r.milestones.some((m) => m.status === "delayed")) expect(r.health.rag).not.toBe("green");
      }),
      { numRuns: 300 },
    );
  });
});

// The judgement ledger: one function per verdict, each item once; and the consistency oracle over report.json of
// generated customers — sparse and rich, measurements stopping early, revised dates, late surveys (fast-check).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, parsePeriod } from "../../../src/model/dates.ts";
import { buildReport } from "../../../src/model/report.ts";
import {
  decideByVerdict,
  decisionKey,
  decisionVerdict,
  deliverableVerdict,
  itemOf,
  metricForecastVerdict,
  metricTargetVerdict,
  milestoneVerdict,
  paybackVerdict,
  trackerVerdict,
} from "../../../src/model/verdicts.ts";
import type { CustomerData } from "../../../src/schema.ts";
import { contradictions, pageClaims, reportClaims } from "../../support/verdicts.ts";
import { closeoutItem, cost, csat, customer, customerData, measurement, metric, milestone } from "./factories.ts";

const START = "2026-01-01";
const day = (n: number) => addDays(START, n);

describe("verdict functions", () => {
  const forecast = (status: string, pace: "overall" | "recent" | null = null) =>
    ({ forecast: { status, pace } }) as Parameters<typeof metricTargetVerdict>[0];

  it("a metric's target is met, missed (due and short) or open; its forecast only while open", () => {
    expect(metricTargetVerdict(forecast("reached")).verdict).toBe("met");
    expect(metricTargetVerdict(forecast("missed"))).toEqual({ verdict: "missed", reason: "due_and_short" });
    expect(metricTargetVerdict(forecast("on_track")).verdict).toBe("open");
    expect(metricForecastVerdict(forecast("missed"))).toBeNull();
    expect(metricForecastVerdict(forecast("behind", "recent"))).toEqual({ verdict: "behind", reason: "recent_pace" });
    expect(metricForecastVerdict(forecast("on_track", "overall"))?.reason).toBe("overall_pace");
  });

  it("late achievement is marked late", () => {
    expect(milestoneVerdict({ status: "achieved", late: true }).verdict).toBe("achieved_late");
    expect(milestoneVerdict({ status: "achieved", late: false }).verdict).toBe("achieved");
    expect(milestoneVerdict({ status: "delayed", late: false }).verdict).toBe("delayed");
  });

  it("paid back is verified only when the verified value says so, else claimed", () => {
    expect(paybackVerdict({ paybackDate: "2026-08-25", verifiedPaybackDate: null }).verdict).toBe("claimed");
    expect(paybackVerdict({ paybackDate: "2026-08-25", verifiedPaybackDate: "2026-09-01" }).verdict).toBe("verified");
    expect(paybackVerdict({ paybackDate: null, verifiedPaybackDate: null }).verdict).toBe("not_yet");
  });

  it("paid back is said with the verified date; where the value claimed paid back earlier, both are shown", () => {
    // harimau-retail: the value claimed paid back on 16 Jun, the verified value on 24 Jun.
    expect(paybackVerdict({ paybackDate: "2026-06-16", verifiedPaybackDate: "2026-06-24" })).toEqual({
      verdict: "verified",
      reason: "claimed_earlier",
    });
    expect(paybackVerdict({ paybackDate: "2026-06-24", verifiedPaybackDate: "2026-06-24" })).toEqual({
      verdict: "verified",
      reason: "verified_value_covers_cost",
    });
  });

  it("a decision has its own ledger items: its state (open, due on its decide-by date) and its decide-by date", () => {
    const accept = {
      kind: "milestone",
      id: "ms2",
      recommend: "accept_revised_date",
      date: "2026-10-10",
      by: "2026-10-10",
    } as const;
    expect(decisionKey(accept)).toBe("milestone:ms2");
    expect(decisionVerdict(accept, "2026-09-30")).toEqual({ verdict: "open", reason: "accept_revised_date" });
    expect(decisionVerdict(accept, "2026-10-10").verdict).toBe("due");
    expect(decideByVerdict(accept)).toEqual({ verdict: "2026-10-10", reason: "on_its_date" });
    const renewal = { kind: "renewal", recommend: "renew", seats: null, by: "2026-11-01" } as const;
    expect(decisionKey(renewal)).toBe("renewal");
    expect(decideByVerdict(renewal)).toEqual({ verdict: "2026-11-01", reason: "before_renewal" });
    const reset = { kind: "metric", id: "m1", recommend: "reset_target", date: null, by: "2026-10-30" } as const;
    expect(decideByVerdict(reset).reason).toBe("within_30_days");
  });

  it("a close-out item is done by its date or its data, to agree when standard, else overdue or open", () => {
    expect(trackerVerdict({ done: true, overdue: false, standard: false, doneBy: "data" })).toEqual({
      verdict: "done",
      reason: "data_exists",
    });
    expect(trackerVerdict({ done: false, overdue: false, standard: true, doneBy: null }).verdict).toBe("to_agree");
    expect(trackerVerdict({ done: false, overdue: true, standard: false, doneBy: null }).verdict).toBe("overdue");
    expect(deliverableVerdict({ accepted: false, superseded: true, overdue: true }).verdict).toBe("superseded");
  });

  it("names an item judged on another day with that day", () => {
    expect(itemOf("target", "m2", "2026-09-30", "2026-09-30")).toBe("target:m2");
    expect(itemOf("target", "m2", "2026-08-31", "2026-09-30")).toBe("target:m2@2026-08-31");
  });
});

/** A metric: measured on some days, possibly stopping early, with a target either way and maybe its own revised date. */
const metricArb = (id: string, line: number) =>
  fc
    .record({
      direction: fc.constantFrom("down" as const, "up" as const),
      baseline: fc.integer({ min: 10, max: 100 }),
      gap: fc.integer({ min: 1, max: 20 }),
      targetDay: fc.integer({ min: 30, max: 400 }),
      revised: fc.option(fc.integer({ min: 0, max: 120 })),
      monetized: fc.boolean(),
      stopsAt: fc.integer({ min: 20, max: 420 }),
      points: fc.array(fc.record({ day: fc.integer({ min: 1, max: 420 }), step: fc.integer({ min: -3, max: 6 }) }), {
        maxLength: 10,
      }),
      sourced: fc.boolean(),
    })
    .map((g) => {
      const sign = g.direction === "down" ? -1 : 1;
      const m = metric({
        id,
        direction: g.direction,
        unit: "%",
        baseline: g.baseline,
        baseline_date: START,
        target: g.baseline + sign * g.gap,
        target_date: day(g.targetDay),
        ...(g.revised !== null ? { revised_target_date: day(g.targetDay + g.revised) } : {}),
        ...(g.monetized ? { value_per_unit: 100, per: "month" as const } : {}),
        src: { file: "metrics.csv", line },
      });
      let value = g.baseline;
      const rows = g.points
        .filter((p) => p.day <= g.stopsAt)
        .sort((a, b) => a.day - b.day)
        .map((p, i) => {
          value += sign * p.step;
          return measurement(day(p.day), value, {
            metric_id: id,
            ...(g.sourced ? { source: "Ops" } : {}),
            src: { file: "measurements.csv", line: line * 20 + i },
          });
        });
      return { metric: m, rows };
    });

/** A customer, sparse or rich: metrics, milestones with revised dates, goals, an end, a survey sent on time or late. */
const customerArb = fc
  .record({
    metrics: fc
      .array(fc.nat(), { minLength: 0, maxLength: 3 })
      .chain((ns) => fc.tuple(...ns.map((_, i) => metricArb(`m${i + 1}`, i + 2)))),
    milestones: fc.array(
      fc.record({
        day: fc.integer({ min: 10, max: 400 }),
        metric: fc.integer({ min: 0, max: 3 }),
        evidence: fc.boolean(),
        achieved: fc.option(fc.integer({ min: -30, max: 60 })),
        revised: fc.option(fc.integer({ min: 0, max: 150 })),
      }),
      { maxLength: 4 },
    ),
    end: fc.option(fc.integer({ min: 100, max: 400 })),
    survey: fc.option(
      fc.record({ sentAfter: fc.integer({ min: 0, max: 6 }), firstAfter: fc.integer({ min: 0, max: 9 }) }),
    ),
    monthly: fc.integer({ min: 0, max: 3000 }),
  })
  .map(({ metrics, milestones, end, survey, monthly }): CustomerData => {
    const ids = metrics.map((m) => m.metric.id);
    const endDate = end !== null ? day(end) : undefined;
    const closeout =
      endDate && survey
        ? [
            closeoutItem({
              phase: "delivery",
              item: "Survey sent",
              stands_for: "satisfaction_survey",
              done_date: addDays(endDate, survey.sentAfter),
            }),
          ]
        : [];
    const responses = endDate && survey ? [csat(addDays(endDate, survey.firstAfter), 4)] : [];
    return customerData({
      customer: customer({
        costs: [cost({ amount: monthly })],
        engagement: { name: "E", start: START, closeoutDays: 30, ...(endDate ? { end: endDate } : {}) },
        goals: ids.length ? [{ id: "g1", statement: "Better", level: "strategic", metrics: ids }] : [],
      }),
      metrics: metrics.map((m) => m.metric),
      measurements: metrics.flatMap((m) => m.rows),
      milestones: milestones.map((m, i) =>
        milestone({
          id: `ms${i + 1}`,
          target_date: day(m.day),
          ...(m.metric < ids.length ? { metric_id: ids[m.metric] } : {}),
          ...(m.evidence ? { evidence: ["https://example.com/proof"] } : {}),
          ...(m.achieved !== null ? { achieved_date: day(m.day + m.achieved) } : {}),
          ...(m.revised !== null ? { revised_target_date: day(m.day + m.revised) } : {}),
          src: { file: "milestones.csv", line: i + 2 },
        }),
      ),
      closeout,
      csat: responses,
      present: [
        "metrics",
        "measurements",
        "milestones",
        ...(closeout.length ? (["closeout"] as const) : []),
        ...(responses.length ? (["csat"] as const) : []),
      ],
    });
  });

const asOfArb = fc.integer({ min: 0, max: 430 }).map(day);
const quarterOf = (iso: string) => `${iso.slice(0, 4)}-Q${Math.ceil(Number(iso.slice(5, 7)) / 3)}`;

describe("the consistency oracle over report.json", () => {
  it("finds no item with two verdicts in the report of any generated customer, at any as-of date", () => {
    fc.assert(
      fc.property(customerArb, asOfArb, (data, asOf) => {
        const period = quarterOf(asOf);
        expect(parsePeriod(period)).not.toBeNull();
        const r = buildReport(data, { asOf, period });
        const items = r.verdicts.map((v) => v.item);
        expect(new Set(items).size, "the ledger lists each item once").toBe(items.length);
        expect(contradictions(reportClaims(r))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("lists each of page one's decisions in the ledger, and fails when a page states another decide-by date", () => {
    const data = customerData({
      milestones: [milestone({ target_date: "2026-08-31", revised_target_date: "2026-10-10" })],
      present: ["milestones"],
    });
    const r = buildReport(data, { asOf: "2026-09-30", period: "2026-Q3" });
    expect(r.brief.decisions).toHaveLength(1);
    expect(r.verdicts).toContainEqual({
      item: "decision:milestone:MS1",
      verdict: "open",
      reason: "accept_revised_date",
    });
    expect(r.verdicts).toContainEqual({
      item: "decide-by:milestone:MS1",
      verdict: "2026-10-10",
      reason: "on_its_date",
    });
    expect(contradictions(reportClaims(r))).toEqual([]);
    const page = pageClaims('<p data-verdict="decide-by:milestone:MS1:2026-10-30">', "index.html");
    expect(contradictions([...reportClaims(r), ...page]).map((c) => c.item)).toEqual(["decide-by:milestone:MS1"]);
  });

  it("fails when one item is stated with two verdicts", () => {
    const data = customerData({
      metrics: [metric({ target_date: "2026-03-01" })],
      measurements: [measurement("2026-02-01", 9)],
      present: ["metrics", "measurements"],
    });
    const r = buildReport(data, { asOf: "2026-03-01", period: "2026-Q1" });
    expect(r.verdicts).toContainEqual({ item: "target:M1", verdict: "missed", reason: "due_and_short" });
    expect(r.health.metricsMissed).toBe(1);
    const tampered = { ...r, health: { ...r.health, metricsMissed: 0 } };
    expect(contradictions(reportClaims(tampered)).map((c) => c.item)).toEqual(["count:due-targets-missed"]);
  });
});

import { describe, expect, it } from "vitest";
import { parsePeriod } from "../../../src/model/dates.ts";
import { forecast, type Forecast } from "../../../src/model/metrics.ts";
import { assessMilestone, type Assessed } from "../../../src/model/milestones.ts";
import { qbr } from "../../../src/model/qbr.ts";
import { measurement, metric, milestone } from "./factories.ts";

const Q3 = parsePeriod("2026-Q3")!;
const asOf = Q3.end;
const assess = (...ms: ReturnType<typeof milestone>[]): Assessed[] =>
  ms.map((m) => ({ milestone: m, assessment: assessMilestone(m, null, [], asOf) }));
const flat: Forecast = {
  date: null,
  status: "insufficient_data",
  slope: null,
  intercept: null,
  points: 1,
  dueDate: "2026-12-31",
  shortfall: null,
  pace: null,
};

describe("qbr(period, assessed, metrics, asOf)", () => {
  it("names the quarter and the next", () => {
    const q = qbr(Q3, [], [], asOf);
    expect(q.period).toEqual(Q3);
    expect(q.next).toEqual({ id: "2026-Q4", start: "2026-10-01", end: "2026-12-31" });
  });

  it("lists milestones achieved inside the quarter, by date", () => {
    const ms = assess(
      milestone({ id: "A", achieved_date: "2026-09-30", evidence: ["x"] }),
      milestone({ id: "B", achieved_date: "2026-06-30", evidence: ["x"] }),
      milestone({ id: "C", achieved_date: "2026-07-01", evidence: ["x"] }),
    );
    expect(qbr(Q3, ms, [], asOf).achieved).toEqual(["C", "A"]);
  });

  it("lists next quarter's milestones by revised, else original, target date, not the achieved ones", () => {
    const ms = assess(
      milestone({ id: "late", target_date: "2026-12-15" }),
      milestone({ id: "moved-in", target_date: "2026-08-01", revised_target_date: "2026-10-15" }),
      milestone({ id: "moved-out", target_date: "2026-11-01", revised_target_date: "2027-01-15" }),
      milestone({ id: "done", target_date: "2026-11-01", achieved_date: "2026-09-01" }),
      milestone({ id: "now", target_date: "2026-09-30" }),
    );
    expect(qbr(Q3, ms, [], asOf).nextQuarter).toEqual(["moved-in", "late"]);
  });

  it("next quarter holds what falls after the as-of date, the rest of this quarter included, never what is overdue", () => {
    const mid = "2026-08-20";
    const ms = [
      milestone({ id: "overdue", target_date: "2026-08-01" }),
      milestone({ id: "today", target_date: mid }),
      milestone({ id: "this-quarter", target_date: "2026-09-15" }),
      milestone({ id: "next-quarter", target_date: "2026-11-01" }),
      milestone({ id: "later", target_date: "2027-01-15" }),
    ].map((m) => ({ milestone: m, assessment: assessMilestone(m, null, [], mid) }));
    expect(qbr(Q3, ms, [], mid).nextQuarter).toEqual(["this-quarter", "next-quarter"]);
  });

  it("lists delayed milestones as risks with their revision", () => {
    const ms = assess(
      milestone({
        id: "slipped",
        target_date: "2026-08-31",
        revised_target_date: "2026-11-30",
        revision_reason: "Data migration",
        confidence: "medium",
        src: { file: "milestones.csv", line: 3 },
      }),
      milestone({ id: "fine", target_date: "2026-12-31" }),
    );
    expect(qbr(Q3, ms, [], asOf).risks).toEqual([
      {
        kind: "milestone",
        id: "slipped",
        targetDate: "2026-08-31",
        revisedTargetDate: "2026-11-30",
        revisionStands: true,
        reason: "Data migration",
        confidence: "medium",
        source: "milestones.csv:3",
      },
    ]);
  });

  it("a delayed milestone's revised date asks to be accepted only while it lies ahead, never decided by a page", () => {
    const slipped = milestone({ id: "slipped", target_date: "2026-07-31", revised_target_date: "2026-09-01" });
    const risk = (on: string) =>
      qbr(Q3, [{ milestone: slipped, assessment: assessMilestone(slipped, null, [], on) }], [], on).risks[0];
    expect(risk("2026-08-15")).toMatchObject({ kind: "milestone", revisionStands: true });
    expect(risk("2026-09-01")).toMatchObject({ kind: "milestone", revisionStands: true });
    expect(risk("2026-09-20")).toMatchObject({ kind: "milestone", revisionStands: false });
  });

  it("lists metrics missed, behind or not converging as risks", () => {
    const missed = metric({ id: "missed", target_date: "2026-03-01", src: { file: "metrics.csv", line: 2 } });
    const behind = metric({ id: "behind", target_date: "2026-12-01", src: { file: "metrics.csv", line: 3 } });
    const away = metric({ id: "away", src: { file: "metrics.csv", line: 4 } });
    const rows = (id: string, a: number, b: number) => [
      measurement("2026-09-11", a, { metric_id: id }),
      measurement("2026-09-21", b, { metric_id: id }),
    ];
    const metrics = [
      { metric: missed, progress: 4 / 13, forecast: forecast(missed, rows("missed", 13, 11), asOf) },
      { metric: behind, progress: 13 / 130, forecast: forecast(behind, rows("behind", 14, 13.9), asOf) },
      { metric: away, progress: -2 / 13, forecast: forecast(away, rows("away", 16, 17), asOf) },
      { metric: metric({ id: "quiet" }), progress: 0, forecast: flat },
    ];
    expect(qbr(Q3, [], metrics, asOf).risks).toEqual([
      {
        kind: "metric",
        id: "missed",
        status: "missed",
        targetDate: "2026-03-01",
        forecastDate: null,
        shortfall: 9,
        source: "metrics.csv:2",
      },
      {
        kind: "metric",
        id: "behind",
        status: "behind",
        targetDate: "2026-12-01",
        forecastDate: metrics[1].forecast.date,
        shortfall: null,
        source: "metrics.csv:3",
      },
      {
        kind: "metric",
        id: "away",
        status: "not_converging",
        targetDate: "2026-12-31",
        forecastDate: null,
        shortfall: null,
        source: "metrics.csv:4",
      },
    ]);
    expect(metrics[1].forecast.date! > "2026-12-01").toBe(true);
  });

  it("flags metrics past their target as ready to expand", () => {
    const metrics = [
      { metric: metric({ id: "over" }), progress: 1.2, forecast: flat },
      { metric: metric({ id: "met" }), progress: 1, forecast: flat },
      { metric: metric({ id: "none" }), progress: null, forecast: flat },
    ];
    expect(qbr(Q3, [], metrics, asOf).expansionReady).toEqual(["over"]);
  });
});

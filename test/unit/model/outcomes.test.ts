import { describe, expect, it } from "vitest";
import { goalOutcomes, goalVerdict, type OutcomesInput } from "../../../src/model/outcomes.ts";
import { measurement, metric, milestone } from "./factories.ts";

const at = (file: string, line: number) => ({ src: { file, line } });

describe("goalVerdict(metrics, milestones)", () => {
  const m = (met: boolean, progress: number | null) => ({ met, progress });

  it("is met when every metric meets its target", () => {
    expect(goalVerdict([m(true, 1), m(true, 1.2)], [])).toEqual({ verdict: "met", rule: "all_metrics_met" });
  });

  it("is partly met when some metric met or moved toward its target", () => {
    expect(goalVerdict([m(true, 1), m(false, -0.2)], [])).toEqual({ verdict: "partly_met", rule: "some_progress" });
    expect(goalVerdict([m(false, 0.1)], [])).toEqual({ verdict: "partly_met", rule: "some_progress" });
  });

  it("is partly met when a milestone of its metrics is achieved, though no metric moved", () => {
    expect(goalVerdict([m(false, 0)], [{ status: "achieved" }])).toEqual({
      verdict: "partly_met",
      rule: "some_progress",
    });
  });

  it("is not met when nothing moved, or everything regressed", () => {
    expect(goalVerdict([m(false, 0), m(false, -0.5)], [{ status: "delayed" }])).toEqual({
      verdict: "not_met",
      rule: "no_progress",
    });
    expect(goalVerdict([m(false, null)], [])).toEqual({ verdict: "not_met", rule: "no_progress" });
  });

  it("is not assessed without a metric", () => {
    expect(goalVerdict([], [{ status: "achieved" }])).toEqual({ verdict: "not_assessed", rule: "no_metrics" });
  });
});

describe("goalOutcomes(input, closeDate)", () => {
  // M1 hours/week 15 → 2 (down); M2 forecast accuracy 70 → 90 (up).
  const input: OutcomesInput = {
    goals: [
      { id: "g1", statement: "Less manual reporting", level: "tactical", metrics: ["M1"] },
      { id: "g2", statement: "A forecast leadership trusts", level: "strategic", metrics: ["M2", "M1"] },
      { id: "g3", statement: "Analysts self-sufficient", level: "operational", metrics: [] },
      { id: "g4", statement: "Accuracy up", level: "operational", metrics: ["M2"] },
    ],
    metrics: [
      metric({ id: "M1", ...at("metrics.csv", 2) }),
      metric({
        id: "M2",
        name: "Forecast accuracy",
        unit: "%",
        direction: "up",
        baseline: 70,
        target: 90,
        ...at("metrics.csv", 3),
      }),
    ],
    measurements: [
      measurement("2026-03-01", 6, at("measurements.csv", 2)),
      measurement("2026-06-01", 2, at("measurements.csv", 3)),
      measurement("2026-07-15", 1, at("measurements.csv", 4)), // after the close date
      measurement("2026-05-01", 68, { metric_id: "M2", ...at("measurements.csv", 5) }),
    ],
    milestones: [
      milestone({ id: "MS1", metric_id: "M1", threshold: 5, target_date: "2026-04-30" }),
      milestone({ id: "MS2", metric_id: "M2", target_date: "2026-05-31" }),
      milestone({ id: "MS3", target_date: "2026-05-31" }),
    ],
  };
  const out = goalOutcomes(input, "2026-06-30");

  it("judges each goal from its metrics as of the close date", () => {
    expect(out.closeDate).toBe("2026-06-30");
    expect(out.goals.map((g) => [g.id, g.verdict, g.metricsMet])).toEqual([
      ["g1", "met", 1],
      ["g2", "partly_met", 1],
      ["g3", "not_assessed", 0],
      ["g4", "not_met", 0],
    ]);
    expect(out.counts).toEqual({ met: 1, partly_met: 1, not_met: 1, not_assessed: 1 });
  });

  it("gives each metric's value at the close date, its progress, and the row it comes from", () => {
    expect(out.goals[1].metrics).toEqual([
      {
        id: "M2",
        value: 68,
        date: "2026-05-01",
        progress: -0.1,
        state: "regressed",
        met: false,
        dueDate: "2026-12-31",
        target: "open",
        source: "measurements.csv:5",
      },
      {
        id: "M1",
        value: 2,
        date: "2026-06-01",
        progress: 1,
        state: "met",
        met: true,
        dueDate: "2026-12-31",
        target: "met",
        source: "measurements.csv:3",
      },
    ]);
    expect(out.goals[1].sources).toEqual([
      "customer.json",
      "metrics.csv:3",
      "measurements.csv:5",
      "metrics.csv:2",
      "measurements.csv:3",
    ]);
  });

  it("lists the milestones of the goal's metrics with their status at the close date", () => {
    expect(out.goals[0].milestones).toEqual([{ id: "MS1", status: "achieved", achievedOn: "2026-06-01", late: true }]);
    expect(out.goals[3].milestones).toEqual([{ id: "MS2", status: "delayed", achievedOn: null, late: false }]);
    expect(out.goals[2].milestones).toEqual([]);
  });

  it("stands on the baseline before any measurement", () => {
    const early = goalOutcomes(input, "2026-01-15");
    expect(early.goals[0].metrics[0]).toEqual({
      id: "M1",
      value: 15,
      date: "2026-01-01",
      progress: 0,
      state: "progressing",
      met: false,
      dueDate: "2026-12-31",
      target: "open",
      source: "metrics.csv:2",
    });
    expect(early.goals[0].verdict).toBe("not_met");
  });

  it("missed everywhere: a metric past its own target date and short is missed at the close, not in progress", () => {
    const late = { ...input, metrics: [metric({ id: "M1", target_date: "2026-05-31" }), input.metrics[1]] };
    expect(goalOutcomes(late, "2026-05-30").goals[0].metrics[0].target).toBe("open");
    expect(goalOutcomes(late, "2026-05-31").goals[0].metrics[0].target).toBe("missed");
    const moved = {
      ...late,
      metrics: [metric({ id: "M1", target_date: "2026-05-31", revised_target_date: "2026-07-31" })],
    };
    expect(goalOutcomes(moved, "2026-05-15").goals[0].metrics[0]).toMatchObject({
      dueDate: "2026-07-31",
      target: "open",
    });
  });
});

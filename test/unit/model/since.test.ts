import { describe, expect, it } from "vitest";
import type { ActionFigures } from "../../../src/model/account.ts";
import { scoreCommitment, sinceLastQbr, type EarlierReport, type SinceInput } from "../../../src/model/since.ts";

const earlier: EarlierReport = {
  asOf: "2026-06-30",
  period: "2026-Q2",
  metrics: [
    { id: "m1", current: 9, currentDate: "2026-06-20" },
    { id: "m2", current: 80, currentDate: "2026-06-25" },
    { id: "m3", current: 50, currentDate: "2026-06-25" },
  ],
  milestones: [
    { id: "ms1", targetDate: "2026-08-31", revisedTargetDate: null },
    { id: "ms2", targetDate: "2026-07-31", revisedTargetDate: "2026-08-15" },
    { id: "ms3", targetDate: "2026-09-15", revisedTargetDate: null },
    { id: "ms4", targetDate: "2026-12-31", revisedTargetDate: null },
  ],
  qbr: { nextQuarter: ["ms1", "ms2", "ms3", "ms4"] },
  brief: {
    decisions: [
      { kind: "renewal", recommend: "renew", seats: null, by: "2026-07-30" },
      { kind: "metric", id: "m2", recommend: "accept_forecast", date: "2026-09-01", by: "2026-07-30" },
      { kind: "metric", id: "m3", recommend: "course_correct", date: null, by: "2026-07-30" },
    ],
    plan: { actions: [0, 1] },
  },
  actions: {
    actions: [
      { commitment: "Open the data feed", owner: "Ana", due: "2026-07-17" },
      { commitment: "Train the planners", owner: "Raj", due: "2026-08-14" },
    ],
  },
};

const action = (over: Partial<ActionFigures>): ActionFigures => ({
  commitment: "Open the data feed",
  owner: "Ana",
  side: "customer",
  due: "2026-07-17",
  status: "done",
  doneDate: "2026-07-10",
  agreed: null,
  overdue: false,
  outcome: "kept",
  source: "actions.csv:2",
  ...over,
});

const now: SinceInput = {
  asOf: "2026-09-30",
  headline: ["m1", "m2", "m9"],
  metrics: [
    { id: "m1", current: 6, currentDate: "2026-09-20", direction: "down", target: 5, series: [] },
    {
      id: "m2",
      current: 92,
      currentDate: "2026-09-25",
      direction: "up",
      target: 90,
      series: [
        { date: "2026-08-20", value: 90, source: "measurements.csv:4", origin: null, note: null },
        { date: "2026-09-25", value: 92, source: "measurements.csv:5", origin: null, note: null },
      ],
    },
    { id: "m9", current: 1, currentDate: "2026-09-25", direction: "up", target: 2, series: [] },
  ],
  milestones: [
    { id: "ms1", achievedOn: "2026-08-01" },
    { id: "ms2", achievedOn: "2026-09-01" },
    { id: "ms3", achievedOn: null },
    { id: "ms4", achievedOn: null },
  ],
  actions: [
    action({}),
    action({
      commitment: "Train the planners",
      owner: "Raj",
      due: "2026-08-14",
      doneDate: null,
      status: "open",
      outcome: "missed",
    }),
  ],
};

describe("scoreCommitment(due, doneOn, asOf)", () => {
  it("is kept by its date, late after it, missed once past due undone, open before", () => {
    expect(scoreCommitment("2026-08-01", "2026-08-01", "2026-09-30")).toBe("kept");
    expect(scoreCommitment("2026-08-01", "2026-08-02", "2026-09-30")).toBe("late");
    expect(scoreCommitment("2026-08-01", null, "2026-09-30")).toBe("missed");
    expect(scoreCommitment("2026-09-30", null, "2026-09-30")).toBe("open");
    expect(scoreCommitment(null, null, "2026-09-30")).toBe("open");
  });
});

describe("sinceLastQbr(earlier, now)", () => {
  it("is null without an earlier quarter's report, or with one not before this one", () => {
    expect(sinceLastQbr(null, now)).toBeNull();
    expect(sinceLastQbr({ ...earlier, period: null }, now)).toBeNull();
    expect(sinceLastQbr({ ...earlier, asOf: "2026-09-30" }, now)).toBeNull();
  });

  it("gives each headline outcome the earlier report measured its change, better in the metric's direction", () => {
    const s = sinceLastQbr(earlier, now)!;
    expect(s.outcomes).toEqual([
      { id: "m1", before: 9, beforeDate: "2026-06-20", now: 6, nowDate: "2026-09-20", change: -3, direction: "better" },
      {
        id: "m2",
        before: 80,
        beforeDate: "2026-06-25",
        now: 92,
        nowDate: "2026-09-25",
        change: 12,
        direction: "better",
      },
    ]);
  });

  it("scores the next-quarter milestones against the date that report gave them", () => {
    const s = sinceLastQbr(earlier, now)!;
    const verdicts = Object.fromEntries(
      s.commitments.filter((c) => c.kind === "milestone").map((c) => [c.item, [c.due, c.verdict]]),
    );
    expect(verdicts).toEqual({
      "commitment:milestone:ms1": ["2026-08-31", "kept"],
      "commitment:milestone:ms2": ["2026-08-15", "late"], // its revised date stood then
      "commitment:milestone:ms3": ["2026-09-15", "missed"],
      "commitment:milestone:ms4": ["2026-12-31", "open"],
    });
  });

  it("scores a dated decision on its metric's first measurement at target, and leaves out what nothing records", () => {
    const s = sinceLastQbr(earlier, now)!;
    const decisions = s.commitments.filter((c) => c.kind === "decision");
    expect(decisions.map((c) => [c.item, c.doneOn, c.verdict])).toEqual([
      ["commitment:decision:metric:m2", "2026-08-20", "kept"],
    ]);
  });

  it("scores the planned actions by this report's actions table, matched by commitment and owner", () => {
    const s = sinceLastQbr(earlier, now)!;
    expect(s.commitments.filter((c) => c.kind === "action").map((c) => [c.item, c.verdict])).toEqual([
      ["commitment:action:1", "kept"],
      ["commitment:action:2", "missed"],
    ]);
    expect([s.kept, s.late, s.missed, s.open]).toEqual([3, 1, 2, 1]);
    // Without an actions table now, the earlier plan cannot be scored: left out.
    expect(sinceLastQbr(earlier, { ...now, actions: null })!.commitments.some((c) => c.kind === "action")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import {
  assessMilestone,
  dueOn,
  health,
  shownDate,
  shownTarget,
  standingRevision,
  thresholdOf,
  type Assessed,
} from "../../../src/model/milestones.ts";
import { measurement, metric, milestone } from "./factories.ts";

const hours = metric(); // down, 15 → 2
const reachedThenLost = [
  measurement("2026-02-01", 13),
  measurement("2026-03-01", 9),
  measurement("2026-06-01", 2),
  measurement("2026-07-01", 5),
];

describe("thresholdOf(milestone, metric)", () => {
  it("is the milestone's own threshold, else the metric's target", () => {
    expect(thresholdOf(milestone({ threshold: 9 }), hours)).toBe(9);
    expect(thresholdOf(milestone(), hours)).toBe(2);
  });

  it("is null without a metric and a threshold", () => {
    expect(thresholdOf(milestone(), null)).toBeNull();
  });
});

describe("assessMilestone(milestone, metric, measurements, asOf)", () => {
  it("is achieved on its achieved_date once that date has come", () => {
    const m = milestone({ status: "achieved", achieved_date: "2026-05-15", evidence: ["evidence/signoff.pdf"] });
    expect(assessMilestone(m, null, [], "2026-05-15")).toMatchObject({
      status: "achieved",
      achievedOn: "2026-05-15",
      achievedDate: "2026-05-15",
      dataAchievedOn: null,
      contradicted: false,
      unverified: false,
    });
  });

  it("ignores an achieved_date after asOf", () => {
    const m = milestone({ achieved_date: "2026-05-15" });
    expect(assessMilestone(m, null, [], "2026-05-14")).toMatchObject({
      status: "not_started",
      achievedOn: null,
      achievedDate: null,
    });
  });

  it("is achieved by data on the first measurement that meets the target, and stays achieved after a regression", () => {
    const a = assessMilestone(milestone({ metric_id: "M1" }), hours, reachedThenLost, "2026-12-01");
    expect(a).toMatchObject({
      status: "achieved",
      achievedOn: "2026-06-01",
      dataAchievedOn: "2026-06-01",
      achievedDate: null,
      threshold: 2,
    });
    expect(a.evidenceMeasurement).toBe(reachedThenLost[2]);
    // The measurement proves the date but is not evidence: the evidence column is empty.
    expect(a.unverified).toBe(true);
  });

  it("uses the milestone's threshold in the metric's direction", () => {
    const down = assessMilestone(milestone({ metric_id: "M1", threshold: 9 }), hours, reachedThenLost, "2026-12-01");
    expect(down.achievedOn).toBe("2026-03-01");

    const up = metric({ direction: "up", baseline: 73, target: 96 });
    const rows = [measurement("2026-02-01", 80), measurement("2026-03-01", 90), measurement("2026-04-01", 97)];
    expect(assessMilestone(milestone({ metric_id: "M1", threshold: 90 }), up, rows, "2026-12-01").achievedOn).toBe(
      "2026-03-01",
    );
    expect(assessMilestone(milestone({ metric_id: "M1" }), up, rows, "2026-12-01").achievedOn).toBe("2026-04-01");
  });

  it("prefers the stated achieved_date and keeps the data date too", () => {
    const m = milestone({ metric_id: "M1", achieved_date: "2026-06-10" });
    expect(assessMilestone(m, hours, reachedThenLost, "2026-12-01")).toMatchObject({
      achievedOn: "2026-06-10",
      achievedDate: "2026-06-10",
      dataAchievedOn: "2026-06-01",
    });
  });

  it("is not achieved by data measured after asOf", () => {
    const a = assessMilestone(
      milestone({ metric_id: "M1", target_date: "2026-12-31" }),
      hours,
      reachedThenLost,
      "2026-05-31",
    );
    expect(a).toMatchObject({ status: "in_progress", achievedOn: null });
  });

  it("a target is due on its date: delayed on target_date itself when not achieved", () => {
    const m = milestone({ target_date: "2026-06-30", status: "in_progress" });
    expect(assessMilestone(m, null, [], "2026-06-29").status).toBe("in_progress");
    expect(assessMilestone(m, null, [], "2026-06-30").status).toBe("delayed");
    expect(assessMilestone(m, null, [], "2026-07-01").status).toBe("delayed");
  });

  it("late achievement is marked late: achieved after target_date, never on it", () => {
    const m = (achieved_date: string) => milestone({ target_date: "2026-06-30", achieved_date });
    expect(assessMilestone(m("2026-07-02"), null, [], "2026-09-30")).toMatchObject({ status: "achieved", late: true });
    expect(assessMilestone(m("2026-06-30"), null, [], "2026-09-30").late).toBe(false);
    expect(assessMilestone(milestone({ target_date: "2026-06-30" }), null, [], "2026-09-30").late).toBe(false);
  });

  it("is in progress when stated, or when its metric has a measurement", () => {
    expect(assessMilestone(milestone({ status: "in_progress" }), null, [], "2026-03-01").status).toBe("in_progress");
    expect(assessMilestone(milestone({ metric_id: "M1" }), hours, reachedThenLost, "2026-02-01").status).toBe(
      "in_progress",
    );
  });

  it("is not started with neither", () => {
    expect(assessMilestone(milestone({ metric_id: "M1" }), hours, reachedThenLost, "2026-01-31").status).toBe(
      "not_started",
    );
    expect(assessMilestone(milestone(), null, [], "2026-01-31")).toMatchObject({
      status: "not_started",
      stated: null,
      contradicted: false,
    });
  });

  it("records a stated status the data contradicts", () => {
    const notStarted = milestone({ metric_id: "M1", status: "not_started" });
    expect(assessMilestone(notStarted, hours, reachedThenLost, "2026-12-01")).toMatchObject({
      status: "achieved",
      stated: "not_started",
      contradicted: true,
    });

    const claimed = milestone({ status: "achieved" });
    expect(assessMilestone(claimed, null, [], "2026-03-01")).toMatchObject({
      status: "not_started",
      stated: "achieved",
      contradicted: true,
    });

    const stale = milestone({ status: "in_progress", target_date: "2026-06-30" });
    expect(assessMilestone(stale, null, [], "2026-07-15")).toMatchObject({ status: "delayed", contradicted: true });

    const early = milestone({ status: "delayed", target_date: "2026-06-30" });
    expect(assessMilestone(early, null, [], "2026-06-01")).toMatchObject({ status: "not_started", contradicted: true });
  });

  it("is unverified when achieved with neither evidence files nor data", () => {
    const a = assessMilestone(milestone({ status: "achieved", achieved_date: "2026-05-15" }), null, [], "2026-06-01");
    expect(a).toMatchObject({ status: "achieved", unverified: true, contradicted: false });
  });
});

describe("health(assessed, asOf, dueMetrics)", () => {
  const at = (target_date: string, achieved_date?: string, evidence?: string[]): Assessed => {
    const m = milestone({ target_date, achieved_date, evidence });
    return { milestone: m, assessment: assessMilestone(m, null, [], "2026-06-30") };
  };
  const counts = { dueMilestones: 0, dueMetrics: 0, metricsMissed: 0 };

  it("is green when nothing is due", () => {
    expect(health([at("2026-07-01"), at("2026-09-30")], "2026-06-30")).toEqual({
      rag: "green",
      due: 0,
      dueAchieved: 0,
      dueUnverified: 0,
      ...counts,
      rule: "none_due",
    });
    expect(health([], "2026-06-30").rule).toBe("none_due");
  });

  it("is red when milestones are due and none of them is achieved", () => {
    const early = at("2026-09-30", "2026-05-01"); // achieved, but not due
    expect(health([at("2026-03-31"), at("2026-06-30"), early], "2026-06-30")).toEqual({
      rag: "red",
      due: 2,
      dueAchieved: 0,
      dueUnverified: 0,
      ...counts,
      dueMilestones: 2,
      rule: "none_due_achieved",
    });
  });

  it("is yellow when some due milestone is not achieved", () => {
    expect(health([at("2026-03-31", "2026-03-01", ["e.pdf"]), at("2026-06-30")], "2026-06-30")).toMatchObject({
      rag: "yellow",
      due: 2,
      dueAchieved: 1,
      rule: "some_due_missed",
    });
  });

  it("is yellow when every due milestone is achieved but one is unverified", () => {
    expect(
      health(
        [at("2026-03-31", "2026-03-01", ["e.pdf"]), at("2026-06-30", "2026-06-30"), at("2026-12-31")],
        "2026-06-30",
      ),
    ).toEqual({
      rag: "yellow",
      due: 2,
      dueAchieved: 2,
      dueUnverified: 1,
      ...counts,
      dueMilestones: 2,
      rule: "some_due_unverified",
    });
  });

  it("is green when every due milestone is achieved with evidence", () => {
    expect(health([at("2026-03-31", "2026-03-01", ["e.pdf"])], "2026-06-30")).toMatchObject({
      rag: "green",
      rule: "all_due_achieved",
    });
  });

  it("counts metrics past their target date like due milestones: a missed target is not green", () => {
    const done = at("2026-03-31", "2026-03-01", ["e.pdf"]);
    expect(health([done], "2026-06-30", [{ id: "m1", met: false }])).toEqual({
      rag: "yellow",
      due: 2,
      dueAchieved: 1,
      dueUnverified: 0,
      dueMilestones: 1,
      dueMetrics: 1,
      metricsMissed: 1,
      rule: "some_due_missed",
    });
    expect(health([], "2026-06-30", [{ id: "m1", met: false }])).toMatchObject({
      rag: "red",
      rule: "none_due_achieved",
    });
    expect(health([done], "2026-06-30", [{ id: "m1", met: true }])).toMatchObject({
      rag: "green",
      due: 2,
      dueAchieved: 2,
    });
  });
});

describe("dueOn(milestone)", () => {
  it("is the revised target date, else the target date", () => {
    expect(dueOn(milestone({ target_date: "2026-06-30" }))).toBe("2026-06-30");
    expect(dueOn(milestone({ target_date: "2026-06-30", revised_target_date: "2026-08-15" }))).toBe("2026-08-15");
  });
});

describe("shownDate(milestone) and shownTarget(milestone)", () => {
  const planned = { achievedOn: null, revisedTargetDate: null, targetDate: "2026-06-30" };
  const revised = { ...planned, revisedTargetDate: "2026-08-15" };

  it("shows the day it was achieved, over any target", () => {
    expect(shownDate({ ...revised, achievedOn: "2026-07-02" })).toEqual({
      field: "achievedOn",
      date: "2026-07-02",
      kind: "actual",
    });
  });

  it("shows the revised target of a milestone not achieved, else its original target", () => {
    expect(shownDate(revised)).toEqual({ field: "revisedTargetDate", date: "2026-08-15", kind: "revised" });
    expect(shownDate(planned)).toEqual({ field: "targetDate", date: "2026-06-30", kind: "planned" });
  });

  it("shownTarget leaves the achieved day out", () => {
    const achieved = { ...revised, achievedOn: "2026-07-02" };
    expect(shownTarget(achieved)).toEqual(shownDate(revised));
    expect(shownTarget(planned)).toEqual(shownDate(planned));
  });
});

describe("standingRevision(milestone, asOf)", () => {
  it("is the revised target date while it has not passed", () => {
    expect(standingRevision({ revisedTargetDate: "2026-10-15" }, "2026-09-30")).toBe("2026-10-15");
    expect(standingRevision({ revisedTargetDate: "2026-09-30" }, "2026-09-30")).toBe("2026-09-30");
  });

  it("is null once the revised date has passed, or without one", () => {
    expect(standingRevision({ revisedTargetDate: "2026-09-29" }, "2026-09-30")).toBeNull();
    expect(standingRevision({ revisedTargetDate: null }, "2026-09-30")).toBeNull();
  });
});

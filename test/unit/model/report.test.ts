import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/model/report.ts";
import type { CustomerData } from "../../../src/schema.ts";
import {
  cost,
  customer,
  customerData,
  deliverable,
  financial,
  measurement,
  metric,
  milestone,
  opportunity,
} from "./factories.ts";

const at = (file: string, line: number) => ({ src: { file, line } });

/** Acme: hours of manual reporting (monetized, down) and forecast accuracy (up), four milestones, two costs. */
function acme(): CustomerData {
  return customerData({
    customer: customer({
      engagement: {
        name: "Reporting rollout",
        start: "2026-01-01",
        goLive: "2026-03-01",
        end: "2026-06-30",
        closeoutDays: 30,
      },
      costs: [
        cost({ item: "Setup", amount: 3520, per: "once", start: "2026-02-01" }),
        cost({ item: "Licence", amount: 1000, per: "month", start: "2026-01-01", end: "2026-04-01" }),
      ],
    }),
    metrics: [
      metric({ id: "M1", value_per_unit: 80, per: "week", ...at("metrics.csv", 2) }),
      metric({
        id: "M2",
        name: "Forecast accuracy",
        category: "quality",
        unit: "%",
        direction: "up",
        baseline: 73,
        target: 96,
        target_date: "2026-09-30",
        ...at("metrics.csv", 3),
      }),
    ],
    measurements: [
      measurement("2026-02-01", 5, { ...at("measurements.csv", 2), source: "Time survey" }),
      measurement("2026-02-15", 3, at("measurements.csv", 3)),
      measurement("2026-01-31", 80, { metric_id: "M2", ...at("measurements.csv", 4) }),
      measurement("2026-03-02", 87, { metric_id: "M2", note: "After training", ...at("measurements.csv", 5) }),
      measurement("2026-04-15", 1, at("measurements.csv", 6)), // after asOf: not counted
    ],
    milestones: [
      milestone({
        id: "MS1",
        metric_id: "M1",
        threshold: 5,
        target_date: "2026-02-28",
        status: "in_progress",
        ...at("milestones.csv", 2),
      }),
      milestone({
        id: "MS2",
        phase: "foundation",
        metric_id: "M2",
        target_date: "2026-03-15",
        revised_target_date: "2026-05-15",
        revision_reason: "Vendor delay",
        confidence: "medium",
        ...at("milestones.csv", 3),
      }),
      milestone({
        id: "MS3",
        phase: "foundation",
        status: "achieved",
        achieved_date: "2026-03-10",
        target_date: "2026-03-31",
        ...at("milestones.csv", 4),
      }),
      milestone({
        id: "MS4",
        phase: "growth",
        status: "not_started",
        target_date: "2026-06-30",
        ...at("milestones.csv", 5),
      }),
    ],
    deliverables: [deliverable({ status: "accepted", accepted_date: "2026-03-01" })],
    opportunities: [opportunity({ horizon: "quick_win", ...at("opportunities.csv", 2) })],
    financials: [financial({ ...at("financials.csv", 2) })],
    present: ["metrics", "measurements", "milestones", "deliverables", "opportunities", "financials"],
  });
}

describe("buildReport(data, {asOf, period})", () => {
  const report = buildReport(acme(), { asOf: "2026-03-31", period: "2026-Q1" });

  it("names the customer, the engagement, the date and the period", () => {
    expect(report).toMatchObject({
      schemaVersion: 1,
      customer: { slug: "acme", name: "Acme Corp", locale: "en-US", currency: "USD" },
      engagement: {
        name: "Reporting rollout",
        start: "2026-01-01",
        goLive: "2026-03-01",
        end: "2026-06-30",
        closeoutDays: 30,
      },
      asOf: "2026-03-31",
      period: "2026-Q1",
    });
  });

  it("gives each metric as of the date, rounded, with its sources", () => {
    expect(report.metrics[0]).toEqual({
      id: "M1",
      name: "Manual reporting time",
      category: "time",
      unit: "hours/week",
      direction: "down",
      baseline: 15,
      baselineDate: "2026-01-01",
      target: 2,
      targetDate: "2026-12-31",
      revisedTargetDate: null,
      current: 3,
      currentDate: "2026-02-15",
      progress: 0.9231, // 12/13
      state: "progressing",
      change: -0.8, // −12/15
      changePoints: null,
      factor: null,
      stale: false,
      // (0, 15), (31, 5), (45, 3): slope −0.2759271, intercept 14.65682; from (2026-02-15, 3) the target 2 is 3.6 → 4
      // days on, 2026-02-19, which is before asOf: the forecast is dated asOf.
      forecast: {
        date: "2026-03-31",
        status: "on_track",
        slope: -0.275927,
        intercept: 14.6568,
        dueDate: "2026-12-31",
        shortfall: null,
        pace: "overall",
      },
      monetized: true,
      valuePerUnit: 80,
      per: "week",
      valueToDate: 7634.29, // 10×80×14/7 + 12×80×44/7
      projectedValueToDate: 6034.29, // 12×80×44/7: after the last measurement (Feb 15), at its level
      projectedFrom: "2026-02-15",
      runRate: 50091.43, // 12 × 80 × 365.25/7
      series: [
        { date: "2026-02-01", value: 5, source: "measurements.csv:2", origin: "Time survey", note: null },
        { date: "2026-02-15", value: 3, source: "measurements.csv:3", origin: null, note: null },
      ],
      sources: ["metrics.csv:2", "measurements.csv:2", "measurements.csv:3"],
    });
    expect(report.metrics[1]).toMatchObject({
      id: "M2",
      current: 87,
      progress: 0.6087, // 14/23
      change: 0.1918, // 14/73
      changePoints: 14, // 87 − 73 percentage points
      forecast: { date: "2026-04-10", status: "on_track", slope: 0.233333, intercept: 73 },
      monetized: false,
      valueToDate: null,
      runRate: null,
    });
  });

  it("gives each milestone's status, the data winning over the stated one", () => {
    expect(report.milestones.map((m) => [m.id, m.status, m.achievedOn, m.contradicted, m.unverified])).toEqual([
      ["MS1", "achieved", "2026-02-01", true, true],
      ["MS2", "delayed", null, false, false],
      ["MS3", "achieved", "2026-03-10", false, true],
      ["MS4", "not_started", null, false, false],
    ]);
    expect(report.milestones[0]).toMatchObject({
      threshold: 5,
      dataAchievedOn: "2026-02-01",
      stated: "in_progress",
      sources: ["milestones.csv:2", "measurements.csv:2"],
    });
    expect(report.milestones[1]).toMatchObject({
      threshold: 96,
      revisedTargetDate: "2026-05-15",
      revisionReason: "Vendor delay",
      confidence: "medium",
      metricId: "M2",
    });
    expect(report.milestones[2]).toMatchObject({
      metricId: null,
      threshold: null,
      evidence: [],
      sources: ["milestones.csv:4"],
    });
  });

  it("gives each milestone's progress toward its own threshold", () => {
    expect(report.milestones.map((m) => [m.id, m.progress, m.state])).toEqual([
      ["MS1", 1.2, "exceeded"], // (3 − 15) / (5 − 15)
      ["MS2", 0.6087, "progressing"], // (87 − 73) / (96 − 73)
      ["MS3", null, null],
      ["MS4", null, null],
    ]);
  });

  it("rates health over the milestones due", () => {
    expect(report.health).toEqual({
      rag: "yellow",
      due: 3,
      dueAchieved: 2,
      dueUnverified: 2,
      dueMilestones: 3,
      dueMetrics: 0,
      metricsMissed: 0,
      rule: "some_due_missed",
    });
    expect(report.nextMilestone).toBe("MS2");
  });

  it("sets value against cost", () => {
    // Cost: 3520 + 1000 × 89/30.4375 (01-01 to 03-31, end-exclusive) = 6444.02; ROI (7634.2857 − 6444.0246)/6444.0246 = 0.1847.
    // The financials row "Implementation" matches no cost: a one-off cost on engagement.end (06-30), nothing yet.
    // M1's milestone MS1 is achieved without evidence: none of the value is verified.
    expect(report.roi).toEqual({
      valueToDate: 7634.29,
      costToDate: 6444.02,
      roi: 0.1847,
      projectedValueToDate: 6034.29,
      projectedFrom: "2026-02-15",
      verifiedValueToDate: 0,
      verifiedRoi: -1,
      unverifiedMetrics: ["M1"],
      paybackDate: "2026-03-20",
      verifiedPaybackDate: null,
      runRate: 50091.43,
      metrics: ["M1"],
      costs: [
        {
          item: "Setup",
          amount: 3520,
          per: "once",
          start: "2026-02-01",
          end: null,
          basis: "cost",
          toDate: 3520,
          sources: ["customer.json"],
        },
        {
          item: "Licence",
          amount: 1000,
          per: "month",
          start: "2026-01-01",
          end: "2026-04-01",
          basis: "cost",
          toDate: 2924.02,
          sources: ["customer.json"],
        },
        {
          item: "Implementation",
          amount: 11000,
          per: "once",
          start: "2026-06-30",
          end: null,
          basis: "financials",
          toDate: 0,
          sources: ["financials.csv:2"],
        },
      ],
      sources: ["customer.json", "metrics.csv:2", "measurements.csv:2", "measurements.csv:3"],
    });
  });

  it("shows the ROI calculation step by step", () => {
    expect(report.roiCalculation).toEqual({
      // 10 × 14 + 12 × 44 = 668 (hours/week) × days; × 80 ÷ 7 = 7634.29
      metrics: [
        {
          id: "M1",
          improvement: 12,
          unitDays: 668,
          perDays: 7,
          daysPerYear: 365.25,
          since: "2026-02-01",
          projectedFrom: "2026-02-15",
          projectedUnitDays: 528,
        },
      ],
      // Licence: 89 days (01-01 to 03-31) ÷ 30.4375
      costs: [
        { item: "Setup", days: null, divisor: null },
        { item: "Licence", days: 89, divisor: 30.4375 },
        { item: "Implementation", days: null, divisor: null },
      ],
      net: 1190.26,
    });
  });

  it("groups impact by category and picks the headline outcomes", () => {
    expect(report.impact).toEqual({
      groups: [
        {
          category: "time",
          metrics: ["M1"],
          monetized: ["M1"],
          valueToDate: 7634.29,
          runRate: 50091.43,
          milestones: [],
        },
        { category: "quality", metrics: ["M2"], monetized: [], valueToDate: null, runRate: null, milestones: [] },
      ],
      unmeasured: [],
    });
    expect(report.headline).toEqual(["M1", "M2"]);
  });

  it("gives audience views only for the stakeholders listed, and the goals", () => {
    expect(report.audiences).toEqual([]);
    const data = acme();
    data.customer.stakeholders = [{ name: "Sam", role: "CFO", audience: "finance" }];
    data.customer.goals = [{ id: "g1", statement: "Less manual work", level: "tactical", metrics: ["M1", "M9"] }];
    const withPeople = buildReport(data, { asOf: "2026-03-31", period: "2026-Q1" });
    expect(withPeople.goals).toEqual([{ id: "g1", statement: "Less manual work", level: "tactical", metrics: ["M1"] }]);
    expect(withPeople.audiences).toEqual([
      {
        audience: "finance",
        stakeholders: [{ name: "Sam", role: "CFO" }],
        metrics: ["M1"],
        milestones: ["MS1"],
        goals: ["g1"],
      },
    ]);
  });

  it("reviews the quarter", () => {
    expect(report.qbr).toMatchObject({
      period: { id: "2026-Q1", start: "2026-01-01", end: "2026-03-31" },
      next: { id: "2026-Q2" },
      achieved: ["MS1", "MS3"],
      nextQuarter: ["MS2", "MS4"],
      risks: [
        {
          kind: "milestone",
          id: "MS2",
          revisedTargetDate: "2026-05-15",
          reason: "Vendor delay",
          confidence: "medium",
          source: "milestones.csv:3",
        },
      ],
      expansionReady: [],
    });
  });

  it("warns about contradicted statuses and unverified achievements", () => {
    expect(report.warnings).toEqual([
      {
        code: "milestone-status-contradicted",
        milestoneId: "MS1",
        field: "status",
        value: "in_progress",
        status: "achieved",
        source: "milestones.csv:2",
      },
      { code: "milestone-unverified", milestoneId: "MS1", field: "evidence", source: "milestones.csv:2" },
      { code: "milestone-unverified", milestoneId: "MS3", field: "evidence", source: "milestones.csv:4" },
    ]);
  });

  it("says when the figures are quarter-to-date", () => {
    expect(report.quarterToDate).toBe(false);
    expect(buildReport(acme(), { asOf: "2026-03-15", period: "2026-Q1" }).quarterToDate).toBe(true);
  });

  it("warns about a metric whose latest measurement is more than 45 days old, and marks it stale", () => {
    const later = buildReport(acme(), { asOf: "2026-05-30", period: null });
    expect(later.metrics.map((m) => [m.id, m.stale, m.currentDate])).toEqual([
      ["M1", false, "2026-04-15"],
      ["M2", true, "2026-03-02"],
    ]);
    expect(later.warnings.filter((w) => w.code === "metric-stale")).toEqual([
      {
        code: "metric-stale",
        metricId: "M2",
        field: "date",
        value: "2026-03-02",
        days: 89,
        source: "measurements.csv:5",
      },
    ]);
  });

  it("triages opportunities and reconciles financials", () => {
    expect(report.opportunities.map((o) => [o.id, o.triage])).toEqual([["O1", "propose_now"]]);
    expect(report.opportunityGroups).toEqual({
      byTriage: { propose_now: ["O1"], defer: [], change_request: [], noise: [] },
      quickWins: ["O1"],
      longTerm: [],
      unplanned: [],
    });
    expect(report.financials!.totals).toMatchObject({ budget: 10000, actual: 11000, variance: 1000 });
  });

  it("has a close-out with the standard checklist when the closeout table is absent", () => {
    expect(report.closeout).toMatchObject({
      start: "2026-07-01",
      end: "2026-07-30",
      standard: true,
      total: 13,
      doneShare: null,
    });
    expect(report.closeout!.deliverables).toMatchObject({ accepted: 1, total: 1, acceptedShare: 1 });
  });

  it("is null where a section has no data", () => {
    expect(report.csat).toBeNull();
    const bare = buildReport(customerData(), { asOf: "2026-03-31", period: null });
    expect(bare).toMatchObject({
      qbr: null,
      csat: null,
      closeout: null,
      financials: null,
      metrics: [],
      milestones: [],
      opportunities: [],
      warnings: [],
    });
    expect(bare).toMatchObject({ goalOutcomes: null, handoff: null, closingAgenda: null });
    expect(bare.roi).toEqual({
      valueToDate: 0,
      costToDate: 0,
      roi: null,
      projectedValueToDate: 0,
      projectedFrom: null,
      verifiedValueToDate: 0,
      verifiedRoi: null,
      unverifiedMetrics: [],
      paybackDate: null,
      verifiedPaybackDate: null,
      runRate: 0,
      metrics: [],
      costs: [],
      sources: ["customer.json"],
    });
    expect(bare.health).toEqual({
      rag: "green",
      due: 0,
      dueAchieved: 0,
      dueUnverified: 0,
      dueMilestones: 0,
      dueMetrics: 0,
      metricsMissed: 0,
      rule: "none_due",
    });
  });

  it("shows the baselines when asOf comes before any data", () => {
    const early = buildReport(acme(), { asOf: "2025-12-31", period: null });
    expect(
      early.metrics.map((m) => [m.current, m.currentDate, m.progress, m.state, m.series.length, m.forecast.status]),
    ).toEqual([
      [15, "2026-01-01", 0, "progressing", 0, "insufficient_data"],
      [73, "2026-01-01", 0, "progressing", 0, "insufficient_data"],
    ]);
    expect(early.roi).toMatchObject({ valueToDate: 0, costToDate: 0, roi: null, paybackDate: null, runRate: 0 });
    expect(early.health.rule).toBe("none_due");
  });

  it("reports CSAT and a late survey after the engagement ends", () => {
    const data = acme();
    data.csat = [{ respondent: "Ana", date: "2026-07-06", score: 4, scale: 5, src: { file: "csat.csv", line: 2 } }];
    data.present.push("csat");
    const later = buildReport(data, { asOf: "2026-07-31", period: "2026-Q3" });
    expect(later.csat).toMatchObject({
      responses: 1,
      scale5: { count: 1, mean: 4, satisfiedShare: 1 },
      firstResponseDays: 6,
      late: true,
    });
    expect(later.warnings).toContainEqual({
      code: "csat-late",
      field: "date",
      value: "2026-07-06",
      sent: false,
      engagementEnd: "2026-06-30",
      days: 6,
      source: "csat.csv:2",
    });
  });

  it("gives the same report for the same data and date, whatever the measurement order", () => {
    const again = buildReport(acme(), { asOf: "2026-03-31", period: "2026-Q1" });
    expect(again).toEqual(report);
    const shuffled = acme();
    shuffled.measurements.reverse();
    expect(JSON.stringify(buildReport(shuffled, { asOf: "2026-03-31", period: "2026-Q1" }))).toBe(
      JSON.stringify(report),
    );
  });

  it("throws on a malformed date or period", () => {
    expect(() => buildReport(acme(), { asOf: "2026-3-31", period: null })).toThrow(RangeError);
    expect(() => buildReport(acme(), { asOf: "2026-03-31", period: "2026-Q5" })).toThrow(RangeError);
  });
});

describe("buildReport: the close-out figures", () => {
  function ended(): CustomerData {
    const data = acme();
    data.customer.goals = [
      { id: "g1", statement: "Less manual reporting", level: "tactical", metrics: ["M1"] },
      { id: "g2", statement: "Analysts self-sufficient", level: "operational", metrics: [] },
    ];
    data.handoff = { systems: [{ name: "Reports", owner: "Kim" }], documentation: [], access: [], known_issues: [] };
    return data;
  }

  it("judges the goals as of the report date, as the QBR does, also after the engagement end", () => {
    const report = buildReport(ended(), { asOf: "2026-07-31", period: null });
    // M1: the latest measurement by 2026-07-31 is 1 on 2026-04-15: progress 14/13, target met.
    expect(report.goalOutcomes!.closeDate).toBe("2026-07-31");
    expect(report.goalOutcomes!.goals[0]).toMatchObject({ verdict: "met", metricsMet: 1 });
    expect(report.goalOutcomes!.goals[0].metrics[0]).toMatchObject({
      value: 1,
      date: "2026-04-15",
      progress: 1.0769,
      met: true,
    });
    expect(report.goalOutcomes!.counts).toEqual({ met: 1, partly_met: 0, not_met: 0, not_assessed: 1 });
  });

  it("judges them as of the report date while the engagement runs", () => {
    const report = buildReport(ended(), { asOf: "2026-03-31", period: null });
    expect(report.goalOutcomes!.closeDate).toBe("2026-03-31");
    expect(report.goalOutcomes!.goals[0].metrics[0]).toMatchObject({ value: 3, progress: 0.9231, met: false });
    expect(report.goalOutcomes!.goals[0].verdict).toBe("partly_met");
  });

  it("counts the handoff and generates the closing agenda", () => {
    const report = buildReport(ended(), { asOf: "2026-07-31", period: null });
    expect(report.handoff).toMatchObject({ systems: 1, systemsOwned: 1, training: { sessions: 0, attendees: null } });
    expect(report.closingAgenda!.topics.map((t) => t.topic)).toEqual([
      "outcomes",
      "open_items",
      "handoff_owners",
      "csat",
      "opportunities",
    ]);
    expect(report.closingAgenda!.meetingDate).toBe("2026-06-30");
    expect(report.closingAgenda!.topics[3]).toEqual({
      topic: "csat",
      timing: "not_recorded",
      sendFrom: "2026-07-01",
      due: "2026-07-02",
      firstDate: null,
      responses: 0,
    });
  });
});

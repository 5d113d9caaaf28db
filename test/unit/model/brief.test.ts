import { describe, expect, it } from "vitest";
import type { Contract } from "../../../src/model/account.ts";
import { breakEven, brief } from "../../../src/model/brief.ts";
import { parsePeriod } from "../../../src/model/dates.ts";
import type { Health } from "../../../src/model/milestones.ts";
import type { Qbr } from "../../../src/model/qbr.ts";
import { triageAll } from "../../../src/model/opportunities.ts";
import { opportunity } from "./factories.ts";

const health: Health = {
  rag: "yellow",
  due: 2,
  dueAchieved: 1,
  dueUnverified: 0,
  dueMilestones: 2,
  dueMetrics: 0,
  metricsMissed: 0,
  rule: "some_due_missed",
};
const qbr: Qbr = {
  period: parsePeriod("2026-Q3")!,
  next: parsePeriod("2026-Q4")!,
  achieved: ["ms1"],
  nextQuarter: ["ms3"],
  risks: [
    {
      kind: "milestone",
      id: "ms2",
      targetDate: "2026-08-31",
      revisedTargetDate: "2026-11-15",
      revisionStands: true,
      reason: null,
      confidence: null,
      source: "milestones.csv:3",
    },
    {
      kind: "metric",
      id: "m2",
      status: "not_converging",
      targetDate: "2026-12-31",
      forecastDate: null,
      shortfall: null,
      source: "metrics.csv:3",
    },
    {
      kind: "metric",
      id: "m3",
      status: "behind",
      targetDate: "2026-12-31",
      forecastDate: "2027-02-10",
      shortfall: null,
      source: "metrics.csv:4",
    },
  ],
  expansionReady: [],
};
const contract: Contract = {
  start: "2025-11-01",
  end: "2026-10-31",
  renewalDate: "2026-10-31",
  daysToRenewal: 31,
  seats: 100,
  annualValue: 90000,
  seatsMeasure: "Active users",
  seatsUsed: 95,
  utilization: 0.95,
  source: "customer.json",
};
const base = {
  asOf: "2026-09-30",
  health,
  qbr,
  milestones: [
    { id: "ms1", status: "achieved", achievedOn: "2026-08-01" },
    { id: "ms2", status: "delayed", achievedOn: null },
    { id: "ms3", status: "not_started", achievedOn: null },
  ],
  metrics: [
    { id: "m1", progress: 0.4 },
    { id: "m2", progress: -0.1 },
    { id: "m3", progress: 0.7 },
  ],
  headline: ["m1", "m2", "m3"],
  nextMilestone: "ms3",
  contract: null,
  actions: null,
  opportunities: [],
  roi: { valueToDate: 1000, costToDate: 500, runRate: 4000, paybackDate: "2026-06-01" },
  costs: [],
};

describe("brief(input)", () => {
  it("tells where it stands, the headline metric that moved most, and leads with the first decision", () => {
    const b = brief(base);
    expect(b.progress).toEqual({ rag: "yellow", achievedInPeriod: 1, achieved: 1, milestones: 3 });
    expect(b.lead).toBe("m3");
    expect(b.next).toEqual({ decision: 0 });
    expect(b.breakEven).toBeNull();
    expect(b.plan).toEqual({ milestones: ["ms3"], actions: [] });
  });

  it("recommends a choice with a date for the top three decisions, the renewal first when it is near", () => {
    const b = brief({ ...base, contract });
    expect(b.decisions).toEqual([
      { kind: "renewal", recommend: "renew_expand", seats: 100, by: "2026-10-01" },
      { kind: "milestone", id: "ms2", recommend: "accept_revised_date", date: "2026-11-15", by: "2026-10-30" },
      { kind: "metric", id: "m2", recommend: "course_correct", date: null, by: "2026-10-30" },
    ]);
  });

  it("recommends right-sizing a renewal with few seats used, and no renewal decision when it is far off", () => {
    expect(brief({ ...base, qbr: null, contract: { ...contract, utilization: 0.5 } }).decisions[0]).toMatchObject({
      recommend: "renew_rightsize",
    });
    expect(brief({ ...base, qbr: null, contract: { ...contract, daysToRenewal: 200 } }).decisions).toEqual([]);
  });

  it("asks to approve an expansion ready to propose, and names the next milestone when nothing is to decide", () => {
    const opportunities = triageAll([opportunity({ id: "O1" }), opportunity({ id: "O2", customer_priority: false })]);
    const b = brief({ ...base, qbr: { ...qbr, risks: [] }, opportunities });
    expect(b.decisions).toEqual([{ kind: "expansion", id: "O1", recommend: "approve_proposal", by: "2026-10-01" }]);
    expect(brief({ ...base, qbr: { ...qbr, risks: [] } }).next).toEqual({ milestone: "ms3" });
  });
});

describe("decisions ordered by decide-by date", () => {
  it("orders decisions by their decide-by date and the brief names the earliest", () => {
    const soonForecast = {
      kind: "metric" as const,
      id: "m4",
      status: "behind" as const,
      targetDate: "2026-10-01",
      forecastDate: "2026-10-12",
      shortfall: null,
      source: "metrics.csv:5",
    };
    const b = brief({
      ...base,
      contract: { ...contract, renewalDate: "2026-12-31", daysToRenewal: 92 },
      qbr: { ...qbr, risks: [...qbr.risks, soonForecast] },
    });
    const bys = b.decisions.map((d) => d.by);
    expect(bys).toEqual(bys.toSorted());
    expect(b.decisions[0]).toMatchObject({ kind: "metric", id: "m4", by: "2026-10-12" });
    expect(b.next).toEqual({ decision: 0 });
  });

  it("a decide-by date is never after the date it decides", () => {
    const risk = { ...qbr.risks[2], forecastDate: "2026-10-22" };
    const b = brief({ ...base, qbr: { ...qbr, risks: [risk] } });
    expect(b.decisions).toEqual([
      { kind: "metric", id: "m3", recommend: "accept_forecast", date: "2026-10-22", by: "2026-10-22" },
    ]);
    for (const d of brief({ ...base, contract }).decisions)
      if ("date" in d && d.date !== null) expect(d.by <= d.date).toBe(true);
  });

  it("next quarter's plan holds open commitments, never overdue ones", () => {
    const actions = {
      actions: [
        { due: "2026-09-01", outcome: "missed" },
        { due: "2026-11-01", outcome: "open" },
        { due: "2027-02-01", outcome: "open" },
      ],
      plan: [0, 1, 2],
    } as unknown as NonNullable<Parameters<typeof brief>[0]["actions"]>;
    expect(brief({ ...base, actions }).plan.actions).toEqual([1]);
  });
});

describe("breakEven(roi, costs, asOf)", () => {
  it("projects the day value at the run-rate catches up with cost, recurring costs running on", () => {
    // 365.25 a year of value = 1 a day; a monthly cost of 365.25/12 ÷ 2 = 0.5 a day; 100 behind → 200 days.
    const day = breakEven(
      { valueToDate: 0, costToDate: 100, runRate: 365.25 },
      [{ item: "licence", amount: 365.25 / 24, per: "month", start: "2026-01-01" }],
      "2026-09-30",
    );
    expect(day).toBe("2027-04-18");
  });

  it("counts a once-cost on its day and gives up after five years", () => {
    const once = [{ item: "phase 2", amount: 50, per: "once" as const, start: "2026-10-10" }];
    expect(breakEven({ valueToDate: 0, costToDate: 10, runRate: 365.25 }, once, "2026-09-30")).toBe("2026-11-29");
    expect(breakEven({ valueToDate: 0, costToDate: 10, runRate: 0 }, [], "2026-09-30")).toBeNull();
  });
});

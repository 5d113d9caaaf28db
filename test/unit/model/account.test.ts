import { describe, expect, it } from "vitest";
import {
  actionPlan,
  adoption,
  contractFigures,
  healthTrend,
  periodStart,
  stakeholderMap,
  support,
} from "../../../src/model/account.ts";
import { parsePeriod } from "../../../src/model/dates.ts";
import type { Health } from "../../../src/model/milestones.ts";
import type { Action, HealthRow, SupportPeriod, Usage } from "../../../src/schema.ts";
import { customer } from "./factories.ts";

const Q3 = parsePeriod("2026-Q3")!;
let line = 1;
const usage = (date: string, value: number, measure = "Active users"): Usage => ({
  date,
  measure,
  value,
  src: { file: "usage.csv", line: ++line },
});
const action = (over: Partial<Action>): Action => ({
  commitment: "Name a report owner",
  owner: "Dana",
  side: "customer",
  due: "2026-08-15",
  status: "open",
  src: { file: "actions.csv", line: 2 },
  ...over,
});
const green: Health = {
  rag: "green",
  due: 0,
  dueAchieved: 0,
  dueUnverified: 0,
  dueMilestones: 0,
  dueMetrics: 0,
  metricsMissed: 0,
  rule: "none_due",
};

describe("contractFigures(customer, usage, asOf)", () => {
  it("is null without a contract", () => {
    expect(contractFigures(customer(), [], "2026-09-30")).toBeNull();
  });

  it("counts the days to renewal and the seats used by the first measure", () => {
    const c = customer({ contract: { start: "2025-11-01", end: "2026-10-31", seats: 120, annualValue: 90000 } });
    const rows = [
      usage("2026-08-31", 96),
      usage("2026-09-30", 102),
      usage("2026-10-15", 130),
      usage("2026-09-30", 7, "Reports"),
    ];
    expect(contractFigures(c, rows, "2026-09-30")).toEqual({
      start: "2025-11-01",
      end: "2026-10-31",
      renewalDate: "2026-10-31",
      daysToRenewal: 31,
      seats: 120,
      annualValue: 90000,
      seatsMeasure: "Active users",
      seatsUsed: 102,
      utilization: 0.85,
      source: "customer.json",
    });
  });

  it("reads the seats against contract.seatsMeasure, and has no utilization without seats", () => {
    const c = customer({
      contract: { start: "2025-11-01", end: "2026-10-31", renewalDate: "2026-09-01", seatsMeasure: "Reports" },
    });
    const f = contractFigures(c, [usage("2026-09-30", 102), usage("2026-09-30", 7, "Reports")], "2026-09-30")!;
    expect([f.renewalDate, f.daysToRenewal, f.seatsMeasure, f.seatsUsed, f.utilization]).toEqual([
      "2026-09-01",
      -29,
      "Reports",
      7,
      null,
    ]);
  });
});

describe("adoption(usage, asOf, period)", () => {
  it("is null without rows by asOf", () => {
    expect(adoption([], "2026-09-30", Q3)).toBeNull();
    expect(adoption([usage("2026-10-01", 5)], "2026-09-30", Q3)).toBeNull();
  });

  it("gives each measure its series, latest value and change over the quarter", () => {
    const [users, reports] = adoption(
      [usage("2026-06-30", 80), usage("2026-09-30", 100), usage("2026-08-31", 90), usage("2026-09-30", 12, "Reports")],
      "2026-09-30",
      Q3,
    )!;
    expect(users.series.map((p) => p.value)).toEqual([80, 90, 100]);
    expect([users.latest, users.latestDate, users.quarterStart, users.change]).toEqual([100, "2026-09-30", 80, 0.25]);
    expect([reports.measure, reports.quarterStart, reports.change]).toEqual(["Reports", null, null]);
  });
});

describe("support(rows, asOf)", () => {
  const row = (period: string, opened: number, closed: number, sla: number): SupportPeriod => ({
    period,
    opened,
    closed,
    sla_met: sla,
    src: { file: "support.csv", line: 2 },
  });

  it("keeps the periods started by asOf, oldest first, with the backlog carried", () => {
    const s = support(
      [row("2026-Q3", 30, 34, 96), row("2026-Q2", 40, 35, 91), row("2026-Q4", 1, 0, 100)],
      "2026-09-30",
    )!;
    expect(s.periods.map((p) => [p.period, p.backlog])).toEqual([
      ["2026-Q2", 5],
      ["2026-Q3", 1],
    ]);
    expect([s.backlog, s.latest, s.previous]).toEqual([1, "2026-Q3", "2026-Q2"]);
  });

  it("support backlog is carried from the first row, never negative", () => {
    const rows = [
      row("2025-Q3", 10, 2, 90),
      row("2025-Q4", 1, 9, 90),
      row("2026-Q1", 0, 5, 90),
      row("2026-Q2", 3, 0, 90),
      ...["2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"].map((p) => row(p, 1, 1, 90)),
    ];
    const s = support(rows, "2026-12-31")!;
    expect(s.periods).toHaveLength(8);
    expect(s.periods[0]).toMatchObject({ period: "2026-Q1", backlog: 0 });
    expect(s.periods[1]).toMatchObject({ period: "2026-Q2", backlog: 3 });
    expect(s.backlog).toBe(3);
    for (const p of s.periods) expect(p.backlog).toBeGreaterThanOrEqual(0);
  });

  it("reads months as well as quarters", () => {
    expect(periodStart("2026-08")).toBe("2026-08-01");
    expect(periodStart("2026-Q4")).toBe("2026-10-01");
    expect(support([row("2026-10", 1, 1, 100)], "2026-09-30")).toBeNull();
  });
});

describe("actionPlan(rows, asOf, period, present)", () => {
  it("is null without an actions table", () => {
    expect(actionPlan([], "2026-09-30", Q3, false)).toBeNull();
  });

  it("scores last quarter's commitments kept, late or missed and plans the open ones by due date", () => {
    const a = actionPlan(
      [
        action({ commitment: "kept", agreed: "2026-Q2", status: "done", done_date: "2026-08-10" }),
        action({ commitment: "late", agreed: "2026-Q2", status: "done", done_date: "2026-08-20" }),
        action({ commitment: "missed", agreed: "2026-Q2", due: "2026-09-01", status: "in_progress" }),
        action({ commitment: "later", due: "2026-11-15", side: "provider" }),
        action({ commitment: "dropped", agreed: "2026-Q2", status: "dropped" }),
        action({ commitment: "older", agreed: "2026-Q1", status: "done", done_date: "2026-03-01", due: "2026-03-31" }),
      ],
      "2026-09-30",
      Q3,
      true,
    )!;
    expect(a.actions.map((x) => x.outcome)).toEqual(["kept", "late", "missed", "open", "dropped", "kept"]);
    expect(a.scorecard.map((i) => a.actions[i].commitment)).toEqual(["kept", "late", "dropped", "missed"]);
    expect([a.kept, a.late, a.missed, a.keptShare]).toEqual([1, 1, 1, 0.3333]);
    expect(a.plan.map((i) => a.actions[i].commitment)).toEqual(["missed", "later"]);
    expect(a.actions[2].overdue).toBe(true);
  });

  it("counts a commitment done after asOf as not done yet", () => {
    const a = actionPlan(
      [action({ status: "done", done_date: "2026-10-02", due: "2026-10-31" })],
      "2026-09-30",
      Q3,
      true,
    )!;
    expect([a.actions[0].outcome, a.actions[0].status, a.actions[0].doneDate]).toEqual(["open", "in_progress", null]);
  });

  it("scores commitments due in the quarter when none says when it was agreed", () => {
    const a = actionPlan([action({ due: "2026-07-15" }), action({ due: "2026-10-15" })], "2026-09-30", Q3, true)!;
    expect(a.scorecard).toEqual([0]);
  });
});

describe("stakeholderMap(customer)", () => {
  it("is null unless someone has an influence or a sentiment", () => {
    expect(stakeholderMap(customer({ stakeholders: [{ name: "A", role: "COO", audience: "executive" }] }))).toBeNull();
  });

  it("lists the most influential first", () => {
    const map = stakeholderMap(
      customer({
        stakeholders: [
          { name: "Low", role: "Analyst", audience: "user", influence: "low", sentiment: "champion" },
          {
            name: "High",
            role: "COO",
            audience: "executive",
            influence: "high",
            sentiment: "neutral",
            change: "declined",
          },
          { name: "Unrated", role: "IT", audience: "it" },
        ],
      }),
    )!;
    expect(map.map((p) => [p.name, p.influence, p.sentiment, p.change])).toEqual([
      ["High", "high", "neutral", "declined"],
      ["Low", "low", "champion", null],
      ["Unrated", null, null, null],
    ]);
  });
});

describe("healthTrend(rows, period, now)", () => {
  const row = (period: string, rag: HealthRow["rag"]): HealthRow => ({
    period,
    rag,
    src: { file: "health.csv", line: 2 },
  });

  it("is null without earlier quarters", () => {
    expect(healthTrend([row("2026-Q3", "red")], Q3, green)).toBeNull();
    expect(healthTrend([row("2026-Q2", "red")], null, green)).toBeNull();
  });

  it("ends with this quarter's computed health and says which way it went", () => {
    const t = healthTrend([row("2026-Q2", "yellow"), row("2026-Q1", "red"), row("2026-Q4", "red")], Q3, green)!;
    expect(t.points.map((p) => [p.period, p.rag])).toEqual([
      ["2026-Q1", "red"],
      ["2026-Q2", "yellow"],
      ["2026-Q3", "green"],
    ]);
    expect(t.direction).toBe("better");
    expect(healthTrend([row("2026-Q2", "green")], Q3, { ...green, rag: "red" })!.direction).toBe("worse");
  });
});

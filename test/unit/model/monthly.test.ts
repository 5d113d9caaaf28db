import { describe, expect, it } from "vitest";
import { monthEnd, monthStart, monthly } from "../../../src/model/monthly.ts";
import { buildReport } from "../../../src/model/report.ts";
import type { Action } from "../../../src/schema.ts";
import { customerData, measurement, metric, milestone } from "./factories.ts";

const data = () =>
  customerData({
    metrics: [metric(), metric({ id: "M2", name: "Errors", unit: "%", direction: "down", baseline: 8, target: 2 })],
    measurements: [
      measurement("2026-08-15", 10, { source: "timesheet" }),
      measurement("2026-09-20", 7, { source: "timesheet" }),
      measurement("2026-10-05", 4, { source: "timesheet" }),
      measurement("2026-10-20", 3, { source: "timesheet" }),
      measurement("2026-11-02", 2.5, { source: "timesheet" }),
    ],
    milestones: [
      milestone({
        id: "MS1",
        metric_id: "M1",
        threshold: 5,
        target_date: "2026-10-15",
        evidence: ["https://example.com/run"],
      }),
      milestone({ id: "MS2", name: "Rollout", phase: "growth", target_date: "2026-10-10" }),
      milestone({
        id: "MS3",
        name: "Rollout 2",
        phase: "growth",
        target_date: "2026-09-01",
        revised_target_date: "2026-10-30",
      }),
      milestone({
        id: "MS4",
        name: "Later",
        phase: "maturity",
        target_date: "2026-12-15",
        next_steps: "Train the second shift",
      }),
    ],
  });

describe("monthly(report)", () => {
  const r = buildReport(data(), { asOf: "2026-10-31", period: "2026-Q4" });

  it("covers the month of asOf, from its first day", () => {
    expect(r.monthly.month).toBe("2026-10");
    expect(r.monthly.start).toBe("2026-10-01");
    expect(monthStart("2026-02-17")).toBe("2026-02-01");
    expect(monthEnd("2026-02")).toBe("2026-02-28");
    expect(monthEnd("2026-12")).toBe("2026-12-31");
  });

  it("lists the milestones reached in the month and those whose target or revised date passed in it unachieved", () => {
    expect(r.monthly.reached).toEqual(["MS1"]);
    expect(r.milestones.find((m) => m.id === "MS1")?.achievedOn).toBe("2026-10-05");
    expect(r.monthly.slipped).toEqual(["MS2", "MS3"]);
    expect(r.monthly.next).toBe("MS4");
  });

  it("gives each headline outcome's change over the month: the last value before it against the current", () => {
    const m1 = r.monthly.outcomes.find((o) => o.id === "M1")!;
    expect(m1).toMatchObject({
      before: 7,
      beforeDate: "2026-09-20",
      now: 3,
      nowDate: "2026-10-20",
      change: -4,
      measured: 2,
    });
    const m2 = r.monthly.outcomes.find((o) => o.id === "M2");
    expect(m2).toMatchObject({ before: 8, beforeDate: "2026-01-01", now: 8, change: 0, measured: 0 });
  });

  it("takes the baseline as the month's start when nothing was measured before it, and counts no new figure when none came", () => {
    const early = buildReport(data(), { asOf: "2026-08-31", period: "2026-Q3" });
    expect(early.monthly.outcomes[0]).toMatchObject({ before: 15, beforeDate: "2026-01-01", now: 10, change: -5 });
    const quiet = buildReport(data(), { asOf: "2026-12-31", period: "2026-Q4" });
    expect(quiet.monthly.outcomes[0]).toMatchObject({ before: 2.5, now: 2.5, change: 0, measured: 0 });
    expect(quiet.monthly.reached).toEqual([]);
    expect(quiet.monthly.slipped).toEqual(["MS4"]);
  });

  it("lists the open actions, overdue ones (blockers) first, then by due date", () => {
    const act = (commitment: string, due: string, status: Action["status"], line: number): Action => ({
      ...(status === "done" ? { done_date: due } : {}),
      commitment,
      owner: "Ana",
      side: "customer",
      due,
      status,
      src: { file: "actions.csv", line },
    });
    const withActions = buildReport(
      {
        ...data(),
        present: ["actions"],
        actions: [
          act("Later", "2026-11-20", "open", 2),
          act("Sooner", "2026-11-05", "in_progress", 3),
          act("Overdue", "2026-10-20", "open", 4),
          act("Done", "2026-10-10", "done", 5),
        ],
      },
      { asOf: "2026-10-31", period: "2026-Q4" },
    );
    const names = withActions.monthly.actions.map((i) => withActions.actions!.actions[i].commitment);
    expect(names).toEqual(["Overdue", "Sooner", "Later"]);
  });

  it("is the function of the report's figures alone", () => {
    expect(monthly(r)).toEqual(r.monthly);
  });
});

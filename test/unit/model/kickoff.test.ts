import { describe, expect, it } from "vitest";
import { checkinDates, kickoffPlan, weekOf, type KickoffInput } from "../../../src/model/kickoff.ts";
import { kickoffDue } from "../../../src/model/kickoff-window.ts";

describe("kickoffDue(start, asOf)", () => {
  it("holds from 30 days before the start to 29 days after it", () => {
    expect(kickoffDue("2026-10-30", "2026-09-30")).toBe(true);
    expect(kickoffDue("2026-10-31", "2026-09-30")).toBe(false);
    expect(kickoffDue("2026-09-01", "2026-09-30")).toBe(true);
    expect(kickoffDue("2026-08-31", "2026-09-30")).toBe(false);
  });
});

describe("weekOf(start, date)", () => {
  it("counts the start's first seven days as week 1", () => {
    expect(weekOf("2026-10-05", "2026-10-05")).toBe(1);
    expect(weekOf("2026-10-05", "2026-10-11")).toBe(1);
    expect(weekOf("2026-10-05", "2026-10-12")).toBe(2);
    expect(weekOf("2026-10-05", "2026-10-04")).toBe(0);
  });
});

describe("checkinDates(start, cadence)", () => {
  it("lists the check-ins after the start through its first 90 days", () => {
    expect(checkinDates("2026-10-05", "fortnightly")).toEqual([
      "2026-10-19",
      "2026-11-02",
      "2026-11-16",
      "2026-11-30",
      "2026-12-14",
      "2026-12-28",
    ]);
    expect(checkinDates("2026-10-05", "weekly")).toHaveLength(12);
  });

  it("keeps a monthly check-in on the start's day, the month's last day when it has none", () => {
    expect(checkinDates("2027-01-31", "monthly")).toEqual(["2027-02-28", "2027-03-31", "2027-04-30"]);
  });
});

describe("kickoffPlan(input, asOf)", () => {
  const input: KickoffInput = {
    customer: {
      engagement: { name: "Rollout", start: "2026-10-05", closeoutDays: 30 },
      stakeholders: [
        { name: "Ana Silva", role: "COO", audience: "executive" },
        { name: "Ben Ode", role: "Planner", audience: "user" },
      ],
      acceptors: undefined,
      kickoff: { cadence: "monthly", team: [{ name: "Lee Wei", role: "Engagement lead" }] },
    },
    metrics: [
      { id: "m1", target_date: "2027-01-29", method: "Weekly count", source: "ERP", confirmed_by: "Ana Silva" },
      { id: "m2", target_date: "2027-03-31", revised_target_date: "2027-04-30" },
    ],
    milestones: [
      { id: "ms2", phase: "foundation", targetDate: "2026-11-30", revisedTargetDate: null },
      { id: "ms1", phase: "early_win", targetDate: "2026-10-16", revisedTargetDate: null },
      { id: "ms3", phase: "early_win", targetDate: "2026-10-23", revisedTargetDate: "2026-10-30" },
    ],
  };

  it("is null outside the kickoff window", () => {
    expect(kickoffPlan(input, "2026-11-04")).toBeNull();
  });

  it("gives the criteria's and milestones' weeks by phase, the check-ins, the owners and who signs", () => {
    expect(kickoffPlan(input, "2026-09-30")).toEqual({
      start: "2026-10-05",
      daysToStart: 5,
      criteria: [
        { metric: "m1", targetWeek: 17, method: "Weekly count", source: "ERP", confirmedBy: "Ana Silva" },
        { metric: "m2", targetWeek: 30, method: null, source: null, confirmedBy: null },
      ],
      phases: [
        {
          phase: "early_win",
          milestones: [
            { id: "ms1", week: 2 },
            { id: "ms3", week: 4 },
          ],
        },
        { phase: "foundation", milestones: [{ id: "ms2", week: 9 }] },
      ],
      checkins: { cadence: "monthly", dates: ["2026-11-05", "2026-12-05"] },
      owners: [
        { side: "customer", name: "Ana Silva", role: "COO" },
        { side: "customer", name: "Ben Ode", role: "Planner" },
        { side: "provider", name: "Lee Wei", role: "Engagement lead" },
      ],
      signatories: [
        { side: "customer", name: "Ana Silva", role: "COO" },
        { side: "provider", name: "Lee Wei", role: "Engagement lead" },
      ],
    });
  });

  it("has the customer sign as its acceptors when customer.json names them", () => {
    const plan = kickoffPlan(
      { ...input, customer: { ...input.customer, acceptors: [{ name: "Cy", role: "CFO" }] } },
      "2026-10-05",
    );
    expect(plan?.signatories.map((s) => s.name)).toEqual(["Cy", "Lee Wei"]);
  });
});

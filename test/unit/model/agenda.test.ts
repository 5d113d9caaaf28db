import { describe, expect, it } from "vitest";
import { closingAgenda, type AgendaInput } from "../../../src/model/agenda.ts";
import { closeout } from "../../../src/model/closeout.ts";
import { summarizeCsat } from "../../../src/model/csat.ts";
import { groupByHorizon, triageAll } from "../../../src/model/opportunities.ts";
import type { GoalOutcomes } from "../../../src/model/outcomes.ts";
import { closeoutItem, csat, customer, deliverable, opportunity } from "./factories.ts";

const end = "2026-06-30";
const engagement = { ...customer().engagement, end, closeoutDays: 30 };
const outcomes: GoalOutcomes = {
  closeDate: end,
  goals: [
    {
      id: "g1",
      statement: "Less reporting",
      level: "tactical",
      verdict: "met",
      rule: "all_metrics_met",
      metrics: [],
      metricsMet: 0,
      milestones: [],
      sources: [],
    },
    {
      id: "g2",
      statement: "Trusted forecast",
      level: "strategic",
      verdict: "partly_met",
      rule: "some_progress",
      metrics: [],
      metricsMet: 0,
      milestones: [],
      sources: [],
    },
  ],
  counts: { met: 1, partly_met: 1, not_met: 0, not_assessed: 0 },
};

function input(asOf: string, over: Partial<AgendaInput> = {}): AgendaInput {
  return {
    outcomes,
    closeout: closeout(
      {
        engagement,
        closeout: [
          closeoutItem({ item: "Sign-off", owner: "Kim", due_date: "2026-07-20", done_date: "2026-07-05" }),
          closeoutItem({ phase: "closure", item: "Final invoice", due_date: "2026-07-25" }),
          closeoutItem({ phase: "transition", item: "Runbook review", due_date: "2026-07-08", owner: "Lee" }),
        ],
        closeoutPresent: true,
        deliverables: [
          deliverable({ id: "D1", status: "accepted" }),
          deliverable({ id: "D2", status: "in_acceptance" }),
        ],
        deliverablesPresent: true,
      },
      asOf,
    )!,
    csat: summarizeCsat([csat("2026-07-01", 5)], end, asOf),
    opportunities: groupByHorizon(
      triageAll([
        opportunity({ id: "now" }),
        opportunity({ id: "later", risks_current_delivery: true }),
        opportunity({ id: "cr", distinct_outcome: false }),
        opportunity({ id: "noise", customer_priority: false }),
      ]),
    ),
    handoff: {
      systems: [{ name: "Reports", owner: "Kim" }, { name: "Export" }],
      documentation: [],
      access: [],
      known_issues: [],
    },
    engagementEnd: end,
    asOf,
    ...over,
  };
}

describe("closingAgenda(input)", () => {
  it("lists outcomes, open items (overdue first), handoff owners, CSAT timing and the opportunities worth raising", () => {
    expect(closingAgenda(input("2026-07-10")).topics).toEqual([
      {
        topic: "outcomes",
        goals: [
          { id: "g1", verdict: "met" },
          { id: "g2", verdict: "partly_met" },
        ],
      },
      {
        topic: "open_items",
        deliverables: ["D2"],
        checklist: [
          { phase: "transition", item: "Runbook review", owner: "Lee", due: "2026-07-08", overdue: true },
          { phase: "closure", item: "Final invoice", owner: null, due: "2026-07-25", overdue: false },
        ],
        standardChecklist: false,
      },
      {
        topic: "handoff_owners",
        systems: [
          { name: "Reports", owner: "Kim" },
          { name: "Export", owner: null },
        ],
        unowned: 1,
      },
      {
        topic: "csat",
        timing: "on_time",
        sendFrom: "2026-07-01",
        due: "2026-07-02",
        firstDate: "2026-07-01",
        responses: 1,
      },
      { topic: "opportunities", proposeNow: ["now"], defer: ["later"], changeRequests: ["cr"] },
    ]);
  });

  it("leaves out topics with nothing to discuss, but always keeps the CSAT timing", () => {
    const quiet = input("2026-07-01", {
      outcomes: { ...outcomes, goals: [] },
      closeout: closeout(
        { engagement, closeout: [], closeoutPresent: true, deliverables: [], deliverablesPresent: true },
        "2026-07-01",
      )!,
      csat: null,
      opportunities: groupByHorizon(triageAll([opportunity({ id: "noise", customer_priority: false })])),
      handoff: null,
    });
    expect(closingAgenda(quiet).topics).toEqual([
      {
        topic: "csat",
        timing: "not_recorded",
        sendFrom: "2026-07-01",
        due: "2026-07-02",
        firstDate: null,
        responses: 0,
      },
    ]);
  });

  it("keeps open items when the standard checklist stands in: its owners and dates are to be agreed", () => {
    const standard = input("2026-07-01", {
      closeout: closeout(
        { engagement, closeout: [], closeoutPresent: false, deliverables: [], deliverablesPresent: true },
        "2026-07-01",
      )!,
    });
    expect(closingAgenda(standard).topics[1]).toEqual({
      topic: "open_items",
      deliverables: [],
      checklist: [],
      standardChecklist: true,
    });
  });

  it("says the survey is overdue when no answer came within 2 days", () => {
    const late = closingAgenda(input("2026-07-10", { csat: summarizeCsat([], end, "2026-07-10") }));
    expect(late.topics.find((t) => t.topic === "csat")).toMatchObject({
      timing: "overdue",
      responses: 0,
      firstDate: null,
    });
  });
});

describe("a closing meeting dated before the report date", () => {
  it("gives its outcome, not an agenda, and never lists as open what the tracker shows done", () => {
    const atMeeting = input("2026-07-04");
    const later = input("2026-07-30");
    const held = closingAgenda({ ...atMeeting, reportDate: "2026-07-30", stillOpen: later.closeout });
    expect(held.held).toBe(true);
    expect(held.meetingDate).toBe("2026-07-04");
    const open = held.topics.find((t) => t.topic === "open_items");
    expect(open?.topic === "open_items" && open.checklist.map((i) => i.item)).toEqual([
      "Runbook review",
      "Final invoice",
    ]);
    const doneByThen = new Set(later.closeout.items.filter((i) => i.done).map((i) => i.item));
    for (const i of open?.topic === "open_items" ? open.checklist : []) expect(doneByThen.has(i.item)).toBe(false);
    expect(closingAgenda({ ...later, reportDate: "2026-07-30" }).held).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { copyOf } from "../../../src/model/copy.ts";
import { buildReport } from "../../../src/model/report.ts";
import { customer, customerData, metric, milestone, opportunity } from "./factories.ts";

/** Two milestones (one achieved without evidence, one delayed with no next steps), one opportunity of each triage, an ended engagement. */
function report() {
  return buildReport(
    customerData({
      customer: customer({
        engagement: { name: "Rollout", start: "2026-01-01", goLive: "2026-03-01", end: "2026-06-30", closeoutDays: 30 },
      }),
      metrics: [metric({ id: "M1" })],
      milestones: [
        milestone({ id: "MS1", status: "achieved", achieved_date: "2026-02-01", target_date: "2026-02-15" }),
        milestone({ id: "MS2", name: "Ledger automated", status: "in_progress", target_date: "2026-05-01" }),
      ],
      opportunities: [
        opportunity({ id: "now" }),
        opportunity({ id: "later", risks_current_delivery: true }),
        opportunity({ id: "cr", distinct_outcome: false }),
        opportunity({ id: "noise", customer_priority: false }),
      ],
      present: ["metrics", "milestones", "opportunities"],
    }),
    { asOf: "2026-06-30", period: "2026-Q2" },
  );
}

describe("copyOf(report, copy)", () => {
  const full = report();
  const customerCopy = copyOf(full, "customer");
  const internal = copyOf(full, "internal");

  it("keeps in the customer's copy only the expansions proposed now, without their triage", () => {
    expect(customerCopy.opportunities.map((o) => o.id)).toEqual(["now"]);
    expect(customerCopy.opportunities[0]).not.toHaveProperty("triage");
    expect(customerCopy.opportunities[0]).not.toHaveProperty("reason");
    expect(customerCopy.opportunityGroups).toEqual({ quickWins: [], longTerm: [], unplanned: ["now"] });
    expect(JSON.stringify(customerCopy)).not.toMatch(/noise|change_request|defer|"triage"/);
  });

  it("leaves the coaching topics out of the customer's closing agenda", () => {
    expect(full.closingAgenda!.topics.map((t) => t.topic)).toContain("csat");
    expect(customerCopy.closingAgenda!.topics.map((t) => t.topic)).not.toContain("csat");
    expect(customerCopy.closingAgenda!.topics.map((t) => t.topic)).not.toContain("opportunities");
  });

  it("holds no internal notes in the customer's copy, and says which copy it is", () => {
    expect(customerCopy.copy).toBe("customer");
    expect(customerCopy).not.toHaveProperty("internal");
    expect(internal.copy).toBe("internal");
  });

  it("adds to the internal copy the to-dos, every opportunity's triage and the coaching", () => {
    expect(internal.internal).toEqual({
      todos: [
        { kind: "confirm_evidence", milestone: "MS1" },
        { kind: "agree_correction", risk: "milestone", id: "MS2" },
      ],
      triage: [
        { id: "now", title: "Automate month-end close", triage: "propose_now", reason: "distinct_priority_safe" },
        { id: "later", title: "Automate month-end close", triage: "defer", reason: "risks_current_delivery" },
        { id: "cr", title: "Automate month-end close", triage: "change_request", reason: "not_distinct" },
        { id: "noise", title: "Automate month-end close", triage: "noise", reason: "not_priority" },
      ],
      coaching: full.closingAgenda!.topics.filter((t) => t.topic === "csat" || t.topic === "opportunities"),
      gaps: [],
      caseStudy: null,
    });
  });

  it("leaves milepost's standard checklist out of the customer's closing agenda, and lists the data gaps it is given", () => {
    const openItems = full.closingAgenda!.topics.find((t) => t.topic === "open_items");
    expect(openItems).toMatchObject({ standardChecklist: true, deliverables: [], checklist: [] });
    expect(customerCopy.closingAgenda!.topics.map((t) => t.topic)).not.toContain("open_items");
    const gap = {
      kind: "standard",
      pack: "closeout",
      file: "closeout.csv",
      line: null,
      field: null,
      item: null,
    } as const;
    expect(copyOf(full, "internal", [gap]).internal!.gaps).toEqual([gap]);
    expect(copyOf(full, "customer", [gap])).not.toHaveProperty("internal");
  });

  it("keeps the stakeholders' sentiment and its change out of the customer's copy", () => {
    const person = {
      name: "Kim",
      role: "CFO",
      audience: "finance",
      influence: "high",
      sentiment: "detractor",
      change: "declined",
    } as const;
    const withMap = { ...full, stakeholderMap: [person] };
    expect(copyOf(withMap, "customer").stakeholderMap).toEqual([{ ...person, sentiment: null, change: null }]);
    expect(copyOf(withMap, "internal").stakeholderMap).toEqual([person]);
    expect(copyOf({ ...full, stakeholderMap: [{ ...person, influence: null }] }, "customer").stakeholderMap).toBeNull();
  });

  it("is otherwise the same report in both copies", () => {
    const { internal: _notes, copy: _c, ...rest } = internal;
    const { copy: _c2, ...same } = customerCopy;
    expect(rest).toEqual(same);
  });
});

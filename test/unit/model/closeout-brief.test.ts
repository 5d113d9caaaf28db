import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/model/report.ts";
import { closeoutBrief } from "../../../src/model/closeout-brief.ts";
import { closeoutItem, customer, customerData, deliverable, financial } from "./factories.ts";

const ended = { name: "Rollout", start: "2026-01-01", end: "2026-06-30", closeoutDays: 30 };
const data = (over = {}) =>
  customerData({
    customer: customer({ engagement: ended }),
    deliverables: [
      deliverable({ id: "D1", status: "accepted", accepted_date: "2026-06-20", accepted_by: "Siti" }),
      deliverable({ id: "D2", status: "rejected", replaced_by: "D3" }),
      deliverable({ id: "D3", status: "in_acceptance", due_date: "2026-07-05" }),
      deliverable({ id: "D4", status: "in_progress", due_date: "2026-07-30" }),
    ],
    closeout: [
      closeoutItem({ item: "Sign-off meeting", stands_for: "sign_off", due_date: "2026-07-08" }),
      closeoutItem({ phase: "closure", item: "Archive", owner: "Lee", done_date: "2026-07-02" }),
    ],
    financials: [
      financial({ item: "Implementation", invoiced: 11000, paid: 8000 }),
      financial({ item: "Travel", budget: 500, actual: 400, invoiced: 400, paid: 400 }),
    ],
    handoff: {
      systems: [],
      documentation: [],
      access: [
        { system: "Warehouse", granted_to: "IT team", date: "2026-06-28" },
        { system: "Dashboards", granted_to: "Finance" },
      ],
      known_issues: [],
    },
    present: ["deliverables", "closeout", "financials"],
    ...over,
  });

describe("closeoutBrief(input)", () => {
  const r = buildReport(data(), { asOf: "2026-07-15", period: null });
  const b = r.closeoutBrief!;

  it("sorts the deliverables accepted, superseded and open (overdue among the open)", () => {
    expect(b.delivered).toEqual({ accepted: ["D1"], superseded: ["D2"], open: ["D3", "D4"] });
  });

  it("names what each side still owes: money invoiced and unpaid, deliverables, access, open checklist items", () => {
    expect(b.owed).toEqual([
      { kind: "money", side: "customer", item: "Implementation", amount: 3000, source: "financials.csv:2" },
      { kind: "deliverable", side: "provider", id: "D3", due: "2026-07-05", overdue: true },
      { kind: "deliverable", side: "provider", id: "D4", due: "2026-07-30", overdue: false },
      { kind: "access", side: null, system: "Dashboards", grantedTo: "Finance", date: null },
      { kind: "closeout", side: null, index: 0, owner: null, due: "2026-07-08", overdue: true },
    ]);
  });

  it("proposes the 30/60/90-day check-ins from the end date when customer.json has no post-close plan", () => {
    expect(b.owner).toBeNull();
    expect(b.checkins).toEqual([
      { days: 30, date: "2026-07-30", proposed: true, past: false },
      { days: 60, date: "2026-08-29", proposed: true, past: false },
      { days: 90, date: "2026-09-28", proposed: true, past: false },
    ]);
    const planned = buildReport(
      data({
        customer: customer({
          engagement: ended,
          postClose: { owner: "Dana", role: "CSM", checkins: [14, 45] },
        }),
      }),
      { asOf: "2026-07-15", period: null },
    ).closeoutBrief!;
    expect(planned.owner).toEqual({ name: "Dana", role: "CSM", email: null, source: "customer.json" });
    expect(planned.checkins).toEqual([
      { days: 14, date: "2026-07-14", proposed: false, past: true },
      { days: 45, date: "2026-08-14", proposed: false, past: false },
    ]);
  });

  it("says who signs by when: the blocks not yet signed, by the sign-off item's due date", () => {
    expect(b.signers.map((s) => s.deliverables)).toEqual([["D3"], ["D4"]]);
    expect(b.signBy).toBe("2026-07-08");
    expect(b.signed).toBe(false);
  });

  it("signs by the end of the delivery phase on the standard checklist, and is signed once every block is dated", () => {
    const all = closeoutBrief({
      asOf: "2026-07-15",
      engagementEnd: "2026-06-30",
      closeout: { ...r.closeout!, items: [] },
      goalOutcomes: null,
      financials: null,
      handoff: null,
      actions: null,
      postClose: null,
      signoff: {
        by: "acceptor",
        blocks: [{ name: "Siti", role: "COO", date: "2026-06-20", deliverables: ["D1"], sources: [] }],
      },
    });
    expect(all.signBy).toBe("2026-07-10");
    expect(all.signed).toBe(true);
    expect(all.signers).toEqual([]);
  });

  it("puts its check-ins and sign-off in the judgement ledger", () => {
    expect(r.verdicts.filter((v) => /^(checkin|signoff)/.test(v.item))).toEqual([
      { item: "checkin:30", verdict: "proposed", reason: "from_engagement_end" },
      { item: "checkin:60", verdict: "proposed", reason: "from_engagement_end" },
      { item: "checkin:90", verdict: "proposed", reason: "from_engagement_end" },
      { item: "signoff", verdict: "to_sign", reason: "block_undated" },
    ]);
  });
});

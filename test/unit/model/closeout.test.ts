import { describe, expect, it } from "vitest";
import {
  closeout,
  closeoutPhases,
  deliverables,
  STANDARD_CHECKLIST,
  type CloseoutInput,
} from "../../../src/model/closeout.ts";
import { closeoutItem, customer, deliverable } from "./factories.ts";

const engagement = { ...customer().engagement, end: "2026-06-30", closeoutDays: 30 };
const input = (over: Partial<CloseoutInput> = {}): CloseoutInput => ({
  engagement,
  closeout: [],
  closeoutPresent: true,
  deliverables: [],
  deliverablesPresent: false,
  ...over,
});

describe("closeoutPhases(engagementEnd, days)", () => {
  it("splits 30 days into days 1–10, 11–20, 21–30 after the end", () => {
    expect(closeoutPhases("2026-06-30", 30)).toEqual([
      { phase: "delivery", start: "2026-07-01", end: "2026-07-10" },
      { phase: "transition", start: "2026-07-11", end: "2026-07-20" },
      { phase: "closure", start: "2026-07-21", end: "2026-07-30" },
    ]);
  });

  it("rounds the thirds of other lengths", () => {
    // 20 days: split at round(6.67) = 7 and round(13.33) = 13.
    expect(closeoutPhases("2026-06-30", 20).map((p) => [p.start, p.end])).toEqual([
      ["2026-07-01", "2026-07-07"],
      ["2026-07-08", "2026-07-13"],
      ["2026-07-14", "2026-07-20"],
    ]);
  });

  it("keeps every phase at least one day long below 3 days", () => {
    expect(closeoutPhases("2026-06-30", 1).map((p) => [p.start, p.end])).toEqual([
      ["2026-07-01", "2026-07-01"],
      ["2026-07-01", "2026-07-01"],
      ["2026-07-01", "2026-07-01"],
    ]);
  });
});

describe("closeout(input, asOf)", () => {
  it("a close-out tracker item is done when the data it stands for exists, dated by that data", () => {
    const rows = [
      closeoutItem({ phase: "closure", item: "Survey", stands_for: "satisfaction_survey" }),
      closeoutItem({ phase: "closure", item: "Retro", stands_for: "retrospective", due_date: "2026-07-25" }),
      closeoutItem({ phase: "closure", item: "Invoices", stands_for: "financial_reconciliation" }),
      closeoutItem({ phase: "delivery", item: "Sign-off", stands_for: "sign_off" }),
      closeoutItem({ phase: "delivery", item: "Plain", done_date: "2026-07-05" }),
    ];
    const evidence = { responses: ["2026-07-02", "2026-08-09"], retrospective: true, financials: ["2026-07-20"] };
    const accepted = [deliverable({ id: "D1", status: "accepted", accepted_date: "2026-07-08" })];
    const c = closeout(
      input({ closeout: rows, evidence, deliverables: accepted, deliverablesPresent: true }),
      "2026-08-01",
    )!;
    const byItem = new Map(c.items.map((i) => [i.item, i]));
    expect(byItem.get("Survey")).toMatchObject({ done: true, doneDate: "2026-07-02", doneBy: "data" });
    expect(byItem.get("Retro")).toMatchObject({ done: true, doneDate: "2026-07-25", doneBy: "data" });
    expect(byItem.get("Invoices")).toMatchObject({ done: true, doneDate: "2026-07-20", doneBy: "data" });
    expect(byItem.get("Sign-off")).toMatchObject({ done: true, doneDate: "2026-07-08", doneBy: "data" });
    expect(byItem.get("Plain")).toMatchObject({ done: true, doneBy: "done_date" });
    const none = { responses: [], retrospective: false, financials: null };
    const open = closeout(input({ closeout: rows, evidence: none }), "2026-08-01")!;
    expect(open.items.filter((i) => i.done).map((i) => i.item)).toEqual(["Plain"]);
  });

  it("is null without an engagement end", () => {
    expect(closeout(input({ engagement: customer().engagement }), "2026-07-15")).toBeNull();
  });

  it("gives the window, due dates defaulting to the phase's last day, done and overdue as of the date", () => {
    const rows = [
      closeoutItem({
        phase: "transition",
        item: "Training",
        done_date: "2026-07-12",
        src: { file: "closeout.csv", line: 3 },
      }),
      closeoutItem({ phase: "delivery", item: "Sign-off", src: { file: "closeout.csv", line: 2 } }),
      closeoutItem({
        phase: "delivery",
        item: "Punch list",
        due_date: "2026-07-05",
        done_date: "2026-07-04",
        owner: "Kim",
      }),
      closeoutItem({ phase: "closure", item: "Retro", done_date: "2026-07-25" }),
    ];
    const c = closeout(input({ closeout: rows }), "2026-07-15")!;
    expect(c).toMatchObject({
      start: "2026-07-01",
      end: "2026-07-30",
      days: 30,
      standard: false,
      done: 2,
      total: 4,
      doneShare: 0.5,
      overdue: 1,
    });
    expect(c.items.map((i) => [i.item, i.due, i.dueDefaulted, i.done, i.overdue])).toEqual([
      ["Sign-off", "2026-07-10", true, false, true],
      ["Punch list", "2026-07-05", false, true, false],
      ["Training", "2026-07-20", true, true, false],
      ["Retro", "2026-07-30", true, false, false],
    ]);
    expect(c.items[0]).toMatchObject({ key: null, standard: false, source: "closeout.csv:2", doneDate: null });
    expect(c.items[3].doneDate).toBeNull(); // done after asOf
    expect(c.phases.map((p) => [p.phase, p.done, p.total, p.doneShare, p.overdue])).toEqual([
      ["delivery", 1, 2, 0.5, 1],
      ["transition", 1, 1, 1, 0],
      ["closure", 0, 1, 0, 0],
    ]);
    expect(c.day).toBe(15);
  });

  it("counts the days of the window gone by, from 0 before it starts to its length after it ends", () => {
    expect(closeout(input(), "2026-06-15")!.day).toBe(0);
    expect(closeout(input(), "2026-07-01")!.day).toBe(1);
    expect(closeout(input(), "2026-12-31")!.day).toBe(30);
  });

  it("is not overdue on its due date", () => {
    const c = closeout(input({ closeout: [closeoutItem({ due_date: "2026-07-05" })] }), "2026-07-05")!;
    expect(c.items[0].overdue).toBe(false);
  });

  it("stands in the standard checklist when the closeout table is absent", () => {
    const c = closeout(input({ closeoutPresent: false }), "2026-08-31")!;
    expect(c.standard).toBe(true);
    expect(c.total).toBe(13);
    expect(c.items.map((i) => i.key)).toEqual([
      ...STANDARD_CHECKLIST.delivery,
      ...STANDARD_CHECKLIST.transition,
      ...STANDARD_CHECKLIST.closure,
    ]);
    expect(c.items[0]).toEqual({
      phase: "delivery",
      key: "std.deliverables",
      item: null,
      standard: true,
      owner: null,
      due: "2026-07-10",
      dueDefaulted: true,
      doneDate: null,
      done: false,
      overdue: false,
      standsFor: null,
      doneBy: null,
      notes: null,
      source: null,
    });
    expect(c.doneShare).toBeNull();
    expect(c.phases.map((p) => p.doneShare)).toEqual([null, null, null]);
    expect(c.overdue).toBe(0);
  });

  it("has no deliverables section without the deliverables table", () => {
    expect(closeout(input(), "2026-07-15")!.deliverables).toBeNull();
  });
});

describe("deliverables(rows, asOf)", () => {
  it("counts the accepted ones as of the date", () => {
    const rows = [
      deliverable({
        id: "D1",
        status: "accepted",
        accepted_date: "2026-06-01",
        accepted_by: "CFO",
        src: { file: "deliverables.csv", line: 2 },
      }),
      deliverable({ id: "D2", status: "accepted", accepted_date: "2026-08-01" }),
      deliverable({ id: "D3", status: "accepted" }),
      deliverable({ id: "D4", status: "in_acceptance", due_date: "2026-07-31" }),
      deliverable({ id: "D5", status: "rejected", due_date: "2026-06-01" }),
    ];
    const d = deliverables(rows, "2026-07-15");
    expect(d).toMatchObject({ accepted: 2, total: 5, acceptedShare: 0.4 });
    expect(d.items.map((i) => [i.id, i.accepted, i.acceptedDate, i.overdue])).toEqual([
      ["D1", true, "2026-06-01", false],
      ["D2", false, null, true],
      ["D3", true, null, false],
      ["D4", false, null, false],
      ["D5", false, null, true],
    ]);
    expect(d.items[0]).toMatchObject({ acceptedBy: "CFO", status: "accepted", source: "deliverables.csv:2" });
  });

  it("has no share without deliverables", () => {
    expect(deliverables([], "2026-07-15")).toEqual({ accepted: 0, total: 0, acceptedShare: null, items: [] });
  });
});

describe("deliverables(rows, asOf): superseded", () => {
  it("neither opens nor counts a rejected deliverable replaced by another; it stays listed", () => {
    const rows = [
      deliverable({ id: "D6", status: "rejected", replaced_by: "D7", due_date: "2026-08-21" }),
      deliverable({ id: "D7", status: "accepted", accepted_date: "2026-09-10" }),
      deliverable({ id: "D8", status: "rejected", replaced_by: "D99", due_date: "2026-08-21" }),
    ];
    const d = deliverables(rows, "2026-09-30");
    expect(d.items.map((x) => [x.id, x.superseded, x.replacedBy, x.overdue])).toEqual([
      ["D6", true, "D7", false],
      ["D7", false, null, false],
      ["D8", false, "D99", true], // D99 is not in the table: D8 is still open
    ]);
    expect([d.accepted, d.total, d.acceptedShare]).toEqual([1, 2, 0.5]);
  });
});

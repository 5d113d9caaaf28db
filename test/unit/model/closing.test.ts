import { describe, expect, it } from "vitest";
import { postClose, referenceAsk, signoff } from "../../../src/model/closing.ts";
import { customer, deliverable } from "./factories.ts";

const ended = { name: "Rollout", start: "2026-01-01", end: "2026-06-30", closeoutDays: 30 };

describe("signoff(customer, deliverables, asOf)", () => {
  it("is null without deliverables", () => {
    expect(signoff(customer(), [], "2026-07-15")).toBeNull();
  });

  it("gives one block per deliverable, signed once accepted by asOf, superseded ones left out", () => {
    const s = signoff(
      customer(),
      [
        deliverable({ id: "D1", status: "accepted", accepted_date: "2026-06-20", accepted_by: "Siti" }),
        deliverable({ id: "D2", status: "accepted", accepted_date: "2026-07-20", accepted_by: "Siti" }),
        deliverable({ id: "D3", status: "rejected", replaced_by: "D4" }),
        deliverable({ id: "D4", status: "in_acceptance" }),
      ],
      "2026-07-15",
    )!;
    expect(s.by).toBe("deliverable");
    expect(s.blocks.map((b) => [b.deliverables, b.name, b.date])).toEqual([
      [["D1"], "Siti", "2026-06-20"],
      [["D2"], "Siti", null],
      [["D4"], null, null],
    ]);
  });

  it("gives one block per acceptor of customer.json, dated when all their deliverables are accepted", () => {
    const c = customer({
      acceptors: [
        { name: "Siti", role: "COO" },
        { name: "Ahmad", role: "CFO" },
        { name: "Mei", role: "CIO" },
      ],
    });
    const s = signoff(
      c,
      [
        deliverable({ id: "D1", status: "accepted", accepted_date: "2026-06-20", accepted_by: "Siti" }),
        deliverable({ id: "D2", status: "accepted", accepted_date: "2026-06-25", accepted_by: "Siti" }),
        deliverable({ id: "D3", status: "in_acceptance", accepted_by: "Ahmad" }),
      ],
      "2026-07-15",
    )!;
    expect(s.by).toBe("acceptor");
    expect(s.blocks.map((b) => [b.name, b.role, b.date, b.deliverables])).toEqual([
      ["Siti", "COO", "2026-06-25", ["D1", "D2"]],
      ["Ahmad", "CFO", null, ["D3"]],
      ["Mei", "CIO", null, ["D1", "D2", "D3"]],
    ]);
  });
});

describe("postClose(customer, asOf)", () => {
  it("is null without an owner or an engagement end", () => {
    expect(postClose(customer({ engagement: ended }), "2026-07-15")).toBeNull();
    expect(postClose(customer({ postClose: { owner: "Lee", role: "CSM" } }), "2026-07-15")).toBeNull();
  });

  it("dates the 30/60/90-day check-ins from the engagement end", () => {
    const p = postClose(customer({ engagement: ended, postClose: { owner: "Lee", role: "CSM" } }), "2026-07-30")!;
    expect(p.checkins).toEqual([
      { days: 30, date: "2026-07-30", past: true },
      { days: 60, date: "2026-08-29", past: false },
      { days: 90, date: "2026-09-28", past: false },
    ]);
    const own = postClose(
      customer({ engagement: ended, postClose: { owner: "Lee", role: "CSM", checkins: [14] } }),
      "2026-07-01",
    )!;
    expect(own.checkins.map((c) => c.date)).toEqual(["2026-07-14"]);
  });
});

describe("referenceAsk(customer)", () => {
  it("is the ask as given, or null", () => {
    expect(referenceAsk(customer())).toBeNull();
    expect(referenceAsk(customer({ reference: { ask: "case_study", by: "2026-09-30" } }))).toEqual({
      ask: "case_study",
      by: "2026-09-30",
      note: null,
      quote: null,
      source: "customer.json",
    });
    const quote = { text: "One version of the truth.", name: "Kim Lee" };
    expect(referenceAsk(customer({ reference: { ask: "quote", quote } }))?.quote).toEqual({ ...quote, role: null });
  });
});

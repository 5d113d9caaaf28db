import { describe, expect, it } from "vitest";
import { copyOf } from "../../../src/model/copy.ts";
import { buildReport } from "../../../src/model/report.ts";
import type { CustomerData } from "../../../src/schema.ts";
import { csat, customer, customerData, measurement, metric, milestone } from "./factories.ts";

const base = (over: Partial<CustomerData> = {}) =>
  customerData({
    customer: customer({
      goals: [{ id: "g1", statement: "Stop rebuilding reports by hand", level: "strategic", metrics: ["M1"] }],
    }),
    metrics: [metric(), metric({ id: "M2", name: "Errors", baseline: 8, target: 2 })],
    measurements: [
      measurement("2026-05-01", 9, { source: "timesheet" }),
      measurement("2026-08-03", 4, { source: "timesheet" }),
      measurement("2026-06-01", 6, { metric_id: "M2" }),
    ],
    milestones: [
      milestone({
        id: "MS1",
        metric_id: "M1",
        threshold: 10,
        target_date: "2026-06-30",
        evidence: ["https://example.com/a"],
      }),
      milestone({
        id: "MS2",
        name: "Board pack",
        phase: "strategic",
        target_date: "2026-09-15",
        achieved_date: "2026-09-10",
      }),
      milestone({ id: "MS3", name: "Rollout", phase: "growth", target_date: "2026-11-30" }),
    ],
    csat: [csat("2026-09-20", 5, 5, { comment: "We got our Fridays back.", role: "COO" })],
    present: ["csat"],
    ...over,
  });
const asOf = { asOf: "2026-09-30", period: "2026-Q3" };

describe("caseStudy(report)", () => {
  it("writes none without a reference ask or a strategic milestone achieved with evidence", () => {
    expect(copyOf(buildReport(base(), asOf), "internal").internal?.caseStudy).toBeNull();
  });

  it("writes one for a strategic milestone achieved with evidence", () => {
    const data = base();
    data.milestones[1] = { ...data.milestones[1], evidence: ["https://example.com/board"] };
    const cs = copyOf(buildReport(data, asOf), "internal").internal!.caseStudy!;
    expect(cs.reason).toBe("strategic_milestone");
    expect(cs.ask).toBeNull();
    expect(cs.achieved).toEqual(["MS1", "MS2"]);
  });

  it("for a reference ask: challenge, approach by phase, verified milestones and results only, the survey's quote", () => {
    const data = base({ customer: { ...base().customer, reference: { ask: "case_study", by: "2026-10-31" } } });
    const report = buildReport(data, asOf);
    const cs = copyOf(report, "internal").internal!.caseStudy!;
    expect(cs.reason).toBe("reference_ask");
    expect(cs.ask).toBe("case_study");
    expect(cs.challenge).toEqual({ goals: ["g1"], metrics: ["M1", "M2"] });
    expect(cs.approach).toEqual([
      { phase: "early_win", milestones: ["MS1"] },
      { phase: "growth", milestones: ["MS3"] },
      { phase: "strategic", milestones: ["MS2"] },
    ]);
    // MS2 is achieved without evidence: left out. M2's measurement names no source: its result is not verified.
    expect(cs.achieved).toEqual(["MS1"]);
    expect(cs.results).toEqual(["M1"]);
    expect(cs.value).toBeNull();
    expect(cs.quote).toEqual({ text: "We got our Fridays back.", name: "Ana", role: "COO", source: "csat.csv:2" });
  });

  it("quotes the reference's own words first, and is never in the customer's copy", () => {
    const quote = { text: "Milepost gave us one version of the truth.", name: "Kim Lee", role: "CFO" };
    const data = base({ customer: { ...base().customer, reference: { ask: "quote", quote } } });
    const report = buildReport(data, asOf);
    expect(copyOf(report, "internal").internal!.caseStudy!.quote).toEqual({ ...quote, source: "customer.json" });
    expect(copyOf(report, "customer").internal).toBeUndefined();
  });
});

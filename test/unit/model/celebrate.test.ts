import { describe, expect, it } from "vitest";
import { celebrations } from "../../../src/model/celebrate.ts";
import { copyOf } from "../../../src/model/copy.ts";
import { buildReport } from "../../../src/model/report.ts";
import { customer, customerData, measurement, metric, milestone } from "./factories.ts";

const data = () =>
  customerData({
    customer: customer({ costs: [{ item: "Licence", amount: 1000, per: "month", start: "2026-01-01" }] }),
    metrics: [metric({ value_per_unit: 50, per: "week" })],
    measurements: [
      measurement("2026-05-01", 9, { source: "timesheet" }),
      measurement("2026-08-03", 4, { source: "timesheet" }),
      measurement("2026-09-14", 3, { source: "timesheet" }),
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
        metric_id: "M1",
        threshold: 5,
        target_date: "2026-08-31",
        evidence: ["https://example.com/b"],
      }),
      milestone({
        id: "MS3",
        name: "Sign-off",
        phase: "foundation",
        target_date: "2026-09-15",
        achieved_date: "2026-09-10",
      }),
      milestone({ id: "MS4", name: "Next", phase: "growth", target_date: "2026-11-30" }),
    ],
  });

describe("celebrations(report)", () => {
  const r = buildReport(data(), { asOf: "2026-09-30", period: "2026-Q3" });

  it("celebrates each milestone achieved with evidence in the quarter up to asOf, by achieved date", () => {
    expect(r.celebrations.from).toBe("2026-07-01");
    expect(r.celebrations.to).toBe("2026-09-30");
    expect(r.celebrations.items.map((c) => c.milestone)).toEqual(["MS2"]);
    expect(r.celebrations.items[0]).toMatchObject({
      achievedOn: "2026-08-03",
      metric: "M1",
      before: 15,
      after: 3,
      next: "MS4",
    });
  });

  it("gives no celebration to an achievement without evidence: it waits, in the internal copy only", () => {
    expect(r.celebrations.waiting).toEqual(["MS3"]);
    expect(r.milestones.find((m) => m.id === "MS3")?.unverified).toBe(true);
    expect(copyOf(r, "customer").celebrations.waiting).toEqual([]);
    expect(copyOf(r, "internal").celebrations.waiting).toEqual(["MS3"]);
  });

  it("states the value a milestone's metric brought only when that value is verified", () => {
    expect(r.roi.unverifiedMetrics).toEqual([]);
    expect(r.celebrations.items[0].value).toBe(r.metrics[0].valueToDate);
    const unverified = buildReport(
      { ...data(), milestones: data().milestones.map((m) => (m.id === "MS1" ? { ...m, evidence: undefined } : m)) },
      { asOf: "2026-09-30", period: "2026-Q3" },
    );
    expect(unverified.roi.unverifiedMetrics).toEqual(["M1"]);
    expect(unverified.celebrations.items[0].value).toBeNull();
  });

  it("takes the quarter of asOf without a period, and celebrates nothing achieved before the window", () => {
    const c = celebrations({ ...r, period: null, asOf: "2026-10-31" });
    expect(c.from).toBe("2026-10-01");
    expect(c.items).toEqual([]);
  });

  it("never celebrates a milestone the ledger does not call achieved", () => {
    for (const c of r.celebrations.items)
      expect(r.verdicts.find((v) => v.item === `milestone:${c.milestone}`)?.verdict).toMatch(/^achieved/);
  });
});

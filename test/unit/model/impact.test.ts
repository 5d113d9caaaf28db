import { describe, expect, it } from "vitest";
import { impact, type ImpactMetric, type ImpactMilestone } from "../../../src/model/impact.ts";

const metric = (
  id: string,
  category: ImpactMetric["category"],
  value: number | null = null,
  runRate: number | null = null,
): ImpactMetric => ({ id, category, value, runRate });
const milestone = (id: string, over: Partial<ImpactMilestone> = {}): ImpactMilestone => ({
  id,
  metricId: null,
  status: "achieved",
  businessImpact: "Hours back",
  ...over,
});

describe("impact(metrics, milestones)", () => {
  it("groups metrics by category in the fixed order, only categories that have one", () => {
    const { groups } = impact([metric("a", "quality"), metric("b", "time"), metric("c", "time")], []);
    expect(groups.map((g) => [g.category, g.metrics])).toEqual([
      ["time", ["b", "c"]],
      ["quality", ["a"]],
    ]);
  });

  it("sums the monetized metrics' value and run-rate per category, unrounded then to the cent", () => {
    const { groups } = impact(
      [metric("a", "time", 100.004, 1000), metric("b", "time", 200.004, 2000), metric("c", "time")],
      [],
    );
    expect(groups[0]).toMatchObject({ monetized: ["a", "b"], valueToDate: 300.01, runRate: 3000 });
  });

  it("has no value for a category with no monetized metric", () => {
    expect(impact([metric("a", "adoption")], []).groups[0]).toMatchObject({
      monetized: [],
      valueToDate: null,
      runRate: null,
    });
  });

  it("places achieved milestones' stated impact under their metric's category, the rest apart", () => {
    const result = impact(
      [metric("a", "time"), metric("b", "quality")],
      [
        milestone("m1", { metricId: "b" }),
        milestone("m2", { metricId: "a", status: "in_progress" }),
        milestone("m3", { metricId: "a", businessImpact: null }),
        milestone("m4"),
        milestone("m5", { metricId: "gone" }),
      ],
    );
    expect(result.groups.map((g) => [g.category, g.milestones])).toEqual([
      ["time", []],
      ["quality", ["m1"]],
    ]);
    expect(result.unmeasured).toEqual(["m4", "m5"]);
  });
});

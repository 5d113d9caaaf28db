// Business impact grouped by category (time, cost, revenue, quality, efficiency, adoption), monetized and not (docs/value-model.md, "Value and ROI").
import { CATEGORIES } from "../schema.ts";
import type { MilestoneStatus } from "./milestones.ts";
import { money } from "./round.ts";

/** time | cost | revenue | quality | efficiency | adoption */
export type Category = (typeof CATEGORIES)[number];

/** What impact() reads of a metric: its unrounded money figures (null unless monetized). */
export interface ImpactMetric {
  id: string;
  category: Category;
  value: number | null;
  runRate: number | null;
}

/** What impact() reads of a milestone. */
export interface ImpactMilestone {
  id: string;
  metricId: string | null;
  status: MilestoneStatus;
  businessImpact: string | null;
}

/** One category's metrics and what they are worth so far. */
export interface ImpactGroup {
  category: Category;
  /** The category's metrics, in file order. */
  metrics: string[];
  /** Of those, the monetized ones. */
  monetized: string[];
  /** Sum of the monetized metrics' value to date; null when none is monetized. */
  valueToDate: number | null;
  /** Sum of their annual run-rates; null when none is monetized. */
  runRate: number | null;
  /** Achieved milestones that track one of these metrics and state a business impact, in file order. */
  milestones: string[];
}

/** Business impact by category, in the order of CATEGORIES, only categories that have a metric. */
export interface Impact {
  groups: ImpactGroup[];
  /** Achieved milestones with a business impact but no metric, in file order. */
  unmeasured: string[];
}

/** Groups the metrics by category with their summed value, and places each achieved milestone's stated impact under its metric's category. */
export function impact(metrics: readonly ImpactMetric[], milestones: readonly ImpactMilestone[]): Impact {
  const categoryOf = new Map(metrics.map((m) => [m.id, m.category]));
  const stated = milestones.filter((m) => m.status === "achieved" && m.businessImpact !== null);
  const groups: ImpactGroup[] = [];
  for (const category of CATEGORIES) {
    const inCategory = metrics.filter((m) => m.category === category);
    if (inCategory.length === 0) continue;
    const monetized = inCategory.filter((m) => m.value !== null);
    const sum = (pick: (m: ImpactMetric) => number | null) =>
      monetized.length ? money(monetized.reduce((s, m) => s + (pick(m) ?? 0), 0)) : null;
    groups.push({
      category,
      metrics: inCategory.map((m) => m.id),
      monetized: monetized.map((m) => m.id),
      valueToDate: sum((m) => m.value),
      runRate: sum((m) => m.runRate),
      milestones: stated.filter((m) => m.metricId !== null && categoryOf.get(m.metricId) === category).map((m) => m.id),
    });
  }
  const unmeasured = stated.filter((m) => m.metricId === null || !categoryOf.has(m.metricId)).map((m) => m.id);
  return { groups, unmeasured };
}

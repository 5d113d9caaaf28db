// A success criterion is judged by one threshold: its metric's target (issue 20). A goal whose own words name a
// different number ("raise accuracy above 90 %" on a metric whose target is 96 %) is a located warning.
import type { DataIssue } from "./errors.ts";
import type { CustomerData } from "./schema.ts";

/** The numbers a goal's statement names as thresholds: those followed by % (or ％, pp, percent) or by `unit`. */
export function namedThresholds(statement: string, unit: string): number[] {
  const units = ["%", "％", "pp", "percent", ...(unit.trim() && unit.trim() !== "%" ? [unit.trim()] : [])];
  const escaped = units.map((u) => u.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|");
  const re = new RegExp(`(\\d+(?:[.,]\\d+)?)\\s*(?:${escaped})`, "g");
  return [...statement.matchAll(re)].map((m) => Number(m[1].replace(",", ".")));
}

/** A warning (criterion-threshold-differs) for each goal whose words name a threshold none of its metrics aims at. */
export function criterionThresholds(data: CustomerData, customerFile: string): DataIssue[] {
  const metricById = new Map(data.metrics.map((m) => [m.id, m]));
  return data.customer.goals.flatMap((goal, i) => {
    const metrics = goal.metrics.flatMap((id) => metricById.get(id) ?? []);
    if (metrics.length === 0) return [];
    const named = metrics.flatMap((m) => namedThresholds(goal.statement, m.unit));
    const other = named.find((n) => !metrics.some((m) => m.target === n));
    if (other === undefined) return [];
    const targets = metrics.map((m) => `${m.id} ${m.target}${m.unit.trim() === "%" ? "%" : ` ${m.unit}`}`).join(", ");
    return [
      {
        severity: "warning" as const,
        code: "criterion-threshold-differs" as const,
        file: customerFile,
        field: `goals[${i}].statement`,
        value: goal.statement,
        problem: `names ${other} as its threshold, but the pack judges the goal by its metric's target (${targets})`,
        fix: "write the metric's target in the goal's words, or set the metric's target to the goal's number",
      },
    ];
  });
}

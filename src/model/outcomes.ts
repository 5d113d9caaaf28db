// The engagement's goals (customer.json) judged against their metrics and milestones as of the close date.
import type { Customer, Measurement, Metric, Milestone } from "../schema.ts";
import { dueDateOf } from "./metric-figures.ts";
import { current, meets, progress, progressState, type ProgressState } from "./metrics.ts";
import { assessMilestone, type MilestoneStatus } from "./milestones.ts";
import { CUSTOMER_SOURCE, ref } from "./provenance.ts";
import { fraction, orNull } from "./round.ts";

/** A metric target's verdict on a date: met, missed (due on or before the date and short), open (not due yet). */
export type TargetVerdict = "met" | "missed" | "open";

/** met when the value meets the target; else missed when `dueDate` ≤ `on` (a target is due on its date); else open. */
export function targetVerdict(met: boolean, dueDate: string, on: string): TargetVerdict {
  return met ? "met" : dueDate <= on ? "missed" : "open";
}

/** met | partly_met | not_met, or not_assessed when the goal names no metric. */
export type GoalVerdict = "met" | "partly_met" | "not_met" | "not_assessed";

/** What decided the verdict (see `goalVerdict`). */
export type GoalRule = "all_metrics_met" | "some_progress" | "no_progress" | "no_metrics";

/** One of a goal's metrics as of the close date. */
export interface GoalMetric {
  id: string;
  /** The latest measurement on or before the close date; the baseline when there is none. */
  value: number;
  /** The date of `value`. */
  date: string;
  /** (value − baseline) / (target − baseline), unclamped; null when target equals baseline. */
  progress: number | null;
  /** exceeded | met | progressing | regressed, as for the metric itself. */
  state: ProgressState;
  /** The value meets the target in the metric's direction (down: ≤, up: ≥). */
  met: boolean;
  /** The day the target is due: the metric's revised_target_date, else its target_date. */
  dueDate: string;
  /** The target's verdict at the close date (see `targetVerdict`): met, missed (due and short), or open. */
  target: TargetVerdict;
  /** The measurement row behind `value`; the metric row when the baseline stands. e.g. "measurements.csv:17" */
  source: string;
}

/** A milestone that tracks one of the goal's metrics, as of the close date. */
export interface GoalMilestone {
  id: string;
  status: MilestoneStatus;
  achievedOn: string | null;
  /** True when achieved after its target date: the pages mark it late (verdict achieved_late). */
  late: boolean;
}

/** One goal and the verdict on it. */
export interface GoalOutcome {
  id: string;
  statement: string;
  level: "strategic" | "tactical" | "operational";
  verdict: GoalVerdict;
  rule: GoalRule;
  /** The goal's metrics, in the goal's order. */
  metrics: GoalMetric[];
  /** How many of `metrics` meet their target. */
  metricsMet: number;
  /** Milestones whose metric is one of the goal's, in file order. */
  milestones: GoalMilestone[];
  /** customer.json, then each metric's row and value row. */
  sources: string[];
}

/** The goals as of the close date, and how many got each verdict. */
export interface GoalOutcomes {
  /** engagement.end, or the as-of date when that comes first. */
  closeDate: string;
  goals: GoalOutcome[];
  counts: Record<GoalVerdict, number>;
}

/**
 * The verdict on a goal from its metrics and milestones:
 * no metric named → not_assessed; every metric meets its target → met;
 * else some metric moved toward its target (progress > 0) or some milestone is achieved → partly_met;
 * else (nothing moved, or everything regressed) → not_met.
 */
export function goalVerdict(
  metrics: readonly Pick<GoalMetric, "met" | "progress">[],
  milestones: readonly Pick<GoalMilestone, "status">[],
): { verdict: GoalVerdict; rule: GoalRule } {
  if (metrics.length === 0) return { verdict: "not_assessed", rule: "no_metrics" };
  if (metrics.every((m) => m.met)) return { verdict: "met", rule: "all_metrics_met" };
  const moved =
    metrics.some((m) => m.met || (m.progress !== null && m.progress > 0)) ||
    milestones.some((m) => m.status === "achieved");
  return moved ? { verdict: "partly_met", rule: "some_progress" } : { verdict: "not_met", rule: "no_progress" };
}

/** The inputs the goal outcomes read. */
export interface OutcomesInput {
  goals: Customer["goals"];
  metrics: readonly Metric[];
  measurements: readonly Measurement[];
  milestones: readonly Milestone[];
}

/** Every goal of customer.json judged as of `closeDate`, in file order. */
export function goalOutcomes(input: OutcomesInput, closeDate: string): GoalOutcomes {
  const metricById = new Map(input.metrics.map((m) => [m.id, m]));
  const goals = input.goals.map((goal): GoalOutcome => {
    const linked = goal.metrics.map((id) => metricById.get(id)).filter((m): m is Metric => m !== undefined);
    const metrics = linked.map((metric): GoalMetric => {
      const now = current(metric, input.measurements, closeDate);
      const met = meets(metric, now.value, metric.target);
      const dueDate = dueDateOf(metric);
      return {
        id: metric.id,
        value: now.value,
        date: now.date,
        progress: progress(metric, now.value),
        state: progressState(metric, now.value),
        met,
        dueDate,
        target: targetVerdict(met, dueDate, closeDate),
        source: ref(now.measurement?.src ?? metric.src),
      };
    });
    const milestones = input.milestones
      .filter((m) => m.metric_id !== undefined && goal.metrics.includes(m.metric_id))
      .map((m): GoalMilestone => {
        const a = assessMilestone(m, metricById.get(m.metric_id!) ?? null, input.measurements, closeDate);
        return { id: m.id, status: a.status, achievedOn: a.achievedOn, late: a.late };
      });
    return {
      id: goal.id,
      statement: goal.statement,
      level: goal.level,
      ...goalVerdict(metrics, milestones),
      metrics,
      metricsMet: metrics.filter((m) => m.met).length,
      milestones,
      sources: [
        CUSTOMER_SOURCE,
        ...linked.flatMap((m, i) => [ref(m.src), ...(metrics[i].source !== ref(m.src) ? [metrics[i].source] : [])]),
      ],
    };
  });
  const counts: Record<GoalVerdict, number> = { met: 0, partly_met: 0, not_met: 0, not_assessed: 0 };
  for (const g of goals) counts[g.verdict]++;
  return { closeDate, goals, counts };
}

/** The goal outcomes as report.json holds them: progress as fractions. */
export function roundOutcomes(o: GoalOutcomes): GoalOutcomes {
  return {
    ...o,
    goals: o.goals.map((g) => ({
      ...g,
      metrics: g.metrics.map((m) => ({ ...m, progress: orNull(m.progress, fraction) })),
    })),
  };
}

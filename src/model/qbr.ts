// The quarterly business review of one quarter: achieved, next, risks, expansion readiness (docs/value-model.md, "The QBR").
import type { Metric } from "../schema.ts";
import { inPeriod, nextPeriod, type Period } from "./dates.ts";
import type { Forecast } from "./metrics.ts";
import { dueOn, standingRevision, type Assessed } from "./milestones.ts";
import { ref } from "./provenance.ts";
import { roundTo } from "./round.ts";

/** A metric with the figures the QBR reads. */
export interface QbrMetric {
  metric: Metric;
  progress: number | null;
  forecast: Forecast;
}

/** A delayed milestone, or a metric that missed its target date, whose trend misses it or moves away from it. */
export type Risk =
  | {
      kind: "milestone";
      id: string;
      targetDate: string;
      revisedTargetDate: string | null;
      /** True when the revised date still lies ahead (on or after asOf): the decision asked is to accept it, else to agree a new date. */
      revisionStands: boolean;
      reason: string | null;
      confidence: "high" | "medium" | "low" | null;
      source: string;
    }
  | {
      kind: "metric";
      id: string;
      status: "behind" | "missed" | "not_converging";
      /** The day the target is due: the metric's revised_target_date, else its target_date. */
      targetDate: string;
      /** The day the trend reaches the target; null when missed or not converging. */
      forecastDate: string | null;
      /** missed: how far short of the target the latest value is, in the metric's unit; else null. */
      shortfall: number | null;
      source: string;
    };

/** The QBR figures of one quarter; milestones and metrics are named by id. */
export interface Qbr {
  period: Period;
  next: Period;
  /** Milestones achieved inside the quarter, by achievedOn then file order. */
  achieved: string[];
  /**
   * Milestones not achieved whose revised (else original) target date falls after the as-of date, in the rest of
   * this quarter or in the next, by that date. Overdue ones are risks, never plan.
   */
  nextQuarter: string[];
  /** Delayed milestones first (file order), then metrics missed, behind or not converging (file order). */
  risks: Risk[];
  /** Metrics past their target (progress > 1): a sign the customer is ready to expand. */
  expansionReady: string[];
}

/** The QBR of `period`, from milestones and metrics already assessed as of the report date. */
export function qbr(period: Period, assessed: readonly Assessed[], metrics: readonly QbrMetric[], asOf: string): Qbr {
  const next = nextPeriod(period);
  const achieved = assessed
    .filter((a) => a.assessment.achievedOn !== null && inPeriod(a.assessment.achievedOn, period))
    .map((a, order) => ({ id: a.milestone.id, date: a.assessment.achievedOn as string, order }))
    .sort(byDateThenOrder);
  const nextQuarter = assessed
    .filter((a) => a.assessment.status !== "achieved")
    .map((a, order) => ({
      id: a.milestone.id,
      date: dueOn(a.milestone),
      order,
    }))
    .filter((x) => x.date > asOf && x.date <= next.end)
    .sort(byDateThenOrder);

  const risks: Risk[] = [];
  for (const { milestone: m, assessment } of assessed) {
    if (assessment.status !== "delayed") continue;
    risks.push({
      kind: "milestone",
      id: m.id,
      targetDate: m.target_date,
      revisedTargetDate: m.revised_target_date ?? null,
      revisionStands: standingRevision({ revisedTargetDate: m.revised_target_date ?? null }, asOf) !== null,
      reason: m.revision_reason ?? null,
      confidence: m.confidence ?? null,
      source: ref(m.src),
    });
  }
  for (const { metric, forecast } of metrics) {
    if (forecast.status !== "behind" && forecast.status !== "missed" && forecast.status !== "not_converging") continue;
    risks.push({
      kind: "metric",
      id: metric.id,
      status: forecast.status,
      targetDate: forecast.dueDate,
      forecastDate: forecast.date,
      shortfall: forecast.shortfall === null ? null : roundTo(forecast.shortfall, 4),
      source: ref(metric.src),
    });
  }

  return {
    period,
    next,
    achieved: achieved.map((x) => x.id),
    nextQuarter: nextQuarter.map((x) => x.id),
    risks,
    expansionReady: metrics.filter((m) => m.progress !== null && m.progress > 1).map((m) => m.metric.id),
  };
}

function byDateThenOrder(a: { date: string; order: number }, b: { date: string; order: number }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order;
}

// The ROI calculation step by step, for the reader who wants to redo it (SPEC §4): how each monetized
// metric's value to date and each cost to date come about.
import type { Cost, Measurement } from "../schema.ts";
import { seriesOf } from "./metrics.ts";
import { fraction, significant } from "./round.ts";
import { costDays, improvement, improvementDays, perDays, type MonetizedMetric } from "./value.ts";

/** One monetized metric's value: accrued × value_per_unit = value to date; improvement × value_per_unit × periodsPerYear = run-rate. */
export interface ValueStep {
  id: string;
  /** The latest improvement over the baseline, in the metric's unit (negative: a regression); 0 before any measurement. */
  improvement: number;
  /** Improvement held over time, in the metric's unit × its `per`: Σ improvement × days held ÷ days per `per`. e.g. 473.79 (hours/week × weeks) */
  accrued: number;
  /** The first measurement's date, from which value accrues; null before any. */
  since: string | null;
  /** How many `per` a year holds: 52.1786 weeks, 12 months, 4 quarters, 1 year. */
  periodsPerYear: number;
}

/** One cost: amount × periods = cost to date (a once-cost counts once from its start). */
export interface CostStep {
  item: string;
  /** The cost's `per` elapsed by asOf (days run ÷ days per `per`); null for a once-cost. e.g. 12.9035 months */
  periods: number | null;
}

/** The ROI calculation of one customer as of one date. */
export interface RoiCalculation {
  /** The monetized metrics, in file order. */
  metrics: ValueStep[];
  /** The costs, in customer.json order. */
  costs: CostStep[];
  /** Value to date − cost to date. */
  net: number;
}

/** The steps behind each monetized metric's value to date and run-rate. */
export function valueStep(metric: MonetizedMetric, measurements: readonly Measurement[], asOf: string): ValueStep {
  const series = seriesOf(metric, measurements, asOf);
  const last = series.at(-1);
  const days = perDays(metric.per);
  return {
    id: metric.id,
    improvement: last ? significant(improvement(metric, last.value)) : 0,
    accrued: significant(improvementDays(metric, series, asOf) / days),
    since: series[0]?.date ?? null,
    periodsPerYear: fraction(perDays("year") / days),
  };
}

/** The periods behind a cost to date. */
export function costStep(cost: Cost, asOf: string): CostStep {
  return { item: cost.item, periods: cost.per === "once" ? null : fraction(costDays(cost, asOf) / perDays(cost.per)) };
}

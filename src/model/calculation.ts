// The ROI calculation step by step, for the reader who wants to redo it (docs/value-model.md, "Value and ROI"): each monetized metric's value
// to date and run-rate, each cost to date, written with operands that multiply out to the result as printed
// (the model integrates by day, so the days are stated).
import type { Measurement } from "../schema.ts";
import { entryDays, type LedgerEntry } from "./ledger.ts";
import { seriesOf } from "./metrics.ts";
import { fraction, significant } from "./round.ts";
import {
  improvement,
  improvementDays,
  perDays,
  projectedFrom,
  projectedImprovementDays,
  type MonetizedMetric,
} from "./value.ts";

/**
 * One monetized metric: unitDays × value_per_unit ÷ perDays = value to date;
 * improvement × value_per_unit × daysPerYear ÷ perDays = run-rate.
 */
export interface ValueStep {
  id: string;
  /** The latest improvement over the baseline, in the metric's unit (negative: a regression); 0 before any measurement. */
  improvement: number;
  /** Σ improvement × days held, in the metric's unit × days. e.g. 3316.5 (hours/week × days) */
  unitDays: number;
  /** Days in the metric's `per`: week 7, month 30.4375, quarter 91.3125, year 365.25. */
  perDays: number;
  /** 365.25 */
  daysPerYear: number;
  /** The first measurement's date, from which value accrues; null before any. */
  since: string | null;
  /** The last measurement's date when the value after it is projected at that level up to asOf; null otherwise. */
  projectedFrom: string | null;
  /** The part of unitDays after projectedFrom (the last measured improvement × the days since). */
  projectedUnitDays: number;
}

/** One cost: amount × days ÷ perDays = cost to date (a recurring cost); amount × days ÷ spanDays (an actual spread over its span, until the span has run: then in full); a once-cost counts once from its start. */
export interface CostStep {
  item: string;
  /** Days run by asOf; null for a once-cost. */
  days: number | null;
  /** The divisor of `days`: days per `per`, or the span of an actual spread over it; null for a once-cost. */
  divisor: number | null;
}

/** The ROI calculation of one customer as of one date. */
export interface RoiCalculation {
  /** The monetized metrics, in file order. */
  metrics: ValueStep[];
  /** The ledger's costs, in ledger order (roi.costs). */
  costs: CostStep[];
  /** Value to date − cost to date. */
  net: number;
}

const DAYS_PER_YEAR = perDays("year");

/** The steps behind a monetized metric's value to date and run-rate. */
export function valueStep(metric: MonetizedMetric, measurements: readonly Measurement[], asOf: string): ValueStep {
  const series = seriesOf(metric, measurements, asOf);
  const last = series.at(-1);
  return {
    id: metric.id,
    improvement: last ? significant(improvement(metric, last.value)) : 0,
    unitDays: fraction(improvementDays(metric, series, asOf)),
    perDays: perDays(metric.per),
    daysPerYear: DAYS_PER_YEAR,
    since: series[0]?.date ?? null,
    projectedFrom: projectedFrom(metric, series, asOf),
    projectedUnitDays: fraction(projectedImprovementDays(metric, series, asOf)),
  };
}

/** The days behind a ledger entry's cost to date. */
export function costStep(entry: LedgerEntry, asOf: string): CostStep {
  // An actual spread over a span that has fully run counts in full: no "× 287 days ÷ 287" to print.
  if (entry.basis === "actual" && entry.spanDays && entryDays(entry, asOf) < entry.spanDays)
    return { item: entry.item, days: entryDays(entry, asOf), divisor: entry.spanDays };
  if (entry.per === "once" || entry.basis === "actual") return { item: entry.item, days: null, divisor: null };
  return { item: entry.item, days: entryDays(entry, asOf), divisor: perDays(entry.per) };
}

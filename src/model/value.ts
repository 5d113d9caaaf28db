// Value realized, run-rate, cost, ROI and payback as of a date (docs/value-model.md).
// Day counts are end-exclusive throughout: a span from day a to day b lasts b − a days, so a value held
// from a measurement on the 1st until one on the 15th counts 14 days, and a monthly cost that starts on
// the as-of date has cost nothing yet.
import type { Cost, Measurement, Metric } from "../schema.ts";
import { PERIODS } from "../schema.ts";
import { fromDay, toDay } from "./dates.ts";
import { seriesOf, seriesUpTo } from "./metrics.ts";

/** week | month | quarter | year */
export type Per = (typeof PERIODS)[number];

/** A metric that is a rate per period with a money value per unit of improvement. */
export type MonetizedMetric = Metric & { value_per_unit: number; per: Per };

const DAYS_PER_YEAR = 365.25;

/** Length of a period in days: week 7, month 365.25/12, quarter 365.25/4, year 365.25. */
export function perDays(per: Per): number {
  switch (per) {
    case "week":
      return 7;
    case "month":
      return DAYS_PER_YEAR / 12;
    case "quarter":
      return DAYS_PER_YEAR / 4;
    case "year":
      return DAYS_PER_YEAR;
  }
}

/** True when a metric has both value_per_unit and per. */
export function isMonetized(metric: Metric): metric is MonetizedMetric {
  return metric.value_per_unit !== undefined && metric.per !== undefined;
}

/** How much better `value` is than the baseline: baseline − value for down, value − baseline for up (negative: regression). */
export function improvement(metric: Metric, value: number): number {
  return metric.direction === "down" ? metric.baseline - value : value - metric.baseline;
}

/** Money one unit of improvement earns per day. */
function valuePerDay(metric: MonetizedMetric): number {
  return metric.value_per_unit / perDays(metric.per);
}

/**
 * Value realized up to `asOf`: each measurement's improvement held from its date until the next measurement
 * (or `asOf`), × days × value_per_unit ÷ length of `per`. Nothing accrues before the first measurement.
 */
export function valueToDate(metric: MonetizedMetric, measurements: readonly Measurement[], asOf: string): number {
  return improvementDays(metric, measurements, asOf) * valuePerDay(metric);
}

/** Σ improvement × days held: each measurement's improvement from its date until the next one (or `asOf`). e.g. 12 hours/week held 14 days → 168 */
export function improvementDays(metric: Metric, measurements: readonly Measurement[], asOf: string): number {
  const { sorted: series, count } = seriesUpTo(metric, measurements, asOf);
  const end = toDay(asOf);
  let unitDays = 0;
  for (let i = 0; i < count; i++) {
    const until = i + 1 < count ? toDay(series[i + 1].date) : end;
    unitDays += improvement(metric, series[i].value) * (until - toDay(series[i].date));
  }
  return unitDays;
}

/**
 * The part of improvementDays after the metric's last measurement on or before `asOf`: the last measured level
 * held from that day to `asOf`, i.e. projected, never measured (issue 20). 0 before any measurement.
 */
export function projectedImprovementDays(metric: Metric, measurements: readonly Measurement[], asOf: string): number {
  const last = seriesOf(metric, measurements, asOf).at(-1);
  return last ? improvement(metric, last.value) * (toDay(asOf) - toDay(last.date)) : 0;
}

/** Value after the metric's last measurement, at the last measured level (part of valueToDate). */
export function projectedValueToDate(
  metric: MonetizedMetric,
  measurements: readonly Measurement[],
  asOf: string,
): number {
  return projectedImprovementDays(metric, measurements, asOf) * valuePerDay(metric);
}

/** The day a metric's value starts being projected: its last measurement on or before `asOf` when that is before `asOf`; null otherwise. */
export function projectedFrom(metric: Metric, measurements: readonly Measurement[], asOf: string): string | null {
  const last = seriesOf(metric, measurements, asOf).at(-1);
  return last && last.date < asOf ? last.date : null;
}

/** Annual value at the latest improvement on or before `asOf`: improvement × value_per_unit × periods per year (0 before any measurement). */
export function runRate(metric: MonetizedMetric, measurements: readonly Measurement[], asOf: string): number {
  const last = seriesOf(metric, measurements, asOf).at(-1);
  if (!last) return 0;
  return improvement(metric, last.value) * valuePerDay(metric) * DAYS_PER_YEAR;
}

/** A cost's amount spent by `asOf`: a once-cost in full from its start; a recurring cost × days from start to min(end, asOf) ÷ period length. */
export function costToDate(cost: Cost, asOf: string): number {
  if (cost.per === "once") return cost.start <= asOf ? cost.amount : 0;
  return (cost.amount * costDays(cost, asOf)) / perDays(cost.per);
}

/** Days a recurring cost has run by `asOf`: from start to min(end, asOf), never negative; 0 for a once-cost. */
export function costDays(cost: Cost, asOf: string): number {
  if (cost.per === "once") return 0;
  const until = cost.end !== undefined && cost.end < asOf ? cost.end : asOf;
  return Math.max(0, toDay(until) - toDay(cost.start));
}

/** (value − cost) / cost; null when cost is 0. */
export function roi(value: number, cost: number): number | null {
  return cost === 0 ? null : (value - cost) / cost;
}

/** Half a cent: cumulative value within this of cumulative cost counts as having caught up (sums of floats drift). */
const PAYBACK_TOLERANCE = 0.005;

/**
 * The first day, from the earliest cost start or measurement up to `asOf`, on which cumulative value ≥
 * cumulative cost while cumulative cost > 0; null if that never happens by `asOf`.
 * With `measuredOnly`, each metric's value stops at its last measurement (the verified payback counts no
 * projected value). One pass over the days with rates changing at measurement and cost dates: O(days + rows).
 */
export function paybackDate(
  metrics: readonly MonetizedMetric[],
  measurements: readonly Measurement[],
  costs: readonly Cost[],
  asOf: string,
  { measuredOnly = false }: { measuredOnly?: boolean } = {},
): string | null {
  const events = new Map<number, { valueRate: number; costRate: number; costJump: number }>();
  const at = (day: number) => {
    let e = events.get(day);
    if (!e) events.set(day, (e = { valueRate: 0, costRate: 0, costJump: 0 }));
    return e;
  };

  for (const metric of metrics) {
    let previous = 0;
    for (const m of seriesOf(metric, measurements, asOf)) {
      const rate = improvement(metric, m.value) * valuePerDay(metric);
      at(toDay(m.date)).valueRate += rate - previous;
      previous = rate;
    }
    const from = measuredOnly ? projectedFrom(metric, measurements, asOf) : null;
    if (from !== null) at(toDay(from)).valueRate -= previous;
  }
  for (const cost of costs) {
    if (cost.start > asOf) continue;
    if (cost.per === "once") {
      at(toDay(cost.start)).costJump += cost.amount;
    } else if (cost.end === undefined || cost.end > cost.start) {
      const rate = cost.amount / perDays(cost.per);
      at(toDay(cost.start)).costRate += rate;
      if (cost.end !== undefined) at(toDay(cost.end)).costRate -= rate;
    }
  }
  if (events.size === 0) return null;

  const last = toDay(asOf);
  let value = 0;
  let cost = 0;
  let valueRate = 0;
  let costRate = 0;
  for (let day = Math.min(...events.keys()); day <= last; day++) {
    const e = events.get(day);
    cost += e?.costJump ?? 0;
    if (cost > 0 && value >= cost - PAYBACK_TOLERANCE) return fromDay(day);
    valueRate += e?.valueRate ?? 0;
    costRate += e?.costRate ?? 0;
    value += valueRate;
    cost += costRate;
  }
  return null;
}

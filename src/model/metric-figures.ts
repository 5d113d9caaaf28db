// A metric's entry of report.json (MetricFigures), rounded here and nowhere else, with the unrounded figures the QBR
// and the ROI read (docs/report-json.md, "metrics").
import type { Measurement, Metric } from "../schema.ts";
import type { MetricFigures } from "./contract.ts";
import { daysBetween } from "./dates.ts";
import { changeVsBaseline, current, forecast, progress, progressState, seriesOf } from "./metrics.ts";
import { ref } from "./provenance.ts";
import type { QbrMetric } from "./qbr.ts";
import { fraction, money, orNull, roundTo, significant } from "./round.ts";
import {
  isMonetized,
  projectedFrom,
  projectedValueToDate,
  runRate,
  valueToDate,
  type MonetizedMetric,
} from "./value.ts";

/** A latest measurement older than this many days before asOf makes a metric stale. */
export const STALE_DAYS = 45;

/** A metric assessed as of a date: its report.json figures and the unrounded value (of which `projected` after its last measurement) and run-rate. */
export type AssessedMetric = QbrMetric & {
  value: number | null;
  projected: number | null;
  runRate: number | null;
  figures: MetricFigures;
};

/** A metric's figures for the report, with the unrounded figures the QBR and the ROI read. */
export function assessMetric(
  metric: Metric,
  rows: readonly Measurement[],
  asOf: string,
  dueDate: string,
): AssessedMetric {
  const series = seriesOf(metric, rows, asOf);
  const now = current(metric, series, asOf);
  const trend = forecast(metric, series, asOf, dueDate);
  const raw = progress(metric, now.value);
  const m: MonetizedMetric | null = isMonetized(metric) ? metric : null;
  const value = m ? valueToDate(m, series, asOf) : null;
  const projected = m ? projectedValueToDate(m, series, asOf) : null;
  const rate = m ? runRate(m, series, asOf) : null;
  // The metric row, then each measurement's: one reference a row, in its series and in the sources alike.
  const sources = [ref(metric.src), ...series.map((r) => ref(r.src))];
  const figures: MetricFigures = {
    id: metric.id,
    name: metric.name,
    category: metric.category,
    unit: metric.unit,
    direction: metric.direction,
    baseline: metric.baseline,
    baselineDate: metric.baseline_date,
    target: metric.target,
    targetDate: metric.target_date,
    revisedTargetDate: metric.revised_target_date ?? null,
    current: now.value,
    currentDate: now.date,
    progress: orNull(raw, fraction),
    state: progressState(metric, now.value),
    change: orNull(changeVsBaseline(metric, now.value), fraction),
    changePoints: metric.unit.trim() === "%" ? roundTo(now.value - metric.baseline, 4) : null,
    factor: metric.baseline > 0 && now.value >= 2 * metric.baseline ? roundTo(now.value / metric.baseline, 4) : null,
    stale: series.length > 0 && daysBetween(now.date, asOf) > STALE_DAYS,
    forecast: {
      date: trend.date,
      status: trend.status,
      slope: orNull(trend.slope, significant),
      intercept: orNull(trend.intercept, significant),
      dueDate: trend.dueDate,
      shortfall: orNull(trend.shortfall, (x) => roundTo(x, 4)),
      pace: trend.pace,
    },
    monetized: m !== null,
    valuePerUnit: metric.value_per_unit ?? null,
    per: metric.per ?? null,
    valueToDate: orNull(value, money),
    projectedValueToDate: orNull(projected, money),
    projectedFrom: m ? projectedFrom(m, series, asOf) : null,
    runRate: orNull(rate, money),
    series: series.map((r, i) => ({
      date: r.date,
      value: r.value,
      source: sources[i + 1],
      origin: r.source ?? null,
      note: r.note ?? null,
    })),
    sources,
  };
  return { metric, progress: raw, forecast: trend, value, projected, runRate: rate, figures };
}

/**
 * The day a metric's target is due: its own revised_target_date, else its target_date. A milestone's revised date
 * reschedules the milestone, never the metric (issue 20).
 */
export function dueDateOf(metric: Metric): string {
  return metric.revised_target_date ?? metric.target_date;
}

// Turns a metric's figures into the spec charts.ts draws. Pure, unit-tested.
import type { MetricFigures } from "../../src/model/report.ts";
import type { ChartSpec } from "../scripts/charts.ts";

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** The chart of one metric: measurements, baseline and target lines, and the trend line to the target date. */
export function chartSpec(m: MetricFigures, locale: string, brand: string, labels: ChartSpec["labels"]): ChartSpec {
  const start = dayOf(m.baselineDate);
  const lastPoint = m.series.length ? dayOf(m.series[m.series.length - 1].date) : start;
  const forecastEnd = m.forecast.date ? dayOf(m.forecast.date) : null;
  const end = Math.max(dayOf(m.targetDate), lastPoint, Math.min(forecastEnd ?? 0, dayOf(m.targetDate) + 180));
  const { slope, intercept } = m.forecast;
  const forecast: ChartSpec["forecast"] =
    slope !== null && intercept !== null && m.forecast.status !== "insufficient_data"
      ? [
          [start, intercept],
          [end, intercept + slope * (end - start)],
        ]
      : null;
  const values = [m.baseline, m.target, ...m.series.map((p) => p.value)];
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 1;
  return {
    locale,
    range: [lo - pad, hi + pad],
    unit: m.unit,
    labels,
    brand,
    points: [[start, m.baseline], ...m.series.map((p): [number, number] => [dayOf(p.date), p.value])],
    baseline: m.baseline,
    target: m.target,
    span: [start, end],
    forecast,
  };
}

/** Width of a progress bar: the progress clamped to 0–100 %. */
export function barWidth(progress: number | null): string {
  return `${Math.round(Math.min(1, Math.max(0, progress ?? 0)) * 1000) / 10}%`;
}

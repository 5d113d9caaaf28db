// A metric as of a date: current value, progress, change vs baseline, forecast (docs/value-model.md, "Metrics").
import type { Measurement, Metric } from "../schema.ts";
import { fromDay, toDay } from "./dates.ts";

/** Where a metric stands against its target: see `progressState`. */
export type ProgressState = "regressed" | "progressing" | "met" | "exceeded";

/** How the fitted trend relates to the target date. */
export type ForecastStatus = "reached" | "on_track" | "behind" | "missed" | "not_converging" | "insufficient_data";

/** The current value of a metric and the measurement it comes from (null: no measurement yet, the baseline stands). */
export interface Current {
  value: number;
  date: string;
  measurement: Measurement | null;
}

/** A least-squares trend and the day it reaches the target. */
export interface Forecast {
  /** reached: the day it was first met; on_track / behind: the projected day (never before the latest measurement nor asOf); null otherwise. */
  date: string | null;
  status: ForecastStatus;
  /** Change of the value per day; null when there are too few points. */
  slope: number | null;
  /** The line's value at the metric's baseline_date; null when there are too few points. */
  intercept: number | null;
  /** How many points the line was fitted through, the baseline included. */
  points: number;
  /** The day the target is due: the metric's target_date, or the revised date of a milestone that stands for it. */
  dueDate: string;
  /** missed: how far the latest value is short of the target, in the metric's unit (positive); null otherwise. */
  shortfall: number | null;
  /**
   * on_track / behind: the pace the verdict rests on. overall: the line through every point, and the recent pace
   * agrees; recent: the recent pace (see `recentPace`) does not reach the target by dueDate, so it decides. null otherwise.
   */
  pace: "overall" | "recent" | null;
}

/** Points needed, the baseline included, before a trend is fitted. */
export const MIN_FORECAST_POINTS = 3;

/** The recent pace reads the last this-many measurements, or those of the last RECENT_DAYS days if more. */
export const RECENT_POINTS = 3;
/** See RECENT_POINTS. */
export const RECENT_DAYS = 90;

/**
 * The metric's measurements dated on or before `asOf`, oldest first (same date: file order). The list is shared:
 * the model asks for a metric's series many times (200,000 rows: sorted once per rows and metric, cut once per date),
 * and a series it gave is known again when passed back in.
 */
export function seriesOf(metric: Metric, measurements: readonly Measurement[], asOf: string): readonly Measurement[] {
  const made = madeFor.get(measurements);
  if (made?.metric === metric && made.asOf <= asOf) return measurements;
  const cut = sortedCut(metric, made?.metric === metric ? made.rows : measurements);
  let series = cut.byDate.get(asOf);
  if (!series) {
    const end = upperBound(cut.all, asOf);
    series = end === cut.all.length ? cut.all : cut.all.slice(0, end);
    // The dates a payback curve samples are each asked for once: only the latest few cuts are kept.
    if (cut.byDate.size >= KEPT_CUTS) cut.byDate.delete(cut.byDate.keys().next().value!);
    cut.byDate.set(asOf, series);
    if (series !== cut.all) madeFor.set(series, { metric, asOf, rows: cut.rows });
  }
  return series;
}

/**
 * seriesOf without the list: the metric's measurements sorted as seriesOf sorts them, every date, and how many of
 * them are dated on or before `asOf` (a curve sampled month by month reads 200,000 rows without copying them).
 */
export function seriesUpTo(
  metric: Metric,
  measurements: readonly Measurement[],
  asOf: string,
): { sorted: readonly Measurement[]; count: number } {
  const made = madeFor.get(measurements);
  if (made?.metric === metric && made.asOf <= asOf) return { sorted: measurements, count: measurements.length };
  const { all } = sortedCut(metric, made?.metric === metric ? made.rows : measurements);
  return { sorted: all, count: upperBound(all, asOf) };
}

/** The metric's rows of `rows`, sorted by date then line, once per rows and metric. */
function sortedCut(metric: Metric, rows: readonly Measurement[]): Cut {
  const byMetric = sorted.get(rows) ?? sorted.set(rows, new WeakMap()).get(rows)!;
  let cut = byMetric.get(metric);
  if (!cut) {
    const all = rows
      .filter((m) => m.metric_id === metric.id)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.src.line - b.src.line));
    cut = { all, rows, byDate: new Map() };
    byMetric.set(metric, cut);
    // Every row of the metric: the series as of its last date or any later one.
    madeFor.set(all, { metric, asOf: all.at(-1)?.date ?? "", rows });
  }
  return cut;
}

/** How many cuts of a metric's series by date are kept for the next call. */
const KEPT_CUTS = 4;

/** How many of `series` (sorted by date) are dated on or before `asOf`. */
function upperBound(series: readonly Measurement[], asOf: string): number {
  let [lo, hi] = [0, series.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (series[mid].date <= asOf) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

type Cut = { all: readonly Measurement[]; rows: readonly Measurement[]; byDate: Map<string, readonly Measurement[]> };
const sorted = new WeakMap<readonly Measurement[], WeakMap<Metric, Cut>>();
/** The series seriesOf gave: for which metric, up to which date, from which rows. */
const madeFor = new WeakMap<readonly Measurement[], { metric: Metric; asOf: string; rows: readonly Measurement[] }>();

/** The latest measurement on or before `asOf`; none ⇒ the baseline, dated baseline_date. */
export function current(metric: Metric, measurements: readonly Measurement[], asOf: string): Current {
  const series = seriesOf(metric, measurements, asOf);
  const last = series.at(-1);
  if (!last) return { value: metric.baseline, date: metric.baseline_date, measurement: null };
  return { value: last.value, date: last.date, measurement: last };
}

/** (value − baseline) / (target − baseline), unclamped; null when target equals baseline. */
export function progress(metric: Metric, value: number): number | null {
  if (metric.target === metric.baseline) return null;
  const p = (value - metric.baseline) / (metric.target - metric.baseline);
  return p === 0 ? 0 : p; // 0 / negative is −0
}

/**
 * "exceeded" when progress > 1, "met" when exactly 1, "regressed" when < 0, else "progressing" (0 included).
 * With no progress (target equals baseline) the value is compared with the target in the metric's direction.
 */
export function progressState(metric: Metric, value: number): ProgressState {
  const p = progress(metric, value);
  if (p === null) {
    const better = metric.direction === "down" ? metric.target - value : value - metric.target;
    return better > 0 ? "exceeded" : better === 0 ? "met" : "regressed";
  }
  if (p > 1) return "exceeded";
  if (p === 1) return "met";
  if (p < 0) return "regressed";
  return "progressing";
}

/** (value − baseline) / |baseline|; null when the baseline is 0. */
export function changeVsBaseline(metric: Metric, value: number): number | null {
  if (metric.baseline === 0) return null;
  return (value - metric.baseline) / Math.abs(metric.baseline);
}

/** True when a value meets `threshold` in the metric's direction (down: ≤, up: ≥). */
export function meets(metric: Metric, value: number, threshold: number): boolean {
  return metric.direction === "down" ? value <= threshold : value >= threshold;
}

const LAST_DAY = toDay("9999-12-31");

/**
 * The slope of the least-squares line (value against day) through (baseline_date, baseline) and the measurements
 * up to `asOf`; the projection starts from the latest measurement: latest date + (target − latest value) ÷ slope,
 * rounded up, and never before `asOf`.
 * reached: the latest value meets the target (date: the first measurement that met it).
 * missed: `dueDate` (the metric's target_date, or its own revised_target_date) is on or before `asOf` and the
 * latest value falls short: a target is due on its date.
 * insufficient_data: fewer than 3 points, or all on one day. not_converging: a flat line or one moving away
 * from the target. Otherwise on_track if the projected day ≤ dueDate and the recent pace (`recentPace`) also
 * reaches the target by dueDate (pace "overall"); else behind (pace "recent" when only the recent pace falls
 * short, its projected day then shown; date null beyond year 9999).
 */
export function forecast(
  metric: Metric,
  measurements: readonly Measurement[],
  asOf: string,
  dueDate: string = metric.target_date,
): Forecast {
  const origin = toDay(metric.baseline_date);
  const series = seriesOf(metric, measurements, asOf);
  const n = series.length + 1;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  ys[0] = metric.baseline;
  for (let i = 1; i < n; i++) {
    xs[i] = toDay(series[i - 1].date) - origin;
    ys[i] = series[i - 1].value;
  }
  const line = n >= MIN_FORECAST_POINTS ? leastSquares(xs, ys) : null;
  const slope = line?.slope ?? null;
  const intercept = line?.intercept ?? null;
  const base = { slope, intercept, points: n, dueDate, shortfall: null, pace: null };

  const latest = series.at(-1);
  if (latest && meets(metric, latest.value, metric.target)) {
    const first = series.find((m) => meets(metric, m.value, metric.target))!;
    return { ...base, date: first.date, status: "reached" };
  }
  const latestValue = latest?.value ?? metric.baseline;
  if (dueDate <= asOf)
    return { ...base, date: null, status: "missed", shortfall: Math.abs(metric.target - latestValue) };
  if (!line) return { ...base, date: null, status: "insufficient_data", slope: null, intercept: null };

  const wanted = Math.sign(metric.target - metric.baseline) || (metric.direction === "down" ? -1 : 1);
  if (
    line.slope === 0 ||
    Math.sign(line.slope) !== wanted ||
    Math.sign(metric.target - latestValue) !== Math.sign(line.slope)
  ) {
    return { ...base, date: null, status: "not_converging" };
  }
  const from = toDay(latest?.date ?? metric.baseline_date);
  const day = Math.max(from + Math.ceil((metric.target - latestValue) / line.slope), toDay(asOf));
  if (day > LAST_DAY) return { ...base, date: null, status: "behind", pace: "overall" };
  const date = fromDay(day);
  if (date > dueDate) return { ...base, date, status: "behind", pace: "overall" };
  const recent = recentPace(metric, series, asOf);
  if (recent === null) return { ...base, date, status: "on_track", pace: "overall" };
  const reaches = recent.slope !== 0 && Math.sign(metric.target - latestValue) === Math.sign(recent.slope);
  const recentDay = reaches
    ? Math.max(from + Math.ceil((metric.target - latestValue) / recent.slope), toDay(asOf))
    : null;
  if (recentDay !== null && recentDay <= toDay(dueDate)) return { ...base, date, status: "on_track", pace: "overall" };
  const recentDate = recentDay !== null && recentDay <= LAST_DAY ? fromDay(recentDay) : null;
  return { ...base, date: recentDate, status: "behind", pace: "recent" };
}

/**
 * The slope of the least-squares line through the latest measurements: the last RECENT_POINTS, or every one
 * dated within RECENT_DAYS before `asOf` when that holds more; null with fewer than two points or all on one day.
 */
export function recentPace(
  metric: Metric,
  series: readonly Measurement[],
  asOf: string,
): { slope: number; points: number } | null {
  const since = toDay(asOf) - RECENT_DAYS;
  const window = series.filter((m) => toDay(m.date) >= since);
  const recent = window.length > RECENT_POINTS ? window : series.slice(-RECENT_POINTS);
  if (recent.length < 2) return null;
  const origin = toDay(metric.baseline_date);
  const line = leastSquares(
    recent.map((m) => toDay(m.date) - origin),
    recent.map((m) => m.value),
  );
  return line && { slope: line.slope, points: recent.length };
}

/** The least-squares line y = intercept + slope × x; null when every x is the same. */
function leastSquares(xs: ArrayLike<number>, ys: ArrayLike<number>): { slope: number; intercept: number } | null {
  const n = xs.length;
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < n; i++) {
    sumX += xs[i];
    sumY += ys[i];
  }
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - meanX) ** 2;
    sxy += (xs[i] - meanX) * (ys[i] - meanY);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}

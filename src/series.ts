// Bounded pages for unbounded data: a metric measured thousands of times is drawn (chart and
// table) from the last measurement of each week, month, quarter or year — the finest period
// that keeps it within MAX_POINTS — and its source rows are listed as ranges. The figures stay
// those of the model, computed from every row; report.json keeps every point when asked.
import { compactSources } from "./model/provenance.ts";
import type { DataIssue } from "./errors.ts";
import type { MetricFigures, Report, SeriesPoint } from "./model/contract.ts";

/** The most points a chart or table of one metric shows. */
export const MAX_POINTS = 150;

const PERIODS = ["week", "month", "quarter", "year"] as const;
export type Period = (typeof PERIODS)[number];

const dayNumber = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

/** The period a date falls in, as a key. Weeks start on Monday (1970-01-01 was a Thursday). */
export function periodKey(date: string, by: Period): string {
  switch (by) {
    case "week":
      return String(Math.floor((dayNumber(date) + 3) / 7));
    case "month":
      return date.slice(0, 7);
    case "quarter":
      return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
    case "year":
      return date.slice(0, 4);
  }
}

/** The last point of each period, oldest first (the series is sorted by date, so a period's points follow each other). */
export function lastOfEach(series: readonly SeriesPoint[], by: Period): SeriesPoint[] {
  const last: SeriesPoint[] = [];
  let date = "";
  let key = "";
  for (let i = 0; i < series.length; i++) {
    // Points of one date follow each other: its period is worked out once.
    if (series[i].date === date) continue;
    const next = periodKey(series[i].date, by);
    if (i > 0 && next !== key) last.push(series[i - 1]);
    [date, key] = [series[i].date, next];
  }
  if (series.length > 0) last.push(series[series.length - 1]);
  return last;
}

/** A metric drawn from fewer points than it has: how many, by which period. */
export interface Bounded {
  metricId: string;
  /** The measurements file, e.g. "measurements.csv". */
  file: string;
  measurements: number;
  points: number;
  by: Period;
}

/** The report the pages show: each metric with more than `max` points drawn by the finest period that fits. */
export function boundSeries(report: Report, max = MAX_POINTS): { report: Report; bounded: Bounded[] } {
  const bounded: Bounded[] = [];
  const metrics = report.metrics.map((m): MetricFigures => {
    if (m.series.length <= max) return m;
    const by = PERIODS.find((p) => lastOfEach(m.series, p).length <= max) ?? "year";
    const series = lastOfEach(m.series, by);
    bounded.push({
      metricId: m.id,
      file: m.series[0].source.replace(/:\d+$/, ""),
      measurements: m.series.length,
      points: series.length,
      by,
    });
    return { ...m, series, sources: compactSources(m.sources) };
  });
  if (bounded.length === 0) return { report, bounded };
  return {
    report: { ...report, metrics, roi: { ...report.roi, sources: compactSources(report.roi.sources) } },
    bounded,
  };
}

/** The warning for a metric drawn from fewer points; `dir` is the customer's folder as messages name it, e.g. "data/acme". */
export function boundedWarning(b: Bounded, dir: string): DataIssue {
  return {
    severity: "warning",
    code: "series-bounded",
    file: `${dir}/${b.file}`,
    field: "metric_id",
    value: b.metricId,
    problem: `has ${b.measurements.toLocaleString("en-US")} measurements: the charts and tables show the last of each ${b.by} (${b.points} points); every figure is computed from all of them`,
    fix: "report.json lists every measurement with --full-series",
  };
}

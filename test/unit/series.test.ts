// Bounded pages for unbounded data: which points a metric's chart and table show.
import { describe, expect, it } from "vitest";
import type { MetricFigures, Report, SeriesPoint } from "../../src/model/contract.ts";
import { boundedWarning, boundSeries, lastOfEach, periodKey } from "../../src/series.ts";
import { formatIssue } from "../../src/errors.ts";

const point = (date: string, value: number, line: number): SeriesPoint => ({
  date,
  value,
  source: `measurements.csv:${line}`,
  origin: null,
  note: null,
});

/** `count` points, `perDay` a day, from 2026-01-01. */
function series(count: number, perDay: number): SeriesPoint[] {
  return Array.from({ length: count }, (_, i) =>
    point(new Date(Date.UTC(2026, 0, 1) + Math.floor(i / perDay) * 86_400_000).toISOString().slice(0, 10), i, i + 2),
  );
}

const report = (points: SeriesPoint[]) =>
  ({
    metrics: [
      { id: "m1", current: 42, series: points, sources: ["metrics.csv:2", ...points.map((p) => p.source)] },
      { id: "m2", current: 7, series: [point("2026-02-01", 7, 9)], sources: ["metrics.csv:3", "measurements.csv:9"] },
    ] as MetricFigures[],
    roi: { valueToDate: 10, sources: ["customer.json", "metrics.csv:2", ...points.map((p) => p.source)] },
  }) as unknown as Report;

describe("periodKey(date, by) and lastOfEach(series, by)", () => {
  it("puts Monday to Sunday in one week, and months, quarters and years by the calendar", () => {
    expect(periodKey("2026-09-28", "week")).toBe(periodKey("2026-10-04", "week")); // Monday, Sunday
    expect(periodKey("2026-10-04", "week")).not.toBe(periodKey("2026-10-05", "week"));
    expect(
      ["2026-09-30", "2026-09-30", "2026-09-30"].map((d, i) =>
        periodKey(d, (["month", "quarter", "year"] as const)[i]),
      ),
    ).toEqual(["2026-09", "2026-Q3", "2026"]);
  });

  it("keeps the last measurement of each period, with its own row", () => {
    const points = [point("2026-01-05", 1, 2), point("2026-01-30", 2, 3), point("2026-02-02", 3, 4)];
    expect(lastOfEach(points, "month")).toEqual([points[1], points[2]]);
  });
});

describe("boundSeries(report, max)", () => {
  it("leaves a report whose metrics fit untouched", () => {
    const r = report(series(150, 1));
    expect(boundSeries(r, 150)).toEqual({ report: r, bounded: [] });
  });

  it("draws a long series from the finest period that fits, lists its rows as ranges, and keeps the figures", () => {
    const r = report(series(20_000, 100)); // 200 days
    const { report: shown, bounded } = boundSeries(r, 150);
    expect(bounded).toEqual([
      { metricId: "m1", file: "measurements.csv", measurements: 20_000, points: 29, by: "week" },
    ]);
    expect(shown.metrics[0].series).toHaveLength(29);
    expect(shown.metrics[0].series.at(-1)).toEqual(r.metrics[0].series.at(-1));
    expect(shown.metrics[0].sources).toEqual(["metrics.csv:2", "measurements.csv:2–20001"]);
    expect(shown.roi.sources).toEqual(["customer.json", "metrics.csv:2", "measurements.csv:2–20001"]);
    expect(shown.metrics[0].current).toBe(42);
    expect(shown.metrics[1]).toBe(r.metrics[1]);
    expect(r.metrics[0].series).toHaveLength(20_000);
    expect(boundSeries(report(series(2000, 1)), 150).bounded[0]).toMatchObject({ by: "month", points: 66 });
  });

  it("says so in a warning", () => {
    expect(
      formatIssue(
        boundedWarning(
          { metricId: "m1", file: "measurements.csv", measurements: 200_000, points: 29, by: "week" },
          "data/acme",
        ),
      ),
    ).toBe(
      'data/acme/measurements.csv metric_id: "m1" has 200,000 measurements: the charts and tables show the last of each week (29 points); every figure is computed from all of them — report.json lists every measurement with --full-series',
    );
  });
});

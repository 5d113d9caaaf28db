import { describe, expect, it } from "vitest";
import type { MetricFigures } from "../../src/model/contract.ts";
import { CHART, chartGeometry, textWidth } from "../../templates/lib/charts.ts";
import { formatter } from "../../templates/lib/format.ts";

const labels = { measured: "Measured", baseline: "Baseline", target: "Target", forecast: "Forecast" };

/** A metric measured monthly from its baseline date, falling toward its target. */
function metric(overrides: Partial<MetricFigures> = {}): MetricFigures {
  const series = ["2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01", "2026-03-01"].map((date, i) => ({
    date,
    value: 110 - i * 8,
    source: `metrics.csv:${i + 2}`,
  }));
  return {
    unit: "hours/week",
    baseline: 120,
    baselineDate: "2025-10-01",
    target: 70,
    targetDate: "2026-09-30",
    series,
    forecast: { slope: -0.25, intercept: 118, status: "on_track", date: "2026-08-01" },
    ...overrides,
  } as unknown as MetricFigures;
}

const overlap = (a: { at: number; label: string }, b: { at: number; label: string }, font: number) =>
  Math.abs(a.at - b.at) < (textWidth(a.label, font) + textWidth(b.label, font)) / 2;

describe("chartGeometry(metric, f, labels)", () => {
  it("writes month ticks with four-digit years, in every language, none touching the next", () => {
    for (const locale of ["en-US", "ja-JP", "zh-TW", "ms-MY"]) {
      const g = chartGeometry(metric(), formatter(locale, "USD"), labels);
      expect(g.xTicks.length, locale).toBeGreaterThanOrEqual(2);
      for (const t of g.xTicks) expect(t.label, locale).toMatch(/\b20\d\d\b|20\d\d年/);
      g.xTicks.forEach((t, i) => i > 0 && expect(overlap(g.xTicks[i - 1], t, CHART.font), locale).toBe(false));
    }
    expect(chartGeometry(metric(), formatter("ja-JP", "JPY"), labels).xTicks[0].label).toMatch(/^\d{4}年\d{1,2}月$/);
  });

  it("spaces ticks out over a long span instead of crowding them", () => {
    const g = chartGeometry(metric({ targetDate: "2028-12-31" }), formatter("en-US", "USD"), labels);
    expect(g.xTicks.length).toBeLessThanOrEqual(6);
    g.xTicks.forEach((t, i) => i > 0 && expect(overlap(g.xTicks[i - 1], t, CHART.font)).toBe(false));
  });

  it("titles the y axis with the unit and labels the target line with its value", () => {
    const g = chartGeometry(metric(), formatter("en-US", "USD"), labels);
    expect(g.unit).toBe("hours/week");
    expect(g.targetLabel.text).toBe("Target 70 hours/week");
    expect(g.targetLabel.y).toBeGreaterThan(g.plot.y0);
    const pct = chartGeometry(
      metric({ unit: "%", baseline: 2.4, target: 1.2, series: [] }),
      formatter("en-US", "USD"),
      labels,
    );
    expect(pct.yTicks.every((t) => t.label.endsWith("%"))).toBe(true);
  });

  it("keeps the legend on one line inside the chart, shrinking its type when the words are long", () => {
    const long = {
      measured: "Ukuran sebenar",
      baseline: "Garis dasar asal",
      target: "Sasaran akhir",
      forecast: "Unjuran trend",
    };
    for (const words of [labels, long]) {
      const g = chartGeometry(metric(), formatter("ms-MY", "MYR"), words);
      const last = g.legend.items.at(-1)!;
      expect(last.x + 2 * g.legend.font + textWidth(last.label, g.legend.font)).toBeLessThanOrEqual(CHART.width);
      expect(g.legend.items[0].x).toBeGreaterThanOrEqual(0);
    }
  });

  it("clips the trend line to the plot and leaves it out without enough data", () => {
    const g = chartGeometry(metric(), formatter("en-US", "USD"), labels);
    for (const [, y] of g.forecast!) expect(y >= g.plot.y0 - 0.1 && y <= g.plot.y1 + 0.1).toBe(true);
    const none = chartGeometry(
      metric({ forecast: { slope: null, intercept: null, status: "insufficient_data", date: null } as never }),
      formatter("en-US", "USD"),
      labels,
    );
    expect(none.forecast).toBeNull();
    expect(none.legend.items.map((i) => i.key)).toEqual(["measured", "baseline", "target"]);
  });
});

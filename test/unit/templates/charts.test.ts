import { describe, expect, it } from "vitest";
import type { MetricFigures } from "../../../src/model/contract.ts";
import {
  type ChartPoint,
  dayOf,
  isLongSeries,
  metricChart,
  PAYBACK_SERIES,
  paybackChart,
  type PaybackChartCurve,
  type PaybackMarksOptions,
  RANGES,
  yTick,
  rangeWindow,
} from "../../../templates/lib/chart-config.ts";
import { chartSvg } from "../../../templates/lib/chart-svg.ts";
import { formatter } from "../../../templates/lib/format.ts";
import { barWidth } from "../../../templates/lib/charts.ts";
import { textWidth } from "../../../templates/lib/svg-context.ts";

const labels = {
  measured: "Measured",
  baseline: "Baseline",
  target: "Target",
  forecast: "Forecast",
  source: "Source",
  note: "Note",
};

/** A metric measured monthly from its baseline date, falling toward its target. */
function metric(overrides: Partial<MetricFigures> = {}): MetricFigures {
  const series = ["2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01", "2026-03-01"].map((date, i) => ({
    date,
    value: 110 - i * 8,
    source: `metrics.csv:${i + 2}`,
    origin: i === 1 ? "Ops survey" : null,
    note: i === 2 ? "Holiday week" : null,
  }));
  return {
    name: "Hours on manual dispatch",
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

/** The text of every <text> element of an SVG, in order. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe("metricChart(metric, f, labels)", () => {
  it("plots the baseline then each measurement, carrying its date, source row and note for the tooltip", () => {
    const config = metricChart(metric(), formatter("en-US", "USD"), labels);
    const measured = config.data.datasets[0].data as ChartPoint[];
    expect(measured.map((p) => p.date)).toEqual([
      "2025-10-01",
      "2025-11-01",
      "2025-12-01",
      "2026-01-01",
      "2026-02-01",
      "2026-03-01",
    ]);
    expect(measured[0]).toMatchObject({ y: 120, source: "Baseline" });
    expect(measured[2]).toMatchObject({ y: 102, source: "metrics.csv:3 · Ops survey", note: null });
    expect(measured[3]).toMatchObject({ note: "Holiday week" });
    expect(config.data.datasets.map((d) => d.label)).toEqual(["Measured", "Baseline", "Target", "Forecast"]);
  });

  it("leaves the forecast out without enough data, and keeps it inside the plot's range otherwise", () => {
    const none = metricChart(
      metric({ forecast: { slope: null, intercept: null, status: "insufficient_data", date: null } as never }),
      formatter("en-US", "USD"),
      labels,
    );
    expect(none.data.datasets.map((d) => d.label)).toEqual(["Measured", "Baseline", "Target"]);
    const steep = metricChart(
      metric({ forecast: { slope: -5, intercept: 118, status: "behind", date: null } as never }),
      formatter("en-US", "USD"),
      labels,
    );
    // Its trend already past the plot's floor at the last measurement: nothing left to draw.
    const forecast = (steep.data.datasets[3]?.data ?? []) as ChartPoint[];
    for (const p of forecast) expect(p.y).toBeGreaterThanOrEqual(70 - 50 * 0.08 - 1e-9);
  });

  it("labels months with four-digit years and values with the unit, in the customer's language", () => {
    for (const [locale, year] of [
      ["en-US", /2026/],
      ["ja-JP", /2026年/],
      ["zh-TW", /2026年/],
      ["ms-MY", /2026/],
    ] as const) {
      const svg = chartSvg(metricChart(metric(), formatter(locale, "USD"), labels));
      const words = texts(svg);
      expect(
        words.some((w) => year.test(w)),
        locale,
      ).toBe(true);
      expect(words, locale).toContain("hours/week");
      expect(words, locale).toContain("Target 70 hours/week");
    }
    const pct = chartSvg(
      metricChart(metric({ unit: "%", baseline: 2.4, target: 1.2, series: [] }), formatter("en-US", "USD"), labels),
    );
    expect(
      texts(pct)
        .filter((w) => /^\d/.test(w) && !/20\d\d/.test(w))
        .every((w) => w.endsWith("%")),
    ).toBe(true);
  });
});

describe("chartSvg(config)", () => {
  it("draws chart.js's chart as vector lines and real text with rounded coordinates", () => {
    const svg = chartSvg(metricChart(metric(), formatter("en-US", "USD"), labels), { class: "chart-svg" });
    expect(svg).toMatch(/^<svg class="chart-svg" viewBox="0 0 300 190">/);
    expect(svg).not.toMatch(/<image|data:image/);
    expect(texts(svg)).toEqual(expect.arrayContaining(["Measured", "Baseline", "Target", "Forecast", "Jan 2026"]));
    for (const n of svg.match(/-?\d+\.\d+/g) ?? []) expect(n.split(".")[1].length, n).toBe(1);
  });

  it("spaces month ticks so that no two labels touch, in every language, over a long span too", () => {
    for (const targetDate of ["2026-09-30", "2027-06-30", "2029-12-31"])
      for (const locale of ["en-US", "ja-JP", "zh-TW", "ms-MY"]) {
        const svg = chartSvg(metricChart(metric({ targetDate }), formatter(locale, "USD"), labels));
        const group = /<g class="x-ticks">(.*?)<\/g>/.exec(svg)![1];
        const ticks = [...group.matchAll(/<text x="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
          x: Number(m[1]),
          w: textWidth(m[2], 9),
        }));
        expect(ticks.length, `${locale} ${targetDate}`).toBeGreaterThanOrEqual(2);
        ticks.forEach(
          (t, i) =>
            i > 0 &&
            expect(t.x - ticks[i - 1].x, `${locale} ${targetDate}`).toBeGreaterThan((t.w + ticks[i - 1].w) / 2 + 4),
        );
      }
  });

  it("gives the same bytes for the same figures", () => {
    const draw = () => chartSvg(metricChart(metric(), formatter("ja-JP", "JPY"), labels));
    expect(draw()).toBe(draw());
  });

  it("marks the status at the last measurement with its own shape and colour", () => {
    const at = (status: string) =>
      chartSvg(
        metricChart(
          metric({ forecast: { slope: -0.25, intercept: 118, status, date: null } as never }),
          formatter("en-US", "USD"),
          labels,
        ),
      );
    expect(at("on_track")).toContain('fill="#1d7a4c"');
    expect(at("behind")).toMatch(/<path d="M[^"]*Z" fill="#8a5300"/);
    expect(at("missed")).toContain('stroke="#b02f23"');
  });
});

describe("the range picker of a long series", () => {
  const daily = (n: number, from = "2024-01-01") =>
    Array.from({ length: n }, (_, i) => ({
      date: new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
      value: 100 - i / 10,
      source: `measurements.csv:${i + 2}`,
      origin: null,
      note: null,
    }));

  it("is offered past 24 measurements or a year of them, and not for a short series", () => {
    expect(isLongSeries(metric())).toBe(false);
    expect(isLongSeries(metric({ series: daily(24, "2025-10-02") }))).toBe(false);
    expect(isLongSeries(metric({ series: daily(25, "2025-10-02") }))).toBe(true);
    const yearAndMore = [daily(1, "2025-10-02")[0], { ...daily(1, "2026-10-10")[0], value: 60 }];
    expect(isLongSeries(metric({ series: yearAndMore }))).toBe(true);
  });

  it("rescales the x axis to the last 3 months or year of measurements, or the whole chart", () => {
    const whole = { start: dayOf("2024-01-01"), end: dayOf("2026-06-30"), last: dayOf("2026-03-31") };
    const [months3, year, all] = RANGES.map((r) => rangeWindow(whole, r.days));
    expect(all).toEqual({ min: whole.start, max: whole.end });
    expect(months3).toEqual({ min: whole.last - 92, max: whole.last + 8 });
    expect(year).toEqual({ min: whole.last - 366, max: whole.last + 31 });
    // Room after the latest measurement, never past the chart's end.
    expect(rangeWindow({ ...whole, end: whole.last + 3 }, 92)).toEqual({ min: whole.last - 92, max: whole.last + 3 });
    // A range that would show everything anyway is left out.
    expect(rangeWindow({ ...whole, start: whole.last - 200 }, 366)).toBeNull();
  });

  it("draws month ticks within the range picked, and the print SVG over the whole chart as before", () => {
    const m = metric({ baselineDate: "2024-01-01", series: daily(800) });
    const config = metricChart(m, formatter("en-US", "USD"), labels);
    const svg = chartSvg(config);
    const ticks = (s: string) =>
      [...(/<g class="x-ticks">(.*?)<\/g>/.exec(s)?.[1] ?? "").matchAll(/>([^<]+)<\/text>/g)].map((t) => t[1]);
    const x = config.options!.scales!.x!;
    const window = rangeWindow({ start: Number(x.min), end: Number(x.max), last: dayOf(m.series.at(-1)!.date) }, 92)!;
    const zoomed = chartSvg({
      ...config,
      options: { ...config.options, scales: { ...config.options!.scales, x: { ...x, ...window } } },
    });
    expect(ticks(svg)).toContain("Jan 2025");
    expect(ticks(zoomed)).toEqual(["Jan 2026", "Feb 2026", "Mar 2026"]);
  });
});

describe("barWidth(progress)", () => {
  it("clamps progress to 0–100 %", () => {
    expect([barWidth(null), barWidth(-1), barWidth(0.4621), barWidth(2)]).toEqual(["0%", "0%", "46.2%", "100%"]);
  });
});

describe("metricChart's forecast and range", () => {
  const f = formatter("en-AU", "AUD");
  const datasets = (m: MetricFigures) => metricChart(m, f, labels).data.datasets;

  it("draws the forecast ahead of the last measurement only, and none for a target reached or missed", () => {
    const ahead = datasets(metric())[3].data as ChartPoint[];
    expect(ahead[0].x).toBe(dayOf("2026-03-01"));
    for (const status of ["reached", "missed"])
      expect(datasets(metric({ forecast: { slope: -0.25, intercept: 118, status, date: null } as never })).length).toBe(
        3,
      );
  });

  it("never forecasts a quantity measured at zero or above below zero", () => {
    const steep = metric({ forecast: { slope: -0.5, intercept: 118, status: "behind", date: null } as never });
    const line = datasets({ ...steep, target: 0 } as MetricFigures)[3].data as ChartPoint[];
    expect(Math.min(...line.map((p) => p.y))).toBe(0);
  });

  it("reaches the as-of date when it is later than the target date and the last measurement", () => {
    const config = metricChart({ ...metric({ targetDate: "2026-06-30" }), asOf: "2026-09-30" }, f, labels);
    expect((config.options!.scales!.x as { max: number }).max).toBe(dayOf("2026-09-30"));
  });
});

describe("yTick(v, unit, f, span)", () => {
  it("writes 0, never −0, for chart.js's steps near zero", () => {
    expect(yTick(-1e-12, "hours/week", formatter("en-US", "USD"), 10)).toBe("0");
    expect(yTick(-0.04, "%", formatter("en-US", "USD"), 10)).toBe("0%");
    expect(formatter("en-US", "USD").number(-0.04, 1)).toBe("0");
    expect(formatter("en-US", "USD").number(-0.4, 1)).toBe("−0.4");
  });

  it("writes yen in Japanese in 万, as the text writes amounts", () => {
    expect(yTick(400_000, "円/月", formatter("ja-JP", "JPY"), 1_000_000)).toBe("40万");
    expect(yTick(400_000, "件", formatter("ja-JP", "JPY"), 1_000_000)).toBe("400,000");
    expect(yTick(400_000, "円/月", formatter("en-US", "JPY"), 1_000_000)).toBe("400,000");
  });
});

describe("paybackChart(curve, f, labels)", () => {
  const words = {
    unit: "USD",
    value: "Value claimed",
    verified: "Verified value",
    cost: "Cost",
    paidBack: "Payback Mar 2026",
    verifiedPaidBack: "Verified payback Apr 2026",
  };
  const curve: PaybackChartCurve = {
    points: [
      { date: "2026-01-15", value: 0, verified: 0, cost: 10_000 },
      { date: "2026-01-31", value: -400, verified: -400, cost: 10_000 },
      { date: "2026-03-14", value: 15_800, verified: 9_000, cost: 10_000 },
      { date: "2026-04-30", value: 62_800, verified: 12_000, cost: 10_000 },
    ],
    paybackDate: "2026-03-14",
    verifiedPaybackDate: "2026-04-02",
  };
  const f = formatter("en-US", "USD");

  it("draws value claimed, verified value and cost as three lines of the curve's points", () => {
    const config = paybackChart(curve, f, words);
    expect(config.data.datasets.map((d) => d.label)).toEqual(["Value claimed", "Verified value", "Cost"]);
    expect(config.data.datasets.map((d) => d.data.map((p) => p.y))).toEqual([
      [0, -400, 15_800, 62_800],
      [0, -400, 9_000, 12_000],
      [10_000, 10_000, 10_000, 10_000],
    ]);
    expect(config.options!.scales!.x!.min).toBe(dayOf("2026-01-15"));
    // From zero, or from below it when value went negative.
    expect((config.options!.scales!.y as { min: number }).min).toBe(-400);
  });

  it("marks each payback date once: the verified one, and the claimed one when it differs", () => {
    const marks = (c: typeof curve) =>
      (paybackChart(c, f, words).options!.plugins as unknown as { paybackMarks: PaybackMarksOptions }).paybackMarks
        .marks;
    expect(marks(curve).map((m) => [m.x, m.text])).toEqual([
      [dayOf("2026-04-02"), "Verified payback Apr 2026"],
      [dayOf("2026-03-14"), "Payback Mar 2026"],
    ]);
    expect(marks({ ...curve, paybackDate: "2026-04-02" }).map((m) => m.text)).toEqual(["Verified payback Apr 2026"]);
    expect(marks({ ...curve, paybackDate: null, verifiedPaybackDate: null })).toEqual([]);
  });

  it("writes every money tick in one notation: compact when the largest is 100,000 or more", () => {
    const big = { ...curve, points: curve.points.map((p) => ({ ...p, value: Math.max(0, p.value * 3), verified: 0 })) };
    const ticks = (c: typeof curve) =>
      [...chartSvg(paybackChart(c, f, words), {}, PAYBACK_SERIES).matchAll(/<text[^>]*>(−?US\$[^<]*)<\/text>/g)].map(
        (m) => m[1],
      );
    expect(ticks(big)).toEqual(["US$0", "US$50K", "US$100K", "US$150K", "US$200K"]);
    expect(ticks(curve)).toEqual(["−US$400", "US$50K", "US$100K"]); // before: "US$50,000" beside "US$100K"
    expect(f.moneyTick(50_000, 150_000)).toBe("US$50K");
    expect(f.moneyTick(50_000, 60_000)).toBe("US$50,000");
  });

  it("draws as SVG with each line and the payback marks named", () => {
    const svg = chartSvg(paybackChart(curve, f, words), {}, PAYBACK_SERIES);
    for (const role of ["value", "verified", "cost", "payback-mark"]) expect(svg).toContain(`class="${role}"`);
    expect(svg).toContain("Verified payback Apr 2026");
  });
});

// One chart definition per kind of chart, as a chart.js configuration built from report.json's figures
// by a pure function: the same configuration is drawn to SVG at build time (chart-svg.ts) and live in
// the browser (chart-live.ts). Labels come from the pages' own formatter, so a chart speaks the
// customer's language and number formats. What chart.js does not draw — the target's label with its
// value, and a status shape per colour — is the project's plugin `milepostMarks`.
import type { Chart, ChartConfiguration, Plugin } from "chart.js";
import type { MetricFigures } from "../../src/model/contract.ts";
import type { ForecastStatus } from "../../src/model/metrics.ts";
import type { PaybackCurve } from "../../src/model/payback.ts";
import type { Format } from "./format.ts";

/** The chart's box in CSS pixels: the picture scales to its column, text with it. */
export const CHART = { width: 300, height: 190, font: 9 } as const;

/** The page's colours (templates/styles/global.css), as a canvas needs them spelt out. */
export const COLOURS = {
  ink: "#4a5566",
  muted: "#5f6b7d",
  grid: "#e6e9ef",
  bar: "#3d4b5f",
  green: "#1d7a4c",
  amber: "#8a5300",
  red: "#b02f23",
} as const;

export interface ChartLabels {
  measured: string;
  baseline: string;
  target: string;
  forecast: string;
  /** Tooltip words: "Source", "Note". */
  source: string;
  note: string;
  /** The range picker of a long series (site only): its name, its buttons, and what it draws ("{count}", "{from}", "{to}"). */
  range?: { name: string; months3: string; year: string; all: string; shown: { one: string; other: string } };
}

/**
 * What a chart is built from: the figures of report.json it plots (and the report's as-of date, which the chart
 * reaches: a value accrues up to it), the customer's locale and the words.
 */
export type ChartMetric = Pick<
  MetricFigures,
  "unit" | "baseline" | "baselineDate" | "target" | "targetDate" | "series" | "forecast"
> & { asOf?: string };
export interface ChartInput {
  metric: ChartMetric;
  locale: string;
  currency: string;
  labels: ChartLabels;
}

/** One plotted measurement: x in days since 1970-01-01, with what the tooltip tells of it. */
export interface ChartPoint {
  x: number;
  y: number;
  date: string;
  /** The row, e.g. "measurements.csv:17", and who measured it. */
  source: string;
  note: string | null;
}

/** A status's colour and shape, so the status reads in grey print too. */
export const STATUS_MARK: Record<
  ForecastStatus,
  { colour: string; shape: "circle" | "triangle" | "rect" | "crossRot" }
> = {
  reached: { colour: COLOURS.green, shape: "circle" },
  on_track: { colour: COLOURS.green, shape: "circle" },
  behind: { colour: COLOURS.amber, shape: "triangle" },
  not_converging: { colour: COLOURS.amber, shape: "triangle" },
  missed: { colour: COLOURS.red, shape: "crossRot" },
  insufficient_data: { colour: COLOURS.muted, shape: "rect" },
};

/** What milepostMarks draws: the target's label with its value, the status shape at the last point. */
export interface MarksOptions {
  targetLabel: string;
  target: number;
  status: ForecastStatus;
  font: number;
}

/** The statuses whose chart draws the forecast line: those still looking ahead. */
const FORECAST_DRAWN: ForecastStatus[] = ["on_track", "behind", "not_converging"];

/** The datasets of metricChart, in order. */
export const SERIES = ["measured", "baseline", "target", "forecast"] as const;

export const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
export const isoOf = (day: number) => new Date(Math.round(day) * 86_400_000).toISOString().slice(0, 10);

/** Month starts between two days, every `step` months (aligned to January), as day numbers. */
function monthStarts(from: number, to: number, step: number): number[] {
  const start = new Date(from * 86_400_000);
  let [y, m] = [start.getUTCFullYear(), start.getUTCMonth() + 1];
  const out: number[] = [];
  for (;;) {
    if (m > 11) [y, m] = [y + 1, m - 12];
    const day = Date.UTC(y, m, 1) / 86_400_000;
    if (day > to) return out;
    if (m % step === 0) out.push(day);
    m += 1;
  }
}

/** A series is long — the live chart gets a range picker — past this many measurements or this many days. */
export const LONG_SERIES = { points: 24, days: 366 } as const;

/** The value axis's unit, written level above the axis. */
function unitTitle(text: string) {
  const font = { size: CHART.font, weight: "bold" as const };
  return { display: true, text, align: "start" as const, font, color: COLOURS.ink, padding: { top: 0, bottom: 6 } };
}

/** The legend below a chart of lines: each series's own line as its key, as the points' style would give a measured line none. */
function lineLegend() {
  return {
    position: "bottom" as const,
    labels: {
      font: { size: CHART.font },
      color: COLOURS.ink,
      usePointStyle: true,
      pointStyleWidth: 14,
      boxHeight: 6,
      padding: 8,
      generateLabels: (chart: Chart) =>
        chart.data.datasets.map((d, i) => ({
          text: d.label ?? "",
          datasetIndex: i,
          hidden: !chart.isDatasetVisible(i),
          pointStyle: "line" as const,
          fillStyle: "transparent",
          strokeStyle: d.borderColor as string,
          lineWidth: d.borderWidth as number,
          lineDash: (d as { borderDash?: number[] }).borderDash ?? [],
          fontColor: COLOURS.ink,
        })),
    },
  };
}

/**
 * The time axis of a chart from `start` to `end` (day numbers): four month ticks at most, since a CJK date
 * ("2026年10月") is about six ems wide at 9 px; on the site a picked range narrows the axis and its ticks.
 */
function monthAxis(start: number, end: number, f: Format) {
  return {
    type: "linear" as const,
    min: start,
    max: end,
    grid: { display: false },
    border: { color: COLOURS.muted },
    afterBuildTicks: (axis: { min: number; max: number; ticks: { value: number }[] }) => {
      const [from, to] = [axis.min, axis.max];
      const step = [1, 2, 3, 6, 12, 24, 60].find((s) => monthStarts(from, to, s).length <= 4) ?? 60;
      axis.ticks = monthStarts(from, to, step).map((value) => ({ value }));
    },
    ticks: {
      font: { size: CHART.font },
      color: COLOURS.ink,
      maxRotation: 0,
      autoSkipPadding: 10,
      callback: (v: number | string) => f.shortDate(isoOf(Number(v))),
    },
  };
}

/** The value axis of a chart: light grid lines, no axis line, five ticks at most, each written by `tick` (given the largest tick's size too). */
function valueAxis(tick: (v: number, largest: number) => string) {
  return {
    type: "linear" as const,
    grid: { color: COLOURS.grid, lineWidth: 0.6, drawTicks: false },
    border: { display: false },
    ticks: {
      font: { size: CHART.font },
      color: COLOURS.ink,
      maxTicksLimit: 5,
      callback: (v: number | string, _: number, ticks: { value: number }[]) =>
        tick(Number(v), Math.max(...ticks.map((t) => Math.abs(t.value)))),
    },
  };
}

/** Whether a metric's history is long enough for a range picker: more than 24 measurements, or over a year. */
export function isLongSeries(m: Pick<ChartMetric, "baselineDate" | "series">): boolean {
  if (m.series.length > LONG_SERIES.points) return true;
  const last = m.series.at(-1);
  return last !== undefined && dayOf(last.date) - dayOf(m.baselineDate) > LONG_SERIES.days;
}

/** The range picker's choices: the last so many days of measurements, or all of them (days null). */
export const RANGES = [
  { key: "months3", days: 92 },
  { key: "year", days: 366 },
  { key: "all", days: null },
] as const;
export type RangeKey = (typeof RANGES)[number]["key"];

/**
 * The x axis's bounds (days) for a range: the last `days` up to the latest measurement, with a little room
 * after it, within the chart's own [start, end]; the whole chart for "all". Null when the range would show
 * the whole chart anyway (the picker leaves that button out).
 */
export function rangeWindow(
  chart: { start: number; end: number; last: number },
  days: number | null,
): { min: number; max: number } | null {
  const whole = { min: chart.start, max: chart.end };
  if (days === null) return whole;
  const min = chart.last - days;
  if (min <= chart.start) return null;
  return { min, max: Math.min(chart.end, chart.last + Math.max(7, Math.round(days / 12))) };
}

/** The part of the segment a–b whose values lie within [lo, hi]. */
function clipLine(a: [number, number], b: [number, number], lo: number, hi: number): [number, number][] {
  const at = (v: number) => a[0] + ((v - a[1]) / (b[1] - a[1])) * (b[0] - a[0]);
  const clip = (p: [number, number]): [number, number] => (p[1] > hi ? [at(hi), hi] : p[1] < lo ? [at(lo), lo] : p);
  if ((a[1] > hi && b[1] > hi) || (a[1] < lo && b[1] < lo)) return [];
  return [clip(a), clip(b)];
}

/** A metric's history: measurements from the baseline, the baseline and target lines, the forecast. */
export function metricChart(m: ChartMetric, f: Format, labels: ChartLabels): ChartConfiguration<"line", ChartPoint[]> {
  const start = dayOf(m.baselineDate);
  const lastPoint = m.series.length ? dayOf(m.series[m.series.length - 1].date) : start;
  const forecastEnd = m.forecast.date ? dayOf(m.forecast.date) : null;
  const end = Math.max(
    dayOf(m.targetDate),
    lastPoint,
    m.asOf ? dayOf(m.asOf) : start,
    Math.min(forecastEnd ?? 0, dayOf(m.targetDate) + 180),
  );
  const values = [m.baseline, m.target, ...m.series.map((p) => p.value)];
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 1;
  const [ylo, yhi] = [lo - pad, hi + pad];
  // A quantity never measured below zero is not forecast below it.
  const floor = lo >= 0 ? Math.max(ylo, 0) : ylo;
  const flat = (y: number, label: string): ChartPoint[] =>
    [start, end].map((x) => ({ x, y, date: isoOf(x), source: label, note: null }));

  // The forecast looks ahead from the last measurement; a target reached or missed is a fact, with nothing to forecast.
  const { slope, intercept, status } = m.forecast;
  const ahead = FORECAST_DRAWN.includes(status) && slope !== null && intercept !== null && lastPoint < end;
  const trend = (x: number) => intercept! + slope! * (x - start);
  const forecast = ahead
    ? clipLine([lastPoint, trend(lastPoint)], [end, trend(end)], floor, yhi).map(([x, y]): ChartPoint => ({
        x,
        y,
        date: isoOf(x),
        source: labels.forecast,
        note: null,
      }))
    : [];
  const measured: ChartPoint[] = [
    { x: start, y: m.baseline, date: m.baselineDate, source: labels.baseline, note: null },
    ...m.series.map((p) => ({
      x: dayOf(p.date),
      y: p.value,
      date: p.date,
      source: p.origin ? `${p.source} · ${p.origin}` : p.source,
      note: p.note,
    })),
  ];
  const line = {
    pointRadius: 0,
    pointHitRadius: 0,
    borderWidth: 1,
    backgroundColor: "transparent",
    fill: false,
    clip: false as const,
  };

  const marks: MarksOptions = {
    targetLabel: `${labels.target} ${f.value(m.target, m.unit)}`,
    target: m.target,
    status,
    font: CHART.font,
  };
  return {
    type: "line",
    data: {
      datasets: [
        {
          label: labels.measured,
          data: measured,
          borderColor: COLOURS.bar,
          backgroundColor: COLOURS.bar,
          borderWidth: 1.6,
          // The last measurement carries the status mark instead (milepostMarks).
          pointRadius: measured.map((_, i) => (i === measured.length - 1 ? 0 : 2)),
          pointBorderWidth: 0,
          pointHoverRadius: 4,
          clip: false,
        },
        {
          ...line,
          label: labels.baseline,
          data: flat(m.baseline, labels.baseline),
          borderColor: COLOURS.muted,
          borderDash: [4, 3],
        },
        {
          ...line,
          label: labels.target,
          data: flat(m.target, labels.target),
          borderColor: COLOURS.green,
          borderWidth: 1.2,
          borderDash: [7, 3],
        },
        ...(forecast.length
          ? [
              {
                ...line,
                label: labels.forecast,
                data: forecast,
                borderColor: COLOURS.bar,
                borderWidth: 1.2,
                borderDash: [1.5, 2.5],
              },
            ]
          : []),
      ],
    },
    options: {
      animation: false,
      responsive: false,
      devicePixelRatio: 1,
      parsing: false,
      normalized: true,
      // Room on the left for a y tick a little wider than the em table measures it ("100%" in the page's font).
      layout: { padding: { top: 4, right: 8, left: 4, bottom: 0 } },
      interaction: { mode: "nearest", intersect: false, axis: "x" },
      scales: {
        x: monthAxis(start, end, f),
        y: { ...valueAxis((v) => yTick(v, m.unit, f, yhi - ylo)), suggestedMin: ylo, suggestedMax: yhi },
      },
      plugins: {
        title: unitTitle(m.unit),
        legend: lineLegend(),
        tooltip: {
          // The measurements' tooltips; the lines are named by the legend and the target's label.
          filter: (item) => item.datasetIndex === 0,
          callbacks: {
            title: (items) => (items[0] ? f.date((items[0].raw as ChartPoint).date) : ""),
            label: (item) => `${item.dataset.label}: ${f.value((item.raw as ChartPoint).y, m.unit)}`,
            afterLabel: (item) => {
              const p = item.raw as ChartPoint;
              if (item.datasetIndex !== 0) return [];
              return [`${labels.source}: ${p.source}`, ...(p.note ? [`${labels.note}: ${p.note}`] : [])];
            },
          },
        },
        // @ts-expect-error the project's plugin, registered by name in chart-svg.ts and chart-live.ts
        milepostMarks: marks,
      },
    },
  };
}

/**
 * A y-axis tick as the pages write the quantity: a % value with its sign, yen in Japanese in 万 as the text writes
 * them (40万), and never "−0" (chart.js's steps leave −0.0000001 near zero).
 */
export function yTick(v: number, unit: string, f: Format, span: number): string {
  const n = Math.abs(v) < span * 1e-9 ? 0 : v;
  return unit === "%" ? `${f.number(n, 1)}%` : f.axis(n, unit);
}

/** The target's label with its value above its line (below when the line runs along the top), and the status shape at the last measurement. */
export const milepostMarks: Plugin<"line", MarksOptions> = {
  id: "milepostMarks",
  afterDatasetsDraw(chart, _args, opts) {
    const { ctx, chartArea, scales } = chart;
    if (!opts || opts.target === undefined || !chart.isDatasetVisible(2)) return;
    const y = scales.y.getPixelForValue(opts.target);
    ctx.save();
    ctx.font = `600 ${opts.font}px sans-serif`;
    ctx.fillStyle = COLOURS.green;
    ctx.textAlign = "left";
    ctx.textBaseline = "alphabetic";
    const below = y - 4 - opts.font < chartArea.top;
    (ctx as unknown as { role: string | null }).role = "target-label";
    ctx.fillText(opts.targetLabel, chartArea.left + 4, below ? y + opts.font + 2 : y - 4);
    const points = chart.getDatasetMeta(0).data;
    const last = points[points.length - 1];
    (ctx as unknown as { role: string | null }).role = `status ${opts.status}`;
    if (last && chart.isDatasetVisible(0)) {
      const mark = STATUS_MARK[opts.status];
      ctx.fillStyle = mark.colour;
      ctx.strokeStyle = mark.colour;
      ctx.lineWidth = 1.4;
      ctx.setLineDash([]);
      const r = 3.5;
      ctx.beginPath();
      if (mark.shape === "circle") ctx.arc(last.x, last.y, r, 0, Math.PI * 2);
      else if (mark.shape === "triangle") {
        ctx.moveTo(last.x, last.y - r);
        ctx.lineTo(last.x + r, last.y + r * 0.8);
        ctx.lineTo(last.x - r, last.y + r * 0.8);
        ctx.closePath();
      } else if (mark.shape === "rect") ctx.rect(last.x - r * 0.8, last.y - r * 0.8, r * 1.6, r * 1.6);
      else {
        ctx.moveTo(last.x - r, last.y - r);
        ctx.lineTo(last.x + r, last.y + r);
        ctx.moveTo(last.x + r, last.y - r);
        ctx.lineTo(last.x - r, last.y + r);
      }
      if (mark.shape === "crossRot") ctx.stroke();
      else ctx.fill();
    }
    (ctx as unknown as { role: string | null }).role = null;
    ctx.restore();
  },
};

/** The payback chart's words: its three lines, and the mark at a payback date ("Paid back {date}" filled in). */
export interface PaybackLabels {
  /** The y axis's unit: the currency, e.g. "USD". */
  unit: string;
  value: string;
  verified: string;
  cost: string;
  /** The mark's words at each payback date: the claimed value's, the verified value's (the same words when one date). */
  paidBack: string;
  verifiedPaidBack: string;
}

/** The datasets of paybackChart, in order. */
export const PAYBACK_SERIES = ["value", "verified", "cost"] as const;

/** What the payback chart is built from (report.json's paybackCurve). */
export type PaybackChartCurve = Pick<PaybackCurve, "points" | "paybackDate" | "verifiedPaybackDate">;

/** What paybackMarks draws: a dashed upright at each payback date with its words. */
export interface PaybackMarksOptions {
  marks: { x: number; text: string; colour: string }[];
  font: number;
}

/**
 * Cumulative value claimed and verified against cumulative cost, money on the y axis, the payback dates marked by
 * an upright (paybackMarks). Exported for every page and slide that states payback.
 */
export function paybackChart(
  curve: PaybackChartCurve,
  f: Format,
  labels: PaybackLabels,
): ChartConfiguration<"line", ChartPoint[]> {
  const points = curve.points;
  const start = dayOf(points[0].date);
  const end = Math.max(dayOf(points.at(-1)!.date), start + 1);
  const line = (key: "value" | "verified" | "cost", source: string): ChartPoint[] =>
    points.map((p) => ({ x: dayOf(p.date), y: p[key], date: p.date, source, note: null }));
  const marks: PaybackMarksOptions["marks"] = [];
  if (curve.verifiedPaybackDate !== null)
    marks.push({ x: dayOf(curve.verifiedPaybackDate), text: labels.verifiedPaidBack, colour: COLOURS.green });
  if (curve.paybackDate !== null && curve.paybackDate !== curve.verifiedPaybackDate)
    marks.push({ x: dayOf(curve.paybackDate), text: labels.paidBack, colour: COLOURS.bar });
  const base = { pointRadius: 0, pointHoverRadius: 3, pointHitRadius: 4, fill: false, clip: false as const };
  return {
    type: "line",
    data: {
      datasets: [
        {
          ...base,
          label: labels.value,
          data: line("value", labels.value),
          borderColor: COLOURS.bar,
          backgroundColor: COLOURS.bar,
          borderWidth: 1.6,
        },
        {
          ...base,
          label: labels.verified,
          data: line("verified", labels.verified),
          borderColor: COLOURS.green,
          backgroundColor: COLOURS.green,
          borderWidth: 1.4,
          borderDash: [5, 2],
        },
        {
          ...base,
          label: labels.cost,
          data: line("cost", labels.cost),
          borderColor: COLOURS.red,
          backgroundColor: COLOURS.red,
          borderWidth: 1.2,
          borderDash: [2, 2],
        },
      ],
    },
    options: {
      animation: false,
      responsive: false,
      devicePixelRatio: 1,
      parsing: false,
      normalized: true,
      layout: { padding: { top: 4, right: 8, left: 0, bottom: 0 } },
      interaction: { mode: "nearest", intersect: false, axis: "x" },
      scales: {
        x: monthAxis(start, end, f),
        // From zero, or from the lowest value when a regression took the value below it.
        y: {
          ...valueAxis((v, largest) => f.moneyTick(v, largest)),
          min: Math.min(0, ...points.flatMap((p) => [p.value, p.verified, p.cost])),
        },
      },
      plugins: {
        title: unitTitle(labels.unit),
        legend: lineLegend(),
        tooltip: {
          callbacks: {
            title: (items) => (items[0] ? f.date((items[0].raw as ChartPoint).date) : ""),
            label: (item) => `${item.dataset.label}: ${f.money((item.raw as ChartPoint).y)}`,
          },
        },
        // @ts-expect-error the project's plugin, registered in chart-js.ts
        paybackMarks: { marks, font: CHART.font } satisfies PaybackMarksOptions,
      },
    },
  };
}

/** An upright at each payback date, dashed, with its words beside it at the top of the plot. */
export const paybackMarks: Plugin<"line", PaybackMarksOptions> = {
  id: "paybackMarks",
  afterDatasetsDraw(chart, _args, opts) {
    if (!opts?.marks?.length) return;
    const { ctx, chartArea, scales } = chart;
    ctx.save();
    ctx.font = `600 ${opts.font}px sans-serif`;
    ctx.textBaseline = "alphabetic";
    opts.marks.forEach((m, i) => {
      const x = scales.x.getPixelForValue(m.x);
      (ctx as unknown as { role: string | null }).role = "payback-mark";
      ctx.strokeStyle = m.colour;
      ctx.fillStyle = m.colour;
      ctx.lineWidth = 1;
      ctx.setLineDash([3, 2]);
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      // Words to the right of the upright, else to its left when they would run past the plot.
      const width = ctx.measureText(m.text).width;
      const right = x + 3 + width <= chartArea.right;
      ctx.textAlign = right ? "left" : "right";
      ctx.fillText(m.text, right ? x + 3 : x - 3, chartArea.top + opts.font + i * (opts.font + 2));
    });
    (ctx as unknown as { role: string | null }).role = null;
    ctx.restore();
  },
};

// A metric's chart as SVG geometry: measurements, baseline, a target line labelled with its value,
// the trend line, axes with the unit and month ticks with four-digit years, spaced so that no two
// labels touch, and a legend on one line. Pure, unit-tested; MetricChart.astro only draws it.
import type { MetricFigures } from "../../src/model/contract.ts";
import type { Format } from "./format.ts";

/** The chart's box in SVG units: the picture scales to its column, text with it. */
export const CHART = { width: 300, height: 180, left: 40, right: 10, top: 16, bottom: 40, font: 9 } as const;

export interface ChartLabels {
  measured: string;
  baseline: string;
  target: string;
  forecast: string;
}

export interface Tick {
  at: number;
  label: string;
}

export interface LegendItem {
  key: "measured" | "baseline" | "target" | "forecast";
  label: string;
  x: number;
}

export interface ChartGeometry {
  /** The y axis title: the metric's unit. */
  unit: string;
  xTicks: Tick[];
  yTicks: Tick[];
  measured: [number, number][];
  baseline: number;
  target: number;
  /** The target line's label, e.g. "Target 4 hours/week", and where it sits. */
  targetLabel: { text: string; x: number; y: number };
  forecast: [number, number][] | null;
  legend: { items: LegendItem[]; y: number; font: number };
  plot: { x0: number; x1: number; y0: number; y1: number };
}

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const isoOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** The width of `text` at `font` units: CJK and full-width characters one em, others about 0.6. */
export function textWidth(text: string, font: number): number {
  let em = 0;
  for (const ch of text)
    em += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]/u.test(ch) ? 1 : 0.6;
  return em * font;
}

/** Round steps for the y axis: 1, 2, 2.5, 5 × 10^n, giving 3 to 6 ticks. */
function niceTicks(lo: number, hi: number): number[] {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / 4;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * pow).find((s) => span / s <= 5)!;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Math.round(v / step) * step);
  return ticks;
}

/** Month starts between two days, every `step` months (aligned to January), as day numbers. */
function monthStarts(from: number, to: number, step: number): number[] {
  const start = new Date(from * 86_400_000);
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth() + 1;
  const out: number[] = [];
  for (;;) {
    if (m > 11) [y, m] = [y + 1, m - 12];
    const day = Date.UTC(y, m, 1) / 86_400_000;
    if (day > to) return out;
    if (m % step === 0) out.push(day);
    m += 1;
  }
}

/** The geometry of one metric's chart in `locale`, labels placed by `f` (numbers) and `f.shortDate` (months). */
export function chartGeometry(m: MetricFigures, f: Format, labels: ChartLabels): ChartGeometry {
  const { width, height, left, right, top, bottom, font } = CHART;
  const plot = { x0: left, x1: width - right, y0: top, y1: height - bottom };
  const start = dayOf(m.baselineDate);
  const lastPoint = m.series.length ? dayOf(m.series[m.series.length - 1].date) : start;
  const forecastEnd = m.forecast.date ? dayOf(m.forecast.date) : null;
  const end = Math.max(dayOf(m.targetDate), lastPoint, Math.min(forecastEnd ?? 0, dayOf(m.targetDate) + 180));
  const values = [m.baseline, m.target, ...m.series.map((p) => p.value)];
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 1;
  const [ylo, yhi] = [lo - pad, hi + pad];
  const x = (day: number) => plot.x0 + ((day - start) / (end - start || 1)) * (plot.x1 - plot.x0);
  const y = (v: number) => plot.y1 - ((v - ylo) / (yhi - ylo)) * (plot.y1 - plot.y0);
  const r = (n: number) => Math.round(n * 10) / 10;

  // Month ticks: the smallest step whose labels keep a gap of half an em between them and stay in the box.
  const gap = font * 0.5;
  let xTicks: Tick[] = [];
  for (const step of [1, 2, 3, 6, 12, 24, 60]) {
    const days = monthStarts(start, end, step).filter((d) => {
      const half = textWidth(f.shortDate(isoOf(d)), font) / 2;
      return x(d) - half >= 0 && x(d) + half <= width;
    });
    const ticks = days.map((d) => ({ at: r(x(d)), label: f.shortDate(isoOf(d)) }));
    const fits = ticks.every(
      (t, i) =>
        i === 0 || t.at - ticks[i - 1].at >= (textWidth(t.label, font) + textWidth(ticks[i - 1].label, font)) / 2 + gap,
    );
    xTicks = ticks;
    if (fits) break;
  }
  const yTicks = niceTicks(ylo, yhi)
    .filter((v) => v > ylo && v < yhi)
    .map((v) => ({ at: r(y(v)), label: m.unit === "%" ? `${f.number(v, 1)}%` : f.number(v, 1) }));

  const { slope, intercept } = m.forecast;
  const forecast =
    slope !== null && intercept !== null && m.forecast.status !== "insufficient_data"
      ? clipLine([start, intercept], [end, intercept + slope * (end - start)], ylo, yhi).map(
          ([d, v]): [number, number] => [r(x(d)), r(y(v))],
        )
      : null;

  // The target's label sits at the left end, where the measurements are furthest from it: above its
  // line, or below it when the line runs along the top.
  const targetText = `${labels.target} ${f.value(m.target, m.unit)}`;
  const ty = y(m.target);
  const below = ty - 4 - font < plot.y0;
  const targetLabel = { text: targetText, x: plot.x0 + 4, y: r(below ? ty + font + 2 : ty - 4) };

  // The legend on one line: its type (with its swatches and gaps) shrinks, not below 6, until every item fits.
  const keys: LegendItem["key"][] = ["measured", "baseline", "target", ...(forecast ? ["forecast" as const] : [])];
  const itemWidth = (k: LegendItem["key"], s: number) => 2 * s + textWidth(labels[k], s) + s;
  const widthAt = (s: number) => keys.reduce((w, k) => w + itemWidth(k, s), -s);
  let size = font;
  while (widthAt(size) > width - 4 && size > 6) size -= 0.5;
  let at = (width - widthAt(size)) / 2;
  const items = keys.map((key) => {
    const item = { key, label: labels[key], x: r(at) };
    at += itemWidth(key, size);
    return item;
  });

  return {
    unit: m.unit,
    xTicks,
    yTicks,
    measured: [
      [start, m.baseline] as [number, number],
      ...m.series.map((p): [number, number] => [dayOf(p.date), p.value]),
    ].map(([d, v]): [number, number] => [r(x(d)), r(y(v))]),
    baseline: r(y(m.baseline)),
    target: r(ty),
    targetLabel,
    forecast,
    legend: { items, y: height - 6, font: size },
    plot,
  };
}

/** The part of the segment a–b whose values lie within [lo, hi]. */
function clipLine(a: [number, number], b: [number, number], lo: number, hi: number): [number, number][] {
  const at = (v: number) => a[0] + ((v - a[1]) / (b[1] - a[1])) * (b[0] - a[0]);
  const clip = (p: [number, number]): [number, number] => (p[1] > hi ? [at(hi), hi] : p[1] < lo ? [at(lo), lo] : p);
  if ((a[1] > hi && b[1] > hi) || (a[1] < lo && b[1] < lo)) return [];
  return [clip(a), clip(b)];
}

/** Width of a progress bar: the progress clamped to 0–100 %. */
export function barWidth(progress: number | null): string {
  return `${Math.round(Math.min(1, Math.max(0, progress ?? 0)) * 1000) / 10}%`;
}

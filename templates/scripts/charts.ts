// On a site page, chart.js takes over each chart from its build-time SVG with the same configuration:
// tooltips with each measurement's value, date, source row and note, legend toggles. The SVG stays in
// the page for print and for anyone without script; the data table stays one click away. A long series
// (isLongSeries) gets a range picker: buttons for the last 3 months, the last year or all, which rescale
// the x axis; a line under them says how many measurements are drawn, and from when to when.
import { Chart, type ChartConfiguration, type Plugin } from "../lib/chart-js.ts";
import {
  CHART,
  type ChartInput,
  type ChartPoint,
  RANGES,
  type RangeKey,
  dayOf,
  isoOf,
  metricChart,
  paybackChart,
  type PaybackChartCurve,
  type PaybackLabels,
  rangeWindow,
} from "../lib/chart-config.ts";
import { type Format, formatter } from "../lib/format.ts";

/** What a payback chart's figure carries for the live chart. */
interface PaybackInput {
  curve: PaybackChartCurve;
  locale: string;
  currency: string;
  labels: PaybackLabels;
}

/** The tooltip's words, also in the figure's live region, for screen readers (and read back by the tests). */
const spoken: Plugin = {
  id: "milepostSpoken",
  afterTooltipDraw(chart, { tooltip }) {
    const region = chart.canvas.parentElement?.querySelector(".chart-tip");
    const words = [tooltip.title.join(" "), ...tooltip.body.flatMap((b) => [...b.lines, ...b.after])].join(" · ");
    if (region && region.textContent !== words) region.textContent = words;
  },
};

for (const figure of document.querySelectorAll<HTMLElement>("figure.chart[data-chart]")) {
  const svg = figure.querySelector("svg.chart-svg");
  const input = JSON.parse(figure.dataset.chart ?? "null") as ChartInput | PaybackInput | null;
  if (!svg || !input) continue;
  Chart.defaults.font.family = getComputedStyle(svg).fontFamily;
  const f = formatter(input.locale, input.currency);
  // The payback chart (components/PaybackChart.astro), else a metric's.
  const config =
    "curve" in input ? paybackChart(input.curve, f, input.labels) : metricChart(input.metric, f, input.labels);
  const canvas = document.createElement("canvas");
  canvas.className = "chart-live";
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", svg.getAttribute("aria-label") ?? "");
  const box = document.createElement("div");
  box.className = "chart-live-box";
  const tip = document.createElement("p");
  tip.className = "chart-tip";
  tip.setAttribute("aria-live", "polite");
  box.append(canvas, tip);
  svg.after(box);
  figure.classList.add("live");
  const options = {
    ...config.options,
    responsive: true,
    maintainAspectRatio: true,
    aspectRatio: CHART.width / CHART.height,
  };
  delete options.devicePixelRatio;
  const chart = new Chart(canvas, { ...config, options, plugins: [spoken] } as ChartConfiguration);
  if (!("curve" in input) && input.labels.range) rangePicker(chart, input, f, box);
}

/** Buttons under a long series's chart that rescale its x axis to the last 3 months, the last year, or all. */
function rangePicker(chart: Chart, input: ChartInput, f: Format, box: HTMLElement) {
  const words = input.labels.range!;
  const { baselineDate, series } = input.metric;
  // The configuration's own x axis options: chart.js merges them anew on each update, so looked up each time.
  const xAxis = () => (chart.config.options as ChartConfiguration<"line">["options"])!.scales!.x!;
  const yAxis = () => (chart.config.options as ChartConfiguration<"line">["options"])!.scales!.y!;
  const whole = {
    start: dayOf(baselineDate),
    end: Number(xAxis().max),
    last: dayOf(series.at(-1)?.date ?? baselineDate),
  };
  const group = document.createElement("div");
  group.className = "chart-range";
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", words.name);
  const shown = document.createElement("p");
  shown.className = "chart-range-shown";
  shown.setAttribute("aria-live", "polite");
  const buttons: HTMLButtonElement[] = [];
  const pick = (key: RangeKey, bounds: { min: number; max: number }) => {
    const drawn = (chart.data.datasets[0].data as ChartPoint[]).filter(
      (p, i) => i > 0 && p.x >= bounds.min && p.x <= bounds.max,
    );
    Object.assign(xAxis(), bounds);
    // The y axis fits what the range draws, and the target; "all" gets the chart's own.
    const y = yAxis();
    if (key === "all") Object.assign(y, { min: undefined, max: undefined });
    else {
      const values = [input.metric.target, ...drawn.map((p) => p.y)];
      const [lo, hi] = [Math.min(...values), Math.max(...values)];
      const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 1;
      Object.assign(y, { min: lo - pad, max: hi + pad });
    }
    // Within a range, what lies outside it is cut at the plot's edge (print and "all" draw every line whole).
    for (const d of chart.data.datasets)
      (d as { clip?: unknown }).clip = key === "all" ? false : { left: 0, right: 8, top: 4, bottom: 4 };
    chart.update();
    for (const b of buttons) b.setAttribute("aria-pressed", String(b.value === key));
    box.dataset.range = key;
    // The bounds the axis was drawn with, for the tests.
    box.dataset.from = isoOf(chart.scales.x.min);
    box.dataset.to = isoOf(chart.scales.x.max);
    const plural = new Intl.PluralRules(input.locale).select(drawn.length) === "one" ? "one" : "other";
    shown.textContent = drawn.length
      ? words.shown[plural]
          .replace("{count}", f.number(drawn.length, 0))
          .replace("{from}", f.date(drawn[0].date))
          .replace("{to}", f.date(drawn[drawn.length - 1].date))
      : "";
  };
  for (const { key, days } of RANGES) {
    const bounds = rangeWindow(whole, days);
    if (!bounds) continue;
    const button = document.createElement("button");
    button.type = "button";
    button.value = key;
    button.textContent = words[key];
    button.addEventListener("click", () => pick(key, bounds));
    buttons.push(button);
    group.append(button);
  }
  if (buttons.length < 2) return;
  box.append(group, shown);
  pick("all", rangeWindow(whole, null)!);
}

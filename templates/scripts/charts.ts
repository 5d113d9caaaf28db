// On a site page, chart.js takes over each chart from its build-time SVG with the same configuration:
// tooltips with each measurement's value, date, source row and note, legend toggles. The SVG stays in
// the page for print and for anyone without script; the data table stays one click away. A long series
// (isLongSeries) gets a range picker: buttons for the last 3 months, the last year or all, which rescale
// the x axis; a line under them says how many measurements are drawn, and from when to when.
import {
  Chart,
  type ChartConfiguration,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  type Plugin,
  PointElement,
  Title,
  Tooltip,
} from "chart.js";
import {
  CHART,
  type ChartInput,
  type ChartPoint,
  RANGES,
  type RangeKey,
  dayOf,
  isoOf,
  metricChart,
  milepostMarks,
  rangeWindow,
} from "../lib/chart-config.ts";
import { type Format, formatter } from "../lib/format.ts";

// The parts of chart.js the charts use, and no more (the site's bundle stays small).
Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip, Title, milepostMarks);

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
  const input = JSON.parse(figure.dataset.chart ?? "null") as ChartInput | null;
  if (!svg || !input) continue;
  Chart.defaults.font.family = getComputedStyle(svg).fontFamily;
  const config = metricChart(input.metric, formatter(input.locale, input.currency), input.labels);
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
  if (input.labels.range) rangePicker(chart, input, formatter(input.locale, input.currency), box);
}

/** Buttons under a long series's chart that rescale its x axis to the last 3 months, the last year, or all. */
function rangePicker(chart: Chart, input: ChartInput, f: Format, box: HTMLElement) {
  const words = input.labels.range!;
  const { baselineDate, series } = input.metric;
  const x = chart.options.scales!.x!;
  const whole = { start: dayOf(baselineDate), end: Number(x.max), last: dayOf(series.at(-1)?.date ?? baselineDate) };
  const group = document.createElement("div");
  group.className = "chart-range";
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", words.name);
  const shown = document.createElement("p");
  shown.className = "chart-range-shown";
  shown.setAttribute("aria-live", "polite");
  const buttons: HTMLButtonElement[] = [];
  const pick = (key: RangeKey, bounds: { min: number; max: number }) => {
    x.min = bounds.min;
    x.max = bounds.max;
    // Within a range, what lies left of it is cut at the axis (print and "all" draw every line whole).
    for (const d of chart.data.datasets)
      (d as { clip?: unknown }).clip = key === "all" ? false : { left: 0, right: 8, top: false, bottom: false };
    chart.update();
    for (const b of buttons) b.setAttribute("aria-pressed", String(b.value === key));
    const drawn = (chart.data.datasets[0].data as ChartPoint[]).filter(
      (p) => p.x >= bounds.min && p.x <= bounds.max && p.source !== input.labels.baseline,
    );
    box.dataset.range = key;
    box.dataset.from = isoOf(bounds.min);
    box.dataset.to = isoOf(bounds.max);
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

// On a site page, chart.js takes over each chart from its build-time SVG with the same configuration:
// tooltips with each measurement's value, date, source row and note, legend toggles. The SVG stays in
// the page for print and for anyone without script; the data table stays one click away.
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
import { CHART, type ChartInput, metricChart, milepostMarks } from "../lib/chart-config.ts";
import { formatter } from "../lib/format.ts";

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
  new Chart(canvas, { ...config, options, plugins: [spoken] } as ChartConfiguration);
}

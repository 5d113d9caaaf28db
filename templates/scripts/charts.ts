// Draws every metric chart on the page, then marks the page ready to print.
// The figures come from report.json, embedded beside each canvas; nothing is computed here
// but pixel positions.
import { Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js";

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);

/** What templates/components/MetricChart.astro embeds for one chart. */
export interface ChartSpec {
  locale: string;
  unit: string;
  labels: { measured: string; baseline: string; target: string; forecast: string };
  brand: string;
  /** Points as [day number, value]; day numbers are days since 1970-01-01. */
  points: [number, number][];
  baseline: number;
  target: number;
  /** First and last day of the x axis. */
  span: [number, number];
  /** The y axis: the measurements, baseline and target with a margin; the forecast line is clipped to it. */
  range: [number, number];
  forecast: [number, number][] | null;
}

const DAY = 86_400_000;

/** Paints the (opaque) canvas white before each draw. */
const paper = {
  id: "paper",
  beforeDraw(chart: Chart) {
    chart.ctx.save();
    chart.ctx.fillStyle = "#fff";
    chart.ctx.fillRect(0, 0, chart.width, chart.height);
    chart.ctx.restore();
  },
};

function draw(canvas: HTMLCanvasElement, spec: ChartSpec): void {
  const dates = new Intl.DateTimeFormat(spec.locale, { month: "short", year: "2-digit", timeZone: "UTC" });
  const numbers = new Intl.NumberFormat(spec.locale, { maximumFractionDigits: 1 });
  const flat = (y: number): { x: number; y: number }[] => [
    { x: spec.span[0], y },
    { x: spec.span[1], y },
  ];
  const xy = (p: [number, number][]) => p.map(([x, y]) => ({ x, y }));
  // An opaque canvas prints as one image without a transparency mask: a third smaller in the PDF.
  const context = canvas.getContext("2d", { alpha: false })!;
  new Chart(context, {
    plugins: [paper],
    type: "line",
    data: {
      datasets: [
        {
          label: spec.labels.measured,
          data: xy(spec.points),
          borderColor: spec.brand,
          backgroundColor: spec.brand,
          borderWidth: 2,
          pointRadius: 2.5,
          tension: 0,
        },
        {
          label: spec.labels.baseline,
          data: flat(spec.baseline),
          borderColor: "#9aa3b2",
          borderWidth: 1,
          borderDash: [4, 4],
          pointRadius: 0,
        },
        {
          label: spec.labels.target,
          data: flat(spec.target),
          borderColor: "#1d7a4c",
          borderWidth: 1.5,
          borderDash: [6, 3],
          pointRadius: 0,
        },
        ...(spec.forecast
          ? [
              {
                label: spec.labels.forecast,
                data: xy(spec.forecast),
                borderColor: spec.brand,
                borderWidth: 1.5,
                borderDash: [2, 3],
                pointRadius: 0,
              },
            ]
          : []),
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      devicePixelRatio: Math.max(window.devicePixelRatio, 2),
      parsing: false,
      plugins: {
        legend: { position: "bottom", labels: { boxWidth: 12, boxHeight: 2, padding: 6, font: { size: 9 } } },
        tooltip: { callbacks: { title: (items) => new Date(items[0].parsed.x! * DAY).toISOString().slice(0, 10) } },
      },
      scales: {
        x: {
          type: "linear",
          min: spec.span[0],
          max: spec.span[1],
          ticks: { maxTicksLimit: 7, font: { size: 10 }, callback: (v) => dates.format(new Date(Number(v) * DAY)) },
          grid: { display: false },
        },
        y: {
          min: spec.range[0],
          max: spec.range[1],
          ticks: {
            includeBounds: false,
            font: { size: 10 },
            callback: (v) => `${numbers.format(Number(v))}${spec.unit === "%" ? "%" : ""}`,
          },
          grid: { color: "#eef0f4" },
        },
      },
    },
  });
}

document.documentElement.classList.add("js");
for (const canvas of document.querySelectorAll<HTMLCanvasElement>("canvas[data-chart]")) {
  draw(canvas, JSON.parse(canvas.dataset.chart!) as ChartSpec);
}
// Chart.js draws synchronously with animation off; only the fonts are awaited. (No animation
// frame: Chromium does not run them for pages in the background, as pool pages are.)
document.fonts.ready.then(() => document.documentElement.setAttribute("data-print-ready", ""));

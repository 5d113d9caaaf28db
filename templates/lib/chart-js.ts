// chart.js with the parts milepost's charts use, and no more (the site's bundle stays small), and
// milepost's own marks: one registration for the build-time SVG and the site's live charts.
import { Chart, Legend, LineController, LineElement, LinearScale, PointElement, Title, Tooltip } from "chart.js";
import { milepostMarks, paybackMarks } from "./chart-config.ts";

Chart.register(
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  Legend,
  Tooltip,
  Title,
  milepostMarks,
  paybackMarks,
);

export { Chart };
export type { ChartConfiguration, Plugin } from "chart.js";

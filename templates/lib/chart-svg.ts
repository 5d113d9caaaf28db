// A chart.js configuration drawn at build time, in Node, into an SVG context: vector lines and real
// text, the same bytes for the same figures, and no script needed to show it.
import { Chart, type ChartConfiguration, type Plugin } from "./chart-js.ts";
import { CHART, SERIES } from "./chart-config.ts";
import { SvgContext } from "./svg-context.ts";

type Drawing = Record<string, ((...args: unknown[]) => unknown) | undefined>;

/** Names each part of the drawing (grid, ticks, legend, series) as a class, for the page's tests and styles. */
const rolesOf = (series: readonly string[]): Plugin => ({
  id: "milepostRoles",
  beforeDraw(chart) {
    const ctx = chart.ctx as unknown as SvgContext;
    const tag = (box: object, method: string, role: string) => {
      const drawing = box as Drawing;
      const draw = drawing[method];
      if (!draw || (draw as { tagged?: boolean }).tagged) return;
      const tagged = function (this: unknown, ...args: unknown[]) {
        ctx.role = role;
        try {
          return draw.apply(this, args);
        } finally {
          ctx.role = null;
        }
      };
      drawing[method] = Object.assign(tagged, { tagged: true });
    };
    for (const box of chart.boxes) {
      const id = (box as { id?: string }).id;
      if (id === "x" || id === "y") {
        tag(box, "drawGrid", "grid");
        tag(box, "drawBorder", "axis-line");
        tag(box, "drawLabels", `${id}-ticks`);
      } else if (box === chart.legend) tag(box, "draw", "legend");
      else if (box === (chart as unknown as { titleBlock?: object }).titleBlock) tag(box, "draw", "axis-title");
    }
  },
  beforeDatasetDraw(chart, { index }) {
    (chart.ctx as unknown as SvgContext).role = series[index] ?? null;
  },
  afterDatasetDraw(chart) {
    (chart.ctx as unknown as SvgContext).role = null;
  },
});

/** `config` drawn by chart.js as one <svg> element of CHART's size, with `attributes` on it; `series` names its datasets' roles. */
export function chartSvg(
  config: ChartConfiguration<"line", never[]> | ChartConfiguration,
  attributes: Record<string, string> = {},
  series: readonly string[] = SERIES,
): string {
  const ctx = new SvgContext(CHART.width, CHART.height);
  // chart.js takes a canvas-like object; its Node platform sizes the chart from width and height.
  const { plugins = [] } = config as ChartConfiguration;
  const chart = new Chart(ctx as unknown as CanvasRenderingContext2D, {
    ...(config as ChartConfiguration),
    plugins: [...plugins, rolesOf(series)],
  });
  try {
    return ctx.svg(attributes);
  } finally {
    chart.destroy();
  }
}

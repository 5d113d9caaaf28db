// Narrative MDX (content/<slug>/*.mdx) in the one Astro build: a virtual module that imports the
// files of the customers being built, and source locations stamped on every figure tag so an
// unknown id can be reported as "content/acme/summary.mdx:7".
import { readFileSync } from "node:fs";
import { isAbsolute, relative } from "node:path";
import type { Report } from "../../src/model/contract.ts";
import type { SiteFile } from "../../src/render.ts";

/** The tags of the narrative components that place a figure. */
export const FIGURE_TAGS = ["Metric", "Milestone", "Roi"] as const;

/** The virtual module templates import: `{ "acme/summary": () => import("/abs/content/acme/summary.mdx") }`. */
export const CONTENT_MODULE = "virtual:milepost/content";

/**
 * Adds `source="<file>:<line>"` to each figure tag of an MDX text, outside fenced code.
 * e.g. `<Metric id="m1" />` on line 7 → `<Metric source="content/acme/summary.mdx:7" id="m1" />`
 */
export function stampSources(text: string, file: string): string {
  const tag = new RegExp(`<(${FIGURE_TAGS.join("|")})(?=[\\s/>]|$)`, "g");
  let fence: string | null = null;
  return text
    .split("\n")
    .map((line, i) => {
      const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) {
        fence = fence === null ? marker : null;
        return line;
      }
      if (fence !== null) return line;
      return line.replace(tag, (_, name: string) => `<${name} source=${JSON.stringify(`${file}:${i + 1}`)}`);
    })
    .join("\n");
}

/** A file as an error names it: relative to `cwd` when inside it, else absolute. e.g. "content/acme/summary.mdx" */
function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

/** A Vite plugin: serves CONTENT_MODULE from the site file (MILEPOST_SITE) and stamps sources on .mdx files. */
export function narrativePlugin(cwd = process.cwd()) {
  const resolved = `\0${CONTENT_MODULE}`;
  return {
    name: "milepost:narrative",
    enforce: "pre" as const,
    resolveId(id: string) {
      return id === CONTENT_MODULE ? resolved : undefined;
    },
    load(id: string) {
      if (id === resolved) {
        const file = process.env.MILEPOST_SITE;
        const site: SiteFile = file ? JSON.parse(readFileSync(file, "utf8")) : { customers: [] };
        const entries = site.customers.flatMap((c) =>
          Object.entries(c.content).map(
            ([name, path]) => `  ${JSON.stringify(`${c.slug}/${name}`)}: () => import(${JSON.stringify(path)}),`,
          ),
        );
        return `export default {\n${entries.join("\n")}\n};\n`;
      }
      const path = id.split("?")[0];
      if (path.endsWith(".mdx")) return stampSources(readFileSync(path, "utf8"), shown(path, cwd));
      return undefined;
    },
  };
}

/** What `<Metric show>` can place; `<Milestone show>`; `<Roi show>` with the figure each places. */
export const METRIC_SHOW = ["change", "current", "baseline", "target", "progress", "value", "name"];
export const MILESTONE_SHOW = ["status", "name", "date"];
export const ROI_FIGURES: Record<string, { path: string; format: "money" | "percent" | "date" }> = {
  value: { path: "roi.valueToDate", format: "money" },
  cost: { path: "roi.costToDate", format: "money" },
  roi: { path: "roi.roi", format: "percent" },
  payback: { path: "roi.paybackDate", format: "date" },
  runRate: { path: "roi.runRate", format: "money" },
};

/** A figure tag that names nothing: the tag as written, what is wrong, what to write instead. */
export interface FigureProblem {
  written: string;
  problem: string;
  fix: string;
}

/**
 * Checks a figure tag's attributes against the customer's report: null when it names a figure.
 * e.g. `<Metric id="m9" />` → {written: '<Metric id="m9" />', problem: "names no metric of Acme Analytics", fix: "write one of: m1, m2, m3"}
 */
export function figureProblem(
  tag: (typeof FIGURE_TAGS)[number],
  attrs: { id?: string; show?: string },
  report: Pick<Report, "customer" | "metrics" | "milestones">,
): FigureProblem | null {
  const { id, show } = attrs;
  if (tag === "Roi")
    return show === undefined || show in ROI_FIGURES
      ? null
      : named(`<Roi show="${show}" />`, show, "show", "figure of the return", Object.keys(ROI_FIGURES));
  const items: { id: string; monetized?: boolean }[] = tag === "Metric" ? report.metrics : report.milestones;
  const item = items.find((m) => m.id === id);
  if (!item)
    return named(
      id === undefined ? `<${tag} />` : `<${tag} id="${id}" />`,
      id,
      "id",
      `${tag === "Metric" ? "metric" : "milestone"} of ${report.customer.name}`,
      items.map((m) => m.id),
    );
  const shows = tag === "Metric" ? METRIC_SHOW : MILESTONE_SHOW;
  const written = `<${tag} id="${id}" show="${show}" />`;
  if (show !== undefined && !shows.includes(show))
    return named(written, show, "show", `figure of a ${tag === "Metric" ? "metric" : "milestone"}`, shows);
  if (tag === "Metric" && show === "value" && !item.monetized)
    return named(
      written,
      show,
      "show",
      `money figure: ${item.id} is not monetized`,
      shows.filter((s) => s !== "value"),
    );
  return null;
}

function named(
  written: string,
  value: unknown,
  attribute: string,
  what: string,
  choices: readonly string[],
): FigureProblem {
  return {
    written,
    problem: value === undefined ? `needs ${attribute}="…"` : `names no ${what}`,
    fix: choices.length ? `write one of: ${choices.join(", ")}` : "there is none to name",
  };
}

/**
 * The error a figure tag throws while rendering (the build checks narrative before, so this is
 * a last guard). e.g. `content/acme/summary.mdx:7: <Metric id="m9" /> names no metric of Acme Analytics — write one of: m1, m2, m3`
 */
export function narrativeError(source: string | undefined, { written, problem, fix }: FigureProblem): Error {
  const error = new Error(`${source ?? "content"}: ${written} ${problem} — ${fix}`);
  error.name = "NarrativeError";
  return error;
}

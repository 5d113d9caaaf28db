// The figure tags of narrative MDX (<Metric>, <Milestone>, <Roi>): what each may name and place, the problem a tag
// that names nothing gets, and the source location stamped on each tag so that problem names "content/acme/summary.mdx:7".
// Read by the narrative check (src/narrative.ts), the MDX plugin (src/content-plugin.ts) and the tags' components.
import type { Report } from "./model/contract.ts";

/** The tags of the narrative components that place a figure. */
export const FIGURE_TAGS = ["Metric", "Milestone", "Roi"] as const;

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

// How a figure of report.json is written on a QBR page, and where a metric or milestone sits in it. Every figure is
// placed by components/Fig.astro with its path in report.json (e.g. "metrics.0.current"), so the tests can read each
// page back and compare.
import type { PlainLabel, Translate } from "../i18n/index.ts";
import type { MetricFigures, MilestoneFigures, Report } from "../../src/model/contract.ts";
import type { Format } from "./format.ts";

/** How a figure is written. "month": a date as month and year; "value": a measured value with its unit; "change": a change vs baseline in words; "label": a label key `${prefix}.${value}`. */
export type FigureFormat =
  | "int"
  | "decimal"
  | "decimal2"
  | "decimal4"
  | "money"
  | "moneyExact"
  | "percent"
  | "date"
  | "month"
  | "value"
  | "change"
  | "metricChange"
  | "label";

/** Extra inputs of some formats: the unit of "value", the label prefix of "label" (e.g. "status"). */
export interface FigureOptions {
  unit?: string;
  label?: string;
}

/** What "metricChange" reads of a metric (its path is the metric itself, e.g. "metrics.2"). */
export interface ChangeFigures {
  change: number | null;
  changePoints: number | null;
  factor: number | null;
}

/**
 * A report.json value as the page writes it. e.g. ("change", −0.8667) → "down 87%"; ("label", "achieved", {label: "status"}) → "Achieved";
 * ("metricChange", a metric) → "up 9.1 pp" for a % metric, "×5.5" when the value has at least doubled, else as "change".
 */
export function formatFigure(
  f: Format,
  t: Translate,
  format: FigureFormat,
  value: number | string | null | ChangeFigures,
  options: FigureOptions = {},
): string {
  if (format === "metricChange") {
    const m = value as ChangeFigures;
    if (m.changePoints !== null)
      return m.changePoints === 0
        ? t("change.none")
        : t(m.changePoints < 0 ? "change.pointsDown" : "change.pointsUp", {
            pts: f.number(Math.abs(m.changePoints), 1),
          });
    if (m.factor !== null) return t("change.factor", { factor: f.number(m.factor, 1) });
    return formatFigure(f, t, "change", m.change);
  }
  if (format === "date") return f.date(value as string | null);
  if (format === "month") return f.shortDate(value as string | null);
  if (format === "label") return value === null ? "—" : t(`${options.label}.${value}` as PlainLabel);
  const n = value as number | null;
  switch (format) {
    case "int":
      return f.number(n, 0);
    case "decimal":
      return f.number(n, 1);
    case "decimal2":
      return f.number(n, 2);
    case "decimal4":
      return f.number(n, 4);
    case "money":
      return f.money(n);
    case "moneyExact":
      return f.moneyExact(n);
    case "percent":
      return f.percent(n);
    case "value":
      return f.value(n, options.unit ?? "");
    case "change":
      return n === null || n === 0 ? t("change.none") : t(n < 0 ? "change.down" : "change.up", { pct: f.magnitude(n) });
  }
}

/** The value at a dotted path of report.json, array items by index. e.g. ("roi.costs.1.toDate") → 11958.93 */
export function figureAt(report: unknown, path: string): unknown {
  let at: unknown = report;
  for (const key of path.split(".")) {
    if (at === null || typeof at !== "object" || !(key in at)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** Lookups by id over one report's metrics and milestones; an index is -1 for an id the report does not hold. */
export interface Lookup {
  metricAt(id: string): number;
  milestoneAt(id: string): number;
  /** The metric `id`, which the report holds (the model names only its own metrics). */
  metric(id: string): MetricFigures;
  /** The milestone `id`, which the report holds. */
  milestone(id: string): MilestoneFigures;
}

const built = new WeakMap<object, Lookup>();

/** A metric or milestone of `report` by id: its index, which a figure's path names (e.g. "milestones.3.achievedOn"), or its figures; built once per report. */
export function lookup(report: Pick<Report, "metrics" | "milestones">): Lookup {
  let found = built.get(report);
  if (!found) {
    const metricAt = indexer(report.metrics);
    const milestoneAt = indexer(report.milestones);
    found = {
      metricAt,
      milestoneAt,
      metric: (id) => report.metrics[metricAt(id)],
      milestone: (id) => report.milestones[milestoneAt(id)],
    };
    built.set(report, found);
  }
  return found;
}

/** The index of the first item with an id, or -1. */
function indexer(items: readonly { id: string }[]): (id: string) => number {
  const at = new Map<string, number>();
  items.forEach((item, i) => {
    if (!at.has(item.id)) at.set(item.id, i);
  });
  return (id) => at.get(id) ?? -1;
}

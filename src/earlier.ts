// Earlier periods' report.json in a customer's folder (issue 23, "Since the last QBR"): a build of a new period
// keeps the folder's report.json of another period as report-<period>.json beside its own (never published:
// src/share/files.ts leaves JSON out), and the next build reads the latest earlier one back.
import { link, copyFile, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { EarlierReport } from "./model/since.ts";
import { fileLabel } from "./periods.ts";

/** An earlier period's report kept in a customer's folder: report-2026-Q2.json (or report-2026-05-15.json). */
const KEPT = /^report-(\d{4}-(?:Q[1-4]|\d{2}-\d{2}))\.json$/;

/** The file names of the earlier reports in a folder's listing. */
export function keptReports(names: readonly string[]): string[] {
  return names.filter((n) => KEPT.test(n)).sort();
}

/**
 * The latest report among `folder`'s report.json and its kept reports whose quarter is before `period`; null when
 * there is none, or no period is built. A file that cannot be read as a report is passed over.
 */
export async function earlierReport(folder: string, period: string | null): Promise<EarlierReport | null> {
  if (period === null) return null;
  const names = await readdir(folder).catch(() => [] as string[]);
  let best: EarlierReport | null = null;
  for (const name of ["report.json", ...keptReports(names)]) {
    if (!names.includes(name)) continue;
    const report = (await readJson(join(folder, name))) as EarlierReport | null;
    if (!report || typeof report.asOf !== "string" || report.period === null || !(report.period < period)) continue;
    if (!Array.isArray(report.metrics) || !report.brief) continue;
    if (best === null || report.asOf > best.asOf) best = report;
  }
  return best;
}

/**
 * Links (or copies) into `incoming` the reports of other periods `target` holds: its kept ones, and its report.json
 * as report-<its label>.json when that label is not `label`, the period being built.
 */
export async function keepEarlierReports(target: string, incoming: string, label: string): Promise<void> {
  const names = await readdir(target).catch(() => [] as string[]);
  const present = new Set(await readdir(incoming));
  const keep = async (from: string, to: string) => {
    if (present.has(to)) return;
    await link(join(target, from), join(incoming, to)).catch(() => copyFile(join(target, from), join(incoming, to)));
    present.add(to);
  };
  const own = await ownLabel(target, names);
  if (own !== null && own !== label) await keep("report.json", `report-${own}.json`);
  for (const name of keptReports(names)) if (name !== `report-${label}.json`) await keep(name, name);
}

/** The label (period, or date) of a folder's report.json; null without a readable one. */
async function ownLabel(folder: string, names: readonly string[]): Promise<string | null> {
  if (!names.includes("report.json")) return null;
  const own = (await readJson(join(folder, "report.json"))) as { asOf?: unknown; period?: unknown } | null;
  if (!own || typeof own.asOf !== "string" || !(typeof own.period === "string" || own.period === null)) return null;
  return fileLabel(own.asOf, own.period);
}

/** The kept reports a build of `label` into `folder` will hold (its kept ones, its report.json if of another period): part of its input key. */
export async function reportsKeptFor(folder: string, names: readonly string[], label: string): Promise<string[]> {
  const own = await ownLabel(folder, names);
  const kept = new Set(keptReports(names).filter((n) => n !== `report-${label}.json`));
  if (own !== null && own !== label) kept.add(`report-${own}.json`);
  return [...kept].sort();
}

/** A JSON file's value; null when it cannot be read or is not JSON. */
async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, "utf8"));
  } catch {
    return null;
  }
}

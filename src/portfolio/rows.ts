// The book of business (dist/portfolio/): one row per customer of manifest.json, each figure read from the
// customer's report.json and its judgement ledger (src/model/verdicts.ts) — none computed again. Pure.
import type { CopyReport, Verdict } from "../model/contract.ts";
import type { ManifestEntry } from "../publish.ts";

/** One customer of the book: the figures of its report.json, or only its name and status when its build failed. */
export interface PortfolioRow {
  slug: string;
  name: string;
  /** The customer-success manager of customer.json's `csm`; null when not given. */
  csm: string | null;
  /** manifest.json's status: built, stale (the last build failed; earlier output kept), failed (no output). */
  status: ManifestEntry["status"];
  currency: string | null;
  /** The ledger's `health` verdict. */
  health: "green" | "yellow" | "red" | null;
  /** healthTrend.direction; null without earlier quarters. */
  trend: "better" | "worse" | "unchanged" | null;
  /** roi.valueToDate and roi.verifiedValueToDate, in the customer's currency. */
  valueClaimed: number | null;
  valueVerified: number | null;
  /** roi.roi (null when cost is 0). */
  roi: number | null;
  /** The ledger's `payback` verdict, and the date it names (verified, else claimed payback date). */
  payback: "verified" | "claimed" | "not_yet" | null;
  paybackDate: string | null;
  /** contract.renewalDate and contract.daysToRenewal; null without a contract. */
  renewalDate: string | null;
  daysToRenewal: number | null;
  /** contract.utilization (seats used ÷ seats), with seatsUsed and seats. */
  seatUse: number | null;
  seatsUsed: number | null;
  seats: number | null;
  /** Page one's decisions (the ledger's `decision:*`), and the earliest of their `decide-by:*` dates. */
  decisions: number | null;
  decideBy: string | null;
  /** The ledger's `action:*` verdicts that are `missed` (past due, not done); null without an actions table. */
  overdueActions: number | null;
  /** The as-of date of the output in the customer's folder (manifest.json). */
  asOf: string | null;
  /** The latest measurement of any metric (its currentDate), and how many metrics are stale (metric-stale). */
  latestData: string | null;
  staleMetrics: number | null;
  /** report.json's warnings. */
  warnings: number | null;
}

/** What the book reads of a report.json. */
export type PortfolioReport = Pick<
  CopyReport,
  "customer" | "asOf" | "roi" | "contract" | "healthTrend" | "metrics" | "warnings" | "verdicts" | "actions"
>;

const verdictOf = (verdicts: readonly Verdict[], item: string) => verdicts.find((v) => v.item === item)?.verdict;
const ofKind = (verdicts: readonly Verdict[], kind: string) => verdicts.filter((v) => v.item.startsWith(`${kind}:`));
const latest = (dates: (string | null)[]) =>
  dates.reduce<string | null>((a, d) => (d !== null && (a === null || d > a) ? d : a), null);
const earliest = (dates: string[]) => dates.reduce<string | null>((a, d) => (a === null || d < a ? d : a), null);

/** A customer's row: its manifest entry, and its report.json when its folder holds one. */
export function portfolioRow(entry: ManifestEntry, report: PortfolioReport | null): PortfolioRow {
  const empty: PortfolioRow = {
    slug: entry.slug,
    name: entry.name ?? entry.slug,
    csm: null,
    status: entry.status,
    currency: null,
    health: null,
    trend: null,
    valueClaimed: null,
    valueVerified: null,
    roi: null,
    payback: null,
    paybackDate: null,
    renewalDate: null,
    daysToRenewal: null,
    seatUse: null,
    seatsUsed: null,
    seats: null,
    decisions: null,
    decideBy: null,
    overdueActions: null,
    asOf: entry.asOf,
    latestData: null,
    staleMetrics: null,
    warnings: null,
  };
  if (!report) return empty;
  const { verdicts, roi, contract } = report;
  const payback = (verdictOf(verdicts, "payback") ?? null) as PortfolioRow["payback"];
  return {
    ...empty,
    name: report.customer.name,
    csm: report.customer.csm ?? null,
    currency: report.customer.currency,
    health: (verdictOf(verdicts, "health") ?? null) as PortfolioRow["health"],
    trend: report.healthTrend?.direction ?? null,
    valueClaimed: roi.valueToDate,
    valueVerified: roi.verifiedValueToDate,
    roi: roi.roi,
    payback,
    paybackDate: payback === "verified" ? roi.verifiedPaybackDate : payback === "claimed" ? roi.paybackDate : null,
    renewalDate: contract?.renewalDate ?? null,
    daysToRenewal: contract?.daysToRenewal ?? null,
    seatUse: contract?.utilization ?? null,
    seatsUsed: contract?.seatsUsed ?? null,
    seats: contract?.seats ?? null,
    decisions: ofKind(verdicts, "decision").length,
    decideBy: earliest(ofKind(verdicts, "decide-by").map((v) => v.verdict)),
    overdueActions: report.actions ? ofKind(verdicts, "action").filter((v) => v.verdict === "missed").length : null,
    asOf: report.asOf,
    latestData: latest(report.metrics.map((m) => m.currentDate)),
    staleMetrics: report.metrics.filter((m) => m.stale).length,
    warnings: report.warnings.length,
  };
}

/** The columns of portfolio.csv, in order: a row's field for each. */
export const CSV_COLUMNS = [
  "slug",
  "name",
  "csm",
  "status",
  "health",
  "trend",
  "currency",
  "valueClaimed",
  "valueVerified",
  "roi",
  "payback",
  "paybackDate",
  "renewalDate",
  "daysToRenewal",
  "seatUse",
  "seatsUsed",
  "seats",
  "decisions",
  "decideBy",
  "overdueActions",
  "asOf",
  "latestData",
  "staleMetrics",
  "warnings",
] as const satisfies readonly (keyof PortfolioRow)[];

/** A CSV field: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is kept from spreadsheets' formulas. */
function csvField(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** portfolio.csv: a header of CSV_COLUMNS and one line per row, numbers as report.json holds them (ROI 0.4 = 40 %). */
export function portfolioCsv(rows: readonly PortfolioRow[]): string {
  const lines = [CSV_COLUMNS.join(","), ...rows.map((r) => CSV_COLUMNS.map((c) => csvField(r[c])).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}

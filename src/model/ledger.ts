// One cost ledger from customer.json's costs and the financials table: what the QBR's cost to date, the ROI,
// the payback and the close-out's reconciliation all read (issue 8).
import type { Cost, Financial } from "../schema.ts";
import { daysBetween } from "./dates.ts";
import { CUSTOMER_SOURCE, ref } from "./provenance.ts";
import { costDays, costToDate, perDays } from "./value.ts";

/**
 * One cost of the ledger. `basis` says where its amount comes from:
 * "cost": customer.json alone (amount per `per`, prorated by day);
 * "actual": a cost whose financials row of the same item supersedes its amount: the row's `actual` spread over
 *   the cost's days (`spanDays`), or in full from `start` for a once-cost;
 * "financials": a financials row with no cost: a once-cost of `actual` on the row's `date`, else engagement.end.
 */
export interface LedgerEntry {
  item: string;
  /** The cost's amount per `per` (basis cost), else the actual. */
  amount: number;
  per: Cost["per"];
  start: string;
  end: string | null;
  basis: "cost" | "actual" | "financials";
  /** Days of the whole span of a recurring cost whose actual supersedes it (start to end); null otherwise. */
  spanDays: number | null;
  /** customer.json and/or the financials row. */
  sources: string[];
}

/** A cost and the financials row of the same item that disagree on the amount. */
export interface LedgerDisagreement {
  item: string;
  /** What customer.json's cost comes to over its span (a once-cost: its amount). */
  costTotal: number;
  /** The financials row's actual, which the ledger uses. */
  actual: number;
  sources: string[];
}

/** Half a cent: amounts closer than this agree. */
const CENT = 0.005;

/** The ledger: the costs with financials rows merged in, then the financials rows that match no cost; and where the two disagree. */
export function costLedger(
  costs: readonly Cost[],
  financials: readonly Financial[],
  engagement: { start: string; end?: string },
): { entries: LedgerEntry[]; disagreements: LedgerDisagreement[] } {
  const key = (item: string) => item.trim().toLowerCase();
  const rowOf = new Map(financials.map((f) => [key(f.item), f]));
  const used = new Set<Financial>();
  const disagreements: LedgerDisagreement[] = [];
  const entries = costs.map((cost): LedgerEntry => {
    const base: LedgerEntry = {
      item: cost.item,
      amount: cost.amount,
      per: cost.per,
      start: cost.start,
      end: cost.end ?? null,
      basis: "cost",
      spanDays: null,
      sources: [CUSTOMER_SOURCE],
    };
    const row = rowOf.get(key(cost.item));
    if (!row) return base;
    used.add(row);
    const end = cost.per === "once" ? cost.start : (cost.end ?? row.date ?? engagement.end);
    // An open-ended cost whose row says neither until when nor the engagement's end: the cost stands.
    if (end === undefined) return base;
    const spanDays = cost.per === "once" ? null : Math.max(0, daysBetween(cost.start, end));
    const costTotal = cost.per === "once" ? cost.amount : (cost.amount * spanDays!) / perDays(cost.per);
    const sources = [CUSTOMER_SOURCE, ref(row.src)];
    if (Math.abs(costTotal - row.actual) >= CENT)
      disagreements.push({ item: cost.item, costTotal, actual: row.actual, sources });
    return { ...base, amount: row.actual, end: cost.per === "once" ? null : end, basis: "actual", spanDays, sources };
  });
  for (const row of financials) {
    if (used.has(row)) continue;
    const start = row.date ?? engagement.end ?? engagement.start;
    entries.push({
      item: row.item,
      amount: row.actual,
      per: "once",
      start,
      end: null,
      basis: "financials",
      spanDays: null,
      sources: [ref(row.src)],
    });
  }
  return { entries, disagreements };
}

/** An entry's cost by `asOf`: a recurring cost prorated by day; an actual spread over its span by the days run. */
export function entryToDate(entry: LedgerEntry, asOf: string): number {
  if (entry.basis === "actual" && entry.spanDays !== null) {
    return entry.spanDays === 0
      ? entry.start <= asOf
        ? entry.amount
        : 0
      : (entry.amount * entryDays(entry, asOf)) / entry.spanDays;
  }
  return costToDate(asCost(entry), asOf);
}

/** Days a recurring entry has run by `asOf` (0 for a once-cost). */
export function entryDays(entry: LedgerEntry, asOf: string): number {
  return costDays(asCost(entry), asOf);
}

/** The entry as a cost of customer.json's shape, for the payback (an actual spread over its span: the same daily rate, per year). */
export function asCost(entry: LedgerEntry): Cost {
  if (entry.basis === "actual" && entry.spanDays !== null) {
    if (entry.spanDays === 0) return { item: entry.item, amount: entry.amount, per: "once", start: entry.start };
    return {
      item: entry.item,
      amount: (entry.amount * perDays("year")) / entry.spanDays,
      per: "year",
      start: entry.start,
      end: entry.end ?? undefined,
    };
  }
  return { item: entry.item, amount: entry.amount, per: entry.per, start: entry.start, end: entry.end ?? undefined };
}

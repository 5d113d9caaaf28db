// The payback chart's figures (issue 23): cumulative value — claimed and verified — against cumulative cost, day by
// day from the first cost or measurement to the report date, sampled at each month's end (docs/value-model.md,
// "The payback curve"). The same sums as the ROI and the payback dates: the curves cross on those dates.
import type { Measurement } from "../schema.ts";
import { fromDay, toDay } from "./dates.ts";
import { entryToDate, type LedgerEntry } from "./ledger.ts";
import { seriesOf } from "./metrics.ts";
import { money } from "./round.ts";
import { valueToDate, type MonetizedMetric } from "./value.ts";

/** One day of the curve: cumulative value claimed, verified, and cumulative cost, to that day. */
export interface PaybackPoint {
  date: string;
  value: number;
  verified: number;
  cost: number;
}

/** The payback chart: its points (first day, each month's last day, the payback dates, the report date) and the dates it marks. */
export interface PaybackCurve {
  points: PaybackPoint[];
  /** roi.paybackDate: the value claimed reached the cost; null when it has not. */
  paybackDate: string | null;
  /** roi.verifiedPaybackDate: the verified value alone reached the cost; null when it has not. */
  verifiedPaybackDate: string | null;
  /** The projected break-even (brief.breakEven) when neither has paid back; null otherwise. */
  breakEven: string | null;
}

/** What the curve reads: the monetized metrics (those verified), their rows, the cost ledger, the payback dates. */
export interface PaybackInput {
  metrics: readonly MonetizedMetric[];
  /** Ids of the monetized metrics whose value is verified (roi.unverifiedMetrics left out). */
  verified: readonly string[];
  rowsOf: (metric: MonetizedMetric) => readonly Measurement[];
  ledger: readonly LedgerEntry[];
  paybackDate: string | null;
  verifiedPaybackDate: string | null;
  breakEven: string | null;
}

/** The days a curve is sampled on: `from`, each month's last day after it, `extra` days, and `to`; sorted, once each. */
export function sampleDays(from: string, to: string, extra: readonly (string | null)[] = []): string[] {
  const days = new Set<string>([from, to]);
  for (let day = toDay(from); day < toDay(to); day++) {
    const iso = fromDay(day);
    if (fromDay(day + 1).endsWith("-01")) days.add(iso);
  }
  for (const e of extra) if (e !== null && e >= from && e <= to) days.add(e);
  return [...days].sort();
}

/**
 * The curve as of `asOf`; null without a monetized metric or a cost. Claimed value counts each metric's last
 * level held up to the day (as valueToDate does); verified value stops at each verified metric's last measurement
 * on or before `asOf` (projected value is never verified).
 */
export function paybackCurve(input: PaybackInput, asOf: string): PaybackCurve | null {
  const { metrics, ledger } = input;
  const starts = [
    ...ledger.map((e) => e.start),
    ...metrics.flatMap((m) => seriesOf(m, input.rowsOf(m), asOf).map((r) => r.date)),
  ].filter((d) => d <= asOf);
  if (metrics.length === 0 || ledger.length === 0 || starts.length === 0) return null;
  const from = starts.toSorted()[0];
  const lastMeasured = new Map(metrics.map((m) => [m.id, seriesOf(m, input.rowsOf(m), asOf).at(-1)?.date ?? null]));
  const days = sampleDays(from, asOf, [input.paybackDate, input.verifiedPaybackDate]);
  const points = days.map((date) => {
    let value = 0;
    let verified = 0;
    for (const m of metrics) {
      const rows = input.rowsOf(m);
      value += valueToDate(m, rows, date);
      if (!input.verified.includes(m.id)) continue;
      const last = lastMeasured.get(m.id);
      if (last !== null && last !== undefined) verified += valueToDate(m, rows, last < date ? last : date);
    }
    const cost = ledger.reduce((s, e) => s + entryToDate(e, date), 0);
    return { date, value: money(value), verified: money(verified), cost: money(cost) };
  });
  return {
    points,
    paybackDate: input.paybackDate,
    verifiedPaybackDate: input.verifiedPaybackDate,
    breakEven: input.paybackDate === null ? input.breakEven : null,
  };
}

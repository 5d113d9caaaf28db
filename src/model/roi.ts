// report.json's roi and roiCalculation: value realized against the cost ledger as of a date, rounded here and
// nowhere else (docs/value-model.md, "ROI and payback").
import type { Measurement, Metric } from "../schema.ts";
import { costStep, valueStep, type RoiCalculation } from "./calculation.ts";
import type { RoiFigures } from "./contract.ts";
import { asCost, entryToDate, type LedgerEntry } from "./ledger.ts";
import type { AssessedMetric } from "./metric-figures.ts";
import { seriesOf } from "./metrics.ts";
import type { Assessed } from "./milestones.ts";
import { CUSTOMER_SOURCE } from "./provenance.ts";
import { fraction, money, orNull } from "./round.ts";
import { isMonetized, paybackDate, roi } from "./value.ts";

/** What the ROI reads: every metric assessed (as of the same date), every milestone assessed, the cost ledger and each metric's rows. */
export interface RoiInput {
  metrics: readonly AssessedMetric[];
  milestones: readonly Assessed[];
  ledger: readonly LedgerEntry[];
  rowsOf: (metric: Metric) => readonly Measurement[];
}

/** The ROI figures and how they come about, as of `asOf`. */
export function roiFigures(
  { metrics, milestones, ledger, rowsOf }: RoiInput,
  asOf: string,
): { roi: RoiFigures; roiCalculation: RoiCalculation } {
  const monetized = metrics.map((a) => a.metric).filter(isMonetized);
  const value = metrics.reduce((s, a) => s + (a.value ?? 0), 0);
  const costs = ledger.map((e) => ({ entry: e, toDate: entryToDate(e, asOf) }));
  const cost = costs.reduce((s, c) => s + c.toDate, 0);
  const unverifiedMetrics = monetized
    .filter((m) => !valueVerified(m, milestones, seriesOf(m, rowsOf(m), asOf)))
    .map((m) => m.id);
  const verified = monetized.filter((m) => !unverifiedMetrics.includes(m.id));
  const projected = metrics.reduce((s, a) => s + (a.projected ?? 0), 0);
  const verifiedValue = metrics.reduce(
    (s, a) => s + (unverifiedMetrics.includes(a.metric.id) ? 0 : (a.value ?? 0) - (a.projected ?? 0)),
    0,
  );
  const froms = metrics.flatMap((a) => (a.figures.projectedFrom !== null ? [a.figures.projectedFrom] : [])).sort();
  return {
    roi: {
      valueToDate: money(value),
      costToDate: money(cost),
      roi: orNull(roi(value, cost), fraction),
      projectedValueToDate: money(projected),
      projectedFrom: froms[0] ?? null,
      verifiedValueToDate: money(verifiedValue),
      verifiedRoi: orNull(roi(verifiedValue, cost), fraction),
      unverifiedMetrics,
      paybackDate: paybackDate(monetized, rowsOfAll(monetized, rowsOf), ledger.map(asCost), asOf),
      verifiedPaybackDate: paybackDate(verified, rowsOfAll(verified, rowsOf), ledger.map(asCost), asOf, {
        measuredOnly: true,
      }),
      runRate: money(metrics.reduce((s, a) => s + (a.runRate ?? 0), 0)),
      metrics: monetized.map((m) => m.id),
      costs: costs.map(({ entry: e, toDate }) => ({
        item: e.item,
        amount: e.amount,
        per: e.per,
        start: e.start,
        end: e.end,
        basis: e.basis,
        toDate: money(toDate),
        sources: e.sources,
      })),
      // A metric's sources are its row and its series as of asOf: the same references its figures give.
      sources: [CUSTOMER_SOURCE, ...metrics.flatMap((a) => (isMonetized(a.metric) ? a.figures.sources : []))],
    },
    roiCalculation: {
      metrics: monetized.map((m) => valueStep(m, rowsOf(m), asOf)),
      costs: ledger.map((e) => costStep(e, asOf)),
      net: money(value - cost),
    },
  };
}

/** The rows of `metrics`: one metric's own list as it is (its series is then sorted once), several joined. */
function rowsOfAll(metrics: readonly Metric[], rowsOf: RoiInput["rowsOf"]): readonly Measurement[] {
  return metrics.length === 1 ? rowsOf(metrics[0]) : metrics.flatMap(rowsOf);
}

/**
 * Whether a monetized metric's value counts as verified: every achieved milestone on it has evidence; a metric
 * with no milestone needs measurements that each name their source.
 */
function valueVerified(metric: Metric, assessed: readonly Assessed[], series: readonly Measurement[]): boolean {
  const mine = assessed.filter((a) => a.milestone.metric_id === metric.id);
  if (mine.length > 0) return mine.every((a) => !a.assessment.unverified);
  return series.length > 0 && series.every((m) => (m.source ?? "").trim() !== "");
}

// report.json's warnings: what the build should tell the team about the data (not errors); structured here,
// worded in src/issues.ts.
import type { CustomerData } from "../schema.ts";
import type { MetricFigures, ReportWarning } from "./contract.ts";
import type { Csat } from "./csat.ts";
import { daysBetween } from "./dates.ts";
import type { LedgerDisagreement } from "./ledger.ts";
import type { Assessed } from "./milestones.ts";
import { CUSTOMER_SOURCE, ref } from "./provenance.ts";
import { money } from "./round.ts";

/** The warnings about stale metrics, cost ledger disagreements, contradicted or unverified milestones and a late survey. */
export function warnings(
  data: CustomerData,
  assessed: readonly Assessed[],
  csat: Csat | null,
  asOf: string,
  disagreements: readonly LedgerDisagreement[],
  metrics: readonly MetricFigures[],
): ReportWarning[] {
  const out: ReportWarning[] = [];
  for (const m of metrics) {
    if (m.stale)
      out.push({
        code: "metric-stale",
        metricId: m.id,
        field: "date",
        value: m.currentDate,
        days: daysBetween(m.currentDate, asOf),
        source: m.sources.at(-1)!,
      });
  }
  for (const d of disagreements) {
    out.push({
      code: "cost-ledger-disagrees",
      field: "actual",
      item: d.item,
      costTotal: money(d.costTotal),
      actual: d.actual,
      sources: d.sources,
      source: d.sources[1],
    });
  }
  for (const { milestone: m, assessment: a } of assessed) {
    if (a.contradicted && a.stated !== null) {
      out.push({
        code: "milestone-status-contradicted",
        milestoneId: m.id,
        field: "status",
        value: a.stated,
        status: a.status,
        source: ref(m.src),
      });
    }
    if (a.unverified)
      out.push({ code: "milestone-unverified", milestoneId: m.id, field: "evidence", source: ref(m.src) });
  }
  const end = data.customer.engagement.end;
  if (csat?.late && end !== undefined) {
    // Judged on the day the survey was sent when that is known, else on the first response.
    const value = csat.sentDate ?? csat.firstDate;
    out.push({
      code: "csat-late",
      field: "date",
      value,
      sent: csat.sentDate !== null,
      engagementEnd: end,
      days: daysBetween(end, value ?? asOf),
      source: csat.sources[0] ?? CUSTOMER_SOURCE,
    });
  }
  return out;
}

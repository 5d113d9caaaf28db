// Assembles every figure of one customer as of one date into report.json (its shape: src/model/contract.ts,
// docs/report-json.md). Pure: same data + same as-of ⇒ deep-equal report. Each section's module rounds its own figures.
import type { CustomerData, Measurement, Metric } from "../schema.ts";
import { accountFigures } from "./account-report.ts";
import { closingAgenda } from "./agenda.ts";
import { audienceViews } from "./audiences.ts";
import { celebrations } from "./celebrate.ts";
import { closeout, roundCloseout } from "./closeout.ts";
import { closeoutBrief } from "./closeout-brief.ts";
import type { Report } from "./contract.ts";
import { roundCsat, summarizeCsat } from "./csat.ts";
import { voiceOf } from "./voice.ts";
import { parsePeriod, toDay } from "./dates.ts";
import { reconcile, roundFinancials } from "./financials.ts";
import { summarizeHandoff } from "./handoff.ts";
import { impact } from "./impact.ts";
import { kickoffPlan } from "./kickoff.ts";
import { costLedger } from "./ledger.ts";
import { assessMetric, dueDateOf } from "./metric-figures.ts";
import { assessMilestone, health, milestoneFigures, nextMilestone, type Assessed } from "./milestones.ts";
import { monthly } from "./monthly.ts";
import { groupByHorizon, triageAll } from "./opportunities.ts";
import { goalOutcomes, roundOutcomes } from "./outcomes.ts";
import { paybackCurve } from "./payback.ts";
import { qbr } from "./qbr.ts";
import { roiFigures } from "./roi.ts";
import { sinceLastQbr, type EarlierReport } from "./since.ts";
import { headline } from "./summary.ts";
import { isMonetized } from "./value.ts";
import { verdictLedger } from "./verdicts.ts";
import { warnings } from "./warnings.ts";

/** What buildReport needs besides the data. */
export interface ReportOptions {
  /** The date every figure is computed as of. e.g. "2026-09-30" */
  asOf: string;
  /** The QBR quarter, e.g. "2026-Q3"; null: no QBR section. */
  period: string | null;
  /** The latest earlier period's report.json kept in the customer's folder (src/earlier.ts); absent or null: none. */
  earlier?: EarlierReport | null;
}

/** Every figure of `data` as of `opts.asOf`; throws a RangeError when asOf or period is malformed. */
export function buildReport(data: CustomerData, opts: ReportOptions): Report {
  const { asOf } = opts;
  toDay(asOf);
  const period = opts.period === null ? null : parsePeriod(opts.period);
  if (opts.period !== null && period === null)
    throw new RangeError(`not a quarter (YYYY-Qn): ${JSON.stringify(opts.period)}`);
  const { customer } = data;

  const byMetric = groupMeasurements(data.measurements);
  const rowsOf = (metric: Metric) => byMetric.get(metric.id) ?? [];
  const metricById = new Map(data.metrics.map((m) => [m.id, m]));

  const assessed: Assessed[] = data.milestones.map((milestone) => {
    const metric = milestone.metric_id !== undefined ? (metricById.get(milestone.metric_id) ?? null) : null;
    return { milestone, assessment: assessMilestone(milestone, metric, metric ? rowsOf(metric) : [], asOf) };
  });
  const assessedMetrics = data.metrics.map((metric) => assessMetric(metric, rowsOf(metric), asOf, dueDateOf(metric)));
  const metrics = assessedMetrics.map((a) => a.figures);

  const ledger = costLedger(customer.costs, data.financials, customer.engagement);
  const roi = roiFigures({ metrics: assessedMetrics, milestones: assessed, ledger: ledger.entries, rowsOf }, asOf);

  const currentOf = new Map(metrics.map((m) => [m.id, m.current]));
  const milestones = assessed.map((a) =>
    milestoneFigures(
      a,
      a.milestone.metric_id !== undefined ? (metricById.get(a.milestone.metric_id) ?? null) : null,
      currentOf,
    ),
  );
  const goals = customer.goals.map((g) => ({
    id: g.id,
    statement: g.statement,
    level: g.level,
    metrics: g.metrics.filter((id) => metricById.has(id)),
  }));

  const opportunities = triageAll(data.opportunities);
  const opportunityGroups = groupByHorizon(opportunities);
  const closeoutInput = {
    engagement: customer.engagement,
    closeout: data.closeout,
    closeoutPresent: data.present.includes("closeout"),
    deliverables: data.deliverables,
    deliverablesPresent: data.present.includes("deliverables"),
    evidence: {
      responses: data.csat.map((r) => r.date),
      retrospective: data.present.includes("retrospective") && data.retrospective.length > 0,
      financials: data.present.includes("financials")
        ? data.financials.flatMap((f) => (f.date !== undefined ? [f.date] : []))
        : null,
    },
  };
  const closeoutNow = closeout(closeoutInput, asOf);
  const closeoutFigures = roundCloseout(closeoutNow);
  // The survey's timing is judged on the day it was sent: the done date of the item that stands for it.
  const surveySent = (c: ReturnType<typeof closeout>) =>
    c?.items.find((i) => i.standsFor === "satisfaction_survey" && i.doneBy === "done_date")?.doneDate ?? null;
  const csat = data.present.includes("csat")
    ? roundCsat(summarizeCsat(data.csat, customer.engagement.end, asOf, surveySent(closeoutNow)))
    : null;
  const end = customer.engagement.end;
  const outcomesInput = {
    goals: customer.goals,
    metrics: data.metrics,
    measurements: data.measurements,
    milestones: data.milestones,
  };
  const outcomes = end === undefined ? null : roundOutcomes(goalOutcomes(outcomesInput, asOf));
  // The closing meeting is held on engagement.end: its agenda reads the data as of that day, never later.
  const meeting = end === undefined ? null : end < asOf ? end : asOf;
  const agendaCloseout = meeting === null ? null : closeout(closeoutInput, meeting);

  const core = {
    schemaVersion: 1 as const,
    customer: {
      slug: data.slug,
      name: customer.name,
      locale: customer.locale,
      currency: customer.currency,
      csm: customer.csm?.name ?? null,
    },
    engagement: {
      name: customer.engagement.name,
      start: customer.engagement.start,
      goLive: customer.engagement.goLive ?? null,
      end: customer.engagement.end ?? null,
      closeoutDays: customer.engagement.closeoutDays,
    },
    asOf,
    period: period?.id ?? null,
    quarterToDate: period !== null && asOf < period.end,
    health: health(
      assessed,
      asOf,
      assessedMetrics
        .filter((a) => a.forecast.dueDate <= asOf)
        .map((a) => ({ id: a.metric.id, met: a.forecast.status === "reached" })),
    ),
    nextMilestone: nextMilestone(assessed, asOf),
    metrics,
    milestones,
    headline: headline(metrics.map((m) => ({ id: m.id, measured: m.series.length > 0 }))),
    goals,
    ...roi,
    impact: impact(
      assessedMetrics.map((a) => ({
        id: a.metric.id,
        category: a.metric.category,
        value: a.value,
        runRate: a.runRate,
      })),
      milestones,
    ),
    audiences: audienceViews({ stakeholders: customer.stakeholders, goals, metrics, milestones }),
    qbr: period ? qbr(period, assessed, assessedMetrics, asOf) : null,
    kickoff: kickoffPlan({ customer, metrics: data.metrics, milestones }, asOf),
    csat,
    voice: voiceOf(data.csat, asOf),
    closeout: closeoutFigures,
    opportunities,
    opportunityGroups,
    financials: data.present.includes("financials") ? roundFinancials(reconcile(data.financials)) : null,
    goalOutcomes: outcomes,
    handoff: summarizeHandoff(data.handoff, data.training, data.present.includes("training")),
    closingAgenda:
      end !== undefined && meeting !== null && agendaCloseout
        ? closingAgenda({
            outcomes: goalOutcomes(outcomesInput, meeting),
            closeout: agendaCloseout,
            csat: data.present.includes("csat")
              ? summarizeCsat(data.csat, end, meeting, surveySent(agendaCloseout))
              : null,
            opportunities: opportunityGroups,
            handoff: data.handoff,
            engagementEnd: end,
            asOf: meeting,
            reportDate: asOf,
            stillOpen: closeoutNow ?? undefined,
          })
        : null,
    warnings: warnings(data, assessed, csat, asOf, ledger.disagreements, metrics),
  };
  const account = accountFigures(data, core, ledger.entries, asOf, period);
  const monetized = data.metrics.filter(isMonetized);
  const late = {
    paybackCurve: paybackCurve(
      {
        metrics: monetized,
        verified: monetized.map((m) => m.id).filter((id) => !core.roi.unverifiedMetrics.includes(id)),
        rowsOf,
        ledger: ledger.entries,
        paybackDate: core.roi.paybackDate,
        verifiedPaybackDate: core.roi.verifiedPaybackDate,
        breakEven: account.brief.breakEven,
      },
      asOf,
    ),
    closeoutBrief:
      end === undefined
        ? null
        : closeoutBrief({
            asOf,
            engagementEnd: end,
            closeout: closeoutFigures,
            goalOutcomes: outcomes,
            financials: core.financials,
            handoff: data.handoff,
            actions: account.actions?.actions ?? null,
            postClose: account.postClose,
            signoff: account.signoff,
          }),
    sinceLastQbr: sinceLastQbr(opts.earlier ?? null, {
      asOf,
      headline: core.headline,
      metrics,
      milestones,
      actions: account.actions?.actions ?? null,
    }),
  };
  const verdicts = verdictLedger({
    asOf,
    engagementEnd: end ?? null,
    health: core.health,
    metrics,
    milestones,
    roi: core.roi,
    goalOutcomes: outcomes,
    csat,
    closeout: closeoutFigures,
    actions: account.actions?.actions ?? null,
    decisions: account.brief.decisions,
    closeoutBrief: late.closeoutBrief,
    sinceLastQbr: late.sinceLastQbr,
  });
  const moments = { asOf, metrics, milestones, nextMilestone: core.nextMilestone };
  return {
    ...core,
    ...account,
    monthly: monthly({ ...moments, headline: core.headline, actions: account.actions }),
    celebrations: celebrations({ ...moments, period: core.period, roi: core.roi }),
    ...late,
    verdicts,
  };
}

function groupMeasurements(rows: readonly Measurement[]): Map<string, Measurement[]> {
  const byMetric = new Map<string, Measurement[]>();
  for (const row of rows) {
    const list = byMetric.get(row.metric_id);
    if (list) list.push(row);
    else byMetric.set(row.metric_id, [row]);
  }
  return byMetric;
}

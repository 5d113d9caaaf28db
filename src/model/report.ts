// Assembles every figure of one customer as of one date into report.json (docs/report-json.md). Pure: same data + same as-of ⇒ deep-equal report.
import type { CustomerData, Measurement, Metric, Milestone } from "../schema.ts";
import { accountFigures, type AccountFigures } from "./account-report.ts";
import { audienceViews, type AudienceView } from "./audiences.ts";
import { costStep, valueStep, type RoiCalculation } from "./calculation.ts";
import { closingAgenda, type ClosingAgenda } from "./agenda.ts";
import { closeout, type Closeout } from "./closeout.ts";
import { summarizeCsat, type Csat } from "./csat.ts";
import { daysBetween, parsePeriod, toDay } from "./dates.ts";
import { reconcile, type Financials } from "./financials.ts";
import {
  changeVsBaseline,
  current,
  forecast,
  progress,
  progressState,
  seriesOf,
  type ForecastStatus,
  type ProgressState,
} from "./metrics.ts";
import { asCost, costLedger, entryToDate, type LedgerDisagreement, type LedgerEntry } from "./ledger.ts";
import { assessMilestone, health, type Assessed, type Health, type MilestoneStatus } from "./milestones.ts";
import { summarizeHandoff, type HandoffSummary } from "./handoff.ts";
import { goalOutcomes, type GoalOutcomes } from "./outcomes.ts";
import { impact, type Impact } from "./impact.ts";
import { groupByHorizon, triageAll, type OpportunityGroups, type TriagedOpportunity } from "./opportunities.ts";
import { CUSTOMER_SOURCE, ref } from "./provenance.ts";
import { qbr, type Qbr, type QbrMetric } from "./qbr.ts";
import { fraction, money, orNull, roundTo, significant } from "./round.ts";
import { headline } from "./summary.ts";
import { isMonetized, paybackDate, roi, runRate, valueToDate, type MonetizedMetric, type Per } from "./value.ts";

/** What buildReport needs besides the data. */
export interface ReportOptions {
  /** The date every figure is computed as of. e.g. "2026-09-30" */
  asOf: string;
  /** The QBR quarter, e.g. "2026-Q3"; null: no QBR section. */
  period: string | null;
}

/** report.json: every figure of one customer as of one date. Fractions have 4 decimals, money 2, dates are ISO, null means the figure does not exist. */
export interface Report extends AccountFigures {
  /** Version of this shape. */
  schemaVersion: 1;
  /** Who the report is for; locale and currency drive formatting. */
  customer: { slug: string; name: string; locale: string; currency: string };
  /** The engagement's dates; goLive and end are null when not given. */
  engagement: { name: string; start: string; goLive: string | null; end: string | null; closeoutDays: number };
  /** The date every figure is computed as of. */
  asOf: string;
  /** The QBR quarter, e.g. "2026-Q3", or null. */
  period: string | null;
  /** True when asOf lies before the quarter's last day: the figures are quarter-to-date. */
  quarterToDate: boolean;
  /** RAG over the milestones due by asOf, with the counts and the rule that decided it. */
  health: Health;
  /** The not-achieved milestone whose revised (else original) target date is the earliest on or after asOf; null if none. */
  nextMilestone: string | null;
  /** One entry per metric, in file order. */
  metrics: MetricFigures[];
  /** One entry per milestone, in file order. */
  milestones: MilestoneFigures[];
  /** The metrics the executive summary leads with (ids, file order, at most five). */
  headline: string[];
  /** The customer's goals as given in customer.json, with the ids of known metrics only. */
  goals: GoalFigures[];
  /** Value realized against cost. */
  roi: RoiFigures;
  /** How roi's figures come about, step by step. */
  roiCalculation: RoiCalculation;
  /** Business impact by metric category. */
  impact: Impact;
  /** What each audience with a named stakeholder reads; empty when customer.json lists no stakeholders. */
  audiences: AudienceView[];
  /** The quarter's review; null when no period is given. */
  qbr: Qbr | null;
  /** Satisfaction survey results; null when there is no csat table. */
  csat: Csat | null;
  /** The close-out window and checklist; null when the engagement has no end date. */
  closeout: Closeout | null;
  /** Every opportunity triaged, in file order. */
  opportunities: TriagedOpportunity[];
  /** Expansion opportunities by horizon (ids). */
  opportunityGroups: OpportunityGroups;
  /** Budget, actual, invoiced, paid; null when there is no financials table. */
  financials: Financials | null;
  /**
   * The goals of customer.json judged against their metrics and milestones as of the close date
   * (engagement end, or asOf when that comes first): met / partly_met / not_met / not_assessed, see
   * outcomes.ts `goalVerdict`. Null without an engagement end.
   */
  goalOutcomes: GoalOutcomes | null;
  /** Counts of the handoff document (systems, owners, support, access, known issues, training); null without handoff.json and training. */
  handoff: HandoffSummary | null;
  /** The closing meeting's agenda generated from the figures above; null without an engagement end. */
  closingAgenda: ClosingAgenda | null;
  /** Things the build should tell the team about (not errors). */
  warnings: ReportWarning[];
}

/** A goal from customer.json. */
export interface GoalFigures {
  id: string;
  statement: string;
  level: "strategic" | "tactical" | "operational";
  /** The metrics that measure it. */
  metrics: string[];
}

/** A metric as of the report date. */
export interface MetricFigures {
  id: string;
  name: string;
  category: Metric["category"];
  unit: string;
  direction: "down" | "up";
  baseline: number;
  baselineDate: string;
  target: number;
  targetDate: string;
  /** The latest measurement on or before asOf; the baseline when there is none. */
  current: number;
  /** The date of `current` (the baseline date when there is no measurement yet). */
  currentDate: string;
  /** (current − baseline) / (target − baseline), unclamped; null when target equals baseline. */
  progress: number | null;
  /** exceeded (> 1) | met (= 1) | progressing (0 ≤ p < 1) | regressed (< 0). */
  state: ProgressState;
  /** (current − baseline) / |baseline|; null when the baseline is 0. */
  change: number | null;
  /** current − baseline in percentage points, for metrics whose unit is "%"; null otherwise. */
  changePoints: number | null;
  /** current ÷ baseline when the value has at least doubled from a positive baseline (shown "×5.5"); null otherwise. */
  factor: number | null;
  /** The latest measurement is more than 45 days before asOf: its figures are shown as of currentDate. */
  stale: boolean;
  /**
   * The slope of the least-squares line through the baseline and the measurements (value(day) = intercept + slope ×
   * (day − baselineDate)); the projection starts from the latest measurement. dueDate: target date, or a revised
   * milestone date that stands for it; shortfall: how far a missed target was missed, in the metric's unit.
   */
  forecast: {
    date: string | null;
    status: ForecastStatus;
    slope: number | null;
    intercept: number | null;
    dueDate: string;
    shortfall: number | null;
  };
  /** True when value_per_unit and per are both given. */
  monetized: boolean;
  valuePerUnit: number | null;
  per: Per | null;
  /** Money realized by asOf; null unless monetized. */
  valueToDate: number | null;
  /** Annual value at the current improvement; null unless monetized. */
  runRate: number | null;
  /** Measurements on or before asOf, oldest first. */
  series: SeriesPoint[];
  /** The metric row, then the measurement rows. e.g. ["metrics.csv:4", "measurements.csv:17"] */
  sources: string[];
}

/** One measurement of a metric. */
export interface SeriesPoint {
  date: string;
  value: number;
  /** The row. e.g. "measurements.csv:17" */
  source: string;
  /** The measurement's own source column (who or what measured it), null when blank. */
  origin: string | null;
  note: string | null;
}

/** A milestone as of the report date. */
export interface MilestoneFigures {
  id: string;
  name: string;
  phase: Milestone["phase"];
  /** As of asOf; the data decides, the stated status only where the data cannot. */
  status: MilestoneStatus;
  /** achievedDate, else dataAchievedOn; null unless achieved. */
  achievedOn: string | null;
  /** The stated achieved_date, when on or before asOf. */
  achievedDate: string | null;
  /** The first measurement on or before asOf that meets the threshold. */
  dataAchievedOn: string | null;
  /** The status column as given. */
  stated: MilestoneStatus | null;
  /** True when stated differs from status. */
  contradicted: boolean;
  /** Achieved with neither evidence files nor a measurement that meets the threshold. */
  unverified: boolean;
  targetDate: string;
  revisedTargetDate: string | null;
  revisionReason: string | null;
  confidence: "high" | "medium" | "low" | null;
  metricId: string | null;
  /** The milestone's threshold, else its metric's target; null without a metric. */
  threshold: number | null;
  /** True when the milestone has a metric and its threshold differs from the metric's target (labelled the milestone threshold). */
  ownThreshold: boolean;
  /** Its metric's current value toward the threshold: (current − baseline) / (threshold − baseline), unclamped; null without a metric or when threshold equals baseline. */
  progress: number | null;
  /** exceeded | met | progressing | regressed against the threshold; null without a metric. */
  state: ProgressState | null;
  definition: string | null;
  measurement: string | null;
  businessImpact: string | null;
  nextSteps: string | null;
  owner: string | null;
  /** Links or files under data/<slug>/evidence/. */
  evidence: string[];
  /** The milestone row, then the measurement that achieved it. */
  sources: string[];
}

/** Value realized against cost, as of the report date. */
export interface RoiFigures {
  /** Sum of the monetized metrics' value to date. */
  valueToDate: number;
  /** The cost ledger to date: once-costs dated on or before asOf plus recurring costs prorated by day (see ledger.ts). */
  costToDate: number;
  /** (value − cost) / cost; null when cost is 0. */
  roi: number | null;
  /** Value of the metrics whose achieved milestones are all verified (or, without a milestone, whose measurements all name a source). */
  verifiedValueToDate: number;
  /** (verified value − cost) / cost; null when cost is 0. */
  verifiedRoi: number | null;
  /** Monetized metrics whose value is not verified: an achieved milestone on them is unverified, or a measurement names no source. */
  unverifiedMetrics: string[];
  /** First day cumulative value ≥ cumulative cost (> 0); null if not by asOf. */
  paybackDate: string | null;
  /** Annual value at the current improvements. */
  runRate: number;
  /** The monetized metrics' ids. */
  metrics: string[];
  /** The cost ledger: customer.json's costs, superseded by and completed with the financials rows (basis, see ledger.ts). */
  costs: {
    item: string;
    amount: number;
    per: "once" | Per;
    start: string;
    end: string | null;
    basis: LedgerEntry["basis"];
    toDate: number;
    sources: string[];
  }[];
  /** customer.json (costs), the monetized metrics' rows and their measurements. */
  sources: string[];
}

/** Something the build should warn about; structured, worded by the caller. */
export type ReportWarning =
  | {
      /** A stated milestone status that the data contradicts (the data wins). */
      code: "milestone-status-contradicted";
      milestoneId: string;
      field: "status";
      /** The stated status. */
      value: MilestoneStatus;
      /** The status the data gives. */
      status: MilestoneStatus;
      source: string;
    }
  | {
      /** An achieved milestone with neither evidence files nor a measurement that proves it. */
      code: "milestone-unverified";
      milestoneId: string;
      field: "evidence";
      source: string;
    }
  | {
      /** The first CSAT response came more than 2 days after the engagement end, or none has by then. */
      code: "csat-late";
      field: "date";
      /** The first response's date; null when none came by asOf. */
      value: string | null;
      engagementEnd: string;
      /** Days from engagement end to the first response (or to asOf when none came). */
      days: number;
      source: string;
    }
  | {
      /** A cost of customer.json and the financials row of the same item disagree: the ledger uses the row's actual. */
      code: "cost-ledger-disagrees";
      field: "actual";
      item: string;
      costTotal: number;
      actual: number;
      /** Both rows: customer.json and the financials row. */
      sources: string[];
      source: string;
    }
  | {
      /** A metric's latest measurement is more than 45 days before asOf. */
      code: "metric-stale";
      metricId: string;
      field: "date";
      /** The latest measurement's date. */
      value: string;
      days: number;
      source: string;
    };

/** A latest measurement older than this many days before asOf makes a metric stale. */
export const STALE_DAYS = 45;

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
  const assessedMetrics = data.metrics.map((metric) =>
    assessMetric(metric, rowsOf(metric), asOf, dueDateOf(metric, data.milestones)),
  );
  const metrics = assessedMetrics.map((a) => a.figures);

  const monetized = data.metrics.filter(isMonetized);
  const value = assessedMetrics.reduce((s, a) => s + (a.value ?? 0), 0);
  const ledger = costLedger(customer.costs, data.financials, customer.engagement);
  const costs = ledger.entries.map((e) => ({ entry: e, toDate: entryToDate(e, asOf) }));
  const cost = costs.reduce((s, c) => s + c.toDate, 0);
  const unverifiedMetrics = monetized
    .filter((m) => !valueVerified(m, assessed, seriesOf(m, rowsOf(m), asOf)))
    .map((m) => m.id);
  const verifiedValue = assessedMetrics.reduce(
    (s, a) => s + (unverifiedMetrics.includes(a.metric.id) ? 0 : (a.value ?? 0)),
    0,
  );
  const roiFigures: RoiFigures = {
    valueToDate: money(value),
    costToDate: money(cost),
    roi: orNull(roi(value, cost), fraction),
    verifiedValueToDate: money(verifiedValue),
    verifiedRoi: orNull(roi(verifiedValue, cost), fraction),
    unverifiedMetrics,
    paybackDate: paybackDate(monetized, monetized.flatMap(rowsOf), ledger.entries.map(asCost), asOf),
    runRate: money(assessedMetrics.reduce((s, a) => s + (a.runRate ?? 0), 0)),
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
    sources: [
      CUSTOMER_SOURCE,
      ...monetized.flatMap((m) => [ref(m.src), ...seriesOf(m, rowsOf(m), asOf).map((r) => ref(r.src))]),
    ],
  };

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

  const csat = data.present.includes("csat")
    ? roundCsat(summarizeCsat(data.csat, customer.engagement.end, asOf))
    : null;
  const opportunities = triageAll(data.opportunities);
  const opportunityGroups = groupByHorizon(opportunities);
  const closeoutInput = {
    engagement: customer.engagement,
    closeout: data.closeout,
    closeoutPresent: data.present.includes("closeout"),
    deliverables: data.deliverables,
    deliverablesPresent: data.present.includes("deliverables"),
  };
  const closeoutFigures = roundCloseout(closeout(closeoutInput, asOf));
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
    customer: { slug: data.slug, name: customer.name, locale: customer.locale, currency: customer.currency },
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
        .filter((a) => a.forecast.dueDate < asOf)
        .map((a) => ({ id: a.metric.id, met: a.forecast.status === "reached" })),
    ),
    nextMilestone: nextMilestone(assessed, asOf),
    metrics,
    milestones,
    headline: headline(metrics.map((m) => ({ id: m.id, measured: m.series.length > 0 }))),
    goals,
    roi: roiFigures,
    roiCalculation: {
      metrics: monetized.map((m) => valueStep(m, rowsOf(m), asOf)),
      costs: ledger.entries.map((e) => costStep(e, asOf)),
      net: money(value - cost),
    },
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
    qbr: period ? qbr(period, assessed, assessedMetrics) : null,
    csat,
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
            csat: data.present.includes("csat") ? summarizeCsat(data.csat, end, meeting) : null,
            opportunities: opportunityGroups,
            handoff: data.handoff,
            engagementEnd: end,
            asOf: meeting,
          })
        : null,
    warnings: warnings(data, assessed, csat, asOf, ledger.disagreements, metrics),
  };
  return { ...core, ...accountFigures(data, core, ledger.entries, asOf, period) };
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

/** A metric's figures for the report, with the unrounded figures the QBR and the ROI read. */
function assessMetric(
  metric: Metric,
  rows: readonly Measurement[],
  asOf: string,
  dueDate: string,
): QbrMetric & { value: number | null; runRate: number | null; figures: MetricFigures } {
  const series = seriesOf(metric, rows, asOf);
  const now = current(metric, series, asOf);
  const trend = forecast(metric, series, asOf, dueDate);
  const raw = progress(metric, now.value);
  const m: MonetizedMetric | null = isMonetized(metric) ? metric : null;
  const value = m ? valueToDate(m, series, asOf) : null;
  const rate = m ? runRate(m, series, asOf) : null;
  const figures: MetricFigures = {
    id: metric.id,
    name: metric.name,
    category: metric.category,
    unit: metric.unit,
    direction: metric.direction,
    baseline: metric.baseline,
    baselineDate: metric.baseline_date,
    target: metric.target,
    targetDate: metric.target_date,
    current: now.value,
    currentDate: now.date,
    progress: orNull(raw, fraction),
    state: progressState(metric, now.value),
    change: orNull(changeVsBaseline(metric, now.value), fraction),
    changePoints: metric.unit.trim() === "%" ? roundTo(now.value - metric.baseline, 4) : null,
    factor: metric.baseline > 0 && now.value >= 2 * metric.baseline ? roundTo(now.value / metric.baseline, 4) : null,
    stale: series.length > 0 && daysBetween(now.date, asOf) > STALE_DAYS,
    forecast: {
      date: trend.date,
      status: trend.status,
      slope: orNull(trend.slope, significant),
      intercept: orNull(trend.intercept, significant),
      dueDate: trend.dueDate,
      shortfall: orNull(trend.shortfall, (x) => roundTo(x, 4)),
    },
    monetized: m !== null,
    valuePerUnit: metric.value_per_unit ?? null,
    per: metric.per ?? null,
    valueToDate: orNull(value, money),
    runRate: orNull(rate, money),
    series: series.map((r) => ({
      date: r.date,
      value: r.value,
      source: ref(r.src),
      origin: r.source ?? null,
      note: r.note ?? null,
    })),
    sources: [ref(metric.src), ...series.map((r) => ref(r.src))],
  };
  return { metric, progress: raw, forecast: trend, value, runRate: rate, figures };
}

function milestoneFigures(
  { milestone: m, assessment: a }: Assessed,
  metric: Metric | null,
  currentOf: Map<string, number>,
): MilestoneFigures {
  const toward = metric && a.threshold !== null ? { ...metric, target: a.threshold } : null;
  const now = metric ? currentOf.get(metric.id)! : null;
  return {
    id: m.id,
    name: m.name,
    phase: m.phase,
    status: a.status,
    achievedOn: a.achievedOn,
    achievedDate: a.achievedDate,
    dataAchievedOn: a.dataAchievedOn,
    stated: a.stated,
    contradicted: a.contradicted,
    unverified: a.unverified,
    targetDate: m.target_date,
    revisedTargetDate: m.revised_target_date ?? null,
    revisionReason: m.revision_reason ?? null,
    confidence: m.confidence ?? null,
    metricId: m.metric_id ?? null,
    threshold: a.threshold,
    ownThreshold: metric !== null && a.threshold !== null && a.threshold !== metric.target,
    progress: toward && now !== null ? orNull(progress(toward, now), fraction) : null,
    state: toward && now !== null ? progressState(toward, now) : null,
    definition: m.definition ?? null,
    measurement: m.measurement ?? null,
    businessImpact: m.business_impact ?? null,
    nextSteps: m.next_steps ?? null,
    owner: m.owner ?? null,
    evidence: m.evidence ?? [],
    sources: [ref(m.src), ...(a.evidenceMeasurement ? [ref(a.evidenceMeasurement.src)] : [])],
  };
}

/**
 * The day a metric's target is due: its target_date, unless a milestone on the metric whose threshold is the
 * metric's target (or that has none) was rescheduled: then the latest such revised_target_date.
 */
function dueDateOf(metric: Metric, milestones: readonly Milestone[]): string {
  let due = metric.target_date;
  for (const m of milestones) {
    if (m.metric_id !== metric.id || m.revised_target_date === undefined) continue;
    if ((m.threshold ?? metric.target) !== metric.target) continue;
    if (m.revised_target_date > due) due = m.revised_target_date;
  }
  return due;
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

function nextMilestone(assessed: readonly Assessed[], asOf: string): string | null {
  let next: { id: string; date: string } | null = null;
  for (const { milestone: m, assessment } of assessed) {
    const date = m.revised_target_date ?? m.target_date;
    if (assessment.status === "achieved" || date < asOf) continue;
    if (!next || date < next.date) next = { id: m.id, date };
  }
  return next?.id ?? null;
}

function warnings(
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
    const first = csat.firstDate;
    out.push({
      code: "csat-late",
      field: "date",
      value: first,
      engagementEnd: end,
      days: csat.firstResponseDays ?? daysBetween(end, asOf),
      source: csat.sources[0] ?? CUSTOMER_SOURCE,
    });
  }
  return out;
}

function roundCsat(c: Csat): Csat {
  return {
    ...c,
    scale5: c.scale5 && {
      ...c.scale5,
      mean: fraction(c.scale5.mean),
      satisfiedShare: fraction(c.scale5.satisfiedShare),
    },
    scale10: c.scale10 && { ...c.scale10, nps: roundTo(c.scale10.nps, 2) },
  };
}

function roundCloseout(c: Closeout | null): Closeout | null {
  if (!c) return null;
  return {
    ...c,
    phases: c.phases.map((p) => ({ ...p, doneShare: orNull(p.doneShare, fraction) })),
    doneShare: orNull(c.doneShare, fraction),
    deliverables: c.deliverables && {
      ...c.deliverables,
      acceptedShare: orNull(c.deliverables.acceptedShare, fraction),
    },
  };
}

function roundOutcomes(o: GoalOutcomes): GoalOutcomes {
  return {
    ...o,
    goals: o.goals.map((g) => ({
      ...g,
      metrics: g.metrics.map((m) => ({ ...m, progress: orNull(m.progress, fraction) })),
    })),
  };
}

function roundFinancials(f: Financials): Financials {
  return {
    lines: f.lines.map((l) => ({
      ...l,
      variance: money(l.variance),
      outstanding: orNull(l.outstanding, money),
    })),
    totals: {
      budget: money(f.totals.budget),
      actual: money(f.totals.actual),
      variance: money(f.totals.variance),
      invoiced: orNull(f.totals.invoiced, money),
      paid: orNull(f.totals.paid, money),
      outstanding: orNull(f.totals.outstanding, money),
    },
  };
}

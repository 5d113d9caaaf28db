// report.json's shape: the public contract between the value model and everything that reads its figures — the
// templates, --json, scripts. Documented field by field in docs/report-json.md; src/model/report.ts assembles it.
import type { Metric, Milestone } from "../schema.ts";
import type { AccountFigures } from "./account-report.ts";
import type { ClosingAgenda } from "./agenda.ts";
import type { AudienceView } from "./audiences.ts";
import type { Celebrations } from "./celebrate.ts";
import type { RoiCalculation } from "./calculation.ts";
import type { Closeout } from "./closeout.ts";
import type { CloseoutBrief } from "./closeout-brief.ts";
import type { Csat } from "./csat.ts";
import type { Financials } from "./financials.ts";
import type { HandoffSummary } from "./handoff.ts";
import type { Impact } from "./impact.ts";
import type { LedgerEntry } from "./ledger.ts";
import type { Monthly } from "./monthly.ts";
import type { ForecastStatus, ProgressState } from "./metrics.ts";
import type { Health, MilestoneStatus } from "./milestones.ts";
import type { OpportunityGroups, TriagedOpportunity } from "./opportunities.ts";
import type { GoalOutcomes } from "./outcomes.ts";
import type { KickoffPlan } from "./kickoff.ts";
import type { PaybackCurve } from "./payback.ts";
import type { Qbr } from "./qbr.ts";
import type { SinceLastQbr } from "./since.ts";
import type { Per } from "./value.ts";
import type { Voice } from "./voice.ts";

/** report.json as a build writes it: one copy of the Report below, the customer's or the internal (src/model/copy.ts decides what each holds). */
export type { Copy, CopyReport, Expansion, InternalNotes } from "./copy.ts";

/** Every figure of one customer as of one date, before a copy is made of it. Fractions have 4 decimals, money 2, dates are ISO, null means the figure does not exist. */
export interface Report extends AccountFigures {
  /** Version of this shape. */
  schemaVersion: 1;
  /** Who the report is for; locale and currency drive formatting; csm the account's owner (customer.json), or null. */
  customer: { slug: string; name: string; locale: string; currency: string; csm: string | null };
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
  /** The kickoff success plan; null unless the engagement starts within 30 days of asOf or started less than 30 days before. */
  kickoff: KickoffPlan | null;
  /** Satisfaction survey results; null when there is no csat table. */
  csat: Csat | null;
  /** The voice of the customer in the QBR: CSAT and NPS with their trend, two quotes; null without survey answers. */
  voice: Voice | null;
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
  /** The month of asOf, from its first day to asOf: milestones reached and slipped, headline outcomes, open actions (src/model/monthly.ts). */
  monthly: Monthly;
  /** Milestones achieved with evidence in the quarter up to asOf, each celebrated; those without evidence waiting (src/model/celebrate.ts). */
  celebrations: Celebrations;
  /** The payback chart: cumulative value (claimed, verified) against cumulative cost; null without a monetized metric or a cost. */
  paybackCurve: PaybackCurve | null;
  /** The close-out's page one: delivered, criteria, what is owed, the owner after close, check-ins, who signs; null without an engagement end. */
  closeoutBrief: CloseoutBrief | null;
  /** The earlier period's report against this one: headline outcomes' change, its commitments scored; null without one. */
  sinceLastQbr: SinceLastQbr | null;
  /** The judgement ledger: every verdict the packs state, once, with its reason (src/model/verdicts.ts). */
  verdicts: Verdict[];
}

/** One verdict of the ledger: the item judged, the verdict, and the rule that gave it. */
export interface Verdict {
  /** e.g. "target:m2", "milestone:ms3", "goal:g1", "target:m2@2026-09-15" (as of another day than asOf) */
  item: string;
  /** e.g. "missed" */
  verdict: string;
  /** The rule that decided it, e.g. "due_and_short" */
  reason: string;
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
  /** The metric's own revised_target_date (the pages say "rescheduled"); a milestone's revised date never stands for it. */
  revisedTargetDate: string | null;
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
   * (day − baselineDate)); the projection starts from the latest measurement. dueDate: revisedTargetDate, else
   * targetDate; shortfall: how far a missed target was missed, in the metric's unit; pace: on_track / behind, which
   * pace decided (overall: every point, the recent pace agreeing; recent: the latest measurements' pace, short).
   */
  forecast: {
    date: string | null;
    status: ForecastStatus;
    slope: number | null;
    intercept: number | null;
    dueDate: string;
    shortfall: number | null;
    pace: "overall" | "recent" | null;
  };
  /** True when value_per_unit and per are both given. */
  monetized: boolean;
  valuePerUnit: number | null;
  per: Per | null;
  /** Money realized by asOf; null unless monetized. Includes projectedValueToDate. */
  valueToDate: number | null;
  /** The part of valueToDate after the last measurement, at the last measured level (never verified); null unless monetized. */
  projectedValueToDate: number | null;
  /** The last measurement's date when value after it up to asOf is projected; null when measured on asOf, unmeasured or not monetized. */
  projectedFrom: string | null;
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
  /** Achieved after targetDate: the pages mark it late. */
  late: boolean;
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
  /** The part of valueToDate after each metric's last measurement, at its last measured level. */
  projectedValueToDate: number;
  /** The earliest day from which a monetized metric's value is projected; null when none is. */
  projectedFrom: string | null;
  /**
   * Measured value (up to each metric's last measurement, never projected) of the metrics whose achieved milestones
   * are all verified (or, without a milestone, whose measurements all name a source).
   */
  verifiedValueToDate: number;
  /** (verified value − cost) / cost; null when cost is 0. */
  verifiedRoi: number | null;
  /** Monetized metrics whose value is not verified: an achieved milestone on them is unverified, or a measurement names no source. */
  unverifiedMetrics: string[];
  /** First day cumulative value ≥ cumulative cost (> 0); null if not by asOf. */
  paybackDate: string | null;
  /** The same over the verified metrics' measured value only: "paid back" is said without qualification only when this is set. */
  verifiedPaybackDate: string | null;
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
      /** The survey was sent, or else the first CSAT response came, more than 2 days after the engagement end, or none has by then. */
      code: "csat-late";
      field: "date";
      /** The day the survey was sent when known, else the first response's date; null when none came by asOf. */
      value: string | null;
      /** True when `value` is the day the survey was sent. */
      sent: boolean;
      engagementEnd: string;
      /** Days from engagement end to `value` (or to asOf when there is none). */
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

// Milestone status as of a date, and the RAG health over the milestones due (docs/value-model.md, "Milestones and health").
import type { Measurement, Metric, Milestone } from "../schema.ts";
import { MILESTONE_STATUSES } from "../schema.ts";
import type { MilestoneFigures } from "./contract.ts";
import { meets, progress, progressState, seriesOf } from "./metrics.ts";
import { ref } from "./provenance.ts";
import { fraction, orNull } from "./round.ts";

/** not_started | in_progress | achieved | delayed */
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** A milestone's status as of a date, with what decided it. */
export interface MilestoneAssessment {
  status: MilestoneStatus;
  /** The day it counts as achieved: achievedDate, else dataAchievedOn; null unless achieved. */
  achievedOn: string | null;
  /** The stated achieved_date, when on or before the as-of date. */
  achievedDate: string | null;
  /** The first measurement date on or before the as-of date that meets the threshold. */
  dataAchievedOn: string | null;
  /** The measurement behind dataAchievedOn. */
  evidenceMeasurement: Measurement | null;
  /** The threshold the metric must meet: the milestone's own, else the metric's target; null without a metric. */
  threshold: number | null;
  /** The status column as given, null when blank. */
  stated: MilestoneStatus | null;
  /** True when a stated status differs from the status the data gives (the data wins; the build warns). */
  contradicted: boolean;
  /** True when achieved with neither evidence files nor a measurement that meets the threshold. */
  unverified: boolean;
  /** True when achieved after its (original) target date: the pages mark it late. */
  late: boolean;
}

/** A milestone with its assessment. */
export interface Assessed {
  milestone: Milestone;
  assessment: MilestoneAssessment;
}

/**
 * Red / yellow / green over what is due: milestones whose target date has come and metrics whose target date has
 * passed. Counts: `due` = dueMilestones + dueMetrics; `dueAchieved` = achieved milestones + metrics meeting target.
 */
export interface Health {
  rag: "red" | "yellow" | "green";
  due: number;
  dueAchieved: number;
  /** Due milestones achieved but unverified (counted in dueAchieved too). */
  dueUnverified: number;
  /** Milestones with target_date ≤ asOf. */
  dueMilestones: number;
  /** Metrics whose target date (or revised date) is before asOf. */
  dueMetrics: number;
  /** Due metrics that do not meet their target (forecast missed). */
  metricsMissed: number;
  rule: "none_due" | "all_due_achieved" | "some_due_unverified" | "some_due_missed" | "none_due_achieved";
}

/** A metric whose target date has passed, and whether its latest value meets the target. */
export interface DueMetric {
  id: string;
  met: boolean;
}

/** The threshold a milestone's metric must meet: its own threshold, else the metric's target; null without a metric. */
export function thresholdOf(milestone: Milestone, metric: Metric | null): number | null {
  if (!metric) return milestone.threshold ?? null;
  return milestone.threshold ?? metric.target;
}

/**
 * Status as of `asOf`: achieved if achieved_date ≤ asOf or a measurement ≤ asOf meets the threshold
 * (achieved on the stated date, else the first such measurement's date; late when after target_date); else
 * delayed if target_date ≤ asOf (a target is due on its date);
 * else in_progress if stated so or the metric has a measurement ≤ asOf; else not_started.
 * `metric` is the milestone's metric (null when it has none) and `measurements` may hold any metric's rows.
 */
export function assessMilestone(
  milestone: Milestone,
  metric: Metric | null,
  measurements: readonly Measurement[],
  asOf: string,
): MilestoneAssessment {
  const series = metric ? seriesOf(metric, measurements, asOf) : [];
  const threshold = thresholdOf(milestone, metric);
  const evidenceMeasurement =
    metric && threshold !== null ? (series.find((m) => meets(metric, m.value, threshold)) ?? null) : null;
  const dataAchievedOn = evidenceMeasurement?.date ?? null;
  const achievedDate =
    milestone.achieved_date !== undefined && milestone.achieved_date <= asOf ? milestone.achieved_date : null;
  const achievedOn = achievedDate ?? dataAchievedOn;
  const stated = milestone.status ?? null;

  let status: MilestoneStatus;
  if (achievedOn !== null) status = "achieved";
  else if (milestone.target_date <= asOf) status = "delayed";
  else if (stated === "in_progress" || series.length > 0) status = "in_progress";
  else status = "not_started";

  // docs/value-model.md: an achieved milestone with nothing in its evidence column is unverified, even
  // when a measurement shows it was reached (the measurement stays in its sources).
  const hasEvidence = (milestone.evidence?.length ?? 0) > 0;
  return {
    status,
    achievedOn,
    achievedDate,
    dataAchievedOn,
    evidenceMeasurement,
    threshold,
    stated,
    contradicted: stated !== null && stated !== status,
    unverified: status === "achieved" && !hasEvidence,
    late: achievedOn !== null && achievedOn > milestone.target_date,
  };
}

/**
 * Health over what is due by `asOf`: milestones with target_date ≤ asOf and `dueMetrics` (metrics past their
 * target date). Red if something is due and nothing of it is achieved or met; yellow if some due item is not
 * achieved or met, or a due milestone is achieved without evidence (unverified); else green (also when nothing is due).
 */
export function health(assessed: readonly Assessed[], asOf: string, dueMetrics: readonly DueMetric[] = []): Health {
  const due = assessed.filter((a) => a.milestone.target_date <= asOf);
  const achieved = due.filter((a) => a.assessment.status === "achieved");
  const met = dueMetrics.filter((m) => m.met).length;
  const counts = {
    due: due.length + dueMetrics.length,
    dueAchieved: achieved.length + met,
    dueUnverified: achieved.filter((a) => a.assessment.unverified).length,
    dueMilestones: due.length,
    dueMetrics: dueMetrics.length,
    metricsMissed: dueMetrics.length - met,
  };
  if (counts.due === 0) return { rag: "green", ...counts, rule: "none_due" };
  if (counts.dueAchieved === 0) return { rag: "red", ...counts, rule: "none_due_achieved" };
  if (counts.dueAchieved < counts.due) return { rag: "yellow", ...counts, rule: "some_due_missed" };
  if (counts.dueUnverified > 0) return { rag: "yellow", ...counts, rule: "some_due_unverified" };
  return { rag: "green", ...counts, rule: "all_due_achieved" };
}

/** A milestone's entry of report.json, its progress toward the threshold rounded here and nowhere else. */
export function milestoneFigures(
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
    late: a.late,
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

/** The day a milestone is due: its revised target date, else its target date. */
export function dueOn(m: Milestone): string {
  return m.revised_target_date ?? m.target_date;
}

/** The date the pages show for a milestone, the field of MilestoneFigures that holds it, and what kind of date it is. */
export interface ShownDate {
  field: "achievedOn" | "revisedTargetDate" | "targetDate";
  date: string;
  /** actual: the day it was achieved; revised: the target it was rescheduled to; planned: its original target. */
  kind: "actual" | "revised" | "planned";
}

/** A milestone's date as the pages show it: the day it was achieved, else its revised target, else its target. */
export function shownDate(m: Pick<MilestoneFigures, "achievedOn" | "revisedTargetDate" | "targetDate">): ShownDate {
  return m.achievedOn !== null ? { field: "achievedOn", date: m.achievedOn, kind: "actual" } : shownTarget(m);
}

/** The target date the pages show for a milestone (or a late milestone's risk): the revised one, else the original. */
export function shownTarget(m: Pick<MilestoneFigures, "revisedTargetDate" | "targetDate">): ShownDate {
  return m.revisedTargetDate !== null
    ? { field: "revisedTargetDate", date: m.revisedTargetDate, kind: "revised" }
    : { field: "targetDate", date: m.targetDate, kind: "planned" };
}

/** A late milestone's revised target date when it still lies ahead (on or after asOf), the date to accept; else null. */
export function standingRevision(m: { revisedTargetDate: string | null }, asOf: string): string | null {
  return m.revisedTargetDate !== null && m.revisedTargetDate >= asOf ? m.revisedTargetDate : null;
}

/** The not-achieved milestone whose revised (else original) target date is the earliest on or after asOf; null if none. */
export function nextMilestone(assessed: readonly Assessed[], asOf: string): string | null {
  let next: { id: string; date: string } | null = null;
  for (const { milestone: m, assessment } of assessed) {
    const date = dueOn(m);
    if (assessment.status === "achieved" || date < asOf) continue;
    if (!next || date < next.date) next = { id: m.id, date };
  }
  return next?.id ?? null;
}

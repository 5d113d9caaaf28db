// Milestone status as of a date, and the RAG health over the milestones due (SPEC §4).
import type { Measurement, Metric, Milestone } from "../schema.ts";
import { MILESTONE_STATUSES } from "../schema.ts";
import { meets, seriesOf } from "./metrics.ts";

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
}

/** A milestone with its assessment. */
export interface Assessed {
  milestone: Milestone;
  assessment: MilestoneAssessment;
}

/** Red / yellow / green, how many milestones are due and how many of those are achieved, and the rule that decided. */
export interface Health {
  rag: "red" | "yellow" | "green";
  due: number;
  dueAchieved: number;
  /** Due and achieved, but unverified (counted in dueAchieved too). */
  dueUnverified: number;
  rule: "none_due" | "all_due_achieved" | "some_due_missed" | "none_due_achieved";
}

/** The threshold a milestone's metric must meet: its own threshold, else the metric's target; null without a metric. */
export function thresholdOf(milestone: Milestone, metric: Metric | null): number | null {
  if (!metric) return milestone.threshold ?? null;
  return milestone.threshold ?? metric.target;
}

/**
 * Status as of `asOf`: achieved if achieved_date ≤ asOf or a measurement ≤ asOf meets the threshold
 * (achieved on the stated date, else the first such measurement's date); else delayed if target_date < asOf;
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
  const achievedDate = milestone.achieved_date !== undefined && milestone.achieved_date <= asOf ? milestone.achieved_date : null;
  const achievedOn = achievedDate ?? dataAchievedOn;
  const stated = milestone.status ?? null;

  let status: MilestoneStatus;
  if (achievedOn !== null) status = "achieved";
  else if (milestone.target_date < asOf) status = "delayed";
  else if (stated === "in_progress" || series.length > 0) status = "in_progress";
  else status = "not_started";

  // SPEC §4: an achieved milestone with nothing in its evidence column is unverified, even
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
  };
}

/**
 * Health over the milestones due (target_date ≤ asOf): red if at least one is due and none of those is achieved;
 * yellow if any due milestone is not achieved; else green (also when none is due).
 */
export function health(assessed: readonly Assessed[], asOf: string): Health {
  const due = assessed.filter((a) => a.milestone.target_date <= asOf);
  const achieved = due.filter((a) => a.assessment.status === "achieved");
  const counts = {
    due: due.length,
    dueAchieved: achieved.length,
    dueUnverified: achieved.filter((a) => a.assessment.unverified).length,
  };
  if (due.length === 0) return { rag: "green", ...counts, rule: "none_due" };
  if (achieved.length === 0) return { rag: "red", ...counts, rule: "none_due_achieved" };
  if (achieved.length < due.length) return { rag: "yellow", ...counts, rule: "some_due_missed" };
  return { rag: "green", ...counts, rule: "all_due_achieved" };
}

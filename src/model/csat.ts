// Customer satisfaction: mean and share satisfied on 5-point scales, NPS on 0–10 scales (docs/value-model.md, "Satisfaction").
import type { CsatResponse } from "../schema.ts";
import { addDays, daysBetween } from "./dates.ts";
import { ref } from "./provenance.ts";
import { fraction, roundTo } from "./round.ts";

/** Days after the engagement end by which the first response should have arrived (48 h). */
export const CSAT_DUE_DAYS = 2;

/** Answers on the 5-point scale. */
export interface Scale5 {
  count: number;
  mean: number;
  /** Share of scores 4–5, 0..1. */
  satisfiedShare: number;
}

/** Answers on the 0–10 scale. */
export interface Scale10 {
  count: number;
  /** % promoters − % detractors, −100..100. */
  nps: number;
  /** Scores 9–10. */
  promoters: number;
  /** Scores 7–8 (anything between 6 and 9). */
  passives: number;
  /** Scores 0–6. */
  detractors: number;
}

/** One counted response, for the comments and the table of answers. */
export interface CsatAnswer {
  respondent: string;
  role: string | null;
  date: string;
  score: number;
  scale: 5 | 10;
  comment: string | null;
  source: string;
}

/** CSAT as of a date. */
export interface Csat {
  responses: number;
  firstDate: string | null;
  lastDate: string | null;
  scale5: Scale5 | null;
  scale10: Scale10 | null;
  /** Days from engagement end to the first response; null without an end or a response. */
  firstResponseDays: number | null;
  /** The last day the first response is due: engagement end + 2 days; null without an end. */
  dueDate: string | null;
  /** The day the survey was sent (the done date of the close-out item that stands for it); null when not recorded. */
  sentDate: string | null;
  /**
   * Judged on the day the survey was sent: true when sent more than 2 days after the engagement end. Without a
   * sent date, on the first response: it came later than that, or none has come by then.
   */
  late: boolean;
  /** The responses counted, oldest first (same date: file order). */
  answers: CsatAnswer[];
  /** The responses counted. e.g. ["csat.csv:2", "csat.csv:3"] */
  sources: string[];
}

/** Scale 5: count, mean and share of 4–5. */
export function scale5(scores: readonly number[]): Scale5 | null {
  if (scores.length === 0) return null;
  const sum = scores.reduce((s, x) => s + x, 0);
  return {
    count: scores.length,
    mean: sum / scores.length,
    satisfiedShare: scores.filter((s) => s >= 4).length / scores.length,
  };
}

/** Scale 10: NPS = % of 9–10 − % of 0–6, and the three counts. */
export function scale10(scores: readonly number[]): Scale10 | null {
  if (scores.length === 0) return null;
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return {
    count: scores.length,
    nps: ((promoters - detractors) / scores.length) * 100,
    promoters,
    passives: scores.length - promoters - detractors,
    detractors,
  };
}

/**
 * The responses dated on or before `asOf`, summarized; `engagementEnd` dates the 48-hour check, made on `sentDate`
 * (the day the survey went out, on or before asOf) when known, else on the first response.
 */
export function summarizeCsat(
  rows: readonly CsatResponse[],
  engagementEnd: string | undefined,
  asOf: string,
  sentDate: string | null = null,
): Csat {
  const counted = rows
    .filter((r) => r.date <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.src.line - b.src.line));
  const firstDate = counted[0]?.date ?? null;
  const firstResponseDays =
    engagementEnd !== undefined && firstDate !== null ? daysBetween(engagementEnd, firstDate) : null;
  const sent = sentDate !== null && sentDate <= asOf ? sentDate : null;
  const late =
    engagementEnd !== undefined && sent !== null
      ? daysBetween(engagementEnd, sent) > CSAT_DUE_DAYS
      : firstResponseDays !== null
        ? firstResponseDays > CSAT_DUE_DAYS
        : engagementEnd !== undefined && daysBetween(engagementEnd, asOf) > CSAT_DUE_DAYS;
  return {
    responses: counted.length,
    firstDate,
    lastDate: counted.at(-1)?.date ?? null,
    scale5: scale5(counted.filter((r) => r.scale === 5).map((r) => r.score)),
    scale10: scale10(counted.filter((r) => r.scale === 10).map((r) => r.score)),
    firstResponseDays,
    dueDate: engagementEnd !== undefined ? addDays(engagementEnd, CSAT_DUE_DAYS) : null,
    sentDate: sent,
    late,
    answers: counted.map((r) => ({
      respondent: r.respondent,
      role: r.role ?? null,
      date: r.date,
      score: r.score,
      scale: r.scale,
      comment: r.comment ?? null,
      source: ref(r.src),
    })),
    sources: counted.map((r) => ref(r.src)),
  };
}

/** How the survey stands against the 48-hour rule: see `csatTiming`. */
export type CsatTiming = "on_time" | "late" | "awaiting" | "overdue" | "not_recorded";

/**
 * The survey's timing is judged on the day it was sent: on_time / late: sent within / after 2 days of the end.
 * Without a sent date, on the first response: it came within / after the 2 days; awaiting: none yet, still within
 * the 2 days; overdue: none, and the 2 days have passed; not_recorded: there is no csat table.
 */
export function csatTiming(
  csat: Pick<Csat, "firstResponseDays" | "responses" | "sentDate"> | null,
  engagementEnd: string,
  asOf: string,
): CsatTiming {
  if (csat === null) return "not_recorded";
  if (csat.sentDate !== null) return daysBetween(engagementEnd, csat.sentDate) > CSAT_DUE_DAYS ? "late" : "on_time";
  if (csat.firstResponseDays !== null) return csat.firstResponseDays > CSAT_DUE_DAYS ? "late" : "on_time";
  return daysBetween(engagementEnd, asOf) > CSAT_DUE_DAYS ? "overdue" : "awaiting";
}

/** The satisfaction figures as report.json holds them: mean and share as fractions, NPS to 2 decimals. */
export function roundCsat(c: Csat): Csat {
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

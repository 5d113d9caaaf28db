// The voice of the customer in the QBR: CSAT and NPS as of D beside their level at the start of D's quarter (the
// trend), and two quotes (docs/value-model.md, "The voice of the customer"). Pure.
import type { CsatResponse } from "../schema.ts";
import { addDays, periodOf } from "./dates.ts";
import { ref } from "./provenance.ts";
import { fraction, orNull, roundTo } from "./round.ts";
import { scale10, scale5 } from "./csat.ts";

/** A score now and before, e.g. CSAT 4.5 now against 4.0 at the end of the last quarter. */
export interface VoiceScore {
  /** As of D: the 5-point mean (CSAT) or the NPS (−100..100). */
  now: number;
  /** As of the day before D's quarter began; null when no answer had come by then. */
  before: number | null;
  /** now − before; null without `before`. */
  change: number | null;
  /** Answers counted as of D. */
  count: number;
}

/** A comment from the survey, as the QBR quotes it. */
export interface VoiceQuote {
  text: string;
  respondent: string;
  role: string | null;
  date: string;
  source: string;
}

/** The voice of the customer; null without survey answers by D. */
export interface Voice {
  /** The day `before` is as of: the last day of the quarter before D's. */
  beforeDate: string;
  /** CSAT: the mean of the 5-point answers; null without one. */
  csat: VoiceScore | null;
  /** NPS of the 0–10 answers; null without one. */
  nps: VoiceScore | null;
  /** Up to two comments: the latest, each from a different respondent. */
  quotes: VoiceQuote[];
}

/** How many comments the QBR quotes. */
export const QUOTES = 2;

/** The voice of the customer as of `asOf`, from the survey rows; null when none is dated by then. */
export function voiceOf(rows: readonly CsatResponse[], asOf: string): Voice | null {
  const counted = rows.filter((r) => r.date <= asOf);
  if (counted.length === 0) return null;
  const beforeDate = addDays(periodOf(asOf).start, -1);
  const earlier = counted.filter((r) => r.date <= beforeDate);
  const scores = (list: readonly CsatResponse[], scale: 5 | 10) =>
    list.filter((r) => r.scale === scale).map((r) => r.score);
  const score = (now: number | null, before: number | null, count: number, round: (x: number) => number) =>
    now === null
      ? null
      : {
          now: round(now),
          before: orNull(before, round),
          change: before === null ? null : round(now - before),
          count,
        };
  const mean = (list: readonly CsatResponse[]) => scale5(scores(list, 5))?.mean ?? null;
  const nps = (list: readonly CsatResponse[]) => scale10(scores(list, 10))?.nps ?? null;
  // Latest first; the same day, the later row first.
  const latest = [...counted]
    .filter((r) => r.comment?.trim())
    .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : b.src.line - a.src.line));
  const quotes: VoiceQuote[] = [];
  for (const r of latest) {
    if (quotes.length === QUOTES) break;
    if (quotes.some((q) => q.respondent === r.respondent)) continue;
    quotes.push({
      text: r.comment!.trim(),
      respondent: r.respondent,
      role: r.role ?? null,
      date: r.date,
      source: ref(r.src),
    });
  }
  return {
    beforeDate,
    csat: score(mean(counted), mean(earlier), scores(counted, 5).length, fraction),
    nps: score(nps(counted), nps(earlier), scores(counted, 10).length, (x) => roundTo(x, 2)),
    quotes,
  };
}

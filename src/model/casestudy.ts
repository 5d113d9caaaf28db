// The case-study draft (issue 24), for marketing to edit: written for a customer with a case-study or reference ask
// (customer.json `reference`), or with a milestone of the strategic phase achieved. In the seed's structure —
// challenge, approach, milestones achieved, quantified results, a quote — and verified figures only: a milestone
// achieved without evidence, or a metric whose value is not verified, is left out. The internal copy's only. Pure.
import type { Milestone } from "../schema.ts";
import type { ReferenceAsk } from "./closing.ts";
import type { MetricFigures, MilestoneFigures, RoiFigures } from "./contract.ts";
import type { VoiceQuote } from "./voice.ts";

/** A quote for the draft: the reference's own (customer.json), else the latest survey comment. */
export interface CaseQuote {
  text: string;
  name: string;
  role: string | null;
  /** e.g. "customer.json" or "csat.csv:7" */
  source: string;
}

/** report.json `internal.caseStudy`. */
export interface CaseStudy {
  /** Why there is a draft: the customer's reference ask, else a strategic milestone achieved. */
  reason: "reference_ask" | "strategic_milestone";
  /** The ask, when there is one. */
  ask: ReferenceAsk["ask"] | null;
  /** The challenge: the goals in the customer's words (ids of report.goals) and the baselines of the metrics measured (ids). */
  challenge: { goals: string[]; metrics: string[] };
  /** The approach: the milestones planned, by phase in the method's order, phases without one left out. */
  approach: { phase: Milestone["phase"]; milestones: string[] }[];
  /** Milestones achieved with evidence, by achieved date. */
  achieved: string[];
  /** Metrics with a verified result: measured, moved toward their target, and verified (see `verifiedResult`). */
  results: string[];
  /** Verified value and ROI (roi.verifiedValueToDate, roi.verifiedRoi) when some monetized metric is verified; else null. */
  value: { verifiedValueToDate: number; verifiedRoi: number | null } | null;
  quote: CaseQuote | null;
}

/** What the draft reads of the report. */
export interface CaseStudyInput {
  metrics: readonly MetricFigures[];
  milestones: readonly MilestoneFigures[];
  goals: readonly { id: string }[];
  roi: Pick<RoiFigures, "metrics" | "unverifiedMetrics" | "verifiedValueToDate" | "verifiedRoi">;
  reference: ReferenceAsk | null;
  /** customer.json's `reference.quote`, when given. */
  referenceQuote: CaseQuote | null;
  /** The survey's latest comments (report.voice.quotes), newest first. */
  quotes: readonly VoiceQuote[];
}

const PHASE_ORDER: readonly Milestone["phase"][] = ["early_win", "foundation", "growth", "maturity", "strategic"];

/** The draft, or null when the customer has no reference ask and no strategic milestone achieved. */
export function caseStudy(r: CaseStudyInput): CaseStudy | null {
  const achieved = r.milestones
    .map((m, n) => ({ m, n }))
    .filter(({ m }) => m.status === "achieved" && !m.unverified)
    .sort((a, b) => (a.m.achievedOn! < b.m.achievedOn! ? -1 : a.m.achievedOn! > b.m.achievedOn! ? 1 : a.n - b.n))
    .map(({ m }) => m);
  const strategic = achieved.some((m) => m.phase === "strategic");
  if (r.reference === null && !strategic) return null;
  const results = r.metrics.filter((m) => verifiedResult(m, r.milestones, r.roi));
  const verifiedMonetized = r.roi.metrics.filter((id) => !r.roi.unverifiedMetrics.includes(id));
  const latest = r.quotes[0];
  return {
    reason: r.reference !== null ? "reference_ask" : "strategic_milestone",
    ask: r.reference?.ask ?? null,
    challenge: { goals: r.goals.map((g) => g.id), metrics: r.metrics.map((m) => m.id) },
    approach: PHASE_ORDER.flatMap((phase) => {
      const ids = r.milestones.filter((m) => m.phase === phase).map((m) => m.id);
      return ids.length > 0 ? [{ phase, milestones: ids }] : [];
    }),
    achieved: achieved.map((m) => m.id),
    results: results.map((m) => m.id),
    value:
      verifiedMonetized.length > 0
        ? { verifiedValueToDate: r.roi.verifiedValueToDate, verifiedRoi: r.roi.verifiedRoi }
        : null,
    quote:
      r.referenceQuote ??
      (latest ? { text: latest.text, name: latest.respondent, role: latest.role, source: latest.source } : null),
  };
}

/**
 * A metric's result is the draft's to state when it has been measured, has moved toward its target (progress > 0),
 * and is verified as the ROI verifies value: every achieved milestone on it has evidence, or, with none, every
 * measurement names its source; a monetized metric the ROI counts unverified never is.
 */
export function verifiedResult(
  m: MetricFigures,
  milestones: readonly MilestoneFigures[],
  roi: Pick<RoiFigures, "unverifiedMetrics">,
): boolean {
  if (m.series.length === 0 || m.progress === null || m.progress <= 0) return false;
  if (roi.unverifiedMetrics.includes(m.id)) return false;
  const mine = milestones.filter((x) => x.metricId === m.id && x.status === "achieved");
  if (mine.length > 0) return mine.every((x) => !x.unverified);
  return m.series.every((p) => p.origin !== null);
}

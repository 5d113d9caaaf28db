// Milestone celebrations (issue 24): each milestone achieved with evidence in the report's quarter (up to the
// report date) gets a one-page "infographic" — before → after on its metric, the impact in the customer's words, the
// value it brought when verified, the next milestone. An achievement without evidence gets none until it is
// evidenced: it waits, listed in the internal copy. Nothing is judged here: achieved and verified are the milestone's
// figures, its verdict the ledger's. Pure.
import type { MetricFigures, MilestoneFigures, RoiFigures } from "./contract.ts";
import { parsePeriod, periodOf } from "./dates.ts";

/** One milestone to celebrate. */
export interface Celebration {
  /** The milestone's id. */
  milestone: string;
  achievedOn: string;
  /** Its metric's id; null for a milestone judged by its criteria alone (the page shows no before → after). */
  metric: string | null;
  /** The metric's baseline and current value (before → after), null without a metric. */
  before: number | null;
  after: number | null;
  /** The metric's value to date when it is monetized and verified (not in roi.unverifiedMetrics); else null. */
  value: number | null;
  /** The next milestone's id (report.nextMilestone), null when none is ahead. */
  next: string | null;
}

/** report.json `celebrations`. */
export interface Celebrations {
  /** The window: the first day of the report's quarter (of asOf without one) to asOf. */
  from: string;
  to: string;
  /** Milestones achieved in the window with evidence, by achieved date (then file order). */
  items: Celebration[];
  /** Milestones achieved in the window without evidence: no celebration until evidenced (internal copy only; [] in the customer's). */
  waiting: string[];
}

/** What the celebrations read of the report. */
export interface CelebrationInput {
  asOf: string;
  /** The report's quarter, e.g. "2026-Q3"; null: the quarter of asOf. */
  period: string | null;
  metrics: readonly MetricFigures[];
  milestones: readonly MilestoneFigures[];
  roi: Pick<RoiFigures, "unverifiedMetrics">;
  nextMilestone: string | null;
}

/** The milestones to celebrate and those waiting for evidence, as of `r.asOf`. */
export function celebrations(r: CelebrationInput): Celebrations {
  const from = (r.period !== null ? parsePeriod(r.period) : null)?.start ?? periodOf(r.asOf).start;
  const to = r.asOf;
  const achieved = r.milestones
    .map((m, n) => ({ m, n }))
    .filter(({ m }) => m.status === "achieved" && m.achievedOn !== null && m.achievedOn >= from && m.achievedOn <= to)
    .sort((a, b) => (a.m.achievedOn! < b.m.achievedOn! ? -1 : a.m.achievedOn! > b.m.achievedOn! ? 1 : a.n - b.n))
    .map(({ m }) => m);
  const byId = new Map(r.metrics.map((m) => [m.id, m]));
  return {
    from,
    to,
    items: achieved
      .filter((m) => !m.unverified)
      .map((m) => celebration(m, m.metricId !== null ? (byId.get(m.metricId) ?? null) : null, r)),
    waiting: achieved.filter((m) => m.unverified).map((m) => m.id),
  };
}

function celebration(m: MilestoneFigures, metric: MetricFigures | null, r: CelebrationInput): Celebration {
  const verified = metric !== null && !r.roi.unverifiedMetrics.includes(metric.id);
  return {
    milestone: m.id,
    achievedOn: m.achievedOn!,
    metric: metric?.id ?? null,
    before: metric?.baseline ?? null,
    after: metric?.current ?? null,
    value: verified ? metric.valueToDate : null,
    next: r.nextMilestone !== m.id ? r.nextMilestone : null,
  };
}

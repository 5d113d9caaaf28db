// Since the last QBR (issue 23): the earlier period's report.json, kept by the build beside the customer's folder,
// read against this one — each headline outcome's change since then, and the commitments that report made (its
// next-quarter milestones, its decisions, its plan of actions) scored kept, late, missed or still open
// (docs/value-model.md, "Since the last QBR"). Pure: two reports in, figures out.
import type { ActionFigures } from "./account.ts";
import type { Decision } from "./brief.ts";
import type { MetricFigures, MilestoneFigures } from "./contract.ts";
import { roundTo, significant } from "./round.ts";

/** What is read of the earlier report.json (any copy): the fields below, as that report wrote them. */
export interface EarlierReport {
  asOf: string;
  period: string | null;
  metrics: readonly Pick<MetricFigures, "id" | "current" | "currentDate">[];
  milestones: readonly Pick<MilestoneFigures, "id" | "targetDate" | "revisedTargetDate">[];
  qbr: { nextQuarter: readonly string[] } | null;
  brief: { decisions: readonly Decision[]; plan: { actions: readonly number[] } };
  actions: { actions: readonly Pick<ActionFigures, "commitment" | "owner" | "due">[] } | null;
}

/** A headline outcome then and now: the change in its unit (percentage points for "%"), and whether that is better. */
export interface OutcomeChange {
  id: string;
  before: number;
  beforeDate: string;
  now: number;
  nowDate: string;
  /** now − before, 6 significant digits. */
  change: number;
  /** better (toward the metric's direction), worse, or unchanged. */
  direction: "better" | "worse" | "unchanged";
}

/** kept (done by its date), late (done after it), missed (its date passed, not done), open (not yet due). */
export type CommitmentVerdict = "kept" | "late" | "missed" | "open";

/** A commitment of the earlier report, scored as of this one. */
export type Commitment = {
  /** The ledger's item: "commitment:milestone:ms4", "commitment:decision:metric:m2", "commitment:action:3". */
  item: string;
  /** The day it was due by, as the earlier report said; null for a decision with no date. */
  due: string | null;
  verdict: CommitmentVerdict;
  /** The day it was done, when done. */
  doneOn: string | null;
} & (
  | { kind: "milestone"; id: string }
  | { kind: "decision"; decision: Decision }
  /** An action of this report's actions table (index), matched by commitment and owner. */
  | { kind: "action"; action: number }
);

/** The earlier report against this one; null when there is none. */
export interface SinceLastQbr {
  /** The earlier report's quarter and as-of date. */
  period: string;
  asOf: string;
  /** This report's headline metrics that the earlier one measured, in headline order. */
  outcomes: OutcomeChange[];
  /** Its next-quarter milestones, then its decisions with a date, then its planned actions. */
  commitments: Commitment[];
  kept: number;
  late: number;
  missed: number;
  open: number;
}

/** What this report gives the comparison. */
export interface SinceInput {
  asOf: string;
  headline: readonly string[];
  metrics: readonly Pick<MetricFigures, "id" | "current" | "currentDate" | "direction" | "target" | "series">[];
  milestones: readonly Pick<MilestoneFigures, "id" | "achievedOn">[];
  actions: readonly ActionFigures[] | null;
}

/** Scores a commitment due on `due` and done on `doneOn` (null: not done) as of `asOf`. */
export function scoreCommitment(due: string | null, doneOn: string | null, asOf: string): CommitmentVerdict {
  if (doneOn !== null) return due === null || doneOn <= due ? "kept" : "late";
  return due !== null && due < asOf ? "missed" : "open";
}

/** The change of each headline outcome since the earlier report, and that report's commitments scored as of `now.asOf`. */
export function sinceLastQbr(earlier: EarlierReport | null, now: SinceInput): SinceLastQbr | null {
  if (earlier === null || earlier.period === null || earlier.asOf >= now.asOf) return null;
  const before = new Map(earlier.metrics.map((m) => [m.id, m]));
  const metric = new Map(now.metrics.map((m) => [m.id, m]));
  const outcomes = now.headline.flatMap((id): OutcomeChange[] => {
    const [b, m] = [before.get(id), metric.get(id)];
    if (!b || !m) return [];
    const change = significant(roundTo(m.current - b.current, 9));
    const better = m.direction === "down" ? change < 0 : change > 0;
    return [
      {
        id,
        before: b.current,
        beforeDate: b.currentDate,
        now: m.current,
        nowDate: m.currentDate,
        change,
        direction: change === 0 ? "unchanged" : better ? "better" : "worse",
      },
    ];
  });

  const achieved = new Map(now.milestones.map((m) => [m.id, m.achievedOn]));
  const plannedDue = new Map(earlier.milestones.map((m) => [m.id, m.revisedTargetDate ?? m.targetDate]));
  const commitments: Commitment[] = [];
  for (const id of earlier.qbr?.nextQuarter ?? []) {
    if (!achieved.has(id)) continue;
    const due = plannedDue.get(id) ?? null;
    const doneOn = achieved.get(id) ?? null;
    commitments.push({
      kind: "milestone",
      id,
      item: `commitment:milestone:${id}`,
      due,
      doneOn,
      verdict: scoreCommitment(due, doneOn, now.asOf),
    });
  }
  for (const d of earlier.brief.decisions) {
    const scored = decisionDone(d, achieved, metric);
    if (!scored) continue;
    const key = d.kind === "renewal" ? "renewal" : `${d.kind}:${d.id}`;
    commitments.push({
      kind: "decision",
      decision: d,
      item: `commitment:decision:${key}`,
      due: scored.due,
      doneOn: scored.doneOn,
      verdict: scoreCommitment(scored.due, scored.doneOn, now.asOf),
    });
  }
  const actions = now.actions ?? [];
  for (const i of earlier.brief.plan.actions) {
    const a = earlier.actions?.actions[i];
    const n = a ? actions.findIndex((x) => x.commitment === a.commitment && x.owner === a.owner) : -1;
    if (n < 0 || actions[n].outcome === "dropped") continue;
    const due = a!.due;
    const doneOn = actions[n].doneDate;
    commitments.push({
      kind: "action",
      action: n,
      item: `commitment:action:${n + 1}`,
      due,
      doneOn,
      verdict: scoreCommitment(due, doneOn, now.asOf),
    });
  }
  const count = (v: CommitmentVerdict) => commitments.filter((c) => c.verdict === v).length;
  return {
    period: earlier.period,
    asOf: earlier.asOf,
    outcomes,
    commitments,
    kept: count("kept"),
    late: count("late"),
    missed: count("missed"),
    open: count("open"),
  };
}

/**
 * What a decision committed to, when the data can tell: a milestone's date (done when it is achieved), a metric's
 * forecast date (done on the day of the first measurement that meets its target). A renewal, an
 * expansion or a course correction without a date is recorded nowhere: null, left out.
 */
function decisionDone(
  d: Decision,
  achieved: ReadonlyMap<string, string | null>,
  metrics: ReadonlyMap<string, SinceInput["metrics"][number]>,
): { due: string | null; doneOn: string | null } | null {
  if (d.kind === "milestone") {
    if (d.date === null || !achieved.has(d.id)) return null;
    return { due: d.date, doneOn: achieved.get(d.id) ?? null };
  }
  if (d.kind === "metric") {
    const m = metrics.get(d.id);
    if (d.date === null || !m) return null;
    const met = m.series.find((p) => (m.direction === "down" ? p.value <= m.target : p.value >= m.target));
    return { due: d.date, doneOn: met?.date ?? null };
  }
  return null;
}

// The monthly progress report (issue 24): what the month of the report date brought — milestones reached and
// slipped, each headline outcome's change, the next milestone, the open actions with their owners. It reads the
// report's figures and judges nothing: every status it names is the ledger's (src/model/verdicts.ts). Pure.
import type { ActionFigures, Actions } from "./account.ts";
import type { MetricFigures, MilestoneFigures } from "./contract.ts";
import { addDays } from "./dates.ts";
import { roundTo } from "./round.ts";

/** One headline outcome over the month: where it stood the day before the month began, and now. */
export interface MonthlyOutcome {
  /** The metric's id. */
  id: string;
  /** Its value the day before the month began: the last measurement by then, else the baseline. */
  before: number;
  /** The date of `before` (the baseline date when no measurement came before the month). */
  beforeDate: string;
  /** Its current value (MetricFigures.current). */
  now: number;
  nowDate: string;
  /** now − before, 4 decimals. */
  change: number;
  /** How many measurements are dated in the month: 0 means the month brought no new figure. */
  measured: number;
}

/** The month of the report date: report.json `monthly`. */
export interface Monthly {
  /** e.g. "2026-10" */
  month: string;
  /** The month's first day; the report covers it up to asOf. */
  start: string;
  /** Milestones achieved in the month (achievedOn from start to asOf), in file order. */
  reached: string[];
  /** Milestones not achieved by asOf whose target date, or revised target date, fell in the month, in file order. */
  slipped: string[];
  /** The headline metrics over the month. */
  outcomes: MonthlyOutcome[];
  /** The next milestone (report.nextMilestone): its target and plan are its own fields. */
  next: string | null;
  /** Open commitments of the action plan (indexes into actions.actions), by due date: blockers first (overdue). */
  actions: number[];
}

/** What the month reads of the report. */
export interface MonthlyInput {
  asOf: string;
  metrics: readonly MetricFigures[];
  milestones: readonly MilestoneFigures[];
  headline: readonly string[];
  nextMilestone: string | null;
  actions: Pick<Actions, "actions" | "plan"> | null;
}

/** The first day of the month of `iso`. */
export function monthStart(iso: string): string {
  return `${iso.slice(0, 7)}-01`;
}

/** The last day of a month "YYYY-MM". */
export function monthEnd(month: string): string {
  const [y, m] = month.split("-").map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
  return addDays(next, -1);
}

/** The month of `r.asOf`, from its first day to asOf. */
export function monthly(r: MonthlyInput): Monthly {
  const { asOf } = r;
  const start = monthStart(asOf);
  const inMonth = (d: string | null) => d !== null && d >= start && d <= asOf;
  const byId = new Map(r.metrics.map((m) => [m.id, m]));
  return {
    month: start.slice(0, 7),
    start,
    reached: r.milestones.filter((m) => m.status === "achieved" && inMonth(m.achievedOn)).map((m) => m.id),
    slipped: r.milestones
      .filter((m) => m.status !== "achieved" && (inMonth(m.targetDate) || inMonth(m.revisedTargetDate)))
      .map((m) => m.id),
    outcomes: r.headline.flatMap((id) => {
      const m = byId.get(id);
      return m ? [monthlyOutcome(m, start)] : [];
    }),
    next: r.nextMilestone,
    actions: r.actions ? openActions(r.actions) : [],
  };
}

/** A metric over the month that begins on `start`. */
export function monthlyOutcome(m: MetricFigures, start: string): MonthlyOutcome {
  const earlier = m.series.filter((p) => p.date < start);
  const last = earlier.at(-1);
  const before = last ? { value: last.value, date: last.date } : { value: m.baseline, date: m.baselineDate };
  return {
    id: m.id,
    before: before.value,
    beforeDate: before.date,
    now: m.current,
    nowDate: m.currentDate,
    change: roundTo(m.current - before.value, 4),
    measured: m.series.filter((p) => p.date >= start).length,
  };
}

/** The plan's open commitments: those overdue (blockers) first, then by due date. */
function openActions(a: Pick<Actions, "actions" | "plan">): number[] {
  const open = (x: ActionFigures) => x.status !== "done" && x.status !== "dropped";
  const blocker = (i: number) => (a.actions[i].overdue ? 0 : 1);
  return a.plan
    .filter((i) => open(a.actions[i]))
    .sort((x, y) => blocker(x) - blocker(y) || (a.actions[x].due < a.actions[y].due ? -1 : 1) || x - y);
}

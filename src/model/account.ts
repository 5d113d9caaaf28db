// The account around the engagement: contract and renewal, adoption, support, stakeholders, the mutual
// action plan and the health trend (issue 11). Pure: rows in, figures out; absent data gives null.
import type { Action, Customer, HealthRow, SupportPeriod, Usage } from "../schema.ts";
import { addDays, daysBetween, inPeriod, parsePeriod, type Period } from "./dates.ts";
import type { Health } from "./milestones.ts";
import { CUSTOMER_SOURCE, ref } from "./provenance.ts";
import { fraction, orNull } from "./round.ts";

/** The contract as of the report date. */
export interface Contract {
  start: string;
  end: string;
  /** contract.renewalDate, else the end of the term. */
  renewalDate: string;
  /** Days from asOf to the renewal date (negative once it has passed). */
  daysToRenewal: number;
  seats: number | null;
  annualValue: number | null;
  /** The usage measure counted against the seats: contract.seatsMeasure, else the usage table's first measure. */
  seatsMeasure: string | null;
  /** The latest value of seatsMeasure on or before asOf; null without one. */
  seatsUsed: number | null;
  /** seatsUsed ÷ seats; null without both. */
  utilization: number | null;
  source: string;
}

/** One adoption measure over time. */
export interface AdoptionMeasure {
  measure: string;
  /** Values on or before asOf, oldest first. */
  series: { date: string; value: number; source: string }[];
  latest: number;
  latestDate: string;
  /** The latest value on or before the day the report's quarter started; null when none. */
  quarterStart: number | null;
  /** (latest − quarterStart) ÷ quarterStart; null without a positive quarterStart. */
  change: number | null;
}

/** Support tickets by period, the latest shown last. */
export interface Support {
  periods: { period: string; opened: number; closed: number; slaMet: number; backlog: number; source: string }[];
  /** Open at the latest period's end: opened − closed carried from the first row, never below zero. */
  backlog: number;
  /** The latest period's figures and the one before; null when there is only one. */
  latest: string;
  previous: string | null;
}

/** A commitment of the mutual action plan. */
export interface ActionFigures {
  commitment: string;
  owner: string;
  side: Action["side"];
  due: string;
  status: Action["status"];
  doneDate: string | null;
  agreed: string | null;
  /** Not done or dropped, and due before asOf. */
  overdue: boolean;
  /** For the scorecard: kept (done by due), late (done after due), missed (past due, not done), open (not yet due), dropped. */
  outcome: "kept" | "late" | "missed" | "open" | "dropped";
  source: string;
}

/** The mutual action plan and the scorecard of last quarter's commitments (indexes into `actions`). */
export interface Actions {
  actions: ActionFigures[];
  /** Open commitments by due date: the plan from here. */
  plan: number[];
  /** Commitments agreed in the quarter before the report's (or, without `agreed`, due in the report's quarter). */
  scorecard: number[];
  kept: number;
  late: number;
  missed: number;
  /** kept ÷ (kept + late + missed); null when none is decided. */
  keptShare: number | null;
}

/** A stakeholder on the map. */
export interface StakeholderFigures {
  name: string;
  role: string;
  audience: Customer["stakeholders"][number]["audience"];
  influence: "high" | "medium" | "low" | null;
  sentiment: "champion" | "supporter" | "neutral" | "detractor" | null;
  change: "new" | "improved" | "unchanged" | "declined" | null;
}

/** The health of earlier quarters and this one, oldest first. */
export interface HealthTrend {
  points: { period: string; rag: Health["rag"]; note: string | null; source: string }[];
  /** The last change of colour: better, worse, or unchanged from the previous quarter. */
  direction: "better" | "worse" | "unchanged";
}

/** The contract figures, or null without contract in customer.json. */
export function contractFigures(customer: Customer, usage: readonly Usage[], asOf: string): Contract | null {
  const c = customer.contract;
  if (!c) return null;
  const renewalDate = c.renewalDate ?? c.end;
  const seatsMeasure = c.seatsMeasure ?? usage[0]?.measure ?? null;
  const latest = seatsMeasure === null ? undefined : latestOf(usage, seatsMeasure, asOf);
  const seats = c.seats ?? null;
  return {
    start: c.start,
    end: c.end,
    renewalDate,
    daysToRenewal: daysBetween(asOf, renewalDate),
    seats,
    annualValue: c.annualValue ?? null,
    seatsMeasure,
    seatsUsed: latest?.value ?? null,
    utilization: latest && seats ? fraction(latest.value / seats) : null,
    source: CUSTOMER_SOURCE,
  };
}

function latestOf(usage: readonly Usage[], measure: string, until: string): Usage | undefined {
  let best: Usage | undefined;
  for (const u of usage) if (u.measure === measure && u.date <= until && (!best || u.date >= best.date)) best = u;
  return best;
}

/** Each usage measure (first-seen order) as of asOf; null without a usage table or any row by asOf. */
export function adoption(usage: readonly Usage[], asOf: string, period: Period | null): AdoptionMeasure[] | null {
  const measures = [...new Set(usage.map((u) => u.measure))];
  const out = measures.flatMap((measure) => {
    const rows = usage
      .filter((u) => u.measure === measure && u.date <= asOf)
      .toSorted((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    if (rows.length === 0) return [];
    const last = rows.at(-1)!;
    const before = period ? latestOf(rows, measure, dayBefore(period.start)) : undefined;
    const start = before?.value ?? null;
    return [
      {
        measure,
        series: rows.map((r) => ({ date: r.date, value: r.value, source: ref(r.src) })),
        latest: last.value,
        latestDate: last.date,
        quarterStart: start,
        change: start !== null && start > 0 ? fraction((last.value - start) / start) : null,
      },
    ];
  });
  return out.length ? out : null;
}

const dayBefore = (iso: string) => addDays(iso, -1);

/** The first day of a support period: "2026-Q3" → 2026-07-01, "2026-08" → 2026-08-01. */
export function periodStart(period: string): string {
  return parsePeriod(period)?.start ?? `${period}-01`;
}

/** Support periods that started by asOf (at most the last eight), oldest first; null without any. */
export function support(rows: readonly SupportPeriod[], asOf: string): Support | null {
  const started = rows
    .filter((r) => periodStart(r.period) <= asOf)
    .toSorted((a, b) => (periodStart(a.period) < periodStart(b.period) ? -1 : 1));
  if (started.length === 0) return null;
  // The backlog is carried from the first row (not the first shown) and never falls below zero.
  let backlog = 0;
  const all = started.map((r) => {
    backlog = Math.max(0, backlog + r.opened - r.closed);
    return { period: r.period, opened: r.opened, closed: r.closed, slaMet: r.sla_met, backlog, source: ref(r.src) };
  });
  const periods = all.slice(-8);
  return { periods, backlog, latest: periods.at(-1)!.period, previous: periods.at(-2)?.period ?? null };
}

/** The quarter before `period`. */
export function previousPeriod(period: Period): Period {
  const [year, q] = [+period.id.slice(0, 4), +period.id.slice(6)];
  return parsePeriod(q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`)!;
}

/** The action plan and scorecard as of asOf; null without an actions table. */
export function actionPlan(
  rows: readonly Action[],
  asOf: string,
  period: Period | null,
  present: boolean,
): Actions | null {
  if (!present) return null;
  const actions: ActionFigures[] = rows.map((a) => {
    const done = a.status === "done" && a.done_date !== undefined && a.done_date <= asOf;
    const outcome: ActionFigures["outcome"] =
      a.status === "dropped"
        ? "dropped"
        : done
          ? a.done_date! <= a.due
            ? "kept"
            : "late"
          : a.due < asOf
            ? "missed"
            : "open";
    return {
      commitment: a.commitment,
      owner: a.owner,
      side: a.side,
      due: a.due,
      status: done || a.status !== "done" ? a.status : "in_progress",
      doneDate: done ? a.done_date! : null,
      agreed: a.agreed ?? null,
      overdue: outcome === "missed",
      outcome,
      source: ref(a.src),
    };
  });
  const order = (ids: number[]) =>
    ids.toSorted((i, j) => (actions[i].due < actions[j].due ? -1 : actions[i].due > actions[j].due ? 1 : i - j));
  const plan = order(actions.flatMap((a, i) => (a.outcome === "open" || a.outcome === "missed" ? [i] : [])));
  const last = period ? previousPeriod(period) : null;
  const scorecard = period
    ? order(
        actions.flatMap((a, i) => ((a.agreed !== null ? a.agreed === last!.id : inPeriod(a.due, period)) ? [i] : [])),
      )
    : [];
  const count = (o: ActionFigures["outcome"]) => scorecard.filter((i) => actions[i].outcome === o).length;
  const [kept, late, missed] = [count("kept"), count("late"), count("missed")];
  return {
    actions,
    plan,
    scorecard,
    kept,
    late,
    missed,
    keptShare: orNull(kept + late + missed ? kept / (kept + late + missed) : null, fraction),
  };
}

/** The stakeholder map; null unless a stakeholder has an influence or a sentiment. */
export function stakeholderMap(customer: Customer): StakeholderFigures[] | null {
  const people = customer.stakeholders;
  if (!people.some((p) => p.influence || p.sentiment)) return null;
  const rank = { high: 0, medium: 1, low: 2 } as const;
  return people
    .map((p) => ({
      name: p.name,
      role: p.role,
      audience: p.audience,
      influence: p.influence ?? null,
      sentiment: p.sentiment ?? null,
      change: p.change ?? null,
    }))
    .toSorted((a, b) => rank[a.influence ?? "low"] - rank[b.influence ?? "low"]);
}

/** The health of the quarters before the report's (from the health table) and the report's own; null without history. */
export function healthTrend(rows: readonly HealthRow[], period: Period | null, now: Health): HealthTrend | null {
  if (!period) return null;
  const earlier = rows
    .filter((r) => r.period < period.id)
    .toSorted((a, b) => (a.period < b.period ? -1 : 1))
    .slice(-7);
  if (earlier.length === 0) return null;
  const points = [
    ...earlier.map((r) => ({ period: r.period, rag: r.rag, note: r.note ?? null, source: ref(r.src) })),
    { period: period.id, rag: now.rag, note: null, source: "report" },
  ];
  const score = { red: 0, yellow: 1, green: 2 } as const;
  const [before, after] = [score[points.at(-2)!.rag], score[now.rag]];
  return { points, direction: after > before ? "better" : after < before ? "worse" : "unchanged" };
}

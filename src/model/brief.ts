// Page one as a 30-second brief (issue 11): a three-sentence story, value with payback or projected
// break-even, the top three decisions each with a recommended choice and a date, next quarter's plan and
// the renewal line. Structured facts only; the templates word them in the customer's language.
import type { Cost } from "../schema.ts";
import type { Actions, Contract } from "./account.ts";
import { addDays, fromDay, toDay } from "./dates.ts";
import { standingRevision, type Health } from "./milestones.ts";
import type { Qbr } from "./qbr.ts";
import type { TriagedOpportunity } from "./opportunities.ts";
import { perDays } from "./value.ts";

/** A decision the customer's sponsor is asked to take, with the recommended choice and the day to decide by. */
export type Decision =
  | { kind: "renewal"; recommend: "renew_expand" | "renew" | "renew_rightsize"; seats: number | null; by: string }
  | {
      kind: "milestone";
      id: string;
      recommend: "accept_revised_date" | "agree_new_date";
      date: string | null;
      by: string;
    }
  | {
      kind: "metric";
      id: string;
      recommend: "accept_forecast" | "course_correct" | "reset_target";
      date: string | null;
      by: string;
    }
  | { kind: "expansion"; id: string; recommend: "approve_proposal"; by: string };

/** The brief of page one. */
export interface Brief {
  /** Sentence one: where the engagement stands. */
  progress: { rag: Health["rag"]; achievedInPeriod: number; achieved: number; milestones: number };
  /** Sentence two: the headline metric that moved most toward its target (id), null when none moved. */
  lead: string | null;
  /** Sentence three: the first decision, else the next milestone (id), else nothing to add. */
  next: { decision: number } | { milestone: string } | null;
  /** The projected day cumulative value reaches cumulative cost at the current run-rate, when payback is not yet reached; null when it is, or never within five years. */
  breakEven: string | null;
  /** At most three, by decide-by date (earliest first; same day: renewal, risks, expansion). */
  decisions: Decision[];
  /** Milestones due after asOf by next quarter's end (ids) and the open commitments due by then, none overdue (indexes into actions). */
  plan: { milestones: string[]; actions: number[] };
}

/** Days the sponsor has to decide on a risk raised in the review. */
export const DECIDE_WITHIN = 30;
/** A renewal this many days away or nearer is a decision of this review. */
export const RENEWAL_HORIZON = 180;

/** What the brief reads of the core report. */
export interface BriefCore {
  health: Health;
  qbr: Qbr | null;
  milestones: readonly { id: string; status: string; achievedOn: string | null }[];
  metrics: readonly { id: string; progress: number | null }[];
  headline: readonly string[];
  nextMilestone: string | null;
  opportunities: readonly TriagedOpportunity[];
  roi: { valueToDate: number; costToDate: number; runRate: number; paybackDate: string | null };
}

interface BriefInput extends BriefCore {
  asOf: string;
  contract: Contract | null;
  actions: Actions | null;
  costs: readonly Cost[];
}

/** The brief as of asOf. */
export function brief(input: BriefInput): Brief {
  const { asOf, qbr, contract } = input;
  // Decide within 30 days, never after the date the decision is about (a forecast or revised date ahead).
  const soon = (date: string | null) => {
    const limit = addDays(asOf, DECIDE_WITHIN);
    return date !== null && date >= asOf && date < limit ? date : limit;
  };
  const decisions: Decision[] = [];
  if (contract && contract.daysToRenewal >= 0 && contract.daysToRenewal <= RENEWAL_HORIZON) {
    const u = contract.utilization;
    decisions.push({
      kind: "renewal",
      recommend: u === null ? "renew" : u >= 0.9 ? "renew_expand" : u < 0.6 ? "renew_rightsize" : "renew",
      seats: contract.seats,
      by: later(asOf, addDays(contract.renewalDate, -DECIDE_WITHIN)),
    });
  }
  for (const r of qbr?.risks ?? []) {
    if (r.kind === "milestone") {
      const revised = standingRevision(r, asOf);
      decisions.push({
        kind: "milestone",
        id: r.id,
        recommend: revised !== null ? "accept_revised_date" : "agree_new_date",
        date: revised,
        by: soon(revised),
      });
    } else {
      const date = r.status === "behind" ? r.forecastDate : null;
      decisions.push({
        kind: "metric",
        id: r.id,
        recommend:
          r.status === "behind" ? "accept_forecast" : r.status === "missed" ? "reset_target" : "course_correct",
        date,
        by: soon(date),
      });
    }
  }
  for (const o of input.opportunities)
    if (o.triage === "propose_now")
      decisions.push({ kind: "expansion", id: o.id, recommend: "approve_proposal", by: soon(qbr?.next.start ?? null) });

  const progressOf = new Map(input.metrics.map((m) => [m.id, m.progress]));
  const lead =
    input.headline
      .filter((id) => (progressOf.get(id) ?? 0) > 0)
      .toSorted((a, b) => progressOf.get(b)! - progressOf.get(a)!)[0] ?? null;
  const top = orderDecisions(decisions).slice(0, 3);
  const actions = input.actions;
  const next = qbr?.next;
  return {
    progress: {
      rag: input.health.rag,
      achievedInPeriod: qbr?.achieved.length ?? 0,
      achieved: input.milestones.filter((m) => m.status === "achieved").length,
      milestones: input.milestones.length,
    },
    lead,
    next: top.length ? { decision: 0 } : input.nextMilestone ? { milestone: input.nextMilestone } : null,
    breakEven: input.roi.paybackDate ? null : breakEven(input.roi, input.costs, asOf),
    decisions: top,
    plan: {
      milestones: qbr?.nextQuarter ?? [],
      // Overdue commitments are overdue, never plan.
      actions:
        actions && next
          ? actions.plan.filter((i) => actions.actions[i].outcome === "open" && actions.actions[i].due <= next.end)
          : [],
    },
  };
}

const later = (a: string, b: string) => (a > b ? a : b);

/** Decisions by their decide-by date, earliest first; the same day keeps the order they were raised in. */
export function orderDecisions(decisions: readonly Decision[]): Decision[] {
  return decisions.toSorted((a, b) => (a.by < b.by ? -1 : a.by > b.by ? 1 : 0));
}

/** Most days ahead a break-even is projected. */
const HORIZON_DAYS = 5 * 365;

/**
 * The first day after asOf on which value (growing at the run-rate) reaches cost (recurring costs running
 * on to their end, once-costs on their day); null when that is more than five years away.
 */
export function breakEven(
  roi: { valueToDate: number; costToDate: number; runRate: number },
  costs: readonly Cost[],
  asOf: string,
): string | null {
  const first = toDay(asOf);
  const valuePerDay = roi.runRate / perDays("year");
  let value = roi.valueToDate;
  let cost = roi.costToDate;
  for (let day = first + 1; day <= first + HORIZON_DAYS; day++) {
    const date = fromDay(day);
    for (const c of costs) {
      if (c.per === "once") cost += c.start === date ? c.amount : 0;
      else if (c.start <= fromDay(day - 1) && (c.end === undefined || fromDay(day - 1) < c.end))
        cost += c.amount / perDays(c.per);
    }
    value += valuePerDay;
    if (value >= cost) return date;
  }
  return null;
}

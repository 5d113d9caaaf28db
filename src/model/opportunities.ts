// Opportunity triage: expansion now, expansion later, change request, or noise (docs/value-model.md, "Opportunity triage").
import type { Opportunity } from "../schema.ts";
import { ref } from "./provenance.ts";

/** What to do with an opportunity. */
export type Triage = "propose_now" | "defer" | "change_request" | "noise";

/** Why: the answer that decided the triage. */
export type TriageReason =
  | "distinct_priority_safe" // distinct outcome, customer priority, no risk to the current delivery
  | "risks_current_delivery" // would be propose_now, but the current delivery is not yet safe
  | "not_distinct" // the same outcome as the current scope: change control
  | "not_priority"; // distinct, but not a customer priority: log and revisit

/** An opportunity with its triage and its five-line framing. */
export interface TriagedOpportunity {
  id: string;
  title: string;
  signal: Opportunity["signal"];
  triage: Triage;
  reason: TriageReason;
  horizon: "quick_win" | "long_term" | null;
  effort: string | null;
  /** What the customer gains, in a line; null when not given. */
  valueHypothesis: string | null;
  /** The price range (price_low to price_high; one of them alone is both ends); null when neither is given. */
  price: { low: number; high: number } | null;
  /** observation → implication → desired outcome → service approach → next step */
  framing: {
    observation: string;
    implication: string;
    desiredOutcome: string;
    serviceApproach: string;
    nextStep: string;
  };
  source: string;
}

/** Opportunity ids in file order: by triage, and the expansions (propose_now and defer) by horizon. */
export interface OpportunityGroups {
  /** Every opportunity by its triage. */
  byTriage: Record<Triage, string[]>;
  quickWins: string[];
  longTerm: string[];
  /** Expansions with no horizon given. */
  unplanned: string[];
}

/** (risks, distinct, priority): (no, yes, yes) → propose_now; (yes, yes, yes) → defer; distinct no → change_request; else noise. */
export function triage(o: Pick<Opportunity, "risks_current_delivery" | "distinct_outcome" | "customer_priority">): {
  triage: Triage;
  reason: TriageReason;
} {
  if (!o.distinct_outcome) return { triage: "change_request", reason: "not_distinct" };
  if (!o.customer_priority) return { triage: "noise", reason: "not_priority" };
  if (o.risks_current_delivery) return { triage: "defer", reason: "risks_current_delivery" };
  return { triage: "propose_now", reason: "distinct_priority_safe" };
}

/** Every opportunity triaged, in file order. */
export function triageAll(rows: readonly Opportunity[]): TriagedOpportunity[] {
  return rows.map((o) => ({
    id: o.id,
    title: o.title,
    signal: o.signal,
    ...triage(o),
    horizon: o.horizon ?? null,
    effort: o.effort ?? null,
    valueHypothesis: o.value_hypothesis ?? null,
    price:
      o.price_low === undefined && o.price_high === undefined
        ? null
        : { low: o.price_low ?? o.price_high!, high: o.price_high ?? o.price_low! },
    framing: {
      observation: o.observation,
      implication: o.implication,
      desiredOutcome: o.desired_outcome,
      serviceApproach: o.service_approach,
      nextStep: o.next_step,
    },
    source: ref(o.src),
  }));
}

/** The opportunities by triage, and the expansions (propose_now, defer) grouped into quick wins and long-term. */
export function groupByHorizon(triaged: readonly TriagedOpportunity[]): OpportunityGroups {
  const ids = (t: Triage) => triaged.filter((o) => o.triage === t).map((o) => o.id);
  const expansions = triaged.filter((o) => o.triage === "propose_now" || o.triage === "defer");
  return {
    byTriage: {
      propose_now: ids("propose_now"),
      defer: ids("defer"),
      change_request: ids("change_request"),
      noise: ids("noise"),
    },
    quickWins: expansions.filter((o) => o.horizon === "quick_win").map((o) => o.id),
    longTerm: expansions.filter((o) => o.horizon === "long_term").map((o) => o.id),
    unplanned: expansions.filter((o) => o.horizon === null).map((o) => o.id),
  };
}

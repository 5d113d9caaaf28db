// The judgement ledger (issue 20): every verdict the packs state, computed once as of the report date by the
// module of its kind, listed here with the rule that gave it. Pages only place these verdicts, each with a
// data-verdict="item:verdict" mark (templates/lib/verdict.ts); docs/value-model.md, "The judgement ledger".
import type { ActionFigures } from "./account.ts";
import type { Decision } from "./brief.ts";
import type { Closeout, CloseoutEntry, DeliverableSignoff } from "./closeout.ts";
import type { CloseoutBrief } from "./closeout-brief.ts";
import type { MetricFigures, MilestoneFigures, RoiFigures, Verdict } from "./contract.ts";
import { csatTiming, type Csat } from "./csat.ts";
import type { Health } from "./milestones.ts";
import type { GoalOutcomes } from "./outcomes.ts";
import type { SinceLastQbr } from "./since.ts";

/** The ledger's item for `id` of `kind` judged on `on`: "target:m2", or "target:m2@2026-09-15" when `on` is not asOf. */
export function itemOf(kind: string, id: string, on: string, asOf: string): string {
  return on === asOf ? `${kind}:${id}` : `${kind}:${id}@${on}`;
}

/** A metric target's verdict as of the report date: met, missed (due on or before it and short), or open. */
export function metricTargetVerdict(m: Pick<MetricFigures, "forecast">): Omit<Verdict, "item"> {
  const s = m.forecast.status;
  if (s === "reached") return { verdict: "met", reason: "meets_target" };
  if (s === "missed") return { verdict: "missed", reason: "due_and_short" };
  return { verdict: "open", reason: "not_yet_due" };
}

/** An open target's forecast: on_track, behind, not_converging or insufficient_data, with the pace that decided. */
export function metricForecastVerdict(m: Pick<MetricFigures, "forecast">): Omit<Verdict, "item"> | null {
  const { status, pace } = m.forecast;
  if (status === "reached" || status === "missed") return null;
  const reason =
    status === "insufficient_data"
      ? "too_few_points"
      : status === "not_converging"
        ? "moving_away"
        : pace === "recent"
          ? "recent_pace"
          : "overall_pace";
  return { verdict: status, reason };
}

/** A milestone's verdict: its status, "achieved_late" when achieved after its target date. */
export function milestoneVerdict(m: Pick<MilestoneFigures, "status" | "late">): Omit<Verdict, "item"> {
  if (m.status === "achieved")
    return m.late
      ? { verdict: "achieved_late", reason: "after_target_date" }
      : { verdict: "achieved", reason: "by_target_date" };
  if (m.status === "delayed") return { verdict: "delayed", reason: "due_not_achieved" };
  return { verdict: m.status, reason: m.status === "in_progress" ? "stated_or_measured" : "nothing_yet" };
}

/**
 * Payback: verified when the verified value alone has paid back, on the verified date ("claimed_earlier" when the
 * value claimed paid back before it: pages show both dates); claimed when only the value with unverified or
 * projected value has ("paid back" is then never said without that qualification); not_yet otherwise.
 */
export function paybackVerdict(roi: Pick<RoiFigures, "paybackDate" | "verifiedPaybackDate">): Omit<Verdict, "item"> {
  if (roi.verifiedPaybackDate !== null)
    return roi.paybackDate !== null && roi.paybackDate !== roi.verifiedPaybackDate
      ? { verdict: "verified", reason: "claimed_earlier" }
      : { verdict: "verified", reason: "verified_value_covers_cost" };
  if (roi.paybackDate !== null) return { verdict: "claimed", reason: "only_with_unverified_value" };
  return { verdict: "not_yet", reason: "value_below_cost" };
}

/** A close-out item: done, overdue, open, or to_agree (milepost's standard checklist: nothing says). */
export function trackerVerdict(
  i: Pick<CloseoutEntry, "done" | "overdue" | "standard" | "doneBy">,
): Omit<Verdict, "item"> {
  if (i.done) return { verdict: "done", reason: i.doneBy === "data" ? "data_exists" : "done_date" };
  if (i.standard) return { verdict: "to_agree", reason: "standard_checklist" };
  return i.overdue ? { verdict: "overdue", reason: "due_not_done" } : { verdict: "open", reason: "not_yet_due" };
}

/** A deliverable: accepted, superseded, overdue or open. */
export function deliverableVerdict(
  d: Pick<DeliverableSignoff, "accepted" | "superseded" | "overdue">,
): Omit<Verdict, "item"> {
  if (d.accepted) return { verdict: "accepted", reason: "accepted" };
  if (d.superseded) return { verdict: "superseded", reason: "replaced" };
  return d.overdue ? { verdict: "overdue", reason: "due_not_accepted" } : { verdict: "open", reason: "not_yet_due" };
}

/** A decision's key in the ledger: "renewal", "milestone:ms2", "metric:m1", "expansion:o1". */
export function decisionKey(d: Decision): string {
  return d.kind === "renewal" ? "renewal" : `${d.kind}:${d.id}`;
}

/**
 * A decision the review asks for: due when its decide-by date is the report date, else open (nothing records a
 * decision taken); the recommendation is its reason.
 */
export function decisionVerdict(d: Decision, asOf: string): Omit<Verdict, "item"> {
  return { verdict: d.by <= asOf ? "due" : "open", reason: d.recommend };
}

/**
 * A decision's decide-by date, as the verdict: on the date it decides when that falls within 30 days, before the
 * renewal for a renewal, else 30 days from the report date.
 */
export function decideByVerdict(d: Decision): Omit<Verdict, "item"> {
  const reason =
    d.kind === "renewal" ? "before_renewal" : "date" in d && d.date === d.by ? "on_its_date" : "within_30_days";
  return { verdict: d.by, reason };
}

/** What the ledger reads of the report. */
export interface LedgerInput {
  asOf: string;
  engagementEnd: string | null;
  health: Health;
  metrics: readonly MetricFigures[];
  milestones: readonly MilestoneFigures[];
  roi: Pick<RoiFigures, "paybackDate" | "verifiedPaybackDate">;
  goalOutcomes: GoalOutcomes | null;
  csat: Csat | null;
  closeout: Closeout | null;
  actions: readonly ActionFigures[] | null;
  /** Page one's decisions, by decide-by date. */
  decisions: readonly Decision[];
  /** The close-out's page one: its check-ins and its sign-off. */
  closeoutBrief?: CloseoutBrief | null;
  /** Since the last QBR: the earlier report's commitments, scored. */
  sinceLastQbr?: SinceLastQbr | null;
}

/** Every verdict of the report, each item once: metrics, milestones, health, payback, goals, survey, close-out, actions, decisions. */
export function verdictLedger(r: LedgerInput): Verdict[] {
  const out: Verdict[] = [];
  const add = (item: string, v: Omit<Verdict, "item"> | null) => {
    if (v) out.push({ item, ...v });
  };
  const { asOf } = r;
  for (const m of r.metrics) {
    add(`target:${m.id}`, metricTargetVerdict(m));
    add(`forecast:${m.id}`, metricForecastVerdict(m));
  }
  for (const m of r.milestones) add(`milestone:${m.id}`, milestoneVerdict(m));
  add("health", { verdict: r.health.rag, reason: r.health.rule });
  add("payback", paybackVerdict(r.roi));
  if (r.goalOutcomes) {
    const on = r.goalOutcomes.closeDate;
    const seen = new Set(out.map((v) => v.item));
    for (const g of r.goalOutcomes.goals) {
      add(`goal:${g.id}`, { verdict: g.verdict, reason: g.rule });
      for (const gm of g.metrics) {
        const item = itemOf("target", gm.id, on, asOf);
        if (!seen.has(item)) add(item, { verdict: gm.target, reason: goalTargetReason(gm.target) });
        seen.add(item);
      }
      for (const gm of g.milestones) {
        const item = itemOf("milestone", gm.id, on, asOf);
        if (!seen.has(item)) add(item, milestoneVerdict(gm));
        seen.add(item);
      }
    }
  }
  if (r.csat && r.engagementEnd !== null) {
    const timing = csatTiming(r.csat, r.engagementEnd, asOf);
    add("survey", { verdict: timing, reason: r.csat.sentDate !== null ? "sent_date" : "first_response" });
  }
  if (r.closeout) {
    r.closeout.items.forEach((i, n) => add(`tracker:${n + 1}`, trackerVerdict(i)));
    for (const d of r.closeout.deliverables?.items ?? []) add(`deliverable:${d.id}`, deliverableVerdict(d));
  }
  r.actions?.forEach((a, n) => add(`action:${n + 1}`, { verdict: a.outcome, reason: a.outcome }));
  for (const d of r.decisions) {
    add(`decision:${decisionKey(d)}`, decisionVerdict(d, asOf));
    add(`decide-by:${decisionKey(d)}`, decideByVerdict(d));
  }
  const cb = r.closeoutBrief;
  if (cb) {
    for (const c of cb.checkins)
      add(
        `checkin:${c.days}`,
        c.proposed
          ? { verdict: "proposed", reason: "from_engagement_end" }
          : { verdict: "agreed", reason: "post_close_plan" },
      );
    if (cb.signers.length + (cb.signed ? 1 : 0) > 0)
      add(
        "signoff",
        cb.signed
          ? { verdict: "signed", reason: "every_block_dated" }
          : { verdict: "to_sign", reason: "block_undated" },
      );
  }
  for (const c of r.sinceLastQbr?.commitments ?? [])
    add(c.item, { verdict: c.verdict, reason: commitmentReason(c.verdict) });
  return out;
}

function commitmentReason(v: "kept" | "late" | "missed" | "open"): string {
  return v === "kept"
    ? "done_by_due"
    : v === "late"
      ? "done_after_due"
      : v === "missed"
        ? "due_not_done"
        : "not_yet_due";
}

function goalTargetReason(v: "met" | "missed" | "open"): string {
  return v === "met" ? "meets_target" : v === "missed" ? "due_and_short" : "not_yet_due";
}

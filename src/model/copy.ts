// The customer's copy and the internal copy of a report (docs/report-json.md, "Copies"). Each item knows its
// audience here: the customer's copy holds nothing addressed to the CSM — no triage, no coaching, no to-dos —
// and the internal copy is the customer's copy plus `internal`, what the CSM alone reads. Pure.
import type { AgendaTopic } from "./agenda.ts";
import { caseStudy, type CaseStudy } from "./casestudy.ts";
import type { Triage, TriageReason, TriagedOpportunity } from "./opportunities.ts";
import type { Report } from "./contract.ts";
import type { DataGap } from "./gaps.ts";

export type Copy = "customer" | "internal";

/** The copies `--copy` builds; the first is the default, and the only one published. */
export const COPIES: readonly Copy[] = ["customer", "internal"];

/** An expansion proposed to the customer: an opportunity without its triage. */
export type Expansion = Omit<TriagedOpportunity, "triage" | "reason">;

/** The closing meeting's topics the customer reads; the survey's timing and the opportunities to raise are coaching. */
export type CustomerTopic = Exclude<AgendaTopic, { topic: "csat" | "opportunities" }>;
export type CoachingTopic = Extract<AgendaTopic, { topic: "csat" | "opportunities" }>;

/** What only the CSM reads (the internal copy). */
export interface InternalNotes {
  /** To-dos before the review: milestones achieved without evidence (confirm it to count them), risks with no course correction recorded (agree one). */
  todos: (
    | { kind: "confirm_evidence"; milestone: string }
    | { kind: "agree_correction"; risk: "milestone" | "metric"; id: string }
  )[];
  /** Every opportunity's triage and why, in file order (the customer's copy lists the expansions proposed now only). */
  triage: { id: string; title: string; triage: Triage; reason: TriageReason }[];
  /** Coaching for the closing meeting: when to send the survey, which opportunities to raise, mention or route. */
  coaching: CoachingTopic[];
  /** What the data leaves out, by file and field (src/model/gaps.ts): the Data gaps page. */
  gaps: DataGap[];
  /** The case-study draft for marketing (src/model/casestudy.ts); null without a reference ask or a strategic milestone achieved. */
  caseStudy: CaseStudy | null;
}

/** report.json as a copy holds it. */
export interface CopyReport extends Omit<Report, "opportunities" | "opportunityGroups" | "closingAgenda"> {
  copy: Copy;
  /** The expansions proposed now, in file order. */
  opportunities: Expansion[];
  /** Those expansions by horizon (ids). */
  opportunityGroups: { quickWins: string[]; longTerm: string[]; unplanned: string[] };
  /** The closing meeting's agenda without the coaching topics; null without an engagement end. */
  closingAgenda: { meetingDate: string; held: boolean; topics: CustomerTopic[] } | null;
  /** Only in the internal copy. */
  internal?: InternalNotes;
}

/** The copy of `report` for `copy`; the internal copy lists `gaps`, the data's gaps (dataGaps). */
export function copyOf(report: Report, copy: Copy, gaps: DataGap[] = []): CopyReport {
  const { opportunities, opportunityGroups, closingAgenda } = report;
  const proposed = opportunities.filter((o) => o.triage === "propose_now");
  const ids = new Set(proposed.map((o) => o.id));
  // Spread first: report.json keeps its fields in their places, `copy` and `internal` come last.
  const customer: CopyReport = {
    ...report,
    opportunities: proposed.map(({ triage: _t, reason: _r, ...o }) => o),
    opportunityGroups: {
      quickWins: opportunityGroups.quickWins.filter((id) => ids.has(id)),
      longTerm: opportunityGroups.longTerm.filter((id) => ids.has(id)),
      unplanned: opportunityGroups.unplanned.filter((id) => ids.has(id)),
    },
    stakeholderMap: customerMap(report.stakeholderMap),
    // A milestone waiting for its evidence is the account team's to chase: the internal copy lists it.
    celebrations: { ...report.celebrations, waiting: [] },
    closingAgenda: closingAgenda && {
      meetingDate: closingAgenda.meetingDate,
      held: closingAgenda.held,
      topics: closingAgenda.topics.filter((t): t is CustomerTopic => !isCoaching(t)).flatMap(withoutStandard),
    },
    copy,
  };
  return copy === "customer"
    ? customer
    : {
        ...customer,
        stakeholderMap: report.stakeholderMap,
        celebrations: report.celebrations,
        internal: internalNotes(report, gaps),
      };
}

/** The stakeholder map the customer reads: names, roles and influence; sentiment and its change are the account team's. */
function customerMap(map: Report["stakeholderMap"]): Report["stakeholderMap"] {
  const people = map?.map((p) => ({ ...p, sentiment: null, change: null }));
  return people?.some((p) => p.influence !== null) ? people : null;
}

/** A topic without milepost's standard checklist, which is the account team's; an open-items topic it alone filled goes. */
function withoutStandard(t: CustomerTopic): CustomerTopic[] {
  if (t.topic !== "open_items" || !t.standardChecklist) return [t];
  return t.deliverables.length + t.checklist.length > 0 ? [{ ...t, standardChecklist: false }] : [];
}

/** Whether a copy shows the value and return: the customer's only with a cost or a monetized outcome to show. */
export function showsReturn(report: CopyReport): boolean {
  return report.copy === "internal" || report.roi.costs.length > 0 || report.roi.metrics.length > 0;
}

const isCoaching = (t: AgendaTopic): t is CoachingTopic => t.topic === "csat" || t.topic === "opportunities";

function internalNotes(report: Report, gaps: DataGap[]): InternalNotes {
  const corrected = (metric: string) =>
    report.milestones.some((m) => m.metricId === metric && m.status !== "achieved" && m.nextSteps);
  const uncorrected = (report.qbr?.risks ?? []).filter((r) =>
    r.kind === "milestone" ? !report.milestones.find((m) => m.id === r.id)?.nextSteps : !corrected(r.id),
  );
  return {
    todos: [
      ...report.milestones
        .filter((m) => m.unverified)
        .map((m) => ({ kind: "confirm_evidence" as const, milestone: m.id })),
      ...uncorrected.map((r) => ({ kind: "agree_correction" as const, risk: r.kind, id: r.id })),
    ],
    triage: report.opportunities.map(({ id, title, triage, reason }) => ({ id, title, triage, reason })),
    coaching: report.closingAgenda?.topics.filter(isCoaching) ?? [],
    gaps,
    caseStudy: caseStudy({
      ...report,
      referenceQuote: report.reference?.quote ? { ...report.reference.quote, source: report.reference.source } : null,
      quotes: report.voice?.quotes ?? [],
    }),
  };
}

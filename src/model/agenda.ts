// The closing meeting's agenda, generated from the data: what to confirm, what is open, who owns what,
// where the satisfaction survey stands, and which opportunities are worth raising.
import type { Handoff } from "../schema.ts";
import type { Closeout, CloseoutPhaseName } from "./closeout.ts";
import { CSAT_DUE_DAYS, csatTiming, type Csat, type CsatTiming } from "./csat.ts";
import { addDays } from "./dates.ts";
import type { GoalOutcomes, GoalVerdict } from "./outcomes.ts";
import type { OpportunityGroups } from "./opportunities.ts";

/** A checklist item not done as of the date. */
export interface OpenChecklistItem {
  phase: CloseoutPhaseName;
  item: string;
  owner: string | null;
  due: string;
  overdue: boolean;
}

/** One topic of the agenda; `topic` says which. */
export type AgendaTopic =
  | {
      /** Confirm each goal's verdict with the sponsor. */
      topic: "outcomes";
      goals: { id: string; verdict: GoalVerdict }[];
    }
  | {
      /** Deliverables not accepted and checklist items not done, overdue ones first. */
      topic: "open_items";
      deliverables: string[];
      checklist: OpenChecklistItem[];
      /** True when the standard checklist stands in: its owners and dates are still to be agreed. */
      standardChecklist: boolean;
    }
  | {
      /** Who owns each system from now on; systems without an owner need one. */
      topic: "handoff_owners";
      systems: { name: string; owner: string | null }[];
      unowned: number;
    }
  | {
      /** The satisfaction survey against the 48-hour rule: sent 24–48 hours after the closing meeting. */
      topic: "csat";
      timing: CsatTiming;
      /** engagement end + 1 day: the survey goes out no sooner. */
      sendFrom: string;
      /** engagement end + 2 days */
      due: string;
      firstDate: string | null;
      responses: number;
    }
  | {
      /** Expansions to raise now, expansions to mention for later, change requests for change control. */
      topic: "opportunities";
      proposeNow: string[];
      defer: string[];
      changeRequests: string[];
    };

/** The agenda's topics in meeting order; a topic with nothing to discuss is left out (CSAT timing never is). */
export interface ClosingAgenda {
  /** The day of the closing meeting (engagement end, or asOf when that comes first): the agenda reads no data dated later. */
  meetingDate: string;
  /** True when the meeting was held before the report date: the page gives its outcome, not an agenda. */
  held: boolean;
  topics: AgendaTopic[];
}

/** What the agenda reads: the figures of the report, the handoff rows, the dates. */
export interface AgendaInput {
  outcomes: GoalOutcomes;
  closeout: Closeout;
  csat: Csat | null;
  opportunities: OpportunityGroups;
  handoff: Handoff | null;
  engagementEnd: string;
  /** The meeting's day. */
  asOf: string;
  /** The report date and the close-out as of it: open items are what stays open then, never what is done by then. */
  reportDate?: string;
  stillOpen?: Closeout;
}

/**
 * Topics in this order: outcomes to confirm (when goals are given); open items (when a deliverable is not
 * accepted, a checklist item is not done, or the standard checklist stands in); handoff owners (when
 * handoff.json names systems); CSAT timing (always); opportunities worth raising (when any is to propose
 * now, defer or route to change control: noise is not raised).
 */
export function closingAgenda(input: AgendaInput): ClosingAgenda {
  const topics: AgendaTopic[] = [];
  const { outcomes, opportunities } = input;
  const closeout = input.stillOpen ?? input.closeout;
  if (outcomes.goals.length > 0) {
    topics.push({ topic: "outcomes", goals: outcomes.goals.map((g) => ({ id: g.id, verdict: g.verdict })) });
  }
  const deliverables = closeout.deliverables?.items.filter((d) => !d.accepted && !d.superseded).map((d) => d.id) ?? [];
  const open = closeout.items.filter((i) => !i.standard && !i.done);
  const checklist = [...open.filter((i) => i.overdue), ...open.filter((i) => !i.overdue)].map((i) => ({
    phase: i.phase,
    item: i.item!,
    owner: i.owner,
    due: i.due,
    overdue: i.overdue,
  }));
  if (deliverables.length > 0 || checklist.length > 0 || closeout.standard) {
    topics.push({ topic: "open_items", deliverables, checklist, standardChecklist: closeout.standard });
  }
  const systems = input.handoff?.systems.map((s) => ({ name: s.name, owner: s.owner?.trim() ? s.owner : null })) ?? [];
  if (systems.length > 0) {
    topics.push({ topic: "handoff_owners", systems, unowned: systems.filter((s) => s.owner === null).length });
  }
  topics.push({
    topic: "csat",
    timing: csatTiming(input.csat, input.engagementEnd, input.asOf),
    sendFrom: addDays(input.engagementEnd, 1),
    due: addDays(input.engagementEnd, CSAT_DUE_DAYS),
    firstDate: input.csat?.firstDate ?? null,
    responses: input.csat?.responses ?? 0,
  });
  const { propose_now: proposeNow, defer, change_request: changeRequests } = opportunities.byTriage;
  if (proposeNow.length + defer.length + changeRequests.length > 0) {
    topics.push({ topic: "opportunities", proposeNow, defer, changeRequests });
  }
  return { meetingDate: input.asOf, held: input.reportDate !== undefined && input.asOf < input.reportDate, topics };
}

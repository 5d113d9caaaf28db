// Page one of the close-out (issue 23): what was delivered, which success criteria were met, what either side still
// owes, who owns the account after the close with the 30/60/90-day check-ins, and who signs by when. Structured
// facts from figures already judged (deliverables, goals, financials, the handoff, sign-off); the templates word
// them and place each verdict from the ledger (docs/value-model.md, "Close-out page one").
import type { Action, Handoff } from "../schema.ts";
import type { ActionFigures } from "./account.ts";
import { CHECKINS, type PostClose, type Signoff } from "./closing.ts";
import type { Closeout } from "./closeout.ts";
import { addDays } from "./dates.ts";
import type { Financials } from "./financials.ts";
import type { GoalOutcomes } from "./outcomes.ts";
import { CUSTOMER_SOURCE } from "./provenance.ts";

/** Something one side still owes the other as of the report date. */
export type Owed =
  /** Invoiced and not paid (financials): owed by the customer. */
  | { kind: "money"; side: "customer"; item: string; amount: number; source: string }
  /** A deliverable not accepted and not superseded: owed by the provider. */
  | { kind: "deliverable"; side: "provider"; id: string; due: string; overdue: boolean }
  /** An access grant of handoff.json not dated on or before the report date: to be granted. */
  | { kind: "access"; side: null; system: string; grantedTo: string; date: string | null }
  /** An open commitment of the mutual action plan, by its side. */
  | { kind: "action"; side: Action["side"]; action: number; due: string; overdue: boolean }
  /** An open item of the team's close-out checklist, by its owner. */
  | { kind: "closeout"; side: null; index: number; owner: string | null; due: string; overdue: boolean };

/** A check-in after the close: its day, its date, and whether the data gave it or it is proposed from the end date. */
export interface Checkin {
  days: number;
  date: string;
  /** True when customer.json names no post-close plan: proposed from engagement.end for the customer to confirm. */
  proposed: boolean;
  past: boolean;
}

/** The close-out's page one. */
export interface CloseoutBrief {
  /** Deliverables by verdict (ids, file order); open includes overdue. Null without a deliverables table. */
  delivered: { accepted: string[]; superseded: string[]; open: string[] } | null;
  /** Goals by verdict (ids, file order); each goal's metrics carry the target that judged it. */
  criteria: { met: string[]; partlyMet: string[]; notMet: string[]; notAssessed: string[] };
  /** What is still owed, money first, then deliverables, access, actions, checklist items. */
  owed: Owed[];
  /** The owner after the close (customer.json postClose); null when none is named. */
  owner: { name: string; role: string; email: string | null; source: string } | null;
  checkins: Checkin[];
  /** Who signs: the sign-off blocks not yet signed (names may be null), and the day to sign by. */
  signers: { name: string | null; role: string | null; deliverables: string[] }[];
  /** The sign-off's due day: the close-out item that stands for it, else the end of the delivery phase. */
  signBy: string | null;
  /** Every block signed. */
  signed: boolean;
}

/** What page one reads. */
export interface CloseoutBriefInput {
  asOf: string;
  engagementEnd: string;
  closeout: Closeout | null;
  goalOutcomes: GoalOutcomes | null;
  financials: Financials | null;
  handoff: Handoff | null;
  actions: readonly ActionFigures[] | null;
  postClose: PostClose | null;
  signoff: Signoff | null;
}

/** Page one of the close-out as of `asOf`. */
export function closeoutBrief(input: CloseoutBriefInput): CloseoutBrief {
  const { asOf, closeout } = input;
  const items = closeout?.deliverables?.items ?? null;
  const goals = input.goalOutcomes?.goals ?? [];
  const goalsBy = (v: string) => goals.filter((g) => g.verdict === v).map((g) => g.id);

  const owed: Owed[] = [];
  for (const l of input.financials?.lines ?? [])
    if (l.outstanding !== null && l.outstanding > 0)
      owed.push({ kind: "money", side: "customer", item: l.item, amount: l.outstanding, source: l.source });
  for (const d of items ?? [])
    if (!d.accepted && !d.superseded)
      owed.push({ kind: "deliverable", side: "provider", id: d.id, due: d.dueDate, overdue: d.overdue });
  for (const a of input.handoff?.access ?? [])
    if (a.date === undefined || a.date > asOf)
      owed.push({ kind: "access", side: null, system: a.system, grantedTo: a.granted_to, date: a.date ?? null });
  (input.actions ?? []).forEach((a, i) => {
    if (a.outcome === "open" || a.outcome === "missed")
      owed.push({ kind: "action", side: a.side, action: i, due: a.due, overdue: a.outcome === "missed" });
  });
  if (closeout && !closeout.standard)
    closeout.items.forEach((i, n) => {
      if (!i.done)
        owed.push({ kind: "closeout", side: null, index: n, owner: i.owner, due: i.due, overdue: i.overdue });
    });

  const p = input.postClose;
  const checkins: Checkin[] = p
    ? p.checkins.map((c) => ({ days: c.days, date: c.date, proposed: false, past: c.past }))
    : CHECKINS.map((days) => {
        const date = addDays(input.engagementEnd, days);
        return { days, date, proposed: true, past: date <= asOf };
      });

  const blocks = input.signoff?.blocks ?? [];
  const signItem = closeout?.items.find((i) => i.standsFor === "sign_off" || i.key === "std.sign_off");
  const deliveryEnd = closeout?.phases.find((ph) => ph.phase === "delivery")?.end ?? null;
  return {
    delivered: items && {
      accepted: items.filter((d) => d.accepted).map((d) => d.id),
      superseded: items.filter((d) => d.superseded).map((d) => d.id),
      open: items.filter((d) => !d.accepted && !d.superseded).map((d) => d.id),
    },
    criteria: {
      met: goalsBy("met"),
      partlyMet: goalsBy("partly_met"),
      notMet: goalsBy("not_met"),
      notAssessed: goalsBy("not_assessed"),
    },
    owed,
    owner: p ? { name: p.owner, role: p.role, email: p.email, source: p.source ?? CUSTOMER_SOURCE } : null,
    checkins,
    signers: blocks
      .filter((b) => b.date === null)
      .map((b) => ({ name: b.name, role: b.role, deliverables: b.deliverables })),
    signBy: signItem?.due ?? deliveryEnd,
    signed: blocks.length > 0 && blocks.every((b) => b.date !== null),
  };
}

// What the close-out asks for beyond the checklist: acceptance sign-off blocks, the post-close owner with
// check-ins, and the reference ask (issue 11). Pure.
import type { Customer, Deliverable } from "../schema.ts";
import { addDays } from "./dates.ts";
import { CUSTOMER_SOURCE, ref } from "./provenance.ts";

/** One signature block: who signs, for which deliverables, and the day they accepted (null: to be signed). */
export interface SignoffBlock {
  name: string | null;
  role: string | null;
  date: string | null;
  /** The deliverables this block accepts (ids, file order). */
  deliverables: string[];
  sources: string[];
}

/** The acceptance sign-off page: one block per acceptor of customer.json, else one per deliverable. */
export interface Signoff {
  by: "acceptor" | "deliverable";
  blocks: SignoffBlock[];
}

/** The named owner after close, and the check-ins counted from the engagement end. */
export interface PostClose {
  owner: string;
  role: string;
  email: string | null;
  checkins: { days: number; date: string; past: boolean }[];
  source: string;
}

/** The reference or case-study ask. */
export interface ReferenceAsk {
  ask: "case_study" | "reference_call" | "logo" | "quote";
  by: string | null;
  note: string | null;
  /** A stakeholder's words the customer agreed to be quoted by (reference.quote); null when not given. */
  quote: { text: string; name: string; role: string | null } | null;
  source: string;
}

/** Days after the engagement end of the standard check-ins. */
export const CHECKINS = [30, 60, 90];

/** The sign-off blocks as of asOf; null without deliverables. Superseded deliverables (replaced_by) are left out. */
export function signoff(customer: Customer, deliverables: readonly Deliverable[], asOf: string): Signoff | null {
  const live = deliverables.filter((d) => !d.replaced_by);
  if (live.length === 0) return null;
  const acceptedOn = (d: Deliverable) =>
    d.status === "accepted" && d.accepted_date && d.accepted_date <= asOf ? d.accepted_date : null;
  if (customer.acceptors?.length) {
    return {
      by: "acceptor",
      blocks: customer.acceptors.map((a) => {
        const theirs = live.filter((d) => d.accepted_by === a.name);
        const dates = theirs.map(acceptedOn);
        const all = theirs.length > 0 && dates.every((d) => d !== null);
        return {
          name: a.name,
          role: a.role,
          date: all ? (dates as string[]).toSorted().at(-1)! : null,
          deliverables: (theirs.length ? theirs : live).map((d) => d.id),
          sources: [CUSTOMER_SOURCE, ...theirs.map((d) => ref(d.src))],
        };
      }),
    };
  }
  return {
    by: "deliverable",
    blocks: live.map((d) => ({
      name: d.accepted_by ?? null,
      // The acceptor's role as customer.json's stakeholders give it, when the acceptor is one of them.
      role: customer.stakeholders.find((s) => s.name === d.accepted_by)?.role ?? null,
      date: acceptedOn(d),
      deliverables: [d.id],
      sources: [ref(d.src)],
    })),
  };
}

/** The post-close owner and check-in dates; null without postClose or an engagement end. */
export function postClose(customer: Customer, asOf: string): PostClose | null {
  const p = customer.postClose;
  const end = customer.engagement.end;
  if (!p || !end) return null;
  return {
    owner: p.owner,
    role: p.role,
    email: p.email ?? null,
    checkins: (p.checkins ?? CHECKINS).map((days) => {
      const date = addDays(end, days);
      return { days, date, past: date <= asOf };
    }),
    source: CUSTOMER_SOURCE,
  };
}

/** The reference ask; null without one. */
export function referenceAsk(customer: Customer): ReferenceAsk | null {
  const r = customer.reference;
  if (!r) return null;
  const quote = r.quote ? { text: r.quote.text, name: r.quote.name, role: r.quote.role ?? null } : null;
  return { ask: r.ask, by: r.by ?? null, note: r.note ?? null, quote, source: CUSTOMER_SOURCE };
}

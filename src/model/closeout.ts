// The close-out window after the engagement ends: three phases, checklist, deliverables sign-off (docs/value-model.md, "Close-out").
import type { CloseoutItem, Customer, Deliverable, CLOSEOUT_STANDS_FOR } from "../schema.ts";
import { CLOSEOUT_PHASES } from "../schema.ts";
import { addDays, daysBetween } from "./dates.ts";
import { ref } from "./provenance.ts";
import { fraction, orNull } from "./round.ts";

/** delivery | transition | closure */
export type CloseoutPhaseName = (typeof CLOSEOUT_PHASES)[number];

/** One third of the window, both ends included, with how much of its checklist is done. */
export interface CloseoutPhase {
  phase: CloseoutPhaseName;
  start: string;
  end: string;
  done: number;
  total: number;
  /** done / total, 0..1; null when there is nothing to count or the checklist is the standard one. */
  doneShare: number | null;
  /** Items of this phase overdue as of the date. */
  overdue: number;
}

/** A checklist item: from the closeout table, or from the standard checklist when that table is absent. */
export interface CloseoutEntry {
  phase: CloseoutPhaseName;
  /** The standard item's key, translated by the templates. e.g. "std.sign_off"; null for the team's own items. */
  key: string | null;
  /** The team's own text; null for standard items. */
  item: string | null;
  standard: boolean;
  owner: string | null;
  /** due_date, else the last day of the item's phase. */
  due: string;
  dueDefaulted: boolean;
  /** done_date when on or before the as-of date. */
  doneDate: string | null;
  done: boolean;
  /** Not done and due before the as-of date (never for standard items: nothing says whether they are done). */
  overdue: boolean;
  /** The data the item stands for (`stands_for`), null when none is named. */
  standsFor: StandsFor | null;
  /** How done was decided: the row's done_date, or the data it stands for existing by the as-of date; null when open. */
  doneBy: "done_date" | "data" | null;
  notes: string | null;
  source: string | null;
}

/** A deliverable's sign-off as of a date. */
export interface DeliverableSignoff {
  id: string;
  name: string;
  owner: string | null;
  dueDate: string;
  /** The status column as given. */
  status: Deliverable["status"];
  /** accepted_date, when accepted as of the date. */
  acceptedDate: string | null;
  acceptedBy: string | null;
  /** Status accepted, with no accepted_date after the as-of date. */
  accepted: boolean;
  /** Not accepted, not superseded and due before the as-of date. */
  overdue: boolean;
  /** Rejected and replaced by another deliverable of the table (`replaced_by`): neither open nor counted. */
  superseded: boolean;
  /** The deliverable that replaces it; null when none is named. */
  replacedBy: string | null;
  notes: string | null;
  source: string;
}

/** Deliverables accepted out of all that are not superseded. */
export interface Deliverables {
  accepted: number;
  total: number;
  /** accepted / total, 0..1; null when there are none. */
  acceptedShare: number | null;
  items: DeliverableSignoff[];
}

/** The close-out as of a date. */
export interface Closeout {
  /** First and last day of the window: the day after engagement end, and end + closeoutDays. */
  start: string;
  end: string;
  days: number;
  /** Days of the window gone by as of the date, 0..days (0: it has not started; days: it is over). */
  day: number;
  phases: CloseoutPhase[];
  /** Phase order, then file order. */
  items: CloseoutEntry[];
  /** True when the closeout table is absent and the standard checklist stands in. */
  standard: boolean;
  done: number;
  total: number;
  /** done / total, 0..1; null when there is nothing to count or the checklist is the standard one. */
  doneShare: number | null;
  overdue: number;
  /** null when the deliverables table is absent. */
  deliverables: Deliverables | null;
}

/** The standard close-out checklist, by phase: stable keys the templates translate. */
export const STANDARD_CHECKLIST: Readonly<Record<CloseoutPhaseName, readonly string[]>> = {
  delivery: ["std.deliverables", "std.acceptance_testing", "std.punch_list", "std.sign_off"],
  transition: ["std.training", "std.documentation", "std.support_procedures", "std.maintenance_briefing"],
  closure: [
    "std.retrospective",
    "std.satisfaction_survey",
    "std.financial_reconciliation",
    "std.lessons_learned",
    "std.cs_handover",
  ],
};

/**
 * The window's three phases: day k of the window is engagement end + k, days 1..N split at round(N/3) and
 * round(2N/3) (30 days: 1–10, 11–20, 21–30). Below 3 days a phase shares its one day with its neighbour.
 */
export function closeoutPhases(
  engagementEnd: string,
  days: number,
): { phase: CloseoutPhaseName; start: string; end: string }[] {
  const bounds = [0, Math.round(days / 3), Math.round((2 * days) / 3), days];
  return CLOSEOUT_PHASES.map((phase, k) => ({
    phase,
    start: addDays(engagementEnd, Math.min(bounds[k] + 1, Math.max(bounds[k + 1], 1))),
    end: addDays(engagementEnd, Math.max(bounds[k + 1], 1)),
  }));
}

/** satisfaction_survey | retrospective | financial_reconciliation | sign_off */
export type StandsFor = (typeof CLOSEOUT_STANDS_FOR)[number];

/**
 * The day the data an item stands for came to exist, as of `asOf`; undefined while it does not. null: it exists
 * and carries no date of its own (a retrospective table). satisfaction_survey: the first response;
 * financial_reconciliation: the latest dated financials row (null when none is dated); sign_off: the last
 * acceptance once every deliverable not superseded is accepted.
 */
export function evidenceOn(kind: StandsFor, data: CloseoutEvidence, asOf: string): string | null | undefined {
  const onOrBefore = (dates: readonly string[]) => dates.filter((d) => d <= asOf).sort();
  switch (kind) {
    case "satisfaction_survey":
      return onOrBefore(data.responses)[0];
    case "retrospective":
      return data.retrospective ? null : undefined;
    case "financial_reconciliation": {
      if (data.financials === null) return undefined;
      return onOrBefore(data.financials).at(-1) ?? null;
    }
    case "sign_off": {
      const d = data.deliverables;
      if (d === null || d.total === 0 || d.accepted < d.total) return undefined;
      return onOrBefore(d.items.flatMap((i) => (i.acceptedDate ? [i.acceptedDate] : []))).at(-1) ?? null;
    }
  }
}

/** The data close-out items may stand for (see `evidenceOn`); null where the table is absent. */
export interface CloseoutEvidence {
  /** The csat responses' dates. */
  responses: readonly string[];
  retrospective: boolean;
  /** The financials rows' dates (undated rows left out); null without a financials table. */
  financials: readonly string[] | null;
  deliverables: Deliverables | null;
}

/** The inputs the close-out reads. */
export interface CloseoutInput {
  engagement: Customer["engagement"];
  closeout: readonly CloseoutItem[];
  /** False when the closeout table is absent: the standard checklist stands in. */
  closeoutPresent: boolean;
  deliverables: readonly Deliverable[];
  deliverablesPresent: boolean;
  /** The data items may stand for; absent: an item is done by its done_date only. */
  evidence?: Omit<CloseoutEvidence, "deliverables">;
}

/** The close-out as of `asOf`; null when the engagement has no end date. */
export function closeout(input: CloseoutInput, asOf: string): Closeout | null {
  const { engagement } = input;
  if (engagement.end === undefined) return null;
  const windows = closeoutPhases(engagement.end, engagement.closeoutDays);
  const signoff = input.deliverablesPresent ? deliverables(input.deliverables, asOf) : null;
  const phaseEnd = (phase: CloseoutPhaseName) => windows.find((w) => w.phase === phase)!.end;

  const items: CloseoutEntry[] = input.closeoutPresent
    ? CLOSEOUT_PHASES.flatMap((phase) =>
        input.closeout
          .filter((row) => row.phase === phase)
          .map((row) => {
            const due = row.due_date ?? phaseEnd(phase);
            const byDate = row.done_date !== undefined && row.done_date <= asOf;
            // A close-out item is done when the data it stands for exists, dated by that data (else its due day).
            const data =
              !byDate && row.stands_for && input.evidence
                ? evidenceOn(row.stands_for, { ...input.evidence, deliverables: signoff }, asOf)
                : undefined;
            const done = byDate || data !== undefined;
            const doneDate = byDate ? row.done_date! : data !== undefined ? (data ?? (due <= asOf ? due : asOf)) : null;
            return {
              phase,
              key: null,
              item: row.item,
              standard: false,
              owner: row.owner ?? null,
              due,
              dueDefaulted: row.due_date === undefined,
              doneDate,
              done,
              overdue: !done && due < asOf,
              standsFor: row.stands_for ?? null,
              doneBy: byDate ? ("done_date" as const) : done ? ("data" as const) : null,
              notes: row.notes ?? null,
              source: ref(row.src),
            };
          }),
      )
    : CLOSEOUT_PHASES.flatMap((phase) =>
        STANDARD_CHECKLIST[phase].map((key) => ({
          phase,
          key,
          item: null,
          standard: true,
          owner: null,
          due: phaseEnd(phase),
          dueDefaulted: true,
          doneDate: null,
          done: false,
          overdue: false,
          standsFor: null,
          doneBy: null,
          notes: null,
          source: null,
        })),
      );

  const share = (done: number, total: number) => (input.closeoutPresent && total > 0 ? done / total : null);
  const phases = windows.map((w) => {
    const mine = items.filter((i) => i.phase === w.phase);
    const done = mine.filter((i) => i.done).length;
    return {
      ...w,
      done,
      total: mine.length,
      doneShare: share(done, mine.length),
      overdue: mine.filter((i) => i.overdue).length,
    };
  });
  const done = items.filter((i) => i.done).length;

  return {
    start: windows[0].start,
    end: windows[2].end,
    days: engagement.closeoutDays,
    day: Math.min(Math.max(daysBetween(engagement.end, asOf), 0), engagement.closeoutDays),
    phases,
    items,
    standard: !input.closeoutPresent,
    done,
    total: items.length,
    doneShare: share(done, items.length),
    overdue: items.filter((i) => i.overdue).length,
    deliverables: signoff,
  };
}

/** Deliverables sign-off as of `asOf`, in file order. */
export function deliverables(rows: readonly Deliverable[], asOf: string): Deliverables {
  const ids = new Set(rows.map((d) => d.id));
  const items = rows.map((d) => {
    const accepted = d.status === "accepted" && (d.accepted_date === undefined || d.accepted_date <= asOf);
    const superseded = d.status === "rejected" && d.replaced_by !== undefined && ids.has(d.replaced_by);
    return {
      id: d.id,
      name: d.name,
      owner: d.owner ?? null,
      dueDate: d.due_date,
      status: d.status,
      acceptedDate: accepted ? (d.accepted_date ?? null) : null,
      acceptedBy: d.accepted_by ?? null,
      accepted,
      overdue: !accepted && !superseded && d.due_date < asOf,
      superseded,
      replacedBy: d.replaced_by ?? null,
      notes: d.notes ?? null,
      source: ref(d.src),
    };
  });
  const accepted = items.filter((d) => d.accepted).length;
  const total = items.filter((d) => !d.superseded).length;
  return { accepted, total, acceptedShare: total > 0 ? accepted / total : null, items };
}

/** The close-out figures as report.json holds them: shares as fractions. */
export function roundCloseout(c: Closeout | null): Closeout | null {
  if (!c) return null;
  return {
    ...c,
    phases: c.phases.map((p) => ({ ...p, doneShare: orNull(p.doneShare, fraction) })),
    doneShare: orNull(c.doneShare, fraction),
    deliverables: c.deliverables && {
      ...c.deliverables,
      acceptedShare: orNull(c.deliverables.acceptedShare, fraction),
    },
  };
}

// The kickoff success plan (docs/value-model.md, "Kickoff success plan"): what success looks like, agreed at the
// start — each metric's target week and how it will be measured and validated, the milestone plan by phase with
// weeks from the start, the check-ins of the first 90 days, the owners on both sides and who signs. Pure.
import { type CADENCES, PHASES, type Customer, type Metric } from "../schema.ts";
import type { MilestoneFigures } from "./contract.ts";
import { addDays, daysBetween, fromDay, toDay } from "./dates.ts";
import { kickoffDue } from "./kickoff-window.ts";
import { shownTarget } from "./milestones.ts";

/** The first days whose check-ins the plan lists. */
export const KICKOFF_HORIZON_DAYS = 90;

type Cadence = (typeof CADENCES)[number];

/** The engagement's week a date falls in: week 1 is the start and the six days after it; a date before the start is week 0 or less. */
export function weekOf(start: string, date: string): number {
  return Math.floor(daysBetween(start, date) / 7) + 1;
}

/** A person named in the plan. */
export interface KickoffPerson {
  side: "customer" | "provider";
  name: string;
  role: string;
}

/** The kickoff success plan as of the report date. */
export interface KickoffPlan {
  /** The engagement's first day. */
  start: string;
  /** Days from asOf to the start: positive before the engagement starts, 0 on its first day, negative after. */
  daysToStart: number;
  /** One per metric, file order: the week its target date falls in, and how it will be measured and validated. */
  criteria: {
    metric: string;
    targetWeek: number;
    /** How the figure is measured (metrics.csv `method`); null when not written. */
    method: string | null;
    /** Where the figures come from (metrics.csv `source`); null when not written. */
    source: string | null;
    /** Who confirms each figure (metrics.csv `confirmed_by`); null when not written. */
    confirmedBy: string | null;
  }[];
  /** The milestone plan in the method's phase order, phases without a milestone left out; each milestone's target week. */
  phases: { phase: (typeof PHASES)[number]; milestones: { id: string; week: number }[] }[];
  /** The check-ins from the start through its first 90 days; null when customer.json sets no cadence. */
  checkins: { cadence: Cadence; dates: string[] } | null;
  /** The owners on both sides: the customer's stakeholders, then the provider's team (customer.json `kickoff.team`). */
  owners: KickoffPerson[];
  /** Who signs the agreement: the customer's acceptors (else its executive stakeholders), then the provider's lead. */
  signatories: KickoffPerson[];
}

/** What the plan is made of. */
export interface KickoffInput {
  customer: Pick<Customer, "engagement" | "stakeholders" | "acceptors" | "kickoff">;
  metrics: readonly Pick<Metric, "id" | "target_date" | "revised_target_date" | "method" | "source" | "confirmed_by">[];
  milestones: readonly Pick<MilestoneFigures, "id" | "phase" | "targetDate" | "revisedTargetDate">[];
}

/** The kickoff plan as of `asOf`; null outside the kickoff window (`kickoffDue`). */
export function kickoffPlan(input: KickoffInput, asOf: string): KickoffPlan | null {
  const { engagement, stakeholders, acceptors, kickoff } = input.customer;
  const start = engagement.start;
  if (!kickoffDue(start, asOf)) return null;
  const customerSide = (people: readonly { name: string; role: string }[]) =>
    people.map((p) => ({ side: "customer" as const, name: p.name, role: p.role }));
  const team = (kickoff?.team ?? []).map((p) => ({ side: "provider" as const, name: p.name, role: p.role }));
  const signers = acceptors ?? stakeholders.filter((s) => s.audience === "executive");
  return {
    start,
    daysToStart: daysBetween(asOf, start),
    criteria: input.metrics.map((m) => ({
      metric: m.id,
      targetWeek: weekOf(start, m.revised_target_date ?? m.target_date),
      method: m.method ?? null,
      source: m.source ?? null,
      confirmedBy: m.confirmed_by ?? null,
    })),
    phases: PHASES.map((phase) => ({
      phase,
      milestones: input.milestones
        .filter((m) => m.phase === phase)
        .map((m) => ({ id: m.id, week: weekOf(start, shownTarget(m).date) })),
    })).filter((p) => p.milestones.length > 0),
    checkins: kickoff?.cadence ? { cadence: kickoff.cadence, dates: checkinDates(start, kickoff.cadence) } : null,
    owners: [...customerSide(stakeholders), ...team],
    signatories: [...customerSide(signers), ...team.slice(0, 1)],
  };
}

/** The check-ins after the start through its first 90 days: every 7 or 14 days, or on the start's day of each month. */
export function checkinDates(start: string, cadence: Cadence): string[] {
  const last = addDays(start, KICKOFF_HORIZON_DAYS);
  const dates: string[] = [];
  for (let n = 1; ; n++) {
    const date = cadence === "monthly" ? addMonths(start, n) : addDays(start, n * (cadence === "weekly" ? 7 : 14));
    if (date > last) return dates;
    dates.push(date);
  }
}

/** The same day `months` months later, the month's last day when it has no such day (31 Jan + 1 → 28 Feb). */
function addMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split("-").map(Number);
  const at = year * 12 + month - 1 + months;
  const firstOf = (n: number) =>
    `${String(Math.floor(n / 12)).padStart(4, "0")}-${String((n % 12) + 1).padStart(2, "0")}-01`;
  const last = Number(fromDay(toDay(firstOf(at + 1)) - 1).slice(8));
  return `${firstOf(at).slice(0, 8)}${String(Math.min(day, last)).padStart(2, "0")}`;
}

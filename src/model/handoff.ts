// What the handoff document counts: systems and their owners, documents, support, access, known issues, training.
import type { Handoff, Training } from "../schema.ts";
import { ref } from "./provenance.ts";

/** The handoff at a glance. The lists themselves are the validated rows (handoff.json, training). */
export interface HandoffSummary {
  systems: number;
  /** Systems with an owner named. */
  systemsOwned: number;
  documents: number;
  supportContacts: number;
  escalationSteps: number;
  accessGrants: number;
  knownIssues: number;
  /** Known issues with a workaround written down. */
  knownIssuesWithWorkaround: number;
  training: {
    sessions: number;
    /** Sum of the attendees given; null when no session gives them. */
    attendees: number | null;
    /** e.g. ["training.csv:2", "training.csv:3"] */
    sources: string[];
  };
}

/** The counts of the handoff document; null when there is neither handoff.json nor a training table. */
export function summarizeHandoff(
  handoff: Handoff | null,
  training: readonly Training[],
  trainingPresent: boolean,
): HandoffSummary | null {
  if (handoff === null && !trainingPresent) return null;
  const given = training.map((t) => t.attendees).filter((n): n is number => n !== undefined);
  return {
    systems: handoff?.systems.length ?? 0,
    systemsOwned: handoff?.systems.filter((s) => s.owner !== undefined && s.owner.trim() !== "").length ?? 0,
    documents: handoff?.documentation.length ?? 0,
    supportContacts: handoff?.support?.contacts.length ?? 0,
    escalationSteps: handoff?.support?.escalation.length ?? 0,
    accessGrants: handoff?.access.length ?? 0,
    knownIssues: handoff?.known_issues.length ?? 0,
    knownIssuesWithWorkaround:
      handoff?.known_issues.filter((k) => k.workaround !== undefined && k.workaround.trim() !== "").length ?? 0,
    training: {
      sessions: training.length,
      attendees: given.length > 0 ? given.reduce((s, n) => s + n, 0) : null,
      sources: training.map((t) => ref(t.src)),
    },
  };
}

/** The parts of the handoff document, in order: what was built, documentation, support, access, known issues, training. */
export const HANDOFF_PARTS = ["built", "docs", "support", "access", "issues", "training"] as const;

/** A part of the handoff document. */
export type HandoffPart = (typeof HANDOFF_PARTS)[number];

/** The parts of the handoff document its data fills, in order. */
export function handoffParts(handoff: Handoff | null, trainingPresent: boolean): HandoffPart[] {
  const has: Record<HandoffPart, boolean> = {
    built: (handoff?.systems.length ?? 0) > 0,
    docs: (handoff?.documentation.length ?? 0) > 0,
    support: handoff?.support !== undefined,
    access: (handoff?.access.length ?? 0) > 0,
    issues: (handoff?.known_issues.length ?? 0) > 0,
    training: trainingPresent,
  };
  return HANDOFF_PARTS.filter((p) => has[p]);
}

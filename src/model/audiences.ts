// What each audience of the QBR reads (docs/value-model.md, "The QBR"): the same figures, selected for the executive
// sponsor (strategic value), finance (return and cost), IT (integration, data quality, adoption) and the
// day-to-day users (time saved, operational progress). A view exists only where stakeholders are named.
import { AUDIENCES, PHASES } from "../schema.ts";
import type { Category } from "./impact.ts";

/** executive | finance | it | user */
export type Audience = (typeof AUDIENCES)[number];

/** What audienceViews() reads of a customer. */
export interface AudienceInput {
  stakeholders: readonly { name: string; role: string; audience: Audience }[];
  goals: readonly { id: string; level: "strategic" | "tactical" | "operational"; metrics: readonly string[] }[];
  metrics: readonly { id: string; category: Category; monetized: boolean }[];
  milestones: readonly { id: string; phase: (typeof PHASES)[number]; metricId: string | null }[];
}

/** One audience's view: who they are and which figures they read, by id, in file order. */
export interface AudienceView {
  audience: Audience;
  stakeholders: { name: string; role: string }[];
  metrics: string[];
  milestones: string[];
  goals: string[];
}

/** What each audience cares about, as a rule over the model's figures. */
const INTERESTS: Record<
  Audience,
  {
    /** Metrics by category; "strategic" = the metrics of strategic goals (all metrics when no goal names one). */
    metrics: readonly (Category | "monetized" | "strategic")[];
    phases: readonly (typeof PHASES)[number][];
    goalLevel: "strategic" | "operational" | null;
  }
> = {
  executive: { metrics: ["strategic"], phases: ["maturity", "strategic"], goalLevel: "strategic" },
  finance: { metrics: ["monetized", "cost", "revenue"], phases: [], goalLevel: null },
  it: { metrics: ["quality", "adoption"], phases: ["foundation"], goalLevel: null },
  user: { metrics: ["time", "efficiency", "adoption"], phases: ["early_win", "growth"], goalLevel: "operational" },
};

/**
 * One view per audience that has a stakeholder, in the order executive, finance, IT, users.
 * Metrics: the audience's categories (finance: also every monetized metric; executive: the metrics of
 * strategic goals, else all). Milestones: the audience's phases, or tracking one of its metrics.
 * Goals: the audience's goal level, or naming one of its metrics.
 */
export function audienceViews(input: AudienceInput): AudienceView[] {
  const strategic = new Set(input.goals.filter((g) => g.level === "strategic").flatMap((g) => g.metrics));
  const known = new Set(input.metrics.map((m) => m.id));
  const strategicKnown = [...strategic].some((id) => known.has(id));
  return AUDIENCES.flatMap((audience) => {
    const stakeholders = input.stakeholders
      .filter((s) => s.audience === audience)
      .map(({ name, role }) => ({ name, role }));
    if (stakeholders.length === 0) return [];
    const want = INTERESTS[audience];
    const metrics = input.metrics
      .filter((m) =>
        want.metrics.some((w) =>
          w === "strategic"
            ? !strategicKnown || strategic.has(m.id)
            : w === "monetized"
              ? m.monetized
              : m.category === w,
        ),
      )
      .map((m) => m.id);
    const mine = new Set(metrics);
    const milestones = input.milestones
      .filter((m) => want.phases.includes(m.phase) || (m.metricId !== null && mine.has(m.metricId)))
      .map((m) => m.id);
    const goals = input.goals
      .filter((g) => g.level === want.goalLevel || g.metrics.some((id) => mine.has(id)))
      .map((g) => g.id);
    return [{ audience, stakeholders, metrics, milestones, goals }];
  });
}

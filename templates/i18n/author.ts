// The labels that speak to whoever writes the data — what is missing, what to add, milepost's own checklist, the
// account team's reading of the stakeholders — and so never appear in the customer's copy (test/e2e/sparse.test.ts
// reads each language's words for them).
import type { LabelKey } from "./index.ts";

export const AUTHOR_LABELS = [
  "milestone.notStated",
  "milestone.noEvidence",
  "celebrate.waiting",
  "celebrate.waitingNote",
  "tracker.noOwner",
  "tracker.standardTitle",
  "tracker.standardBody",
  "glance.standardNote",
  "agenda.standardChecklist",
  "agenda.csat.not_recorded",
  "handoff.missing",
  "outcomes.none",
  "summary.noMetrics",
  "milestones.none",
  "audiences.none",
  "calc.noCosts",
  "sources.lines",
  "retro.noActions",
  "missing.criteria",
  "missing.retrospective",
  "missing.csat",
  "missing.financials",
  "missing.opportunities",
  "stakeholders.sentiment",
  "stakeholders.change",
  "gaps.title",
  "gaps.intro",
  "gaps.kind.table",
  "gaps.kind.field",
  "gaps.kind.standard",
  "gaps.kind.example",
] as const satisfies readonly LabelKey[];

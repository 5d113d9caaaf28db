// English glossary: the one word per concept (see ../glossary.ts).
import type { Glossary } from "../glossary.ts";

export default {
  milestone: { term: "milestone", avoid: ["checkpoint", "stage gate"] },
  outcome: { term: "outcome", avoid: ["result", "results"] },
  deliverable: { term: "deliverable", avoid: ["work product"] },
  handover: {
    term: "handoff",
    avoid: ["handover", "hand-off", "hand over"],
    why: "US English, and the name of the pack's third document (the Handoff Document).",
  },
  health: { term: "health", avoid: ["overall status", "health score"] },
  "status.green": { term: "On track", avoid: [] },
  "status.yellow": { term: "Needs attention", avoid: [] },
  "status.red": { term: "Off track", avoid: ["at risk"] },
  delayed: { term: "Delayed", avoid: ["slipped"] },
  value: { term: "value", avoid: ["benefit", "benefits"] },
  cost: { term: "cost", avoid: ["spend", "expense", "expenses"] },
  roi: { term: "ROI", avoid: ["return on spend"] },
  payback: {
    term: "payback",
    avoid: ["break-even", "breakeven", "break even"],
    why: "The day cumulative value meets cumulative cost has one name, on the cover and in the calculation.",
  },
  runRate: { term: "run-rate", avoid: ["run rate", "annualized rate", "annual rate"] },
  decision: { term: "decision", avoid: ["decisions for you"] },
  action: { term: "action", avoid: ["commitment", "commitments"] },
  engagement: { term: "engagement", avoid: ["project"] },
} satisfies Glossary;

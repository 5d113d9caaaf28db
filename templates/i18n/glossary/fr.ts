// French glossary: the one word per concept (see ../glossary.ts), in the register of a formal
// report to the customer's management (vous).
import type { Glossary } from "../glossary.ts";

export default {
  milestone: { term: "jalon", avoid: ["étape clé", "milestone"] },
  outcome: { term: "résultat", avoid: ["outcome"] },
  deliverable: { term: "livrable", avoid: ["deliverable"] },
  handover: {
    term: "passation",
    avoid: ["handover"],
    why: "What a French client calls handing a running system over to its own teams.",
  },
  health: { term: "situation d’ensemble", avoid: ["santé", "état de santé"] },
  "status.green": { term: "En bonne voie", avoid: [] },
  "status.yellow": { term: "À surveiller", avoid: [] },
  "status.red": { term: "Hors trajectoire", avoid: ["à risque"] },
  delayed: { term: "En retard", avoid: [] },
  value: { term: "valeur", avoid: ["bénéfice", "bénéfices"] },
  cost: { term: "coût", avoid: ["dépense", "dépenses"] },
  roi: { term: "ROI", avoid: ["rentabilité des capitaux"] },
  payback: { term: "amortissement", avoid: ["point mort", "seuil de rentabilité", "payback"] },
  runRate: { term: "valeur annualisée", avoid: ["run-rate", "run rate"] },
  decision: { term: "décision", avoid: [] },
  action: { term: "action", avoid: ["engagement", "engagements"] },
  engagement: {
    term: "projet",
    avoid: ["mission"],
    why: "A client's executives speak of the project; engagement is kept for commitments elsewhere.",
  },
} satisfies Glossary;

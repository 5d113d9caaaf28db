// German glossary: the one word per concept (see ../glossary.ts), in the register of a formal
// report to the customer's management (Sie).
import type { Glossary } from "../glossary.ts";

export default {
  milestone: { term: "Meilenstein", avoid: ["Etappenziel", "Zwischenziel"] },
  outcome: { term: "Ergebnis", avoid: ["Outcome", "Resultat", "Resultate"] },
  deliverable: {
    term: "Lieferobjekt",
    avoid: ["Deliverable", "Deliverables", "Liefergegenstand", "Arbeitsergebnis"],
    why: "The PMBOK German term; one word whose plural (Lieferobjekte) reads as cleanly as the singular.",
  },
  handover: { term: "Übergabe", avoid: ["Handover", "Hand-over"] },
  health: { term: "Gesamtstatus", avoid: ["Gesundheit", "Projektgesundheit", "Health"] },
  "status.green": { term: "Im Plan", avoid: [] },
  "status.yellow": { term: "Handlungsbedarf", avoid: [] },
  "status.red": { term: "Nicht im Plan", avoid: ["kritisch"] },
  delayed: { term: "Verzögert", avoid: [] },
  value: { term: "Nutzen", avoid: ["Mehrwert"], why: "A finance reader's word for realized value in money." },
  cost: { term: "Kosten", avoid: ["Ausgaben", "Aufwände"] },
  roi: { term: "ROI", avoid: ["Return on Investment"] },
  payback: { term: "Amortisation", avoid: ["Payback", "Break-even", "Gewinnschwelle"] },
  runRate: { term: "Jährlicher Nutzen", avoid: ["Run-Rate", "Run Rate"] },
  decision: { term: "Entscheidung", avoid: [] },
  action: { term: "Maßnahme", avoid: ["Zusage", "Zusagen"] },
  engagement: { term: "Projekt", avoid: ["Engagement", "Mandat"] },
} satisfies Glossary;

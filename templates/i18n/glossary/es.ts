// Spanish glossary: the one word per concept (see ../glossary.ts), in the register of a formal
// report to the customer's management (usted).
import type { Glossary } from "../glossary.ts";

export default {
  milestone: { term: "hito", avoid: ["milestone"] },
  outcome: { term: "resultado", avoid: ["outcome"] },
  deliverable: { term: "entregable", avoid: ["deliverable"] },
  handover: { term: "traspaso", avoid: ["handover", "entrega de relevo"] },
  health: { term: "estado general", avoid: ["salud"] },
  "status.green": { term: "Según lo previsto", avoid: [] },
  "status.yellow": { term: "Requiere atención", avoid: [] },
  "status.red": { term: "Desviado", avoid: [] },
  delayed: { term: "Retrasado", avoid: [] },
  value: { term: "valor", avoid: ["beneficio", "beneficios"] },
  cost: { term: "coste", avoid: ["costo", "gasto", "gastos"], why: "Coste, as Spanish finance reports write it." },
  roi: { term: "ROI", avoid: ["rentabilidad de la inversión"] },
  payback: { term: "recuperación de la inversión", avoid: ["punto de equilibrio", "payback"] },
  runRate: { term: "valor anualizado", avoid: ["run-rate", "run rate"] },
  decision: { term: "decisiones", avoid: [], why: "The pages name the decisions asked for, always in the plural." },
  action: { term: "acción", avoid: ["compromiso", "compromisos"] },
  engagement: { term: "proyecto", avoid: ["encargo"] },
} satisfies Glossary;

// Brazilian Portuguese glossary: the one word per concept (see ../glossary.ts), in the register
// of a formal report to the customer's management.
import type { Glossary } from "../glossary.ts";

export default {
  milestone: { term: "marco", avoid: ["milestone"] },
  outcome: { term: "resultado", avoid: ["outcome"] },
  deliverable: { term: "entregável", avoid: ["deliverable"] },
  handover: { term: "transição", avoid: ["handover"] },
  health: { term: "situação geral", avoid: ["saúde"] },
  "status.green": { term: "Dentro do previsto", avoid: [] },
  "status.yellow": { term: "Requer atenção", avoid: [] },
  "status.red": { term: "Fora do previsto", avoid: [] },
  delayed: { term: "Atrasado", avoid: [] },
  value: { term: "valor", avoid: ["benefício", "benefícios"] },
  cost: { term: "custo", avoid: ["gasto", "gastos", "despesa", "despesas"] },
  roi: { term: "ROI", avoid: ["retorno do capital"] },
  payback: {
    term: "recuperação do investimento",
    avoid: ["ponto de equilíbrio", "payback"],
    why: "Payback is common in Brazilian finance, but an executive report writes it out.",
  },
  runRate: { term: "valor anualizado", avoid: ["run-rate", "run rate"] },
  decision: { term: "decisões", avoid: [], why: "The pages name the decisions asked for, always in the plural." },
  action: { term: "ação", avoid: ["compromisso", "compromissos"] },
  engagement: { term: "projeto", avoid: ["engajamento"] },
} satisfies Glossary;

// Financial reconciliation: budget against actual, invoiced against paid (docs/value-model.md, "Financials").
import type { Financial } from "../schema.ts";
import { ref } from "./provenance.ts";
import { money, orNull } from "./round.ts";

/** One line of the reconciliation. */
export interface FinancialLine {
  item: string;
  budget: number;
  actual: number;
  /** actual − budget (positive: over budget). */
  variance: number;
  invoiced: number | null;
  paid: number | null;
  /** invoiced − paid; null when either is missing. */
  outstanding: number | null;
  source: string;
}

/** The lines and their totals. */
export interface Financials {
  lines: FinancialLine[];
  totals: {
    budget: number;
    actual: number;
    variance: number;
    /** Sum over the lines that give it; null when none does (likewise paid and outstanding). */
    invoiced: number | null;
    paid: number | null;
    outstanding: number | null;
  };
}

/** Each line's variance and outstanding amount, and the totals. */
export function reconcile(rows: readonly Financial[]): Financials {
  const lines = rows.map((r) => {
    const invoiced = r.invoiced ?? null;
    const paid = r.paid ?? null;
    return {
      item: r.item,
      budget: r.budget,
      actual: r.actual,
      variance: r.actual - r.budget,
      invoiced,
      paid,
      outstanding: invoiced !== null && paid !== null ? invoiced - paid : null,
      source: ref(r.src),
    };
  });
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const sumGiven = (xs: (number | null)[]) => {
    const given = xs.filter((x): x is number => x !== null);
    return given.length > 0 ? sum(given) : null;
  };
  return {
    lines,
    totals: {
      budget: sum(lines.map((l) => l.budget)),
      actual: sum(lines.map((l) => l.actual)),
      variance: sum(lines.map((l) => l.variance)),
      invoiced: sumGiven(lines.map((l) => l.invoiced)),
      paid: sumGiven(lines.map((l) => l.paid)),
      outstanding: sumGiven(lines.map((l) => l.outstanding)),
    },
  };
}

/** The reconciliation as report.json holds it: money to the cent. */
export function roundFinancials(f: Financials): Financials {
  return {
    lines: f.lines.map((l) => ({
      ...l,
      variance: money(l.variance),
      outstanding: orNull(l.outstanding, money),
    })),
    totals: {
      budget: money(f.totals.budget),
      actual: money(f.totals.actual),
      variance: money(f.totals.variance),
      invoiced: orNull(f.totals.invoiced, money),
      paid: orNull(f.totals.paid, money),
      outstanding: orNull(f.totals.outstanding, money),
    },
  };
}

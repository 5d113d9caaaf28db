// What the one-page executive summary leads with (docs/value-model.md, "The QBR").

/** Most headline outcomes on the summary page; it should still fit one printed page. */
export const HEADLINE_MAX = 5;
/** Fewest headline outcomes worth a table; unmeasured metrics fill up to this. */
const HEADLINE_MIN = 3;

/**
 * The metrics the executive summary leads with, by id: the measured ones in file order, at most five;
 * unmeasured ones (still at their baseline) only to reach three.
 */
export function headline(metrics: readonly { id: string; measured: boolean }[]): string[] {
  const measured = metrics.filter((m) => m.measured).slice(0, HEADLINE_MAX);
  const fill = metrics.filter((m) => !m.measured).slice(0, Math.max(0, HEADLINE_MIN - measured.length));
  const chosen = new Set([...measured, ...fill].map((m) => m.id));
  return metrics.filter((m) => chosen.has(m.id)).map((m) => m.id);
}

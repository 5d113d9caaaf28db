// Source references: where each figure of the report came from, and how a list of them is written compactly.
import type { Source } from "../schema.ts";

/** The file every customer-level setting and cost comes from. */
export const CUSTOMER_SOURCE = "customer.json";

/** A row's reference. e.g. "measurements.csv:17" */
export function ref(src: Source): string {
  return `${src.file}:${src.line}`;
}

/**
 * Row references grouped by file in first-seen order, consecutive lines as ranges.
 * e.g. ["metrics.csv:2", "measurements.csv:2", "measurements.csv:3", "measurements.csv:4", "measurements.csv:9"]
 * → ["metrics.csv:2", "measurements.csv:2–4, 9"]; a reference without a line (customer.json) stays as it is.
 */
export function compactSources(refs: readonly string[]): string[] {
  const files = new Map<string, Set<number>>();
  for (const ref of refs) {
    const m = /^(.*):(\d+)$/.exec(ref);
    const [file, line] = m ? [m[1], Number(m[2])] : [ref, null];
    const lines = files.get(file) ?? new Set<number>();
    if (line !== null) lines.add(line);
    files.set(file, lines);
  }
  return [...files].map(([file, set]) => {
    if (set.size === 0) return file;
    const lines = [...set].sort((a, b) => a - b);
    const ranges: string[] = [];
    for (let i = 0; i < lines.length;) {
      let j = i;
      while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1) j++;
      ranges.push(j > i ? `${lines[i]}–${lines[j]}` : `${lines[i]}`);
      i = j + 1;
    }
    return `${file}:${ranges.join(", ")}`;
  });
}

// Source references: where each figure of the report came from, and how a list of them is written compactly.
import type { Source } from "../schema.ts";

/** The file every customer-level setting and cost comes from. */
export const CUSTOMER_SOURCE = "customer.json";

/** A row's reference. e.g. "measurements.csv:17" */
export function ref(src: Source): string {
  // 200,000 measurements' references: the file's part is one text, each reference adds its line to it.
  let file = files.get(src.file);
  if (file === undefined) files.set(src.file, (file = `${src.file}:`));
  return file + src.line;
}

const files = new Map<string, string>();

/**
 * Row references grouped by file in first-seen order, consecutive lines as ranges.
 * e.g. ["metrics.csv:2", "measurements.csv:2", "measurements.csv:3", "measurements.csv:4", "measurements.csv:9"]
 * → ["metrics.csv:2", "measurements.csv:2–4, 9"]; a reference without a line (customer.json) stays as it is.
 */
export function compactSources(refs: readonly string[]): string[] {
  const files = new Map<string, number[]>();
  let file: string | null = null;
  let lines: number[] = [];
  for (const ref of refs) {
    // References come file by file: the file of the one before is tried first, without cutting the text.
    let line: number | null = file !== null && ref.startsWith(file) ? lineAfter(ref, file.length) : null;
    if (line === null) {
      const colon = ref.lastIndexOf(":");
      line = colon < 0 ? null : lineAfter(ref, colon);
      file = line === null ? ref : ref.slice(0, colon);
      lines = files.get(file) ?? files.set(file, []).get(file)!;
    }
    if (line !== null) lines.push(line);
  }
  return [...files].map(([file, list]) => {
    if (list.length === 0) return file;
    const lines = Float64Array.from(list).sort();
    const ranges: string[] = [];
    for (let i = 0; i < lines.length;) {
      let j = i;
      while (j + 1 < lines.length && lines[j + 1] - lines[j] <= 1) j++;
      ranges.push(lines[j] > lines[i] ? `${lines[i]}–${lines[j]}` : `${lines[i]}`);
      i = j + 1;
    }
    return `${file}:${ranges.join(", ")}`;
  });
}

/** The line number written after the colon at `colon` ("measurements.csv:17" → 17), or null when no digits alone follow. */
function lineAfter(ref: string, colon: number): number | null {
  if (ref.charCodeAt(colon) !== 58 || colon >= ref.length - 1) return null;
  let line = 0;
  for (let i = colon + 1; i < ref.length; i++) {
    const digit = ref.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    line = line * 10 + digit;
  }
  return line;
}

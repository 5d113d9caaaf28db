// The example rows `milepost init` writes: each carries EXAMPLE_MARK in one of its words, so a customer that still
// holds one is found before its pack reaches the customer (docs/data-contract.md, "Example rows"). Pure.
import type { CustomerData, Handoff } from "../schema.ts";
import { CUSTOMER_SOURCE } from "./provenance.ts";

/** The mark of an example row, in the words `init` writes, e.g. "Weekly report under 6 hours [example]". */
export const EXAMPLE_MARK = "[example]";

/** An example row still in the data: where it is and the field that carries the mark. */
export interface ExampleRow {
  /** e.g. "milestones.csv", "customer.json", "handoff.json". */
  file: string;
  /** The row's line; none in a JSON document. */
  line: number | null;
  /** e.g. "name", or in a JSON document its path, "stakeholders[0].name". */
  field: string;
  /** The marked words, e.g. "Weekly report under 6 hours [example]". */
  value: string;
}

const marked = (value: unknown): value is string => typeof value === "string" && value.includes(EXAMPLE_MARK);

/** Every marked value of a JSON document, by path, e.g. ["stakeholders[0].name", "Alex Example [example]"]. */
function markedPaths(value: unknown, path: string): [string, string][] {
  if (marked(value)) return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => markedPaths(v, `${path}[${i}]`));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => markedPaths(v, path ? `${path}.${k}` : k));
  return [];
}

/** Every example row of a customer's data, in file order: customer.json (or the workbook), the tables, handoff.json. */
export function exampleRows(data: CustomerData, customerFile = CUSTOMER_SOURCE): ExampleRow[] {
  const json = (file: string, doc: object | Handoff | null) =>
    markedPaths(doc, "").map(([field, value]) => ({ file, line: null, field, value }));
  const { slug: _s, customer, handoff, present: _p, ...tables } = data;
  const rows: ExampleRow[] = [];
  // A row's fields are looked at where they are (a metric's 200,000 measurements are not copied to be searched).
  for (const list of Object.values(tables) as Record<string, unknown>[][])
    for (const row of list) {
      const src = row.src as { file: string; line: number };
      for (const field in row)
        if (field !== "src" && marked(row[field])) {
          rows.push({ file: src.file, line: src.line, field, value: row[field] as string });
          break;
        }
    }
  return [...json(customerFile, customer), ...rows, ...json("handoff.json", handoff)];
}

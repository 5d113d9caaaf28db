// Rows dated after today (issue 20, item 6): a typo'd year, or a month-first date read day-first. Every figure
// leaves them out (figures run up to the as-of date, never after today), so each is a located warning rather than
// a row dropped in silence. Rows after the as-of date but not after today are an earlier period's normal case.
import type { DataIssue } from "./errors.ts";
import type { CustomerData } from "./schema.ts";

/** A row with its source line and the dated fields to check. */
type Dated = { src: { file: string; line: number } } & Record<string, unknown>;

/** The dated fields of each table. */
const DATED: { table: keyof CustomerData; fields: string[] }[] = [
  { table: "measurements", fields: ["date"] },
  { table: "milestones", fields: ["achieved_date"] },
  { table: "deliverables", fields: ["accepted_date"] },
  { table: "closeout", fields: ["done_date"] },
  { table: "training", fields: ["date"] },
  { table: "csat", fields: ["date"] },
  { table: "usage", fields: ["date"] },
  { table: "actions", fields: ["done_date"] },
  { table: "financials", fields: ["date"] },
];

/** A warning (row-after-today) for each dated field after `today`, e.g. data/acme/measurements.csv:9 date. */
export function rowsAfterToday(data: CustomerData, today: string, at: (file: string) => string): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const { table, fields } of DATED) {
    for (const row of data[table] as unknown as Dated[]) {
      for (const field of fields) {
        const value = row[field];
        if (typeof value !== "string" || value <= today) continue;
        issues.push({
          severity: "warning",
          code: "row-after-today",
          file: at(row.src.file),
          line: row.src.line,
          field,
          value,
          problem: `is after today (${today}), so no figure counts this row yet`,
          fix: "check the year, and whether the day and month were swapped (customer.json's dateFormat says which comes first)",
        });
      }
    }
  }
  return issues;
}

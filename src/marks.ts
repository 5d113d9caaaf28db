// Currency symbols and % signs in number cells, taken off where the column's unit makes them
// unambiguous: money columns in the customer's own currency, and values of a metric whose unit
// is %. Each column where a mark was taken off gets one note naming its lines.
import { lineWord, type DataIssue } from "./errors.ts";
import type { RawCustomer, RawRow } from "./load.ts";
import { readIn, withoutMark, type NumberFormat, type UnitMark } from "./numbers.ts";
import type { TableName } from "./schema.ts";

/** The money columns of each table, in the customer's currency. */
const MONEY: Partial<Record<TableName, string[]>> = {
  metrics: ["value_per_unit"],
  financials: ["budget", "actual", "invoiced", "paid"],
  opportunities: ["price_low", "price_high"],
};

/** Percent columns whatever the row: support's share of tickets within SLA. */
const PERCENT: Partial<Record<TableName, string[]>> = { support: ["sla_met"] };

const isPercentUnit = (unit: unknown) => typeof unit === "string" && unit.trim() === "%";

/**
 * Takes the marks off the raw cells of `raw` (in place) and returns a note per column where it did,
 * e.g. `data/acme/financials.csv:4 budget: "$2,000" was read without its $ (also on line 5)`.
 */
export function takeOffMarks(
  raw: RawCustomer,
  currency: string | null,
  format: NumberFormat,
  at: (f: string) => string,
): DataIssue[] {
  const percentMetrics = new Set(
    (raw.tables.metrics?.rows ?? [])
      .filter((r) => isPercentUnit(r.values.unit))
      .map((r) => String(r.values.id ?? "").trim()),
  );
  const notes = new Map<string, DataIssue & { lines: number[] }>();
  const take = (table: TableName, row: RawRow, column: string, unit: UnitMark) => {
    const cell = row.values[column];
    if (typeof cell !== "string") return;
    const taken = withoutMark(cell, unit);
    if (!taken) return;
    row.values[column] = taken.text;
    const file = raw.tables[table]!.file;
    const key = `${file}\u0000${column}\u0000${taken.mark}`;
    const note = notes.get(key);
    if (note) note.lines.push(row.line);
    else
      notes.set(key, {
        severity: "warning",
        code: "mark-taken-off",
        file: at(file),
        line: row.line,
        field: column,
        value: cell,
        problem: `was read as ${readIn(taken.text.trim(), format) ?? taken.text.trim()}, without its ${taken.mark}`,
        fix: `nothing to do if that is right; write plain numbers to leave the ${taken.mark === "%" ? "% sign" : "currency symbol"} out`,
        lines: [],
      });
  };
  for (const [name, table] of Object.entries(raw.tables) as [
    TableName,
    NonNullable<RawCustomer["tables"][TableName]>,
  ][]) {
    for (const row of table.rows) {
      if (currency) for (const column of MONEY[name] ?? []) take(name, row, column, { currency });
      for (const column of PERCENT[name] ?? []) take(name, row, column, { percent: true });
      if (name === "metrics" && isPercentUnit(row.values.unit))
        for (const column of ["baseline", "target"]) take(name, row, column, { percent: true });
      if (name === "measurements" && percentMetrics.has(String(row.values.metric_id ?? "").trim()))
        take(name, row, "value", { percent: true });
      if (name === "milestones" && percentMetrics.has(String(row.values.metric_id ?? "").trim()))
        take(name, row, "threshold", { percent: true });
    }
  }
  return [...notes.values()].map(({ lines, ...note }) =>
    lines.length
      ? {
          ...note,
          problem: `${note.problem} (also on ${lineWord(note.file)}${lines.length > 1 ? "s" : ""} ${lines.join(", ")})`,
        }
      : note,
  );
}

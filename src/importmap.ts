// Import maps: milepost.map.json, in the data folder (every customer) or a customer's folder (that
// customer; its tables win), says how a CRM export becomes milepost's tables — which file or sheet
// is which table, which column is which, which written word means which value, and how its numbers
// and dates are written — so a Salesforce report or a HubSpot export is read without retyping.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { DATE_FORMATS } from "./dates.ts";
import type { DataIssue } from "./errors.ts";
import type { RawTable } from "./load.ts";
import { normalizeHeader } from "./load.ts";
import { NUMBER_FORMATS } from "./numbers.ts";
import { rowTables, type TableName } from "./schema.ts";

/** The file name of an import map. */
export const MAP_FILE = "milepost.map.json";

const $comment = z.string().optional().meta({ description: "a note for the people who keep this file" });

const tableMapSchema = z.strictObject({
  $comment,
  file: z.string().optional().meta({
    description: 'a CSV or JSON file in the customer\'s folder to read as this table, e.g. "Report 2026.csv"',
  }),
  sheet: z.string().optional().meta({ description: "a sheet of customer.xlsx to read as this table" }),
  columns: z
    .record(z.string(), z.string())
    .optional()
    .meta({ description: 'header as the export writes it → milepost\'s column, e.g. {"Datum": "date"}' }),
  values: z.record(z.string(), z.record(z.string(), z.string())).optional().meta({
    description:
      'milepost\'s column → {value as written → value meant}, e.g. {"status": {"Abgeschlossen": "achieved"}}',
  }),
});

/** milepost.map.json. */
export const importMapSchema = z.strictObject({
  $schema: z.string().optional(),
  $comment,
  numberFormat: z.enum(NUMBER_FORMATS).optional(),
  dateFormat: z.enum(DATE_FORMATS).optional(),
  tables: z.partialRecord(z.enum(Object.keys(rowTables) as [TableName, ...TableName[]]), tableMapSchema).optional(),
});
export type ImportMap = z.infer<typeof importMapSchema>;
export type TableMap = z.infer<typeof tableMapSchema>;

/** The map that applies to a customer: the data folder's, with the customer folder's over it (table by table). */
export async function readImportMap(
  dataDir: string,
  dir: string,
  shown: string,
  issues: DataIssue[],
): Promise<{ map: ImportMap; files: string[] } | null> {
  const found: { map: ImportMap; file: string }[] = [];
  for (const [folder, named] of [
    [dataDir, `${shown.split("/").slice(0, -1).join("/") || "."}/${MAP_FILE}`],
    [dir, `${shown}/${MAP_FILE}`],
  ]) {
    const text = await readFile(join(folder, MAP_FILE), "utf8").catch(() => null);
    if (text === null) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      issues.push({
        severity: "error",
        code: "bad-json",
        file: named,
        problem: `is not valid JSON (${(err as Error).message.replace(/ in JSON at position.*$/s, "")})`,
        fix: "check for a missing comma, quote or bracket",
      });
      continue;
    }
    const parsed = importMapSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        issues.push({
          severity: "error",
          code: "bad-import-map",
          file: named,
          field: issue.path.map(String).join("."),
          problem: issue.message,
          fix: `see README, "Import maps", for what ${MAP_FILE} takes`,
        });
      continue;
    }
    found.push({ map: parsed.data, file: named });
  }
  if (found.length === 0) return null;
  const map: ImportMap = {};
  for (const { map: m } of found) {
    map.numberFormat = m.numberFormat ?? map.numberFormat;
    map.dateFormat = m.dateFormat ?? map.dateFormat;
    map.tables = { ...map.tables, ...m.tables };
  }
  return { map, files: found.map((f) => f.file) };
}

/** `table` with the map's columns renamed and values replaced, in place; returns what was done, in words. */
export function applyTableMap(table: RawTable, name: TableName, map: TableMap): string[] {
  const done: string[] = [];
  const renames = new Map(
    Object.entries(map.columns ?? {}).map(([from, to]) => [normalizeHeader(from), normalizeHeader(to)]),
  );
  const renamed = table.columns.map((c) => renames.get(c) ?? c);
  for (const [i, column] of table.columns.entries()) {
    const to = renamed[i];
    if (to === column) continue;
    done.push(`${name}: column ${JSON.stringify(column)} read as ${to}`);
    for (const row of table.rows) {
      if (column in row.values) {
        row.values[to] = row.values[column];
        delete row.values[column];
      }
    }
    if (table.columnLines?.[column] !== undefined) table.columnLines[to] = table.columnLines[column];
  }
  table.columns = renamed;
  for (const [column, words] of Object.entries(map.values ?? {})) {
    const field = normalizeHeader(column);
    const meant = new Map(Object.entries(words).map(([w, v]) => [w.trim().toLowerCase(), v]));
    const counts = new Map<string, number>();
    for (const row of table.rows) {
      const cell = row.values[field];
      if (cell === undefined || cell === null) continue;
      const to = meant.get(String(cell).trim().toLowerCase());
      if (to === undefined) continue;
      const key = `${String(cell).trim()}\u0000${to}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      row.values[field] = to;
    }
    for (const [key, n] of counts) {
      const [from, to] = key.split("\u0000");
      done.push(
        `${name}: ${field} ${JSON.stringify(from)} read as ${JSON.stringify(to)} (${n} row${n === 1 ? "" : "s"})`,
      );
    }
  }
  return done;
}

/** An example milepost.map.json, its notes in "$comment": a German CRM export read as measurements and milestones. */
export function exampleImportMap(): string {
  const example = {
    $schema: "../../schemas/milepost.map.schema.json",
    $comment:
      "How this customer's exports become milepost's tables. Put it in the data folder for every customer, or in a customer's folder for that customer (its tables win). milepost validate lists each mapping it applied.",
    numberFormat: "1.234,5",
    dateFormat: "DMY",
    tables: {
      measurements: {
        $comment: "A CRM report saved as CSV: its file, and its headers as milepost's columns.",
        file: "CRM Export.csv",
        columns: { Kennzahl: "metric_id", Datum: "date", Wert: "value", Quelle: "source" },
      },
      milestones: {
        $comment: "A sheet of customer.xlsx named after the export, and the export's words for the statuses.",
        sheet: "Meilensteine",
        columns: { "Milestone ID": "id", Meilenstein: "name", Phase: "phase", Zieldatum: "target_date" },
        values: { status: { Abgeschlossen: "achieved", "In Arbeit": "in_progress", Offen: "not_started" } },
      },
    },
  } satisfies ImportMap;
  return `${JSON.stringify(example, null, 2)}\n`;
}

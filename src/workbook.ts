// A customer as one Excel workbook, customer.xlsx: a sheet per table (metrics, measurements, …), the
// fields of customer.json on a "customer" sheet (field | value) and its lists on "costs",
// "stakeholders" and "goals" sheets. Read into the same raw tables and document as the CSV/JSON files.
import type ExcelJS from "exceljs";
import type { DataIssue } from "./errors.ts";
import type { RawRow, RawTable } from "./load.ts";
import { duplicateColumns, normalizeHeader } from "./load.ts";
import { rowTables, type TableName } from "./schema.ts";

/** The workbook's file name in a customer folder. */
export const WORKBOOK = "customer.xlsx";

/** The lists of customer.json, each on its own sheet. */
const CUSTOMER_LISTS = ["costs", "stakeholders", "goals"] as const;

/** How a table in a workbook is named as a file, e.g. "customer.xlsx[metrics]". */
export const sheetFile = (sheet: string) => `${WORKBOOK}[${sheet}]`;

/** A workbook as read: its row tables, and customer.json rebuilt from its sheets (with the row of each field). */
export interface RawWorkbook {
  tables: Partial<Record<TableName, RawTable>>;
  customer: {
    file: string;
    value: Record<string, unknown>;
    text: string;
    lines: Map<string, number>;
    /** The sheet each list entry is on, by its path, e.g. "costs.0" → "customer.xlsx[costs]". */
    files: Map<string, string>;
  } | null;
}

/** Reads customer.xlsx; problems are added to `issues`. */
export async function readWorkbook(
  path: string,
  at: (f: string) => string,
  issues: DataIssue[],
  /** Sheets an import map names for a table, by their normalised name, e.g. "report_1" → measurements. */
  sheetsAs: Map<string, TableName> = new Map(),
): Promise<RawWorkbook | null> {
  // Loaded on first use: most portfolios have no workbook, and exceljs takes half a second to load.
  const { default: Excel } = await import("exceljs");
  const book = new Excel.Workbook();
  try {
    await book.xlsx.readFile(path);
  } catch (err) {
    issues.push({
      severity: "error",
      code: "bad-workbook",
      file: at(WORKBOOK),
      problem: `cannot be read as an Excel workbook (${(err as Error).message})`,
      fix: "open it in Excel and save it again as an Excel Workbook (.xlsx)",
    });
    return null;
  }
  const result: RawWorkbook = { tables: {}, customer: null };
  const lists: Record<string, RawTable> = {};
  for (const sheet of book.worksheets) {
    const name = sheetsAs.get(normalizeHeader(sheet.name)) ?? normalizeHeader(sheet.name);
    if (name === "customer") continue;
    const table = readSheet(sheet, at, issues);
    if (name in rowTables) result.tables[name as TableName] = table;
    else if ((CUSTOMER_LISTS as readonly string[]).includes(name)) lists[name] = table;
    else if (!name.startsWith("readme")) {
      issues.push({
        severity: "warning",
        code: "unknown-sheet",
        file: at(WORKBOOK),
        field: sheet.name,
        problem: "is not a sheet milepost knows; it is ignored",
        fix: `name the sheets after the tables: customer, ${[...CUSTOMER_LISTS, ...Object.keys(rowTables)].join(", ")}`,
      });
    }
  }
  const sheet = book.worksheets.find((s) => normalizeHeader(s.name) === "customer");
  if (sheet) result.customer = readCustomerSheet(sheet, lists, at, issues);
  return result;
}

/** An Excel error a cell (or its formula's saved result) holds, e.g. "#REF!"; null for a value. */
function cellError(value: ExcelJS.CellValue): string | null {
  if (value === null || typeof value !== "object" || value instanceof Date) return null;
  if ("error" in value) return String(value.error);
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? null : cellError(result);
  }
  return null;
}

/**
 * A cell's value as a CSV or JSON file would hold it: dates as YYYY-MM-DD, formulas by their saved
 * result, and a number formatted as a percentage as the percentage it shows ("82%" for 0.82), so a
 * % column reads 82 and any other column refuses it.
 */
function cellValue(value: ExcelJS.CellValue, numFmt?: string): unknown {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number" && numFmt && /%/.test(numFmt.replace(/"[^"]*"|\\./g, "")))
    return `${Number((value * 100).toPrecision(12))}%`;
  if (typeof value !== "object") return value;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("result" in value) return cellValue(value.result as ExcelJS.CellValue, numFmt);
  if ("text" in value) return typeof value.text === "string" ? value.text : cellValue(value.text as ExcelJS.CellValue);
  if ("error" in value) return String(value.error);
  return String(value);
}

/** The cells of a row, from column 1 to its last, each as `cellValue` reads it, and the first Excel error among them. */
function rowCells(row: ExcelJS.Row): { cells: unknown[]; error: { column: number; value: string } | null } {
  const cells: unknown[] = [];
  let error: { column: number; value: string } | null = null;
  for (let i = 1; i <= row.cellCount; i++) {
    const cell = row.getCell(i);
    const bad = cellError(cell.value);
    if (bad && !error) error = { column: i, value: bad };
    cells.push(cellValue(cell.value, cell.numFmt));
  }
  return { cells, error };
}

/** The error for a cell holding `#REF!`, `#DIV/0!` and the like, e.g. "customer.xlsx, sheet metrics, row 3 target: "#REF!" …". */
function errorCell(file: string, line: number, field: string, value: string): DataIssue {
  return {
    severity: "error",
    code: "cell-error",
    file,
    line,
    field,
    value,
    problem: "is an Excel error, not a value (a formula that cannot be worked out)",
    fix: "correct the formula in Excel, or type the value, and save the workbook again",
  };
}

const blank = (v: unknown) => v === "" || (typeof v === "string" && v.trim() === "");

function readSheet(sheet: ExcelJS.Worksheet, at: (f: string) => string, issues: DataIssue[]): RawTable {
  const file = sheetFile(sheet.name);
  const header = rowCells(sheet.getRow(1)).cells.map((v) => String(v));
  const columns = header.map(normalizeHeader);
  issues.push(...duplicateColumns(header, columns, at(file), 1));
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    const { cells, error } = rowCells(row);
    if (cells.every(blank)) return;
    if (error) {
      issues.push(errorCell(at(file), line, columns[error.column - 1] || `column ${error.column}`, error.value));
      return;
    }
    if (cells.slice(columns.length).some((v) => !blank(v))) {
      issues.push({
        severity: "error",
        code: "extra-cells",
        file: at(file),
        line,
        problem: `has values beyond the last column of the header (${header.join(", ")})`,
        fix: "give the column a header, or clear the cells to its right",
      });
      return;
    }
    const values: Record<string, unknown> = {};
    columns.forEach((c, i) => {
      if (c && !(c in values)) values[c] = cells[i] ?? "";
    });
    rows.push({ line, values });
  });
  return { file, columns: columns.filter(Boolean), rows };
}

/** customer.json from the "customer" sheet (field | value, e.g. "engagement.start" | 2026-01-05) and the list sheets. */
function readCustomerSheet(
  sheet: ExcelJS.Worksheet,
  lists: Record<string, RawTable>,
  at: (f: string) => string,
  issues: DataIssue[],
): NonNullable<RawWorkbook["customer"]> {
  const value: Record<string, unknown> = {};
  const lines = new Map<string, number>();
  const files = new Map<string, string>();
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const { cells, error } = rowCells(row);
    const [field, cell] = cells;
    const path = String(field ?? "").trim();
    if (!path || blank(cell) || (line === 1 && normalizeHeader(path) === "field")) return;
    if (error) return void issues.push(errorCell(at(sheetFile(sheet.name)), line, path, error.value));
    const keys = path.split(".");
    let target = value;
    for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    target[keys.at(-1)!] = cell;
    lines.set(path, line);
  });
  for (const [name, table] of Object.entries(lists)) {
    value[name] = table.rows.map((row, i) => {
      for (const key of Object.keys(row.values)) lines.set(`${name}.${i}.${key}`, row.line);
      files.set(`${name}.${i}`, table.file);
      const entry = Object.fromEntries(Object.entries(row.values).filter(([, v]) => !blank(v)));
      if (name === "goals" && typeof entry.metrics === "string")
        entry.metrics = entry.metrics
          .split(/[|,]/)
          .map((s) => s.trim())
          .filter(Boolean);
      return entry;
    });
  }
  return { file: sheetFile(sheet.name), value, text: "", lines, files };
}

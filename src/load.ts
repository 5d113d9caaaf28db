// Stage 1: read a customer folder into raw tables. Every row remembers its file and line.
// Nothing here knows what a field means; validate.ts does.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { DataIssue } from "./errors.ts";
import { rowTables, type TableName } from "./schema.ts";

/** One row as read: field names normalised, values untouched. */
export interface RawRow {
  line: number;
  values: Record<string, unknown>;
}

/** A table as read from `file` (relative to the customer folder, e.g. "metrics.csv"). */
export interface RawTable {
  file: string;
  /** Normalised header names, in file order (CSV only). */
  columns: string[];
  rows: RawRow[];
}

/** A customer folder as read from disk. `dir` is how errors name the folder, e.g. "data/acme". */
export interface RawCustomer {
  slug: string;
  dir: string;
  customer: { file: string; value: unknown; text: string } | null;
  handoff: { file: string; value: unknown; text: string } | null;
  tables: Partial<Record<TableName, RawTable>>;
  files: Set<string>;
  issues: DataIssue[];
}

/** `Target Date` → `target_date`, ` Metric-ID ` → `metric_id`. */
export function normalizeHeader(name: string): string {
  return name.trim().toLowerCase().replace(/[\s\-]+/g, "_").replace(/[^\p{L}\p{N}_]/gu, "");
}

/** Reads every table of data contract v1 that the folder holds. Problems are returned, not thrown. */
export async function loadCustomer(dir: string, slug: string, displayDir = dir): Promise<RawCustomer> {
  const files = new Set(await listFiles(dir));
  const raw: RawCustomer = { slug, dir: displayDir, customer: null, handoff: null, tables: {}, files, issues: [] };
  const at = (file: string) => `${displayDir}/${file}`;

  const pick = (name: string): string | null => {
    const csv = `${name}.csv`;
    const json = `${name}.json`;
    if (files.has(csv) && files.has(json)) {
      raw.issues.push({
        severity: "error", code: "both-formats", file: at(csv),
        problem: `and ${json} are both present`, fix: `keep one of them and delete or rename the other`,
      });
      return null;
    }
    return files.has(csv) ? csv : files.has(json) ? json : null;
  };

  if (!files.has("customer.json")) {
    raw.issues.push({
      severity: "error", code: "no-customer-json", file: at("customer.json"),
      problem: "is missing", fix: "every customer folder needs a customer.json with at least name, locale, currency and engagement (see README, data contract)",
    });
  } else {
    raw.customer = await readJsonDocument(dir, "customer.json", at, raw.issues);
  }
  if (files.has("handoff.json")) raw.handoff = await readJsonDocument(dir, "handoff.json", at, raw.issues);

  for (const name of Object.keys(rowTables) as TableName[]) {
    const file = pick(name);
    if (!file) continue;
    const text = await readText(join(dir, file));
    const table = file.endsWith(".csv") ? parseCsv(text, file, at, raw.issues) : parseJsonRows(text, file, at, raw.issues);
    if (table) raw.tables[name] = table;
  }
  return raw;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1).split("\\").join("/"));
}

async function readText(path: string): Promise<string> {
  const text = await readFile(path, "utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

async function readJsonDocument(dir: string, file: string, at: (f: string) => string, issues: DataIssue[]) {
  const text = await readText(join(dir, file));
  const value = parseJson(text, file, at, issues);
  return value === undefined ? null : { file, value, text };
}

function parseJson(text: string, file: string, at: (f: string) => string, issues: DataIssue[]): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const pos = /position (\d+)/.exec(message);
    const line = pos ? lineAt(text, Number(pos[1])) : undefined;
    issues.push({
      severity: "error", code: "bad-json", file: at(file), line,
      problem: `is not valid JSON (${message.replace(/ in JSON at position \d+.*$/s, "")})`,
      fix: "check for a missing comma, quote or bracket near that line",
    });
    return undefined;
  }
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The delimiter of a CSV file, from its header line: the most frequent of `,` `;` tab outside quotes. */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return n > 0 ? best : ",";
}

/** Parses CSV text into rows keyed by normalised header; each row keeps the line it starts on. */
export function parseCsv(text: string, file: string, at: (f: string) => string, issues: DataIssue[]): RawTable | null {
  let records: { raw: string; record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      raw: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (err) {
    const e = err as Error & { lines?: number };
    issues.push({
      severity: "error", code: "bad-csv", file: at(file), line: e.lines,
      problem: `cannot be read as CSV (${e.message.replace(/^Invalid [^:]*: /, "")})`,
      fix: "check that every opening quote has a closing quote; save the file again as CSV UTF-8 from your spreadsheet",
    });
    return null;
  }
  if (records.length === 0) return { file, columns: [], rows: [] };
  const startLine = (r: (typeof records)[number]) =>
    r.info.lines - (r.raw.replace(/^[\r\n]+|(\r\n|\n|\r)$/g, "").match(/\r\n|\n|\r/g)?.length ?? 0);
  const columns = records[0].record.map(normalizeHeader);
  const rows: RawRow[] = [];
  for (const r of records.slice(1)) {
    const line = startLine(r);
    if (r.record.length > columns.length && r.record.slice(columns.length).some((v) => v.trim() !== "")) {
      issues.push({
        severity: "error", code: "extra-cells", file: at(file), line,
        problem: `has ${r.record.length} cells but the header has ${columns.length}`,
        fix: "put quotes around any value that contains the delimiter, or remove the extra cells",
      });
      continue;
    }
    const values: Record<string, unknown> = {};
    columns.forEach((c, i) => { if (c) values[c] = r.record[i] ?? ""; });
    rows.push({ line, values });
  }
  return { file, columns, rows };
}

/** Parses a JSON array of objects; each row's line is where its object opens. */
export function parseJsonRows(text: string, file: string, at: (f: string) => string, issues: DataIssue[]): RawTable | null {
  const value = parseJson(text, file, at, issues);
  if (value === undefined) return null;
  if (!Array.isArray(value)) {
    issues.push({
      severity: "error", code: "json-not-array", file: at(file), line: 1,
      problem: "is not a list of rows", fix: "write the table as a JSON array of objects: [ { \"id\": \"m1\", … }, … ]",
    });
    return null;
  }
  const lines = objectLines(text);
  const rows: RawRow[] = [];
  value.forEach((item, i) => {
    const line = lines[i] ?? 1;
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      issues.push({
        severity: "error", code: "json-row-not-object", file: at(file), line, value: item,
        problem: "is not an object", fix: "each entry of the array must be an object of field names and values",
      });
      return;
    }
    const values: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(item)) values[normalizeHeader(k)] = v;
    rows.push({ line, values });
  });
  return { file, columns: [], rows };
}

/** The line on which each element of a top-level JSON array starts. */
function objectLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1, depth = 0, inString = false, expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n") line++;
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (depth === 1 && expectElement && !/\s/.test(ch) && ch !== "]") {
      lines.push(line);
      expectElement = false;
    }
    if (ch === '"') inString = true;
    else if (ch === "[" || ch === "{") {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (ch === "]" || ch === "}") depth--;
    else if (ch === "," && depth === 1) expectElement = true;
  }
  return lines;
}

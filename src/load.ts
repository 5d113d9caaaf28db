// Stage 1: read a customer folder into raw tables. Every row remembers its file and line.
// Nothing here knows what a field means; validate.ts does.
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { dirname, join, sep } from "node:path";
import { parse, type Options } from "csv-parse/sync";
import { decodeText } from "./encoding.ts";
import type { DataIssue } from "./errors.ts";
import { applyTableMap, readImportMap, type ImportMap } from "./importmap.ts";
import { rowTables, type TableName } from "./schema.ts";
import { readWorkbook, WORKBOOK } from "./workbook.ts";

/** One row as read: field names normalised, values untouched. */
export interface RawRow {
  line: number;
  values: Record<string, unknown>;
}

/** A table as read from `file` (relative to the customer folder, e.g. "metrics.csv"). */
export interface RawTable {
  file: string;
  /** Normalised header names, in file order (CSV), or every key used, in order of first use (JSON). */
  columns: string[];
  /** The line each column is named on: 1 for a header row, the first object using it in JSON. */
  columnLines?: Record<string, number>;
  rows: RawRow[];
}

/** A customer folder as read from disk. `dir` is how errors name the folder, e.g. "data/acme". */
export interface RawCustomer {
  slug: string;
  dir: string;
  /** customer.json as read, or rebuilt from customer.xlsx (`lines`: the sheet row of each field path, e.g. "engagement.start"). */
  customer: {
    file: string;
    value: unknown;
    text: string;
    lines?: Map<string, number>;
    /** In a workbook, the sheet of each list entry by its path, e.g. "costs.0" → "customer.xlsx[costs]". */
    files?: Map<string, string>;
  } | null;
  handoff: { file: string; value: unknown; text: string } | null;
  tables: Partial<Record<TableName, RawTable>>;
  /** Tables whose file could not be read at all: their rows are unknown, so nothing may be checked against them. */
  unreadable: Set<TableName>;
  files: Set<string>;
  /** Files that are links to somewhere outside the folder, e.g. "evidence/demo.png". */
  outsideLinks: Set<string>;
  issues: DataIssue[];
  /** The import map (milepost.map.json) that applied, if any: its formats win for the tables. */
  map: ImportMap | null;
  /** What the import map did, in words, e.g. "data/acme/milepost.map.json: measurements: column "datum" read as date". */
  mappings: string[];
}

/** `Target Date` → `target_date`, ` Metric-ID ` → `metric_id`. */
export function normalizeHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_")
    .replace(/[^\p{L}\p{N}_]/gu, "");
}

/** A customer folder's name: lowercase letters, digits and hyphens. */
export const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** The slug a folder name most likely wants to be: `Acme Corp` → `acme-corp`, `Café_Lumière` → `cafe-lumiere`; "" when nothing is left. */
export function slugFor(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** The folders in the data folder (links to folders included): customers by slug, and those whose name is no slug. */
export async function listCustomerFolders(dataDir: string): Promise<{ slugs: string[]; misnamed: string[] }> {
  const slugs: string[] = [];
  const misnamed: string[] = [];
  for (const e of await readdir(dataDir, { withFileTypes: true })) {
    const isFolder =
      e.isDirectory() || (e.isSymbolicLink() && (await stat(join(dataDir, e.name)).catch(() => null))?.isDirectory());
    if (!isFolder) continue;
    if (SLUG.test(e.name)) slugs.push(e.name);
    // Hidden folders (.git, .cache) are not customers, unless one holds a customer.json.
    else if (!e.name.startsWith(".") || (await stat(join(dataDir, e.name, "customer.json")).catch(() => null)))
      misnamed.push(e.name);
  }
  return { slugs: slugs.sort(), misnamed: misnamed.sort() };
}

/** The issue for a folder whose name is not a slug, with the slug to rename it to. `shown` names it, e.g. "data/Acme Corp". */
export async function misnamedFolder(dataDir: string, name: string, shown: string): Promise<DataIssue> {
  let slug = slugFor(name);
  if (!slug) {
    const customer = await readFile(join(dataDir, name, "customer.json"), "utf8")
      .then((t) => JSON.parse(t) as { name?: unknown })
      .catch(() => null);
    slug = typeof customer?.name === "string" ? slugFor(customer.name) : "";
  }
  return {
    severity: "error",
    code: "folder-not-slug",
    file: shown,
    problem:
      "is not a name milepost can use for a customer folder (lowercase letters a-z, digits and hyphens), so it was not read",
    fix: slug
      ? `rename the folder to ${slug}`
      : "rename the folder with Latin letters, e.g. the customer's name in English: taiwan-precision",
  };
}

/** Reads every table of data contract v1 that the folder holds. Problems are returned, not thrown. */
export async function loadCustomer(dir: string, slug: string, displayDir = dir): Promise<RawCustomer> {
  const { files, outsideLinks } = await listFiles(dir);
  const raw: RawCustomer = {
    slug,
    dir: displayDir,
    customer: null,
    handoff: null,
    tables: {},
    unreadable: new Set(),
    files,
    outsideLinks,
    issues: [],
    map: null,
    mappings: [],
  };
  const at = (file: string) => `${displayDir}/${file}`;
  const imported = await readImportMap(dirname(dir), dir, displayDir, raw.issues);
  raw.map = imported?.map ?? null;
  const mapped = (name: TableName) => raw.map?.tables?.[name];
  const explain = (done: string[]) => raw.mappings.push(...done.map((d) => `${imported!.files.join(" + ")}: ${d}`));

  const pick = (name: TableName): string | null => {
    const file = mapped(name)?.file;
    if (file) {
      if (files.has(file)) {
        explain([`${name}: read from ${file}`]);
        return file;
      }
      raw.issues.push({
        severity: "error",
        code: "bad-import-map",
        file: `${imported!.files.at(-1)}`,
        field: `tables.${name}.file`,
        value: file,
        problem: `is not a file in ${displayDir}/`,
        fix: `check the file's name, or remove tables.${name}.file to read ${name}.csv`,
      });
      return null;
    }
    const csv = `${name}.csv`;
    const json = `${name}.json`;
    if (files.has(csv) && files.has(json)) {
      raw.issues.push({
        severity: "error",
        code: "both-formats",
        file: at(csv),
        problem: `and ${json} are both present`,
        fix: `keep one of them and delete or rename the other`,
      });
      return null;
    }
    return files.has(csv) ? csv : files.has(json) ? json : null;
  };

  const sheets = new Map(
    Object.entries(raw.map?.tables ?? {}).flatMap(([name, m]) =>
      m?.sheet ? [[normalizeHeader(m.sheet), name as TableName] as const] : [],
    ),
  );
  const workbook = files.has(WORKBOOK) ? await readWorkbook(join(dir, WORKBOOK), at, raw.issues, sheets) : null;
  for (const [sheet, name] of sheets)
    if (workbook?.tables[name]) explain([`${name}: read from the sheet ${sheet} of ${WORKBOOK}`]);
  const both = (file: string, sheet: string) =>
    raw.issues.push({
      severity: "error",
      code: "both-formats",
      file: at(file),
      problem: `and the sheet ${sheet} of ${WORKBOOK} are both present`,
      fix: "keep one of them and delete or rename the other",
    });
  if (workbook?.customer) {
    if (files.has("customer.json")) both("customer.json", "customer");
    raw.customer = workbook.customer;
  } else if (!files.has("customer.json")) {
    const near = nearMisses(files);
    raw.issues.push({
      severity: "error",
      code: "no-customer-json",
      file: at("customer.json"),
      problem: near.length
        ? `is missing, but the folder holds ${near.map((f) => JSON.stringify(f)).join(" and ")}`
        : "is missing",
      fix: near.length
        ? `rename ${JSON.stringify(near[0])} to customer.json${near.length > 1 ? " (and delete the other copies)" : ""}`
        : `every customer folder needs a customer.json (or a ${WORKBOOK} with a customer sheet) with at least name, locale, currency and engagement (see README, data contract)`,
    });
  } else {
    raw.customer = await readJsonDocument(dir, "customer.json", at, raw.issues);
  }
  if (files.has("handoff.json")) raw.handoff = await readJsonDocument(dir, "handoff.json", at, raw.issues);

  for (const name of Object.keys(rowTables) as TableName[]) {
    const file = pick(name);
    const sheet = workbook?.tables[name];
    if (sheet) {
      if (file) both(file, name);
      raw.tables[name] = sheet;
      if (mapped(name)) explain(applyTableMap(sheet, name, mapped(name)!));
      continue;
    }
    if (!file) continue;
    const text = await readText(dir, file, at, raw.issues);
    const table =
      text === null
        ? null
        : file.endsWith(".csv")
          ? parseCsv(text, file, at, raw.issues)
          : parseJsonRows(text, file, at, raw.issues);
    if (table && mapped(name)) explain(applyTableMap(table, name, mapped(name)!));
    if (table) raw.tables[name] = table;
    else raw.unreadable.add(name);
  }
  return raw;
}

/** Files beside where customer.json should be that are most likely it: `customer (1).json`, `Customer.JSON`, `customer.json.txt`. */
function nearMisses(files: Set<string>): string[] {
  return [...files]
    .filter((f) => !f.includes("/"))
    .filter((f) => {
      const name = f.toLowerCase().replace(/\s*(\(\d+\)|-? ?copy( \d+)?|のコピー|副本)\s*/g, "");
      return name.startsWith("customer") && /\.json(\.\w+)?$|\.json\b/.test(name);
    })
    .sort();
}

/** Every file under `dir`, relative to it; a link counts as a file only when it leads to one inside `dir`. */
async function listFiles(dir: string): Promise<{ files: Set<string>; outsideLinks: Set<string> }> {
  const files = new Set<string>();
  const outsideLinks = new Set<string>();
  const root = await realpath(dir);
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const path = join(e.parentPath, e.name);
    const name = path
      .slice(dir.length + 1)
      .split("\\")
      .join("/");
    if (e.isFile()) files.add(name);
    else if (e.isSymbolicLink()) {
      const target = await realpath(path).catch(() => null);
      if (target && (await stat(target)).isFile()) (target.startsWith(root + sep) ? files : outsideLinks).add(name);
    }
  }
  return { files, outsideLinks };
}

/** A file's text, whatever its encoding, or null (and an issue) when it cannot be read safely. */
async function readText(
  dir: string,
  file: string,
  at: (f: string) => string,
  issues: DataIssue[],
): Promise<string | null> {
  const bytes = await readFile(join(dir, file));
  const saveAs = file.endsWith(".csv")
    ? "in Excel use File › Save As › CSV UTF-8 (Comma delimited)"
    : "save it again with the encoding set to UTF-8";
  if (bytes.length === 0 || /^\s*$/.test(bytes.toString("latin1"))) {
    issues.push({
      severity: "error",
      code: "empty-file",
      file: at(file),
      problem: "is empty",
      fix: file.endsWith(".csv")
        ? "write the header row and the rows, or delete the file"
        : "write its content, or delete the file",
    });
    return null;
  }
  const decoded = decodeText(bytes);
  if (decoded.text === null) {
    issues.push({
      severity: "error",
      code: "unknown-encoding",
      file: at(file),
      problem: {
        "utf16-no-bom": "is UTF-16 text without a byte-order mark",
        workbook: "is an Excel workbook, not text",
        unknown: "is not UTF-8 text, and its encoding is not one milepost recognises",
      }[decoded.reason],
      fix: decoded.reason === "workbook" ? `${saveAs}, or give it the .xlsx ending` : saveAs,
    });
    return null;
  }
  if ("legacy" in decoded && decoded.legacy) {
    issues.push({
      severity: "warning",
      code: "legacy-encoding",
      file: at(file),
      problem: `is in the ${decoded.legacy} encoding, not UTF-8; it was read as ${decoded.legacy}`,
      fix: `check the names in the pages; to be sure, ${saveAs}`,
    });
  }
  return decoded.text;
}

/** A JSON file read and parsed; null (with the issue added) when it cannot be. */
export async function readJsonDocument(dir: string, file: string, at: (f: string) => string, issues: DataIssue[]) {
  const text = await readText(dir, file, at, issues);
  const value = text === null ? undefined : parseJson(text, file, at, issues);
  return value === undefined ? null : { file, value, text: text! };
}

function parseJson(text: string, file: string, at: (f: string) => string, issues: DataIssue[]): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    issues.push({ severity: "error", code: "bad-json", file: at(file), ...jsonMistake(text, (err as Error).message) });
    return undefined;
  }
}

/** Where a JSON text goes wrong, with the words around it, and what to do. */
function jsonMistake(text: string, message: string): { line?: number; problem: string; fix: string } {
  const masked = text.replace(/"(?:[^"\\]|\\.)*"/g, (s) => `"${"_".repeat(s.length - 2)}"`);
  const trailing = /,(\s*)[\]}]/.exec(masked);
  if (trailing) {
    const line = lineAt(text, trailing.index);
    return {
      line,
      problem: `has a comma after the last entry (${snippet(text, trailing.index)})`,
      fix: `remove that comma before the closing ${text[trailing.index + 1 + trailing[1].length]}`,
    };
  }
  if (/end of JSON input/.test(message)) {
    return {
      line: lineAt(text, text.trimEnd().length),
      problem: "ends before its last bracket is closed",
      fix: "add the missing ] or } at the end",
    };
  }
  const pos = /position (\d+)/.exec(message);
  const reason = message.replace(/ in JSON at position \d+.*$/s, "").replace(/, ".*$/s, "");
  if (!pos) return { problem: `is not valid JSON (${reason})`, fix: "check for a missing comma, quote or bracket" };
  const at = Number(pos[1]);
  return {
    line: lineAt(text, at),
    problem: `is not valid JSON (${reason}) at ${snippet(text, at)}`,
    fix: "check for a missing comma, quote or bracket there or just before",
  };
}

/** The text around `index` on its line, e.g. `…{"b": 2},]`. */
function snippet(text: string, index: number): string {
  const start = text.lastIndexOf("\n", index - 1) + 1;
  const lineEnd = text.indexOf("\n", index);
  const end = lineEnd < 0 ? text.length : lineEnd;
  const from = Math.max(start, index - 24);
  return `${from > start ? "…" : ""}${text.slice(from, Math.min(end, index + 12)).trim()}`;
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

/** An error for each column whose normalised name an earlier column already has (`target`, `Target`). */
export function duplicateColumns(header: string[], columns: string[], file: string, line: number): DataIssue[] {
  return columns.flatMap((c, i) => {
    const first = columns.indexOf(c);
    return c && first < i
      ? [
          {
            severity: "error" as const,
            code: "duplicate-column",
            file,
            line,
            field: c,
            problem: `is the header of two columns (${JSON.stringify(header[first].trim())}, column ${first + 1}, and ${JSON.stringify(header[i].trim())}, column ${i + 1})`,
            fix: "delete or rename one of them: milepost cannot tell which to use",
          },
        ]
      : [];
  });
}

/** A record as the parser gives it (with raw: true) → its cells and the line it starts on, nothing else kept. */
function startLine({ raw, record }: { raw: string; record: string[] }, { lines }: { lines: number }) {
  return { line: lines - (raw.replace(/^[\r\n]+|(\r\n|\n|\r)$/g, "").match(/\r\n|\n|\r/g)?.length ?? 0), record };
}

/** The most distinct texts a column keeps one copy of; a column of free text past it keeps its cells as read. */
const SHARED_TEXTS = 4096;

/** One copy of each repeated text of a column: 200,000 rows of a metric hold a few hundred dates, one metric id. */
function sharedTexts(): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    const known = seen.get(text);
    if (known !== undefined) return known;
    if (seen.size < SHARED_TEXTS) seen.set(text, text);
    return text;
  };
}

/**
 * Parses CSV text into rows keyed by normalised header; each row keeps the line it starts on. Each record becomes
 * its row as the parser ends it (no list of records is kept), its repeated texts shared per column.
 */
export function parseCsv(text: string, file: string, at: (f: string) => string, issues: DataIssue[]): RawTable | null {
  // A file that cannot be parsed reports that alone: its rows' issues wait for the parse to end.
  const found: DataIssue[] = [];
  let header: string[] | null = null;
  let columns: string[] = [];
  let shared: ((text: string) => string)[] = [];
  const rows: RawRow[] = [];
  const unnamed = new Set<number>();
  const take = ({ line, record }: { line: number; record: string[] }) => {
    if (!header) {
      header = record;
      columns = header.map(normalizeHeader);
      shared = columns.map(() => sharedTexts());
      found.push(...duplicateColumns(header, columns, at(file), line));
      return;
    }
    if (record.every((v) => v.trim() === "")) return;
    const filled = record.findIndex((v, i) => i < columns.length && !columns[i] && v.trim() !== "" && !unnamed.has(i));
    if (filled >= 0) {
      unnamed.add(filled);
      found.push({
        severity: "error",
        code: "unnamed-column",
        file: at(file),
        line,
        value: record[filled],
        problem: `is in column ${filled + 1}, which has no name in the header row`,
        fix: "write the column's name in the header row (a merged header cell in Excel leaves the columns after its first without a name)",
      });
    }
    if (record.length > columns.length) {
      found.push({
        severity: "error",
        code: "extra-cells",
        file: at(file),
        line,
        problem: `has ${record.length} cells but the header has ${columns.length} (${header.map((h) => h.trim()).join(", ")})`,
        fix: "put quotes around any value that contains the delimiter, or remove the extra cells",
      });
      return;
    }
    const values: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i];
      if (c && !(c in values)) values[c] = shared[i](record[i] ?? "");
    }
    rows.push({ line, values });
  };
  try {
    parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      on_record: ((record: { raw: string; record: string[] }, info: { lines: number }) => {
        take(startLine(record, info));
        return null;
      }) as unknown as Options["on_record"],
    });
  } catch (err) {
    const e = err as Error & { lines?: number };
    issues.push({
      severity: "error",
      code: "bad-csv",
      file: at(file),
      line: e.lines,
      problem: `cannot be read as CSV (${e.message.replace(/^Invalid [^:]*: /, "")})`,
      fix: "check that every opening quote has a closing quote; save the file again as CSV UTF-8 from your spreadsheet",
    });
    return null;
  }
  issues.push(...found);
  return { file, columns: header ? columns : [], rows };
}

/** Parses a JSON array of objects; each row's line is where its object opens. */
export function parseJsonRows(
  text: string,
  file: string,
  at: (f: string) => string,
  issues: DataIssue[],
): RawTable | null {
  const value = parseJson(text, file, at, issues);
  if (value === undefined) return null;
  if (!Array.isArray(value)) {
    issues.push({
      severity: "error",
      code: "json-not-array",
      file: at(file),
      line: 1,
      problem: "is not a list of rows",
      fix: 'write the table as a JSON array of objects: [ { "id": "m1", … }, … ]',
    });
    return null;
  }
  const lines = objectLines(text);
  const rows: RawRow[] = [];
  const columnLines: Record<string, number> = {};
  value.forEach((item, i) => {
    const line = lines[i] ?? 1;
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      issues.push({
        severity: "error",
        code: "json-row-not-object",
        file: at(file),
        line,
        value: item,
        problem: "is not an object",
        fix: "each entry of the array must be an object of field names and values",
      });
      return;
    }
    const values: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(item)) {
      const key = normalizeHeader(k);
      values[key] = v;
      columnLines[key] ??= line;
    }
    rows.push({ line, values });
  });
  return { file, columns: Object.keys(columnLines), columnLines, rows };
}

/** The line on which each element of a top-level JSON array starts. */
function objectLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1,
    depth = 0,
    inString = false,
    expectElement = false;
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

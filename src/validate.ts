// Stage 2: raw tables → typed rows (zod, one schema per table) and the cross-file rules of
// data contract v1. Every problem of a customer is collected; none stops the others.
import type { z } from "zod";
import type { DataIssue } from "./errors.ts";
import type { ErrorCode } from "./errors-data.ts";
import { rowReader } from "./columns.ts";
import { criterionThresholds } from "./criteria.ts";
import { crossContext, crossRules } from "./cross-rules.ts";
import { lineOf } from "./doc-lines.ts";
import { rowsAfterToday } from "./future.ts";
import type { RawCustomer, RawTable } from "./load.ts";
import { takeOffMarks } from "./marks.ts";
import { nearest } from "./nearest.ts";
import {
  allowedValues,
  customerSchemaIn,
  DATE_FORMATS,
  dateFormatOf,
  handoffSchema,
  isOptional,
  rowTables,
  rowTablesFor,
  type CustomerData,
  NUMBER_FORMATS,
  numberFormatOf,
  type DateFormat,
  type NumberFormat,
  type TableName,
} from "./schema.ts";

/** The result of validating one customer: data when there is no error, and every issue found. */
export interface Validated {
  data: CustomerData | null;
  issues: DataIssue[];
}

type Issue = z.core.$ZodIssue;

export { lineOf };

/** Validates a loaded customer folder; with `today`, a row dated after it is a warning (row-after-today). */
export function validateCustomer(raw: RawCustomer, today?: string): Validated {
  const issues: DataIssue[] = [...raw.issues];
  const at = (file: string) => `${raw.dir}/${file}`;
  // Without its customer document nothing else can be read as meant (dates, numbers, currency): its error alone.
  if (!raw.customer) return { data: null, issues: customerDocumentIssues(raw) };

  const { dates, numbers } = formatsFrom(raw.customer?.value);
  const customerSchema = customerSchemaIn(dates, numbers);
  const customer = raw.customer ? validateDocument(raw.customer, customerSchema, at, issues) : null;
  const handoff = raw.handoff ? validateDocument(raw.handoff, handoffSchema, at, issues) : null;

  const marks = takeOffMarks(raw, currencyFrom(raw.customer?.value), raw.map?.numberFormat ?? numbers, at);
  const schemas = rowTablesFor(raw.map?.dateFormat ?? dates, raw.map?.numberFormat ?? numbers);
  const tables: Record<string, unknown[]> = {};
  for (const name of Object.keys(rowTables) as TableName[]) {
    const table = raw.tables[name];
    tables[name] = table ? validateTable(table, schemas[name], at, issues) : [];
  }
  issues.push(...marks);
  const data = {
    slug: raw.slug,
    customer: customer!,
    handoff,
    present: Object.keys(raw.tables) as TableName[],
    ...tables,
  } as CustomerData;

  crossCheck(data, raw, at, issues);
  if (today !== undefined) issues.push(...rowsAfterToday(data, today, at));
  if (customer && raw.customer) issues.push(...criterionThresholds(data, at(raw.customer.file)));
  const failed = !customer || issues.some((i) => i.severity === "error");
  return { data: failed ? null : data, issues: byFileAndLine(issues) };
}

/** The errors of a folder whose customer document is missing or unreadable: those about it, else all. */
function customerDocumentIssues(raw: RawCustomer): DataIssue[] {
  const about = raw.issues.filter((i) => /\/customer\.(json|xlsx)(\[|$)/.test(i.file) && i.severity === "error");
  return about.length ? about : raw.issues;
}

/** Issues file by file (in the order files were first named), top to bottom within each. */
function byFileAndLine(issues: DataIssue[]): DataIssue[] {
  const files = [...new Set(issues.map((i) => i.file))];
  return issues.toSorted((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** The customer's dateFormat and numberFormat, else its locale's, read from customer.json even when other fields are wrong. */
export function formatsFrom(customer: unknown): { dates: DateFormat; numbers: NumberFormat } {
  const { dateFormat, numberFormat, locale } = (customer ?? {}) as Record<string, unknown>;
  const known = typeof locale === "string" && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(locale);
  return {
    dates: DATE_FORMATS.includes(dateFormat as DateFormat)
      ? (dateFormat as DateFormat)
      : known
        ? dateFormatOf(locale)
        : "YMD",
    numbers: NUMBER_FORMATS.includes(numberFormat as NumberFormat)
      ? (numberFormat as NumberFormat)
      : known
        ? numberFormatOf(locale)
        : "1,234.5",
  };
}

/** The customer's currency code as written, when it is one. */
function currencyFrom(customer: unknown): string | null {
  const { currency } = (customer ?? {}) as { currency?: unknown };
  return typeof currency === "string" && /^[A-Z]{3}$/.test(currency) ? currency : null;
}

function validateTable(table: RawTable, schema: z.ZodObject, at: (f: string) => string, issues: DataIssue[]) {
  const shape = schema.shape as Record<string, z.ZodType>;
  const fields = Object.keys(shape);
  const file = at(table.file);
  const lineOf = (column: string) => table.columnLines?.[column] ?? 1;
  const column = table.file.endsWith(".json") ? "key" : "column";
  const absent = fields.filter((f) => !table.columns.includes(f));
  const missing = new Set(absent.filter((f) => !isOptional(shape[f])));
  const renamed = new Map<string, string>();
  for (const name of table.columns) {
    if (!name || fields.includes(name)) continue;
    const unnamed = [...missing].filter((f) => ![...renamed.values()].includes(f));
    const required = nearest(name, unnamed, { contains: true });
    if (required) {
      renamed.set(name, required);
      continue;
    }
    const optional = nearest(
      name,
      absent.filter((f) => !missing.has(f)),
    );
    const other = nearest(name, fields);
    issues.push(
      optional
        ? {
            severity: "error",
            code: "misspelt-column",
            file,
            line: lineOf(name),
            field: name,
            problem: `is not a ${column} milepost knows; as written it is ignored`,
            fix: `did you mean ${optional}? rename the ${column} to ${optional}`,
          }
        : {
            severity: "warning",
            code: "unknown-column",
            file,
            line: lineOf(name),
            field: name,
            problem: `is not a ${column} milepost knows; it is ignored`,
            fix: other
              ? `did you mean ${other}? otherwise delete the ${column}`
              : `check the spelling if you meant one of: ${fields.join(", ")}`,
          },
    );
  }
  const renamedTo = new Map([...renamed].map(([from, to]) => [to, from]));
  for (const field of missing) {
    const values = allowedValues(shape[field]);
    const from = renamedTo.get(field);
    issues.push({
      severity: "error",
      code: "missing-column",
      file,
      line: from ? lineOf(from) : 1,
      field,
      problem: from ? `${column} is missing (${from} → ${field}?)` : `${column} is missing`,
      fix: `${from ? `rename the ${column} ${from} to ${field}` : column === "key" ? `add ${field} to every row` : `add a column named ${field} to the header row`}${values ? ` (${values})` : ""}`,
    });
  }
  const rows: unknown[] = [];
  const read = rowReader(schema);
  let previous: Record<string, unknown> = {};
  for (const row of table.rows) {
    const result = read(row.values);
    if (result.success) {
      result.data.src = { file: table.file, line: row.line };
      rows.push(result.data);
    } else {
      for (const issue of result.issues) {
        const field = String(issue.path[0] ?? "");
        if (missing.has(field)) continue;
        const described = describe(
          issue,
          row.values[field],
          { file, line: row.line, field },
          allowedValues(shape[field] ?? schema),
        );
        if (described.code === "missing-value" && allowedValues(shape[field]) && !blank(previous[field]))
          described.fix += " (a merged cell leaves the rows under it empty: unmerge it and fill in every row)";
        issues.push(described);
      }
    }
    previous = row.values;
  }
  return rows;
}

/** Validates a JSON document against its schema, adding every issue (unknown keys too) with its line. */
export function validateDocument<T extends z.ZodType>(
  doc: { file: string; value: unknown; text: string; lines?: Map<string, number>; files?: Map<string, string> },
  schema: T,
  at: (f: string) => string,
  issues: DataIssue[],
): z.infer<T> | null {
  unknownKeys(doc.value, schema, [], knownPaths(schema), doc, at, issues);
  const result = schema.safeParse(doc.value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const value = issue.path.reduce<unknown>(
      (v, key) => (v as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey],
      doc.value,
    );
    const field = issue.path
      .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
      .join("")
      .replace(/^\./, "");
    issues.push(describe(issue, value, { file: at(fileOf(doc, issue.path)), line: lineOf(doc, issue.path), field }));
  }
  return null;
}

/** The object schema inside optional, default, array and pipe wrappers, or null. */
function objectIn(schema: z.ZodType): z.ZodObject | null {
  const def = (
    schema as unknown as {
      def: { type: string; innerType?: z.ZodType; element?: z.ZodType; in?: z.ZodType; out?: z.ZodType };
    }
  ).def;
  if (def.type === "object") return schema as z.ZodObject;
  if (def.type === "optional" || def.type === "default" || def.type === "nullable") return objectIn(def.innerType!);
  if (def.type === "array") return objectIn(def.element!);
  if (def.type === "pipe")
    return objectIn((def.in as unknown as { def: { type: string } }).def.type === "transform" ? def.out! : def.in!);
  return null;
}

/** Every key path a document schema knows, e.g. "brand.color", "costs.amount". */
function knownPaths(schema: z.ZodType, prefix = ""): string[] {
  const object = objectIn(schema);
  if (!object) return [];
  return Object.entries(object.shape as Record<string, z.ZodType>).flatMap(([key, type]) => [
    `${prefix}${key}`,
    ...knownPaths(type, `${prefix}${key}.`),
  ]);
}

/** Reports keys a JSON document holds that its schema does not know: an error when it is most likely a misspelt optional key. */
function unknownKeys(
  value: unknown,
  schema: z.ZodType,
  path: PropertyKey[],
  known: string[],
  doc: { file: string; text: string; lines?: Map<string, number>; files?: Map<string, string> },
  at: (f: string) => string,
  issues: DataIssue[],
): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => unknownKeys(item, schema, [...path, i], known, doc, at, issues));
    return;
  }
  const object = objectIn(schema);
  if (!object || value === null || typeof value !== "object") return;
  const shape = object.shape as Record<string, z.ZodType>;
  const keys = Object.keys(shape);
  for (const [key, inner] of Object.entries(value)) {
    if (key in shape) {
      unknownKeys(inner, shape[key], [...path, key], known, doc, at, issues);
      continue;
    }
    const here = [...path, key];
    const field = here
      .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
      .join("")
      .replace(/^\./, "");
    const where = { file: at(fileOf(doc, here)), line: lineOf(doc, here), field };
    const absentOptional = keys.filter((k) => !(k in value) && isOptional(shape[k]));
    // A key written in another case (closeoutdays) is the known key misspelt, even when that key is given too.
    const sibling = keys.find((k) => k.toLowerCase() === key.toLowerCase()) ?? nearest(key, absentOptional);
    const lower = key.toLowerCase();
    const elsewhere = known.filter((p) => p.toLowerCase().endsWith(`.${lower}`) || p.toLowerCase() === lower);
    const named = path.filter((p) => typeof p === "string").join(".");
    if (sibling || elsewhere.length === 1) {
      const meant = sibling ?? elsewhere[0];
      issues.push({
        severity: "error",
        code: "misspelt-key",
        ...where,
        problem: "is not a key milepost knows; as written it is ignored",
        fix: `did you mean ${JSON.stringify(meant)}? ${sibling ? "rename the key" : `move it to ${meant}`}`,
      });
      continue;
    }
    const close = nearest(key, keys);
    issues.push({
      severity: "warning",
      code: "unknown-key",
      ...where,
      problem: "is not a key milepost knows; it is ignored",
      fix: close
        ? `did you mean ${JSON.stringify(close)}? otherwise remove it`
        : `remove it; the keys ${named ? `of ${named}` : "here"} are: ${keys.filter((k) => k !== "$schema").join(", ")}`,
    });
  }
}

/** The file a field of a document is in: in a workbook, the sheet its list entry is on (costs[0] on sheet costs). */
function fileOf(doc: { file: string; files?: Map<string, string> }, path: readonly PropertyKey[]): string {
  for (let n = path.length; n > 0 && doc.files; n--) {
    const file = doc.files.get(path.slice(0, n).map(String).join("."));
    if (file !== undefined) return file;
  }
  return doc.file;
}

const blank = (value: unknown) =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/** Words one zod issue as a DataIssue; `values` lists a fixed-word field's allowed values. */
function describe(
  issue: Issue,
  value: unknown,
  where: { file: string; line?: number; field: string },
  values = "",
): DataIssue {
  const base = { severity: "error" as const, code: "invalid-value" as ErrorCode, ...where };
  if (blank(value)) {
    const name = where.field.split(".").pop()!;
    return {
      ...base,
      code: "missing-value",
      problem: "is empty",
      fix: `every row needs ${/^[aeiou]/.test(name) ? "an" : "a"} ${name}${values ? `: ${values}` : ""}`,
    };
  }
  const fix = (issue as { params?: { fix?: string } }).params?.fix;
  if (fix) return { ...base, value, problem: issue.message, fix };
  if (issue.code === "invalid_value" && "values" in issue) {
    return {
      ...base,
      value,
      problem: "is not one of the allowed values",
      fix: `write one of: ${issue.values.join(", ")}`,
    };
  }
  if (issue.code === "invalid_type") {
    return { ...base, value, problem: `is not a ${issue.expected}`, fix: `write a ${issue.expected} here` };
  }
  return { ...base, value, problem: issue.message, fix: hintFor(where.field) };
}

function hintFor(field: string): string {
  if (field.endsWith("color")) return "write a colour as #rrggbb, e.g. #1f4e79";
  if (field === "locale") return "write a language tag such as en-US, de-DE, ja-JP, zh-TW, ko-KR or ms-MY";
  if (field === "currency") return "write a three-letter currency code such as USD, JPY, TWD or MYR";
  if (field.endsWith("closeoutDays")) return "write a whole number of days, e.g. 30";
  return "see the data contract in the README for what this field takes";
}

/** The rules that span rows and files (src/cross-rules.ts). Runs whatever else is wrong, so every error shows in one run. */
function crossCheck(data: CustomerData, raw: RawCustomer, at: (f: string) => string, issues: DataIssue[]) {
  const context = crossContext(data, raw);
  for (const rule of Object.values(crossRules))
    for (const { file, line, field, value, problem, fix, code } of rule(context))
      issues.push({ severity: "error", code, file: at(file), line, field, value, problem, fix });
}

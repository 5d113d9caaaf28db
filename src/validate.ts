// Stage 2: raw tables → typed rows (zod, one schema per table) and the cross-file rules of
// data contract v1. Every problem of a customer is collected; none stops the others.
import type { z } from "zod";
import type { DataIssue } from "./errors.ts";
import type { RawCustomer, RawTable } from "./load.ts";
import { evidenceProblem, logoProblem } from "./inert.ts";
import { meets } from "./model/metrics.ts";
import {
  customerSchema, handoffSchema, rowTables,
  type CustomerData, type Metric, type TableName,
} from "./schema.ts";

/** The result of validating one customer: data when there is no error, and every issue found. */
export interface Validated {
  data: CustomerData | null;
  issues: DataIssue[];
}

type Issue = z.core.$ZodIssue;

/** Validates a loaded customer folder. */
export function validateCustomer(raw: RawCustomer): Validated {
  const issues: DataIssue[] = [...raw.issues];
  const at = (file: string) => `${raw.dir}/${file}`;

  const customer = raw.customer ? validateDocument(raw.customer, customerSchema, at, issues) : null;
  const handoff = raw.handoff ? validateDocument(raw.handoff, handoffSchema, at, issues) : null;

  const tables: Record<string, unknown[]> = {};
  for (const name of Object.keys(rowTables) as TableName[]) {
    const table = raw.tables[name];
    tables[name] = table ? validateTable(table, rowTables[name], at, issues) : [];
  }
  const data = {
    slug: raw.slug,
    customer: customer!,
    handoff,
    present: Object.keys(raw.tables) as TableName[],
    ...tables,
  } as CustomerData;

  if (customer) crossCheck(data, raw, at, issues);
  const failed = !customer || issues.some((i) => i.severity === "error");
  return { data: failed ? null : data, issues };
}

/** Whether a schema field may be left out. */
const isOptional = (field: z.ZodType) => field.safeParse(undefined).success;

function validateTable(table: RawTable, schema: z.ZodObject, at: (f: string) => string, issues: DataIssue[]) {
  const fields = Object.keys(schema.shape);
  const file = at(table.file);
  const missingColumns = new Set<string>();
  if (table.columns.length > 0) {
    for (const column of table.columns) {
      if (column && !fields.includes(column)) {
        issues.push({
          severity: "warning", code: "unknown-column", file, line: 1, field: column,
          problem: "is not a column milepost knows; it is ignored",
          fix: `check the spelling if you meant one of: ${fields.join(", ")}`,
        });
      }
    }
    for (const field of fields) {
      if (!table.columns.includes(field) && !isOptional(schema.shape[field] as z.ZodType)) {
        missingColumns.add(field);
        issues.push({
          severity: "error", code: "missing-column", file, line: 1, field,
          problem: "column is missing", fix: `add a column named ${field} to the header row`,
        });
      }
    }
  }
  const rows: unknown[] = [];
  for (const row of table.rows) {
    const result = schema.safeParse(row.values);
    if (result.success) {
      rows.push({ ...result.data, src: { file: table.file, line: row.line } });
      continue;
    }
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (missingColumns.has(field)) continue;
      issues.push(describe(issue, row.values[field], { file, line: row.line, field }));
    }
  }
  return rows;
}

function validateDocument<T extends z.ZodType>(
  doc: { file: string; value: unknown; text: string },
  schema: T,
  at: (f: string) => string,
  issues: DataIssue[],
): z.infer<T> | null {
  const result = schema.safeParse(doc.value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const value = issue.path.reduce<unknown>((v, key) => (v as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey], doc.value);
    const field = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
    issues.push(describe(issue, value, { file: at(doc.file), line: keyLine(doc.text, issue.path), field }));
  }
  return null;
}

/** The line of the last named key of `path` in a JSON text, searched after its parents. */
function keyLine(text: string, path: readonly PropertyKey[]): number | undefined {
  let from = 0;
  for (const key of path) {
    if (typeof key !== "string") continue;
    const i = text.indexOf(`"${key}"`, from);
    if (i < 0) return undefined;
    from = i;
  }
  return from > 0 ? text.slice(0, from).split("\n").length : undefined;
}

/** Words one zod issue as a DataIssue. */
function describe(issue: Issue, value: unknown, where: { file: string; line?: number; field: string }): DataIssue {
  const base = { severity: "error" as const, code: "invalid-value", ...where };
  const blank = value === undefined || value === null || (typeof value === "string" && value.trim() === "");
  if (blank) {
    return { ...base, code: "missing-value", problem: "is empty", fix: `every row needs a ${where.field.split(".").pop()}` };
  }
  const fix = (issue as { params?: { fix?: string } }).params?.fix;
  if (fix) return { ...base, value, problem: issue.message, fix };
  if (issue.code === "invalid_value" && "values" in issue) {
    return { ...base, value, problem: "is not one of the allowed values", fix: `write one of: ${issue.values.join(", ")}` };
  }
  if (issue.code === "invalid_type") {
    return { ...base, value, problem: `is not a ${issue.expected}`, fix: `write a ${issue.expected} here` };
  }
  return { ...base, value, problem: issue.message, fix: hintFor(where.field) };
}

function hintFor(field: string): string {
  if (field.endsWith("color")) return "write a colour as #rrggbb, e.g. #1f4e79";
  if (field === "locale") return "write a language tag such as en-US, ja-JP, zh-TW or ms-MY";
  if (field === "currency") return "write a three-letter currency code such as USD, JPY, TWD or MYR";
  if (field.endsWith("closeoutDays")) return "write a whole number of days, e.g. 30";
  return "see the data contract in the README for what this field takes";
}

/** The rules that span rows and files (SPEC §3). */
function crossCheck(data: CustomerData, raw: RawCustomer, at: (f: string) => string, issues: DataIssue[]) {
  // When metrics.csv itself has errors, unknown ids elsewhere are most likely its fault: say nothing more.
  const metricsFile = raw.tables.metrics && at(raw.tables.metrics.file);
  const metricsBroken = issues.some((i) => i.severity === "error" && i.file === metricsFile);
  const error = (file: string, line: number | undefined, field: string, value: unknown, problem: string, fix: string, code: string) =>
    issues.push({ severity: "error", code, file: at(file), line, field, value, problem, fix });

  const metrics = new Map<string, Metric>();
  for (const m of data.metrics) metrics.set(m.id, m);

  for (const [table, rows] of [["metrics", data.metrics], ["milestones", data.milestones], ["deliverables", data.deliverables], ["opportunities", data.opportunities]] as const) {
    const seen = new Map<string, string>();
    for (const row of rows as { id: string; src: { file: string; line: number } }[]) {
      const first = seen.get(row.id);
      if (first) error(row.src.file, row.src.line, "id", row.id, `is used twice in ${table} (first at ${first})`, "give each row its own id", "duplicate-id");
      else seen.set(row.id, `${row.src.file}:${row.src.line}`);
    }
  }

  const unknownMetric = (file: string, line: number | undefined, field: string, id: string) =>
    !metricsBroken && error(file, line, field, id, "is not the id of any metric", metrics.size
      ? `use one of: ${[...metrics.keys()].join(", ")}`
      : "add the metric to metrics.csv first", "unknown-metric");

  for (const m of data.metrics) {
    if (m.target_date < m.baseline_date) {
      error(m.src.file, m.src.line, "target_date", m.target_date, `is before the baseline_date ${m.baseline_date}`, "a target date comes after the baseline is measured", "target-before-baseline");
    }
    if (m.target === m.baseline) {
      error(m.src.file, m.src.line, "target", m.target, "equals the baseline", "write the value you are aiming for; it must differ from the baseline", "target-equals-baseline");
    }
    if ((m.value_per_unit === undefined) !== (m.per === undefined)) {
      const missing = m.per === undefined ? "per" : "value_per_unit";
      error(m.src.file, m.src.line, missing, "", "is empty while its partner is given", "fill both value_per_unit and per to put a money value on this metric, or neither", "half-monetized");
    }
  }
  for (const x of data.measurements) {
    const metric = metrics.get(x.metric_id);
    if (!metric) unknownMetric(x.src.file, x.src.line, "metric_id", x.metric_id);
    else if (x.date < metric.baseline_date) {
      error(x.src.file, x.src.line, "date", x.date, `is before the baseline_date ${metric.baseline_date} of metric ${metric.id}`, "correct the date, or move the metric's baseline_date earlier", "measurement-before-baseline");
    }
  }
  for (const ms of data.milestones) {
    const metric = ms.metric_id ? metrics.get(ms.metric_id) : undefined;
    if (ms.metric_id && !metric) unknownMetric(ms.src.file, ms.src.line, "metric_id", ms.metric_id);
    if (ms.status === "achieved" && !ms.achieved_date && !(metric && reachesThreshold(metric, ms.threshold, data))) {
      error(ms.src.file, ms.src.line, "status", "achieved", "has no date it was achieved on", "add achieved_date (YYYY-MM-DD), or a metric_id and threshold that a measurement reaches", "achieved-without-date");
    }
    for (const item of ms.evidence ?? []) {
      if (/^https?:\/\//i.test(item)) continue;
      if (item.split(/[\\/]/).includes("..") || !raw.files.has(item.replace(/^\.\//, ""))) {
        error(ms.src.file, ms.src.line, "evidence", item, `is not a file in ${raw.dir}/`, `put the file at ${raw.dir}/${item.replace(/^\.\//, "")}, or write a link starting with https://`, "missing-evidence");
      } else {
        const bad = evidenceProblem(item);
        if (bad) error(ms.src.file, ms.src.line, "evidence", item, bad.problem, bad.fix, bad.code);
      }
    }
  }
  const c = data.customer;
  for (const [i, goal] of c.goals.entries()) {
    for (const id of goal.metrics) if (!metrics.has(id)) unknownMetric("customer.json", undefined, `goals[${i}].metrics`, id);
  }
  for (const [field, logo] of [["brand.logo", c.brand?.logo], ["provider.logo", c.provider?.logo]] as const) {
    if (logo && (logo.includes("..") || !raw.files.has(logo))) {
      error("customer.json", undefined, field, logo, `is not a file in ${raw.dir}/`, `put the image at ${raw.dir}/${logo}, or remove ${field}`, "missing-logo");
    } else if (logo && logoProblem(logo)) {
      const bad = logoProblem(logo)!;
      error("customer.json", undefined, field, logo, bad.problem, bad.fix, bad.code);
    }
  }
  if (c.share && !/^[A-Za-z0-9_-]{22,}$/.test(c.share.token)) {
    error("customer.json", undefined, "share.token", c.share.token, "is not a safe share token (it needs at least 128 random bits)",
      "generate one with: node -e \"console.log(require('crypto').randomBytes(16).toString('base64url'))\"", "weak-share-token");
  }
  for (const r of data.csat) {
    if (r.score < (r.scale === 10 ? 0 : 1) || r.score > r.scale) {
      error(r.src.file, r.src.line, "score", r.score, `is outside the ${r.scale}-point scale`, `write a score from ${r.scale === 10 ? 0 : 1} to ${r.scale}, or correct the scale`, "score-out-of-scale");
    }
  }
}

function reachesThreshold(metric: Metric, threshold: number | undefined, data: CustomerData): boolean {
  return data.measurements.some((x) => x.metric_id === metric.id && meets(metric, x.value, threshold ?? metric.target));
}

// Data contract v1 (SPEC §3): one zod schema per table, types from z.infer.
// Cells arrive as strings (CSV) or JSON values; the field types below accept both,
// read them strictly and explain what to write when a value cannot be read.
import { z } from "zod";

/** Marks an issue's fix text; read back by validate.ts when it words the error. */
function fail(ctx: z.RefinementCtx, message: string, fix: string): typeof z.NEVER {
  ctx.addIssue({ code: "custom", message, params: { fix } });
  return z.NEVER;
}

const blankToUndefined = (v: unknown) =>
  v === null || (typeof v === "string" && v.trim() === "") ? undefined : v;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date written YYYY-MM-DD. */
export const date = z.union([z.string(), z.number()]).transform((raw, ctx) => {
  const s = String(raw).trim();
  const m = ISO_DATE.exec(s);
  if (m) {
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (d.getUTCMonth() === +m[2] - 1) return s;
    return fail(ctx, "is not a day in the calendar", "check the month and day");
  }
  return fail(ctx, "is not a date", `write it as YYYY-MM-DD${suggestDate(s)}`);
});

function suggestDate(s: string): string {
  const dmy = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s);
  if (dmy) return ` (for ${+dmy[1] > 12 ? "day first" : "example"}: ${dmy[3]}-${dmy[2].padStart(2, "0")}-${dmy[1].padStart(2, "0")} or ${dmy[3]}-${dmy[1].padStart(2, "0")}-${dmy[2].padStart(2, "0")})`;
  const ymd = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (ymd) return `, e.g. ${ymd[1]}-${ymd[2].padStart(2, "0")}-${ymd[3].padStart(2, "0")}`;
  return ", e.g. 2026-09-30";
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A plain decimal number. Anything a person might write differently is rejected with the fix. */
export const number = z.union([z.number(), z.string()]).transform((raw, ctx) => {
  if (typeof raw === "number") {
    if (Number.isFinite(raw)) return raw;
    return fail(ctx, "is not a number", "write a plain decimal such as 12.5");
  }
  const s = raw.trim();
  if (PLAIN_NUMBER.test(s)) return Number(s);
  return fail(ctx, "is not a number", `write ${suggestNumber(s)}`);
});

/** What to write instead of `s`: the plain decimal a person most likely meant. */
export function suggestNumber(s: string): string {
  const digits = s.replace(/[^\d.,+-]/g, "");
  const symbols = digits !== s.replace(/\s/g, "") ? ` (without ${describeSymbols(s)})` : "";
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits)) {
    const plain = digits.replace(/,/g, "");
    const ambiguous = !symbols && /^[+-]?\d{1,3},\d{3}$/.test(digits) ? ` (or ${digits.replace(",", ".")} if the comma is a decimal mark)` : "";
    return `${plain}${ambiguous || symbols || " (without thousands separators)"}`;
  }
  if (/^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(digits)) return `${digits.replace(/\./g, "").replace(",", ".")}${symbols}`;
  if (/^[+-]?\d*,\d+$/.test(digits)) return `${digits.replace(",", ".")}${symbols}`;
  if (PLAIN_NUMBER.test(digits)) return `${digits}${symbols}`;
  return "a plain decimal number such as 12.5";
}

function describeSymbols(s: string): string {
  if (s.includes("%")) return "the % sign";
  if (/[$€£¥₩₹]|RM|NT|USD|JPY|MYR|TWD/i.test(s)) return "the currency symbol";
  return "the unit";
}

/** One of a fixed set of words; case, spaces and hyphens are forgiven ("In Progress" = in_progress). */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.union([z.string(), z.number()]).transform((raw, ctx): T[number] => {
    const s = String(raw).trim().toLowerCase().replace(/[\s-]+/g, "_");
    if ((values as readonly string[]).includes(s)) return s as T[number];
    return fail(ctx, "is not one of the allowed values", `write one of: ${values.join(", ")}`);
  });
}

const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim()).pipe(z.string().min(1));
const optional = <T extends z.ZodType>(t: T) => z.preprocess(blankToUndefined, t.optional());
const optText = optional(text);
const optDate = optional(date);
const optNumber = optional(number);
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: "is not a colour" });

export const PHASES = ["early_win", "foundation", "growth", "maturity", "strategic"] as const;
export const MILESTONE_STATUSES = ["not_started", "in_progress", "achieved", "delayed"] as const;
export const CATEGORIES = ["time", "cost", "revenue", "quality", "efficiency", "adoption"] as const;
export const PERIODS = ["week", "month", "quarter", "year"] as const;
export const AUDIENCES = ["executive", "finance", "it", "user"] as const;
export const CLOSEOUT_PHASES = ["delivery", "transition", "closure"] as const;
export const SIGNALS = ["usage_gap", "manual_work", "data_sprawl", "permission_escalations", "post_golive_need", "other"] as const;
const yesNo = oneOf(["yes", "no"] as const).transform((v) => v === "yes");

export const customerSchema = z.object({
  name: text,
  locale: z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { message: "is not a BCP 47 locale" }),
  currency: z.string().regex(/^[A-Z]{3}$/, { message: "is not an ISO 4217 currency code" }),
  paper: z.enum(["a4", "letter"]).optional(),
  brand: z.object({ logo: z.string().optional(), color: hexColor.optional() }).optional(),
  provider: z.object({ name: text, logo: z.string().optional() }).optional(),
  engagement: z.object({
    name: text,
    start: date,
    goLive: date.optional(),
    end: date.optional(),
    closeoutDays: z.number().int().positive().default(30),
  }),
  costs: z.array(z.object({
    item: text,
    amount: number,
    per: oneOf(["once", ...PERIODS] as const),
    start: date,
    end: date.optional(),
  })).default([]),
  stakeholders: z.array(z.object({
    name: text,
    role: text,
    audience: oneOf(AUDIENCES),
    email: z.string().optional(),
  })).default([]),
  goals: z.array(z.object({
    id: text,
    statement: text,
    level: oneOf(["strategic", "tactical", "operational"] as const),
    metrics: z.array(z.string()).default([]),
  })).default([]),
  share: z.object({ token: z.string(), expires: date.optional() }).optional(),
});

export const metricSchema = z.object({
  id: text,
  name: text,
  category: oneOf(CATEGORIES),
  unit: text,
  direction: oneOf(["down", "up"] as const),
  baseline: number,
  baseline_date: date,
  target: number,
  target_date: date,
  value_per_unit: optNumber,
  per: optional(oneOf(PERIODS)),
});

export const measurementSchema = z.object({
  metric_id: text,
  date,
  value: number,
  source: optText,
  note: optText,
});

export const milestoneSchema = z.object({
  id: text,
  name: text,
  phase: oneOf(PHASES),
  target_date: date,
  status: optional(oneOf(MILESTONE_STATUSES)),
  achieved_date: optDate,
  metric_id: optText,
  threshold: optNumber,
  definition: optText,
  measurement: optText,
  business_impact: optText,
  next_steps: optText,
  owner: optText,
  evidence: optional(text.transform((s) => s.split("|").map((e) => e.trim()).filter(Boolean))),
  revised_target_date: optDate,
  revision_reason: optText,
  confidence: optional(oneOf(["high", "medium", "low"] as const)),
});

export const deliverableSchema = z.object({
  id: text,
  name: text,
  owner: optText,
  due_date: date,
  status: oneOf(["planned", "in_progress", "in_acceptance", "accepted", "rejected"] as const),
  accepted_date: optDate,
  replaced_by: optText,
  accepted_by: optText,
  notes: optText,
});

export const closeoutSchema = z.object({
  phase: oneOf(CLOSEOUT_PHASES),
  item: text,
  owner: optText,
  due_date: optDate,
  done_date: optDate,
  notes: optText,
});

export const trainingSchema = z.object({
  date,
  title: text,
  audience: optText,
  attendees: optNumber,
  materials: optText,
});

export const retrospectiveSchema = z.object({
  kind: oneOf(["went_well", "to_improve", "lesson", "action"] as const),
  text,
  owner: optText,
  due_date: optDate,
});

export const csatSchema = z.object({
  respondent: text,
  role: optText,
  date,
  score: number,
  scale: oneOf(["5", "10"] as const).transform((s) => (s === "5" ? 5 : 10)),
  comment: optText,
});

export const opportunitySchema = z.object({
  id: text,
  title: text,
  signal: oneOf(SIGNALS),
  observation: text,
  implication: text,
  desired_outcome: text,
  service_approach: text,
  next_step: text,
  risks_current_delivery: yesNo,
  distinct_outcome: yesNo,
  customer_priority: yesNo,
  horizon: optional(oneOf(["quick_win", "long_term"] as const)),
  effort: optText,
});

export const financialSchema = z.object({
  item: text,
  budget: number,
  actual: number,
  invoiced: optNumber,
  paid: optNumber,
  date: optDate,
});

export const handoffSchema = z.object({
  summary: z.string().optional(),
  systems: z.array(z.object({ name: text, description: z.string().optional(), owner: z.string().optional(), docs: z.string().optional() })).default([]),
  documentation: z.array(z.object({ title: text, url: text })).default([]),
  support: z.object({
    contacts: z.array(z.object({ tier: z.union([z.string(), z.number()]).transform(String), name: text, email: z.string().optional(), hours: z.string().optional() })).default([]),
    escalation: z.array(z.string()).default([]),
    sla: z.string().optional(),
  }).optional(),
  access: z.array(z.object({ system: text, granted_to: text, date: date.optional() })).default([]),
  known_issues: z.array(z.object({ title: text, workaround: z.string().optional() })).default([]),
});

/** The row tables of the contract, by file stem. */
export const rowTables = {
  metrics: metricSchema,
  measurements: measurementSchema,
  milestones: milestoneSchema,
  deliverables: deliverableSchema,
  closeout: closeoutSchema,
  training: trainingSchema,
  retrospective: retrospectiveSchema,
  csat: csatSchema,
  opportunities: opportunitySchema,
  financials: financialSchema,
} as const;
export type TableName = keyof typeof rowTables;

/** Where a row came from. e.g. {file: "metrics.csv", line: 4} */
export interface Source { file: string; line: number }
type Sourced<T> = T & { src: Source };

export type Customer = z.infer<typeof customerSchema>;
export type Metric = Sourced<z.infer<typeof metricSchema>>;
export type Measurement = Sourced<z.infer<typeof measurementSchema>>;
export type Milestone = Sourced<z.infer<typeof milestoneSchema>>;
export type Deliverable = Sourced<z.infer<typeof deliverableSchema>>;
export type CloseoutItem = Sourced<z.infer<typeof closeoutSchema>>;
export type Training = Sourced<z.infer<typeof trainingSchema>>;
export type RetroItem = Sourced<z.infer<typeof retrospectiveSchema>>;
export type CsatResponse = Sourced<z.infer<typeof csatSchema>>;
export type Opportunity = Sourced<z.infer<typeof opportunitySchema>>;
export type Financial = Sourced<z.infer<typeof financialSchema>>;
export type Handoff = z.infer<typeof handoffSchema>;
export type Cost = Customer["costs"][number];

/** A customer's validated data: the value model's only input. Absent tables are empty arrays; `present` says which were given. */
export interface CustomerData {
  slug: string;
  customer: Customer;
  metrics: Metric[];
  measurements: Measurement[];
  milestones: Milestone[];
  deliverables: Deliverable[];
  closeout: CloseoutItem[];
  training: Training[];
  retrospective: RetroItem[];
  csat: CsatResponse[];
  opportunities: Opportunity[];
  financials: Financial[];
  handoff: Handoff | null;
  present: TableName[];
}

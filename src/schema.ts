// Data contract v1 (docs/data-contract.md): one zod schema per table, types from z.infer.
// Cells arrive as strings (CSV) or JSON values; the field types below accept both,
// read them strictly and explain what to write when a value cannot be read.
import { z } from "zod";
import { PACKS, type Pack } from "./documents.ts";
import { LANGUAGE_LIST, supportedLang } from "../templates/i18n/index.ts";
import { DATE_FORMATS, readDate, type DateFormat } from "./dates.ts";
import { NUMBER_FORMATS, readNumber, type NumberFormat } from "./numbers.ts";

export { DATE_FORMATS, dateFormatOf, readDate, type DateFormat } from "./dates.ts";
export { NUMBER_FORMATS, numberFormatOf, suggestNumber, type NumberFormat } from "./numbers.ts";

/** Marks an issue's fix text; read back by validate.ts when it words the error. */
function fail(ctx: z.RefinementCtx, message: string, fix: string): typeof z.NEVER {
  ctx.addIssue({ code: "custom", message, params: { fix } });
  return z.NEVER;
}

const blankToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

/** What to write for a locale whose language milepost does not have. */
export const LOCALE_FIX = `write a locale of one of milepost's languages (${LANGUAGE_LIST}), e.g. en-GB, de-DE, fr-FR, es-ES, pt-BR, zh-CN, ko-KR`;

/** `read` for each distinct cell text once: a column repeats its dates and numbers (200,000 rows hold a few thousand). */
function once<R>(read: (raw: string | number) => R): (raw: string | number) => R {
  const seen = new Map<string, R>();
  return (raw) => {
    if (typeof raw !== "string") return read(raw);
    let reading = seen.get(raw);
    if (reading === undefined) {
      if (seen.size >= 65_536) seen.clear();
      reading = read(raw);
      seen.set(raw, reading);
    }
    return reading;
  };
}

/** A date cell in the customer's `format`; always read into YYYY-MM-DD. */
export function dateIn(format: DateFormat) {
  const read = once((raw) => readDate(raw, format));
  return z.union([z.string(), z.number()]).transform((raw, ctx) => {
    const reading = read(raw);
    return "date" in reading ? reading.date : fail(ctx, reading.problem, reading.fix);
  });
}

/** A calendar date written YYYY-MM-DD. */
export const date = dateIn("YMD").meta({ format: "date", description: "a date, YYYY-MM-DD" });

/** A number cell written in the customer's `format`; anything that does not fit is refused with the fix. */
export function numberIn(format: NumberFormat) {
  const read = once((raw) => readNumber(raw, format));
  return z.union([z.number(), z.string()]).transform((raw, ctx) => {
    const reading = read(raw);
    return "value" in reading ? reading.value : fail(ctx, reading.problem, reading.fix);
  });
}

/** One of a fixed set of words; case, spaces and hyphens are forgiven ("In Progress" = in_progress). */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .union([z.string(), z.number()])
    .transform((raw, ctx): T[number] => {
      const s = String(raw)
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, "_");
      if ((values as readonly string[]).includes(s)) return s as T[number];
      return fail(ctx, "is not one of the allowed values", `write one of: ${values.join(", ")}`);
    })
    .meta({ enum: [...values] });
}

/** Whether a schema field may be left out. */
export const isOptional = (field: z.ZodType) => field.safeParse(undefined).success;

/** The allowed values of a fixed-word field, as its fix words them ("write one of: down, up"), or "". */
export function allowedValues(field: z.ZodType): string {
  const result = field.safeParse("\u0001");
  const fix = result.success ? undefined : (result.error.issues[0] as { params?: { fix?: string } }).params?.fix;
  return fix?.startsWith("write one of") ? fix : "";
}

const text = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().min(1));
const optional = <T extends z.ZodType>(t: T) => z.preprocess(blankToUndefined, t.optional());
const optText = optional(text);
const optDate = optional(date);

/** A whole number: seats, tickets, people (`fix` says what to write). */
const whole = (n: z.ZodType<number>, fix: string) =>
  n.superRefine((v, ctx) => {
    if (!Number.isInteger(v)) ctx.addIssue({ code: "custom", message: "is not a whole number", params: { fix } });
  });

/** The number fields of the contract, each reading its cells in the customer's `format`. */
function numberFields(format: NumberFormat) {
  const number = numberIn(format);
  /** A number that cannot be below zero: amounts of money, counts. */
  const amount = number.superRefine((v, ctx) => {
    if (v < 0)
      ctx.addIssue({ code: "custom", message: "is below zero", params: { fix: "write an amount of zero or more" } });
  });
  /** A share written in percent, 0 to 100. */
  const percent = number.superRefine((v, ctx) => {
    if (v < 0 || v > 100)
      ctx.addIssue({
        code: "custom",
        message: "is not a percentage from 0 to 100",
        params: { fix: "write the percentage without the % sign, e.g. 95 (not 0.95)" },
      });
  });
  return {
    number,
    amount,
    optNumber: optional(number),
    optAmount: optional(amount),
    count: whole(amount, "write a whole number, e.g. 12"),
    attendees: optional(whole(amount, "write the number of people, e.g. 12")),
    percent,
  };
}

const byDefault = numberFields("1,234.5");
/** A plain decimal number, written 1,234.5. */
export const number = byDefault.number;
const { amount, optNumber, optAmount, count, attendees, percent } = byDefault;
export const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: "is not a colour" });

export const PHASES = ["early_win", "foundation", "growth", "maturity", "strategic"] as const;
export const MILESTONE_STATUSES = ["not_started", "in_progress", "achieved", "delayed"] as const;
export const CATEGORIES = ["time", "cost", "revenue", "quality", "efficiency", "adoption"] as const;
export const PERIODS = ["week", "month", "quarter", "year"] as const;
export const AUDIENCES = ["executive", "finance", "it", "user"] as const;
export const CLOSEOUT_PHASES = ["delivery", "transition", "closure"] as const;
/** What a close-out item can stand for: the data that, once it exists, makes the item done. */
export const CLOSEOUT_STANDS_FOR = [
  "satisfaction_survey",
  "retrospective",
  "financial_reconciliation",
  "sign_off",
] as const;
export const SIGNALS = [
  "usage_gap",
  "manual_work",
  "data_sprawl",
  "permission_escalations",
  "post_golive_need",
  "other",
] as const;
const yesNo = oneOf(["yes", "no"] as const).transform((v) => v === "yes");
export const SIDES = ["customer", "provider"] as const;
export const ACTION_STATUSES = ["open", "in_progress", "done", "dropped"] as const;
export const RAGS = ["green", "yellow", "red"] as const;
export const INFLUENCES = ["high", "medium", "low"] as const;
export const SENTIMENTS = ["champion", "supporter", "neutral", "detractor"] as const;
export const CHANGES = ["new", "improved", "unchanged", "declined"] as const;
export const REFERENCE_ASKS = ["case_study", "reference_call", "logo", "quote"] as const;
/** How often the kickoff plan's check-ins are held (customer.json `kickoff.cadence`). */
export const CADENCES = ["weekly", "fortnightly", "monthly"] as const;

/** A quarter, e.g. "2026-Q3". */
const quarter = z
  .union([z.string(), z.number()])
  .transform((raw, ctx) => {
    const s = String(raw).trim().toUpperCase();
    return /^\d{4}-Q[1-4]$/.test(s) ? s : fail(ctx, "is not a quarter", "write the quarter as YYYY-Qn, e.g. 2026-Q2");
  })
  .meta({ description: "a quarter, YYYY-Qn" });

/** A quarter ("2026-Q3") or a month ("2026-09"). */
const quarterOrMonth = z
  .union([z.string(), z.number()])
  .transform((raw, ctx) => {
    const s = String(raw).trim().toUpperCase();
    if (/^\d{4}-Q[1-4]$/.test(s)) return s;
    const month = /^(\d{4})-(\d{1,2})$/.exec(s);
    if (month && +month[2] >= 1 && +month[2] <= 12) return `${month[1]}-${month[2].padStart(2, "0")}`;
    return fail(
      ctx,
      "is not a quarter or a month",
      "write a quarter as YYYY-Qn (2026-Q2) or a month as YYYY-MM (2026-05)",
    );
  })
  .meta({ description: "a quarter YYYY-Qn or a month YYYY-MM" });

/** Section ids of a pack in the order they print, and the ones left out. */
export const packSectionsSchema = z.object({
  order: z.array(z.string()).optional(),
  off: z.array(z.string()).optional(),
});

/** The sections of each audience's short PDF (--audience), by section id. */
/** One optional entry per pack of the registry (src/documents.ts), e.g. `{qbr?: …, closeout?: …}`. */
export const perPack = <T extends z.ZodType>(schema: T) =>
  z.object(Object.fromEntries(PACKS.map((p) => [p, schema.optional()])) as Record<Pack, z.ZodOptional<T>>);

export const audienceSectionsSchema = z.object({
  executive: z.array(z.string()).optional(),
  finance: z.array(z.string()).optional(),
  it: z.array(z.string()).optional(),
  users: z.array(z.string()).optional(),
});

/** The JSON Schema an editor checks the file against, e.g. "../../schemas/customer.schema.json". */
const $schema = z.string().optional();

/** customer.json, its dates and numbers read in the customer's formats (the workbook's customer sheet writes them as cells). */
export function customerSchemaIn(dates: DateFormat = "YMD", numbers: NumberFormat = "1,234.5") {
  const date = dateIn(dates).meta({ format: "date", description: "a date, YYYY-MM-DD" });
  const { amount, count } = numberFields(numbers);
  return z.object({
    $schema,
    name: text,
    locale: z
      .string()
      .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { message: "is not a BCP 47 locale" })
      .superRefine((locale, ctx) => {
        if (/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(locale) && !supportedLang(locale))
          fail(ctx, "is a language milepost has no labels for", LOCALE_FIX);
      }),
    currency: z.string().regex(/^[A-Z]{3}$/, { message: "is not an ISO 4217 currency code" }),
    paper: z.enum(["a4", "letter"]).optional(),
    dateFormat: z.enum(DATE_FORMATS).optional(),
    numberFormat: z.enum(NUMBER_FORMATS).optional(),
    brand: z.object({ logo: z.string().optional(), color: hexColor.optional() }).optional(),
    provider: z.object({ name: text, logo: z.string().optional() }).optional(),
    csm: z.object({ name: text, email: z.string().optional() }).optional(),
    engagement: z.object({
      name: text,
      start: date,
      goLive: date.optional(),
      end: date.optional(),
      closeoutDays: z.number().int().positive().default(30),
    }),
    costs: z
      .array(
        z.object({
          item: text,
          amount,
          per: oneOf(["once", ...PERIODS] as const),
          start: date,
          end: date.optional(),
        }),
      )
      .default([]),
    stakeholders: z
      .array(
        z.object({
          name: text,
          role: text,
          audience: oneOf(AUDIENCES),
          email: z.string().optional(),
          influence: oneOf(INFLUENCES).optional(),
          sentiment: oneOf(SENTIMENTS).optional(),
          change: oneOf(CHANGES).optional(),
        }),
      )
      .default([]),
    goals: z
      .array(
        z.object({
          id: text,
          statement: text,
          level: oneOf(["strategic", "tactical", "operational"] as const),
          metrics: z.array(z.string()).default([]),
        }),
      )
      .default([]),
    share: z.object({ token: z.string(), expires: date.optional() }).optional(),
    contract: z
      .object({
        start: date,
        end: date,
        renewalDate: date.optional(),
        seats: count.optional(),
        annualValue: amount.optional(),
        seatsMeasure: text.optional(),
      })
      .optional(),
    acceptors: z.array(z.object({ name: text, role: text })).optional(),
    postClose: z
      .object({
        owner: text,
        role: text,
        email: z.string().optional(),
        checkins: z.array(z.number().int().positive()).optional(),
      })
      .optional(),
    reference: z
      .object({
        ask: oneOf(REFERENCE_ASKS),
        by: date.optional(),
        note: text.optional(),
        quote: z.object({ text, name: text, role: text.optional() }).optional(),
      })
      .optional(),
    kickoff: z
      .object({
        cadence: oneOf(CADENCES).optional(),
        team: z.array(z.object({ name: text, role: text })).default([]),
      })
      .optional(),
    sections: perPack(packSectionsSchema).optional(),
    audiences: audienceSectionsSchema.optional(),
  });
}

/** customer.json as its JSON Schema describes it: dates YYYY-MM-DD, numbers as JSON numbers. */
export const customerSchema = customerSchemaIn();

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
  revised_target_date: optDate,
  value_per_unit: optAmount,
  per: optional(oneOf(PERIODS)),
  method: optText,
  source: optText,
  confirmed_by: optText,
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
  evidence: optional(
    text.transform((s) =>
      s
        .split("|")
        .map((e) => e.trim())
        .filter(Boolean),
    ),
  ),
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
  stands_for: optional(oneOf(CLOSEOUT_STANDS_FOR)),
  notes: optText,
});

export const trainingSchema = z.object({
  date,
  title: text,
  audience: optText,
  attendees,
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
  value_hypothesis: optText,
  price_low: optAmount,
  price_high: optAmount,
});

export const financialSchema = z.object({
  item: text,
  budget: amount,
  actual: amount,
  invoiced: optAmount,
  paid: optAmount,
  date: optDate,
});

export const usageSchema = z.object({
  date,
  measure: text,
  value: amount,
});

export const supportSchema = z.object({
  period: quarterOrMonth,
  opened: count,
  closed: count,
  sla_met: percent,
});

export const actionSchema = z.object({
  commitment: text,
  owner: text,
  side: oneOf(SIDES),
  due: date,
  status: oneOf(ACTION_STATUSES),
  done_date: optDate,
  agreed: optional(quarter),
});

export const healthSchema = z.object({
  period: quarter,
  rag: oneOf(RAGS),
  note: optText,
});

export const handoffSchema = z.object({
  $schema,
  summary: z.string().optional(),
  systems: z
    .array(
      z.object({
        name: text,
        description: z.string().optional(),
        owner: z.string().optional(),
        docs: z.string().optional(),
      }),
    )
    .default([]),
  documentation: z.array(z.object({ title: text, url: text })).default([]),
  support: z
    .object({
      contacts: z
        .array(
          z.object({
            tier: z.union([z.string(), z.number()]).transform(String),
            name: text,
            email: z.string().optional(),
            hours: z.string().optional(),
          }),
        )
        .default([]),
      escalation: z.array(z.string()).default([]),
      sla: z.string().optional(),
    })
    .optional(),
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
  usage: usageSchema,
  support: supportSchema,
  actions: actionSchema,
  health: healthSchema,
} as const;
export type TableName = keyof typeof rowTables;

/** The readers of each date and number field, by the default's identity, for a customer's formats. */
function readersFor(dates: DateFormat, numbers: NumberFormat): Map<z.ZodType, z.ZodType> {
  const n = numberFields(numbers);
  return new Map<z.ZodType, z.ZodType>([
    [date, dateIn(dates)],
    [optDate, optional(dateIn(dates))],
    ...(Object.entries(byDefault) as [keyof typeof n, z.ZodType][]).map(([k, t]): [z.ZodType, z.ZodType] => [t, n[k]]),
  ]);
}
const byFormat = new Map<string, typeof rowTables>();

/** The row tables reading dates and numbers in the customer's formats (YYYY-MM-DD is always read). */
export function rowTablesFor(dates: DateFormat, numbers: NumberFormat = "1,234.5"): typeof rowTables {
  const key = `${dates} ${numbers}`;
  let tables = byFormat.get(key);
  if (!tables) {
    const readers = readersFor(dates, numbers);
    const entries = Object.entries(rowTables).map(([name, schema]) => [
      name,
      z.object(
        Object.fromEntries(
          Object.entries(schema.shape).map(([field, type]) => [field, readers.get(type as z.ZodType) ?? type]),
        ),
      ),
    ]);
    tables = Object.fromEntries(entries) as typeof rowTables;
    byFormat.set(key, tables);
  }
  return tables;
}

/** Where a row came from. e.g. {file: "metrics.csv", line: 4} */
export interface Source {
  file: string;
  line: number;
}
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
export type Usage = Sourced<z.infer<typeof usageSchema>>;
export type SupportPeriod = Sourced<z.infer<typeof supportSchema>>;
export type Action = Sourced<z.infer<typeof actionSchema>>;
export type HealthRow = Sourced<z.infer<typeof healthSchema>>;
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
  usage: Usage[];
  support: SupportPeriod[];
  actions: Action[];
  health: HealthRow[];
  handoff: Handoff | null;
  present: TableName[];
}

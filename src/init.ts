// `milepost init <slug>`: a new customer folder (or one workbook) with every table's headers, one
// example row each that validates as written, and notes on what goes where.
import { mkdir, stat, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import ExcelJS from "exceljs";
import { UsageError } from "./errors.ts";
import { SLUG, slugFor } from "./load.ts";
import { addDays } from "./model/dates.ts";
import { LANGUAGE_LIST, supportedLang } from "../templates/i18n/index.ts";
import { EXAMPLE_MARK } from "./model/examples.ts";
import {
  allowedValues,
  dateFormatOf,
  isOptional,
  LOCALE_FIX,
  numberFormatOf,
  rowTables,
  type TableName,
} from "./schema.ts";
import { WORKBOOK } from "./workbook.ts";

const SCHEMAS = join(import.meta.dirname, "..", "schemas");

/** What each table holds, for the notes. */
const ABOUT: Record<TableName, string> = {
  metrics: "the outcomes you measure: one row per metric, with its baseline and target",
  measurements: "the metrics' values over time: one row per measurement",
  milestones: "the value milestones: what counts as reached, by when, and the evidence",
  deliverables: "what you deliver and its sign-off (needed for the close-out pack)",
  closeout: "the close-out checklist after the engagement ends (without it, a standard one is used)",
  training: "training sessions delivered, for the handoff document",
  retrospective: "what went well, what to improve, lessons and actions",
  csat: "satisfaction survey answers (5-point or 10-point scale)",
  opportunities: "expansion opportunities, each framed in five lines and triaged",
  financials: "budget against actual spend, invoiced and paid",
  usage: "adoption over time: one row per date and measure, e.g. active users",
  support: "support tickets per quarter or month: opened, closed and the share within the SLA",
  actions: "the mutual action plan: each commitment, its owner, which side owns it, due date and status",
  health: "the health (green, yellow, red) of earlier quarters, for the trend",
};

const CURRENCY: Record<string, string> = {
  US: "USD",
  AU: "AUD",
  GB: "GBP",
  CA: "CAD",
  NZ: "NZD",
  SG: "SGD",
  JP: "JPY",
  TW: "TWD",
  MY: "MYR",
  CN: "CNY",
  HK: "HKD",
  IE: "EUR",
  DE: "EUR",
  FR: "EUR",
  AT: "EUR",
  BE: "EUR",
  ES: "EUR",
  IT: "EUR",
  NL: "EUR",
  PT: "EUR",
  CH: "CHF",
  BR: "BRL",
  MX: "MXN",
  KR: "KRW",
};

/** The quarter before the one `day` falls in, e.g. "2026-Q2" for 2026-08-14. */
function quarterBefore(day: string): string {
  const q = Math.floor((+day.slice(5, 7) - 1) / 3);
  const year = +day.slice(0, 4);
  return q === 0 ? `${year - 1}-Q4` : `${year}-Q${q}`;
}

/** Words of an example row, marked so that the build finds them until they are replaced (src/model/examples.ts). */
const ex = (words: string) => `${words} ${EXAMPLE_MARK}`;

/** The example customer, its dates around `today`; every row carries EXAMPLE_MARK in one of its words. */
function example(slug: string, locale: string, today: string) {
  const day = (n: number) => addDays(today, n);
  const start = day(-60);
  const end = day(180);
  const name = slug
    .split("-")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
  const customer = {
    name,
    locale,
    currency: CURRENCY[locale.split("-")[1]?.toUpperCase() ?? ""] ?? "USD",
    dateFormat: dateFormatOf(locale),
    numberFormat: numberFormatOf(locale),
    provider: { name: ex("Your company") },
    engagement: { name: ex("Reporting automation"), start, goLive: day(-30), end },
    costs: [{ item: ex("Implementation fee"), amount: 10000, per: "once", start }],
    stakeholders: [{ name: ex("Alex Example"), role: "Chief Operating Officer", audience: "executive" }],
    goals: [
      { id: "g1", statement: ex("Weekly reporting takes minutes, not hours"), level: "strategic", metrics: ["m1"] },
    ],
  };
  const rows: Record<TableName, Record<string, string | number> | null> = {
    metrics: {
      id: "m1",
      name: ex("Weekly report preparation"),
      category: "time",
      unit: "hours/week",
      direction: "down",
      baseline: 12,
      baseline_date: start,
      target: 2,
      target_date: day(120),
      value_per_unit: 50,
      per: "week",
    },
    measurements: { metric_id: "m1", date: day(-14), value: 8, source: ex("Timesheets") },
    milestones: {
      id: "ms1",
      name: ex("Weekly report under 6 hours"),
      phase: "early_win",
      target_date: day(30),
      status: "in_progress",
      metric_id: "m1",
      threshold: 6,
      definition: "The weekly report takes 6 hours or less to prepare.",
      measurement: "Timesheet category Weekly report.",
      business_impact: "Six analyst hours a week back.",
      next_steps: "Automate the data export.",
      owner: "Alex Example",
      confidence: "high",
    },
    deliverables: {
      id: "D1",
      name: ex("Automated weekly report"),
      owner: "Your company",
      due_date: day(60),
      status: "in_progress",
    },
    closeout: {
      phase: "delivery",
      item: ex("Closing meeting with the sponsor"),
      owner: "Your company",
      due_date: addDays(end, 5),
    },
    training: { date: day(-7), title: ex("Weekly report walkthrough"), audience: "Analysts", attendees: 6 },
    retrospective: { kind: "went_well", text: ex("Baselines were measured before the work started.") },
    csat: {
      respondent: "Alex Example",
      role: "Chief Operating Officer",
      date: day(-7),
      score: 5,
      scale: 5,
      comment: ex("Clear progress every week."),
    },
    opportunities: {
      id: "o1",
      title: ex("Partner order import"),
      signal: "manual_work",
      observation: "Partner orders are still typed in by hand.",
      implication: "Typing errors reach the forecast.",
      desired_outcome: "Partner orders arrive in the CRM automatically.",
      service_approach: "A two-week build on the report automation.",
      next_step: "Share a one-page proposal.",
      risks_current_delivery: "no",
      distinct_outcome: "yes",
      customer_priority: "yes",
      horizon: "quick_win",
      effort: "2 weeks",
    },
    financials: { item: ex("Implementation fee"), budget: 10000, actual: 10000, invoiced: 10000, paid: 5000 },
    usage: { date: day(-14), measure: ex("Active users"), value: 18 },
    // No words to carry the mark: its headers only.
    support: null,
    actions: {
      commitment: ex("Name an owner for the weekly report"),
      owner: "Alex Example",
      side: "customer",
      due: day(30),
      status: "open",
    },
    health: { period: quarterBefore(today), rag: "green", note: ex("First quarter on the new report.") },
  };
  const handoff = {
    summary: ex("What was built, who owns it and where to get help."),
    systems: [
      { name: ex("Weekly report"), description: "Built every Monday at 06:00 from the CRM.", owner: "Alex Example" },
    ],
    documentation: [{ title: ex("Runbook"), url: "https://example.com/runbook" }],
    support: {
      contacts: [{ tier: "1", name: ex("Help desk"), email: "help@example.com", hours: "Mon–Fri 9–17" }],
      escalation: ["Help desk", "Your company account lead"],
    },
  };
  return { customer, rows, handoff };
}

/** Each column of a table with what it takes, e.g. "baseline_date (required)", "per (optional; write one of: week, …)". */
function columnNotes(table: TableName): { column: string; note: string }[] {
  return Object.entries(rowTables[table].shape).map(([column, type]) => {
    const values = allowedValues(type);
    return {
      column,
      note: `${isOptional(type) ? "optional" : "required"}${values ? `; ${values}` : ""}${/date$/.test(column) ? "; a date, YYYY-MM-DD" : ""}`,
    };
  });
}

function readme(slug: string, xlsx: boolean): string {
  const where = xlsx ? (t: string) => `sheet \`${t}\`` : (t: string) => `\`${t}.csv\``;
  return [
    `# ${slug}`,
    "",
    `Written by \`milepost init\`: every table with its headers and one example row, which validates as it is.`,
    `Each example carries ${EXAMPLE_MARK} in its words: the customer's copy is not built while one remains.`,
    "Replace the examples with the customer's data; delete a table you do not need (only",
    `${xlsx ? "the customer sheet" : "customer.json"} is required). Check with \`milepost validate ${slug}\`; preview with \`milepost dev ${slug}\`.`,
    "Dates are YYYY-MM-DD (or in the customer's dateFormat); numbers are written in the customer's numberFormat (12.5 in 1,234.5, 12,5 in 1.234,5), without currency signs.",
    "",
    ...(xlsx
      ? [
          "- sheet `customer`: the customer, the engagement and who sends the pack (field | value); sheets `costs`, `stakeholders`, `goals`: one row each",
          "- `handoff.json`: the handoff document (systems, documentation, support)",
        ]
      : [
          "- `customer.json`: the customer, the engagement, costs, stakeholders and goals",
          "- `handoff.json`: the handoff document (systems, documentation, support)",
        ]),
    "- `evidence/`: files named in the milestones' evidence column (images or PDFs)",
    ...(Object.keys(rowTables) as TableName[]).flatMap((t) => [
      `- ${where(t)}: ${ABOUT[t]}`,
      ...columnNotes(t).map(({ column, note }) => `  - \`${column}\`: ${note}`),
    ]),
    "",
  ].join("\n");
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const csvCell = (v: string | number | undefined) =>
  v === undefined ? "" : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);

/** Writes a new customer under `dataDir`; returns the paths written, relative to `dataDir`'s parent. */
export async function initCustomer(opts: {
  dataDir: string;
  slug: string;
  locale: string;
  xlsx: boolean;
  today: string;
}): Promise<string[]> {
  const { dataDir, slug, locale, xlsx, today } = opts;
  if (!SLUG.test(slug)) {
    const suggestion = slugFor(slug);
    throw new UsageError(
      `"${slug}" is not a customer slug`,
      `a slug is lowercase letters, digits and hyphens${suggestion ? `, e.g. milepost init ${suggestion}` : ""}`,
    );
  }
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale))
    throw new UsageError(`--locale ${locale} is not a language tag`, "write it as en-US, en-AU, ja-JP, zh-TW or ms-MY");
  if (!supportedLang(locale))
    throw new UsageError(`--locale ${locale} is a language milepost has no labels for`, LOCALE_FIX);
  const dir = join(dataDir, slug);
  if (await stat(dir).catch(() => null))
    throw new UsageError(`${dir} already exists`, "choose another slug, or delete the folder first");
  await mkdir(join(dir, "evidence"), { recursive: true });
  const { customer, rows, handoff } = example(slug, locale, today);
  const schema = (name: string) =>
    relative(dir, join(SCHEMAS, `${name}.schema.json`))
      .split("\\")
      .join("/");
  const files = ["README.md", "handoff.json"];
  await writeFile(join(dir, "README.md"), readme(slug, xlsx));
  await writeFile(join(dir, "handoff.json"), json({ $schema: schema("handoff"), ...handoff }));
  if (xlsx) {
    await writeWorkbook(join(dir, WORKBOOK), customer, rows);
    files.push(WORKBOOK);
  } else {
    await writeFile(join(dir, "customer.json"), json({ $schema: schema("customer"), ...customer }));
    files.push("customer.json");
    for (const [table, row] of Object.entries(rows) as [TableName, Record<string, string | number> | null][]) {
      const columns = Object.keys(rowTables[table].shape);
      const example = row ? `${columns.map((c) => csvCell(row[c])).join(",")}\n` : "";
      await writeFile(join(dir, `${table}.csv`), `${columns.join(",")}\n${example}`);
      files.push(`${table}.csv`);
    }
  }
  return files.map((f) => join(relative(join(dataDir, ".."), dir), f));
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
/** A value as a spreadsheet cell: dates as real dates shown YYYY-MM-DD. */
const cell = (v: unknown) => (typeof v === "string" && ISO.test(v) ? new Date(`${v}T00:00:00Z`) : v);

async function writeWorkbook(
  path: string,
  customer: ReturnType<typeof example>["customer"],
  rows: ReturnType<typeof example>["rows"],
): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheetOf = (name: string, columns: { header: string; note: string }[], data: Record<string, unknown>[]) => {
    const sheet = book.addWorksheet(name);
    sheet.addRow(columns.map((c) => c.header)).font = { bold: true };
    columns.forEach((c, i) => {
      sheet.getCell(1, i + 1).note = c.note;
    });
    for (const row of data) sheet.addRow(columns.map((c) => cell(row[c.header])));
    sheet.columns.forEach((col, i) => {
      col.width = Math.max(12, columns[i].header.length + 2);
      if (/(^|_)date$|^(start|end)$/.test(columns[i].header)) col.numFmt = "yyyy-mm-dd";
    });
    sheet.views = [{ state: "frozen", ySplit: 1 }];
  };
  const fields = [
    ["name", "the customer's name as it appears on the pages"],
    ["locale", `language of the pages, one of ${LANGUAGE_LIST}: en-US, de-DE, ja-JP, zh-TW, ko-KR…`],
    ["currency", "ISO 4217 code, e.g. USD, JPY, TWD, MYR"],
    ["dateFormat", "how dates other than YYYY-MM-DD are read: DMY, MDY or YMD"],
    ["numberFormat", "how numbers are written: 1,234.5, 1.234,5, 1 234,5 or 1'234.5"],
    ["provider.name", "your company, shown as the sender"],
    ["engagement.name", "the engagement's name"],
    ["engagement.start", "the first day (a date)"],
    ["engagement.goLive", "optional: go-live day"],
    ["engagement.end", "optional: the last day; the close-out pack needs it"],
  ] as const;
  const flat: Record<string, unknown> = {
    name: customer.name,
    locale: customer.locale,
    currency: customer.currency,
    dateFormat: customer.dateFormat,
    numberFormat: customer.numberFormat,
    "provider.name": customer.provider.name,
    "engagement.name": customer.engagement.name,
    "engagement.start": customer.engagement.start,
    "engagement.goLive": customer.engagement.goLive,
    "engagement.end": customer.engagement.end,
  };
  sheetOf(
    "customer",
    [
      { header: "field", note: "a field of customer.json; nested ones as engagement.start" },
      { header: "value", note: "its value" },
      { header: "about", note: "what goes there (not read)" },
    ],
    fields.map(([field, about]) => ({ field, value: flat[field], about })),
  );
  book.getWorksheet("customer")!.getColumn(2).numFmt = "yyyy-mm-dd";
  const listNotes: Record<string, Record<string, string>> = {
    costs: {
      item: "required",
      amount: "required; a plain number",
      per: "required; write one of: once, week, month, quarter, year",
      start: "required; a date",
      end: "optional; a date",
    },
    stakeholders: {
      name: "required",
      role: "required",
      audience: "required; write one of: executive, finance, it, user",
      email: "optional",
    },
    goals: {
      id: "required, e.g. g1",
      statement: "required",
      level: "required; write one of: strategic, tactical, operational",
      metrics: "optional; metric ids separated by |",
    },
  };
  for (const [name, notes] of Object.entries(listNotes)) {
    const data = (customer[name as "costs" | "stakeholders" | "goals"] as Record<string, unknown>[]).map((r) => ({
      ...r,
      metrics: Array.isArray(r.metrics) ? r.metrics.join(" | ") : r.metrics,
    }));
    sheetOf(
      name,
      Object.entries(notes).map(([header, note]) => ({ header, note })),
      data,
    );
  }
  for (const table of Object.keys(rowTables) as TableName[]) {
    sheetOf(
      table,
      columnNotes(table).map(({ column, note }) => ({ header: column, note })),
      rows[table] ? [rows[table]] : [],
    );
  }
  await book.xlsx.writeFile(path);
}

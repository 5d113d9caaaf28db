// The rules that span rows and files (docs/data-contract.md), one function each, run in the order of
// `crossRules` by validate.ts after every row is checked. A rule reads the typed rows and, where a row
// with other mistakes must still count (ids, periods), the rows as written; it returns the errors it finds.
import { lineWord, placeIn } from "./errors.ts";
import type { ErrorCode } from "./errors-data.ts";
import { lineOf, valueLine } from "./doc-lines.ts";
import { emailProblem } from "./emails.ts";
import { evidenceProblem, logoProblem } from "./inert.ts";
import type { RawCustomer } from "./load.ts";
import { meets } from "./model/metrics.ts";
import { nearest } from "./nearest.ts";
import type { CustomerData, Metric, TableName } from "./schema.ts";
import { tokenProblem } from "./share/tokens.ts";

/** What every rule may read: the customer's typed rows, its files as loaded, and the metric ids as written. */
export interface CrossContext {
  data: CustomerData;
  raw: RawCustomer;
  /** The customer document's file, e.g. "customer.json" or "customer.xlsx[customer]". */
  customerFile: string;
  /** Metric ids as written in metrics.csv, also in rows with other mistakes, first occurrence first. */
  metricIds: string[];
  /** True when metrics.csv cannot say which ids exist (unreadable, or without an id column). */
  metricsUnknown: boolean;
  /** The valid metrics by id (the first row of an id). */
  metrics: Map<string, Metric>;
}

/** One error a rule finds; `file` as the customer folder names it, e.g. "metrics.csv". */
export interface CrossError {
  file: string;
  line: number | undefined;
  field: string;
  value: unknown;
  problem: string;
  fix: string;
  code: ErrorCode;
}

/** A rule across rows and files. */
export type CrossRule = (c: CrossContext) => CrossError[];

/** The context the rules share, derived once from the customer's rows. */
export function crossContext(data: CustomerData, raw: RawCustomer): CrossContext {
  const metrics = new Map<string, Metric>();
  for (const m of data.metrics) if (!metrics.has(m.id)) metrics.set(m.id, m);
  return {
    data,
    raw,
    customerFile: raw.customer?.file ?? "customer.json",
    metricIds: [...new Set(idsOf(raw, "metrics").map((r) => r.id))],
    // An unreadable metrics file, or one without ids, cannot say which ids exist: its own error says enough.
    metricsUnknown:
      raw.unreadable.has("metrics") || (raw.tables.metrics !== undefined && !raw.tables.metrics.columns.includes("id")),
    metrics,
  };
}

/** Ids as written, also in rows with other mistakes: a typo in an id shows beside those mistakes. */
function idsOf(raw: RawCustomer, table: TableName): { id: string; line: number; file: string }[] {
  return (raw.tables[table]?.rows ?? []).flatMap((row) => {
    const id = String(row.values.id ?? "").trim();
    return id ? [{ id, line: row.line, file: raw.tables[table]!.file }] : [];
  });
}

const found = (
  file: string,
  line: number | undefined,
  field: string,
  value: unknown,
  problem: string,
  fix: string,
  code: ErrorCode,
): CrossError => ({ file, line, field, value, problem, fix, code });

/** duplicate-id: an id of metrics, milestones, deliverables or opportunities used twice in its table. */
export function uniqueIds({ raw }: CrossContext): CrossError[] {
  const out: CrossError[] = [];
  for (const table of ["metrics", "milestones", "deliverables", "opportunities"] as const) {
    const seen = new Map<string, string>();
    for (const row of idsOf(raw, table)) {
      const first = seen.get(row.id);
      if (first)
        out.push(
          found(
            row.file,
            row.line,
            "id",
            row.id,
            `is used twice in ${table} (first at ${first})`,
            "give each row its own id",
            "duplicate-id",
          ),
        );
      else seen.set(row.id, placeIn(row.file, row.line));
    }
  }
  return out;
}

/** target-before-baseline: a metric's target date before its baseline date. */
export function targetAfterBaseline({ data }: CrossContext): CrossError[] {
  return data.metrics
    .filter((m) => m.target_date < m.baseline_date)
    .map((m) =>
      found(
        m.src.file,
        m.src.line,
        "target_date",
        m.target_date,
        `is before the baseline_date ${m.baseline_date}`,
        "a target date comes after the baseline is measured",
        "target-before-baseline",
      ),
    );
}

/** target-equals-baseline: a metric aiming at the value it starts from. */
export function targetDiffers({ data }: CrossContext): CrossError[] {
  return data.metrics
    .filter((m) => m.target === m.baseline)
    .map((m) =>
      found(
        m.src.file,
        m.src.line,
        "target",
        m.target,
        "equals the baseline",
        "write the value you are aiming for; it must differ from the baseline",
        "target-equals-baseline",
      ),
    );
}

/** half-monetized: value_per_unit without per, or per without value_per_unit. */
export function bothMonetized({ data }: CrossContext): CrossError[] {
  return data.metrics
    .filter((m) => (m.value_per_unit === undefined) !== (m.per === undefined))
    .map((m) =>
      found(
        m.src.file,
        m.src.line,
        m.per === undefined ? "per" : "value_per_unit",
        "",
        "is empty while its partner is given",
        "fill both value_per_unit and per to put a money value on this metric, or neither",
        "half-monetized",
      ),
    );
}

/** measurement-before-baseline: a measurement of a known metric dated before that metric's baseline. */
export function measuredAfterBaseline({ data, metrics }: CrossContext): CrossError[] {
  const out: CrossError[] = [];
  for (const x of data.measurements) {
    const metric = metrics.get(x.metric_id);
    if (metric && x.date < metric.baseline_date)
      out.push(
        found(
          x.src.file,
          x.src.line,
          "date",
          x.date,
          `is before the baseline_date ${metric.baseline_date} of metric ${metric.id}`,
          "correct the date, or move the metric's baseline_date earlier",
          "measurement-before-baseline",
        ),
      );
  }
  return out;
}

/** achieved-without-date: an achieved milestone with neither its date nor a measurement reaching its threshold. */
export function achievedHasDate({ data, metrics }: CrossContext): CrossError[] {
  const out: CrossError[] = [];
  for (const ms of data.milestones) {
    if (ms.status !== "achieved" || ms.achieved_date) continue;
    const metric = ms.metric_id ? metrics.get(ms.metric_id) : undefined;
    // Whether a measurement reached it is unknown while its metric has errors of its own.
    const unknowable = ms.metric_id !== undefined && !metric;
    if (!unknowable && !(metric && reachesThreshold(metric, ms.threshold, data)))
      out.push(
        found(
          ms.src.file,
          ms.src.line,
          "status",
          "achieved",
          "has no date it was achieved on",
          "add achieved_date (YYYY-MM-DD), or a metric_id and threshold that a measurement reaches",
          "achieved-without-date",
        ),
      );
  }
  return out;
}

function reachesThreshold(metric: Metric, threshold: number | undefined, data: CustomerData): boolean {
  return data.measurements.some((x) => x.metric_id === metric.id && meets(metric, x.value, threshold ?? metric.target));
}

/** evidence-outside, missing-evidence and what inert.ts refuses: a milestone's evidence file is in the folder and publishable. */
export function evidenceInFolder({ data, raw }: CrossContext): CrossError[] {
  const out: CrossError[] = [];
  for (const ms of data.milestones) {
    const at = (item: string, problem: string, fix: string, code: ErrorCode) =>
      out.push(found(ms.src.file, ms.src.line, "evidence", item, problem, fix, code));
    for (const item of ms.evidence ?? []) {
      if (/^https?:\/\//i.test(item)) continue;
      const path = item.replace(/^\.\//, "");
      if (raw.outsideLinks.has(path)) {
        at(
          item,
          `is a link to a file outside ${raw.dir}/`,
          `copy the file itself to ${raw.dir}/${path}: only what is inside the customer's folder is published`,
          "evidence-outside",
        );
      } else if (item.split(/[\\/]/).includes("..") || !raw.files.has(path)) {
        at(
          item,
          `is not a file in ${raw.dir}/`,
          `put the file at ${raw.dir}/${path}, or write a link starting with https://`,
          "missing-evidence",
        );
      } else {
        const bad = evidenceProblem(item);
        if (bad) at(item, bad.problem, bad.fix, bad.code);
      }
    }
  }
  return out;
}

/** unknown-metric: a measurement, milestone or goal naming a metric id metrics.csv does not have; one error per id and file, naming every line. */
export function knownMetrics({ data, metricIds, metricsUnknown, metrics, customerFile }: CrossContext): CrossError[] {
  if (metricsUnknown) return [];
  const written = new Set(metricIds);
  const unknown = new Map<string, { file: string; field: string; id: string; lines: number[] }>();
  const note = (file: string, line: number | undefined, field: string, id: string) => {
    if (written.has(id)) return;
    const key = JSON.stringify([file, field, id]);
    const seen = unknown.get(key) ?? unknown.set(key, { file, field, id, lines: [] }).get(key)!;
    if (line !== undefined) seen.lines.push(line);
  };
  for (const x of data.measurements)
    if (!metrics.has(x.metric_id)) note(x.src.file, x.src.line, "metric_id", x.metric_id);
  for (const ms of data.milestones)
    if (ms.metric_id && !metrics.has(ms.metric_id)) note(ms.src.file, ms.src.line, "metric_id", ms.metric_id);
  for (const [i, goal] of (data.customer?.goals ?? []).entries())
    for (const id of goal.metrics) note(customerFile, undefined, `goals[${i}].metrics`, id);
  return [...unknown.values()].map(({ file, field, id, lines }) => {
    const like = nearest(id, metricIds);
    const more =
      lines.length > 1 ? ` (also on ${lineWord(file)}${lines.length > 2 ? "s" : ""} ${lines.slice(1).join(", ")})` : "";
    return found(
      file,
      lines[0],
      field,
      id,
      `is not the id of any metric${more}`,
      metricIds.length
        ? `${like ? `did you mean ${like}? ` : ""}use one of: ${metricIds.join(", ")}`
        : "add the metric to metrics.csv first",
      "unknown-metric",
    );
  });
}

/** score-out-of-scale: a CSAT score outside its scale (0–10, or 1 to the scale). */
export function scoreInScale({ data }: CrossContext): CrossError[] {
  return data.csat
    .filter((r) => r.score < (r.scale === 10 ? 0 : 1) || r.score > r.scale)
    .map((r) =>
      found(
        r.src.file,
        r.src.line,
        "score",
        r.score,
        `is outside the ${r.scale}-point scale`,
        `write a score from ${r.scale === 10 ? 0 : 1} to ${r.scale}, or correct the scale`,
        "score-out-of-scale",
      ),
    );
}

/** price-range: an opportunity's price_low above its price_high. */
export function priceInOrder({ data }: CrossContext): CrossError[] {
  return data.opportunities
    .filter((o) => o.price_low !== undefined && o.price_high !== undefined && o.price_low > o.price_high)
    .map((o) =>
      found(
        o.src.file,
        o.src.line,
        "price_high",
        o.price_high,
        `is below price_low ${o.price_low}`,
        "write the lower price in price_low and the higher in price_high",
        "price-range",
      ),
    );
}

/** done-without-date: a done action without its done_date. */
export function doneHasDate({ data }: CrossContext): CrossError[] {
  return data.actions
    .filter((a) => a.status === "done" && !a.done_date)
    .map((a) =>
      found(
        a.src.file,
        a.src.line,
        "status",
        "done",
        "has no date it was done on",
        "add done_date (YYYY-MM-DD): the scorecard says whether each commitment was kept on time",
        "done-without-date",
      ),
    );
}

/** duplicate-period: a period given twice in support or health (as written, also in rows with other mistakes). */
export function uniquePeriods({ raw }: CrossContext): CrossError[] {
  const out: CrossError[] = [];
  for (const table of ["support", "health"] as const) {
    const seen = new Map<string, number>();
    for (const row of raw.tables[table]?.rows ?? []) {
      const period = String(row.values.period ?? "")
        .trim()
        .toUpperCase();
      if (!period) continue;
      const first = seen.get(period);
      if (first === undefined) seen.set(period, row.line);
      else
        out.push(
          found(
            raw.tables[table]!.file,
            row.line,
            "period",
            period,
            `is given twice in ${table} (first on ${lineWord(raw.tables[table]!.file)} ${first})`,
            "keep one row per period",
            "duplicate-period",
          ),
        );
    }
  }
  return out;
}

/** contract-dates: the contract's end or renewal date before its start. */
export function contractInOrder({ data, raw, customerFile }: CrossContext): CrossError[] {
  if (!data.customer?.contract) return [];
  const { start, end, renewalDate } = data.customer.contract;
  const line = (key: string) => lineOf(raw.customer!, ["contract", key]);
  const out: CrossError[] = [];
  if (end < start)
    out.push(
      found(
        customerFile,
        line("end"),
        "contract.end",
        end,
        `is before contract.start ${start}`,
        "check both dates of the contract term",
        "contract-dates",
      ),
    );
  if (renewalDate && renewalDate < start)
    out.push(
      found(
        customerFile,
        line("renewalDate"),
        "contract.renewalDate",
        renewalDate,
        `is before contract.start ${start}`,
        "write the day the contract renews, after it starts",
        "contract-dates",
      ),
    );
  return out;
}

/** unknown-measure: contract.seatsMeasure names no measure of the usage table. */
export function seatsMeasured({ data, raw, customerFile }: CrossContext): CrossError[] {
  const seatsMeasure = data.customer?.contract?.seatsMeasure;
  const measures = [...new Set(data.usage.map((u) => u.measure))];
  if (!seatsMeasure || measures.includes(seatsMeasure)) return [];
  return [
    found(
      customerFile,
      lineOf(raw.customer!, ["contract", "seatsMeasure"]),
      "contract.seatsMeasure",
      seatsMeasure,
      "is not a measure of the usage table",
      measures.length
        ? `write one of: ${measures.join(", ")}`
        : "add a usage table with this measure, or remove contract.seatsMeasure",
      "unknown-measure",
    ),
  ];
}

/** engagement-dates: the engagement going live or ending before it starts. */
export function engagementInOrder({ data, raw, customerFile }: CrossContext): CrossError[] {
  const e = data.customer?.engagement;
  if (!e) return [];
  return (
    [
      ["engagement.goLive", e.goLive],
      ["engagement.end", e.end],
    ] as const
  )
    .filter(([, day]) => day && day < e.start)
    .map(([field, day]) =>
      found(
        customerFile,
        lineOf(raw.customer!, ["engagement", field.split(".")[1]]),
        field,
        day,
        `is before engagement.start ${e.start}`,
        "check both dates: an engagement cannot end or go live before it starts",
        "engagement-dates",
      ),
    );
}

/** invalid-email: a stakeholder's or the post-close contact's email is not one plain address. */
export function plainEmails({ data, raw, customerFile }: CrossContext): CrossError[] {
  const c = data.customer;
  if (!c) return [];
  const out: CrossError[] = [];
  for (const [field, email, path] of [
    ...c.stakeholders.map((s, i) => [`stakeholders[${i}].email`, s.email, ["stakeholders", i, "email"]] as const),
    ["postClose.email", c.postClose?.email, ["postClose", "email"]] as const,
  ]) {
    const bad = email === undefined ? null : emailProblem(email);
    if (bad)
      out.push(
        found(
          customerFile,
          valueLine(raw.customer!, path, email!),
          field,
          email,
          bad.problem,
          bad.fix,
          "invalid-email",
        ),
      );
  }
  return out;
}

/** missing-logo and what inert.ts refuses: the customer's and the provider's logo are publishable files in the folder. */
export function logosInFolder({ data, raw, customerFile }: CrossContext): CrossError[] {
  const c = data.customer;
  if (!c) return [];
  const out: CrossError[] = [];
  for (const [field, logo] of [
    ["brand.logo", c.brand?.logo],
    ["provider.logo", c.provider?.logo],
  ] as const) {
    if (!logo) continue;
    if (logo.includes("..") || !raw.files.has(logo))
      out.push(
        found(
          customerFile,
          undefined,
          field,
          logo,
          `is not a file in ${raw.dir}/`,
          `put the image at ${raw.dir}/${logo}, or remove ${field}`,
          "missing-logo",
        ),
      );
    else {
      const bad = logoProblem(logo);
      if (bad) out.push(found(customerFile, undefined, field, logo, bad.problem, bad.fix, bad.code));
    }
  }
  return out;
}

/** weak-share-token: the customer's share token is too weak to protect a share. */
export function strongShareToken({ data, raw, customerFile }: CrossContext): CrossError[] {
  const share = data.customer?.share;
  const problem = share && tokenProblem(share.token);
  if (!share || !problem) return [];
  return [
    found(
      customerFile,
      undefined,
      "share.token",
      share.token,
      problem,
      `run milepost share rotate ${raw.slug} to give the customer a new one`,
      "weak-share-token",
    ),
  ];
}

/** Every rule across rows and files, by name, in the order their errors are reported. */
export const crossRules = {
  uniqueIds,
  targetAfterBaseline,
  targetDiffers,
  bothMonetized,
  measuredAfterBaseline,
  achievedHasDate,
  evidenceInFolder,
  knownMetrics,
  scoreInScale,
  priceInOrder,
  doneHasDate,
  uniquePeriods,
  contractInOrder,
  seatsMeasured,
  engagementInOrder,
  plainEmails,
  logosInFolder,
  strongShareToken,
} satisfies Record<string, CrossRule>;

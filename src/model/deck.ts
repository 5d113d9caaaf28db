// The QBR as a 16:9 deck (issue 23): report.json's figures as an ordered list of typed slides, each holding the
// figures it shows (value and path in report.json) and the verdicts of the judgement ledger it places, never a
// judgement of its own. Formatting and words are the templates' (templates/slides/) and the .pptx writer's.
// A long table continues on the next slide by one rule (`parts`). Pure; docs/architecture.md, "A slide".
import { PHASES } from "../schema.ts";
import type { Contract } from "./account.ts";
import type { Brief, Decision } from "./brief.ts";
import type { CopyReport } from "./copy.ts";
import { showsReturn } from "./copy.ts";
import type { MetricFigures, MilestoneFigures } from "./contract.ts";
import type { ForecastStatus, ProgressState } from "./metrics.ts";
import { shownDate, shownTarget, type MilestoneStatus, type ShownDate } from "./milestones.ts";
import { compactSources } from "./provenance.ts";
import { decisionKey } from "./verdicts.ts";
import type { VoiceQuote } from "./voice.ts";

/** A figure of report.json as a slide shows it: its value and its path there (e.g. "metrics.0.current"). */
export interface Fig<T> {
  path: string;
  value: T;
}

/** A verdict of the ledger (report.json `verdicts`) as a slide places it, e.g. {item: "target:m2", verdict: "missed"}. */
export interface SlideVerdict {
  item: string;
  verdict: string;
}

/** Which slide of a table that continues: 1 of 1 unless its rows outgrow one slide. */
export interface Part {
  part: number;
  parts: number;
}

/** The kinds of slide, in deck order. */
export const SLIDE_KINDS = [
  "title",
  "agenda",
  "brief",
  "value",
  "dashboard",
  "outcome",
  "risks",
  "decisions",
  "next",
  "voice",
  "renewal",
  "sources",
] as const;
export type SlideKind = (typeof SLIDE_KINDS)[number];

/** The most rows one slide holds, per table: more continue on the next slide (`parts`). */
export const ROWS_PER_SLIDE = {
  dashboard: 10,
  outcomes: 5,
  risks: 3,
  decisions: 3,
  next: 6,
  adoption: 4,
  sources: 8,
} as const;

/**
 * The text budget of a slide's table: the height its body has for rows (CSS pixels of the 1280 × 720 slide, as
 * templates/styles/deck.css sets it out) and, per table, what one row costs: `pad` plus `line` for each line its
 * text takes at `chars` characters a line (a wide character — CJK, full-width — counts two). More rows continue on
 * the next slide (`fitParts`); the deck test measures every slide in Chromium against the slide itself.
 */
export const TEXT_BUDGET = {
  /** The slide's body: 720 less the brand rule, the margin, the heading, a continuation line and the footer, less a table's header row. */
  body: 480,
  dashboard: { chars: 36, line: 25, pad: 11 },
  /** A risk: its heading (`headingChars` a line of `heading`), then its dates or forecast, reason and correction. */
  risks: { chars: 95, line: 27, heading: 35, headingChars: 64, gap: 22 },
  next: { chars: 48, line: 29, pad: 13 },
  /** A source row: the figure's name in its column (`whatChars`), the rows in theirs. */
  sources: { chars: 70, whatChars: 34, line: 23, pad: 12 },
} as const;

/** How many lines `text` takes at `chars` characters a line (a wide character counts two; a line breaks between words and before a wide character). */
export function linesOf(text: string, chars: number): number {
  let lines = 1;
  let used = 0;
  for (const token of text.trim().match(TOKEN) ?? []) {
    const width = [...token].reduce((w, ch) => w + (WIDE.test(ch) ? 2 : 1), 0);
    if (used > 0 && used + width > chars) {
      lines++;
      used = 0;
    }
    used += width;
    for (; used > chars; used -= chars) lines++;
  }
  return lines;
}

const WIDE_CHARS =
  "\\u1100-\\u11ff\\u2e80-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6";
const WIDE = new RegExp(`[${WIDE_CHARS}]`, "u");
/** A wide character alone, or a word with the spaces after it. */
const TOKEN = new RegExp(`[${WIDE_CHARS}]|[^\\s${WIDE_CHARS}]+\\s*|\\s+`, "gu");

/**
 * `rows` over as few slides as hold at most `max` rows each and fit `budget` (the sum of each row's `cost`),
 * balanced by count as `parts` splits them; a row that alone outgrows the budget still gets a slide of its own.
 */
export function fitParts<T>(rows: readonly T[], max: number, cost: (row: T) => number, budget: number): T[][] {
  for (let n = Math.ceil(rows.length / max); n < rows.length; n++) {
    const split = balanced(rows, n);
    if (split.every((p) => p.reduce((sum, row) => sum + cost(row), 0) <= budget)) return split;
  }
  return rows.map((row) => [row]);
}

/** A metric as a slide names it: id, name, its index in report.json's metrics and its unit. */
export interface MetricRef {
  id: string;
  name: string;
  /** Its index in report.json's `metrics`: a figure's path names it. */
  at: number;
  unit: string;
}

/** A milestone as a slide names it. */
export interface MilestoneRef {
  id: string;
  name: string;
  /** Its index in report.json's `milestones`. */
  at: number;
}

export interface TitleSlide {
  kind: "title";
  customer: string;
  engagement: string;
  /** e.g. "2026-Q3" */
  period: string;
  asOf: Fig<string>;
  quarterToDate: boolean;
  health: SlideVerdict | null;
}

export interface AgendaSlide {
  kind: "agenda";
  /** The kinds of the slides after the agenda, each once, in deck order (the sources left out). */
  items: SlideKind[];
}

/** The 30-second brief: where the engagement stands, the lead outcome, value and ROI, the renewal, what is asked. */
export interface BriefSlide {
  kind: "brief";
  progress: Brief["progress"];
  achieved: Fig<number>;
  milestones: Fig<number>;
  achievedInPeriod: Fig<number>;
  health: SlideVerdict | null;
  /** The headline outcome that moved most toward its target. */
  lead: (MetricRef & { progress: Fig<number | null>; target: SlideVerdict | null }) | null;
  /** Null when the copy shows no value and return. */
  value: {
    valueToDate: Fig<number>;
    costToDate: Fig<number>;
    roi: Fig<number | null>;
  } | null;
  payback: SlideVerdict | null;
  renewalDate: Fig<string> | null;
  /** How many decisions are asked and the first decide-by date. */
  decisions: { count: Fig<number>; firstBy: Fig<string>; decideBy: SlideVerdict | null } | null;
}

/** Value and ROI, claimed and verified; `chart` is where the payback chart goes. */
export interface ValueSlide {
  kind: "value";
  valueToDate: Fig<number>;
  verifiedValueToDate: Fig<number>;
  projectedValueToDate: Fig<number>;
  projectedFrom: Fig<string> | null;
  costToDate: Fig<number>;
  roi: Fig<number | null>;
  verifiedRoi: Fig<number | null>;
  runRate: Fig<number>;
  paybackDate: Fig<string> | null;
  verifiedPaybackDate: Fig<string> | null;
  /** The projected break-even when payback is not yet reached. */
  breakEven: Fig<string> | null;
  payback: SlideVerdict | null;
  /** The monetized metrics, whose value is counted. */
  metrics: MetricRef[];
  /** Each monetized metric's value to date, in file order. */
  byMetric: { metric: MetricRef; valueToDate: Fig<number | null> }[];
  /** Where the payback chart goes (cumulative value against cost). */
  chart: "payback";
}

/** A milestone on the dashboard: its phase, status and the date the pages show for it. */
export interface DashboardMilestone extends MilestoneRef {
  phase: MilestoneFigures["phase"];
  status: MilestoneStatus;
  date: Fig<string> & { kind: ShownDate["kind"] };
  verdict: SlideVerdict | null;
}

/** A headline outcome's progress bar. */
export interface OutcomeBar extends MetricRef {
  progress: Fig<number | null>;
  state: ProgressState;
  target: SlideVerdict | null;
  forecast: SlideVerdict | null;
}

/** The milestone-progress dashboard: every milestone by phase (file order within a phase), the headline outcomes' bars (part 1). */
export interface DashboardSlide extends Part {
  kind: "dashboard";
  milestones: DashboardMilestone[];
  outcomes: OutcomeBar[];
}

/** One headline outcome: baseline → current → target, the forecast, its chart. */
export interface OutcomeSlide {
  kind: "outcome";
  metric: MetricRef;
  direction: MetricFigures["direction"];
  baseline: Fig<number>;
  baselineDate: Fig<string>;
  current: Fig<number>;
  currentDate: Fig<string>;
  target: Fig<number>;
  /** The day it is due: the revised target date, else the target date. */
  dueDate: Fig<string>;
  progress: Fig<number | null>;
  state: ProgressState;
  stale: boolean;
  forecastStatus: ForecastStatus;
  forecastDate: Fig<string> | null;
  /** Missed: how far short, in the metric's unit. */
  shortfall: Fig<number> | null;
  valueToDate: Fig<number> | null;
  targetVerdict: SlideVerdict | null;
  forecastVerdict: SlideVerdict | null;
}

/** A risk of the quarter with its course correction (the next steps of its milestone, or of a milestone on its metric). */
export type RiskRow =
  | {
      kind: "milestone";
      milestone: MilestoneRef;
      targetDate: Fig<string>;
      revisedTargetDate: Fig<string> | null;
      reason: string | null;
      correction: string | null;
      verdict: SlideVerdict | null;
    }
  | {
      kind: "metric";
      metric: MetricRef;
      status: "behind" | "missed" | "not_converging";
      targetDate: Fig<string>;
      forecastDate: Fig<string> | null;
      shortfall: Fig<number> | null;
      current: Fig<number>;
      target: Fig<number>;
      correction: string | null;
      verdict: SlideVerdict | null;
    };

export interface RisksSlide extends Part {
  kind: "risks";
  rows: RiskRow[];
}

/** A decision asked: what it is about, the recommendation and the decide-by date. */
export interface DecisionRow {
  decision: Decision;
  /** The milestone's or metric's name, the expansion's title; null for the renewal. */
  subject: string | null;
  /** The date the decision is about (a revised or forecast date); null without one. */
  date: Fig<string> | null;
  by: Fig<string>;
  verdict: SlideVerdict | null;
  decideBy: SlideVerdict | null;
}

export interface DecisionsSlide extends Part {
  kind: "decisions";
  rows: DecisionRow[];
}

/** Next quarter: the milestones due in it and the open commitments due by its end. */
export type NextRow =
  | {
      kind: "milestone";
      milestone: MilestoneRef;
      date: Fig<string>;
      status: MilestoneStatus;
      verdict: SlideVerdict | null;
    }
  | { kind: "action"; commitment: string; owner: string; due: Fig<string> };

export interface NextSlide extends Part {
  kind: "next";
  /** e.g. "2026-Q4" */
  period: string;
  rows: NextRow[];
}

/** The voice of the customer: CSAT and NPS with their trend, up to two quotes. */
export interface VoiceSlide {
  kind: "voice";
  csat: { now: Fig<number>; change: Fig<number | null>; count: Fig<number> } | null;
  nps: { now: Fig<number>; change: Fig<number | null>; count: Fig<number> } | null;
  beforeDate: Fig<string>;
  quotes: VoiceQuote[];
}

/** The renewal (contract) and adoption (usage), each when given. */
export interface RenewalSlide extends Part {
  kind: "renewal";
  /** Part 1 only. */
  contract: {
    renewalDate: Fig<string>;
    daysToRenewal: Fig<number>;
    seats: Fig<number> | null;
    seatsUsed: Fig<number> | null;
    utilization: Fig<number | null>;
    annualValue: Fig<number> | null;
  } | null;
  adoption: { measure: string; latest: Fig<number>; latestDate: Fig<string>; change: Fig<number | null> }[];
}

/** Where the deck's figures come from, one row per group of figures, compactly ("measurements.csv:2–4, 9"). */
export interface SourceRow {
  what: { kind: "metric"; metric: MetricRef } | { kind: "milestones" | "value" | "voice" | "contract" | "adoption" };
  sources: string[];
}

export interface SourcesSlide extends Part {
  kind: "sources";
  rows: SourceRow[];
}

export type Slide =
  | TitleSlide
  | AgendaSlide
  | BriefSlide
  | ValueSlide
  | DashboardSlide
  | OutcomeSlide
  | RisksSlide
  | DecisionsSlide
  | NextSlide
  | VoiceSlide
  | RenewalSlide
  | SourcesSlide;

/** The deck of one customer's QBR. */
export interface Deck {
  customer: CopyReport["customer"];
  period: string;
  slides: Slide[];
}

/** What the deck reads of report.json. */
export type DeckInput = Pick<
  CopyReport,
  | "customer"
  | "engagement"
  | "asOf"
  | "period"
  | "quarterToDate"
  | "health"
  | "metrics"
  | "milestones"
  | "headline"
  | "roi"
  | "qbr"
  | "voice"
  | "brief"
  | "contract"
  | "adoption"
  | "actions"
  | "opportunities"
  | "verdicts"
  | "copy"
>;

/**
 * `rows` over as few slides as hold at most `max` each, balanced (the earlier slides take the odd row):
 * 11 rows at 10 a slide → 6 + 5, never 10 + 1. No rows → no slide.
 */
export function parts<T>(rows: readonly T[], max: number): T[][] {
  return balanced(rows, Math.ceil(rows.length / max));
}

/** `rows` in `n` slides by count, the earlier slides taking the odd row. */
function balanced<T>(rows: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  let from = 0;
  for (let k = 0; k < n; k++) {
    const size = Math.ceil((rows.length - from) / (n - k));
    out.push(rows.slice(from, from + size));
    from += size;
  }
  return out;
}

/** The QBR's deck; null without a QBR period. */
export function deckOf(r: DeckInput): Deck | null {
  if (r.qbr === null || r.period === null) return null;
  const q = r.qbr;
  const verdicts = new Map(r.verdicts.map((v) => [v.item, v]));
  const v = (item: string): SlideVerdict | null => {
    const found = verdicts.get(item);
    return found ? { item, verdict: found.verdict } : null;
  };
  const fig = <T>(path: string, value: T): Fig<T> => ({ path, value });
  const orNull = <T>(path: string, value: T | null): Fig<T> | null => (value === null ? null : fig(path, value));
  const metricIndex = new Map(r.metrics.map((m, i) => [m.id, i]));
  const milestoneIndex = new Map(r.milestones.map((m, i) => [m.id, i]));
  const metricRef = (id: string): MetricRef => {
    const at = metricIndex.get(id)!;
    const m = r.metrics[at];
    return { id, name: m.name, at, unit: m.unit };
  };
  const milestoneRef = (id: string): MilestoneRef => {
    const at = milestoneIndex.get(id)!;
    return { id, name: r.milestones[at].name, at };
  };
  const headline = r.headline.filter((id) => metricIndex.has(id));
  const withReturn = showsReturn(r as CopyReport);

  const body: Slide[] = [];
  body.push(briefSlide(r, headline, withReturn, { v, fig, orNull, metricRef }));
  if (withReturn) {
    const roi = r.roi;
    body.push({
      kind: "value",
      valueToDate: fig("roi.valueToDate", roi.valueToDate),
      verifiedValueToDate: fig("roi.verifiedValueToDate", roi.verifiedValueToDate),
      projectedValueToDate: fig("roi.projectedValueToDate", roi.projectedValueToDate),
      projectedFrom: orNull("roi.projectedFrom", roi.projectedFrom),
      costToDate: fig("roi.costToDate", roi.costToDate),
      roi: fig("roi.roi", roi.roi),
      verifiedRoi: fig("roi.verifiedRoi", roi.verifiedRoi),
      runRate: fig("roi.runRate", roi.runRate),
      paybackDate: orNull("roi.paybackDate", roi.paybackDate),
      verifiedPaybackDate: orNull("roi.verifiedPaybackDate", roi.verifiedPaybackDate),
      breakEven: orNull("brief.breakEven", r.brief.breakEven),
      payback: v("payback"),
      metrics: roi.metrics.filter((id) => metricIndex.has(id)).map(metricRef),
      byMetric: roi.metrics
        .filter((id) => metricIndex.has(id))
        .map(metricRef)
        .map((metric) => ({
          metric,
          valueToDate: fig(`metrics.${metric.at}.valueToDate`, r.metrics[metric.at].valueToDate),
        })),
      chart: "payback",
    });
  }

  const byPhase = r.milestones
    .map((m, at) => ({ m, at }))
    .toSorted((a, b) => PHASES.indexOf(a.m.phase) - PHASES.indexOf(b.m.phase) || a.at - b.at);
  const dashboardRows: DashboardMilestone[] = byPhase.map(({ m, at }) => {
    const shown = shownDate(m);
    return {
      id: m.id,
      name: m.name,
      at,
      phase: m.phase,
      status: m.status,
      date: { ...fig(`milestones.${at}.${shown.field}`, shown.date), kind: shown.kind },
      verdict: v(`milestone:${m.id}`),
    };
  });
  const bars: OutcomeBar[] = headline.map((id) => {
    const ref = metricRef(id);
    const m = r.metrics[ref.at];
    return {
      ...ref,
      progress: fig(`metrics.${ref.at}.progress`, m.progress),
      state: m.state,
      target: v(`target:${id}`),
      forecast: v(`forecast:${id}`),
    };
  });
  const { dashboard: dash, risks: rk, next: nx, sources: src } = TEXT_BUDGET;
  const dashboards = fitParts(
    dashboardRows,
    ROWS_PER_SLIDE.dashboard,
    (m) => dash.pad + dash.line * linesOf(m.name, dash.chars),
    TEXT_BUDGET.body,
  );
  if (dashboards.length === 0 && bars.length > 0) dashboards.push([]);
  dashboards.forEach((milestones, k) =>
    body.push({
      kind: "dashboard",
      part: k + 1,
      parts: dashboards.length,
      milestones,
      outcomes: k === 0 ? bars.slice(0, ROWS_PER_SLIDE.outcomes) : [],
    }),
  );

  for (const id of headline)
    body.push(outcomeSlide(r.metrics[metricIndex.get(id)!], metricRef(id), { v, fig, orNull }));

  const correctionOf = (metric: string) =>
    r.milestones.find((m) => m.metricId === metric && m.status !== "achieved" && m.nextSteps)?.nextSteps ?? null;
  const risks: RiskRow[] = q.risks.map((risk, k) => {
    if (risk.kind === "milestone") {
      const ref = milestoneRef(risk.id);
      return {
        kind: "milestone",
        milestone: ref,
        targetDate: fig(`qbr.risks.${k}.targetDate`, risk.targetDate),
        revisedTargetDate: orNull(`qbr.risks.${k}.revisedTargetDate`, risk.revisedTargetDate),
        reason: risk.reason,
        correction: r.milestones[ref.at].nextSteps,
        verdict: v(`milestone:${risk.id}`),
      };
    }
    const ref = metricRef(risk.id);
    return {
      kind: "metric",
      metric: ref,
      status: risk.status,
      targetDate: fig(`qbr.risks.${k}.targetDate`, risk.targetDate),
      forecastDate: orNull(`qbr.risks.${k}.forecastDate`, risk.forecastDate),
      shortfall: orNull(`qbr.risks.${k}.shortfall`, risk.shortfall),
      current: fig(`metrics.${ref.at}.current`, r.metrics[ref.at].current),
      target: fig(`metrics.${ref.at}.target`, r.metrics[ref.at].target),
      correction: correctionOf(risk.id),
      verdict: risk.status === "missed" ? v(`target:${risk.id}`) : v(`forecast:${risk.id}`),
    };
  });
  const riskCost = (row: RiskRow) => {
    const name = row.kind === "milestone" ? row.milestone.name : row.metric.name;
    const said = row.kind === "milestone" ? [row.reason, row.correction] : [row.correction];
    const lines = said.reduce((n, text) => n + (text ? linesOf(text, rk.chars) : 0), row.kind === "milestone" ? 1 : 2);
    return rk.gap + rk.heading * linesOf(name, rk.headingChars) + rk.line * lines;
  };
  pushParts(body, fitParts(risks, ROWS_PER_SLIDE.risks, riskCost, TEXT_BUDGET.body), (p, rows) => ({
    kind: "risks",
    ...p,
    rows,
  }));

  const decisions: DecisionRow[] = r.brief.decisions.map((d, k) => {
    const key = decisionKey(d);
    const subject =
      d.kind === "renewal"
        ? null
        : d.kind === "milestone"
          ? milestoneRef(d.id).name
          : d.kind === "metric"
            ? metricRef(d.id).name
            : (r.opportunities.find((o) => o.id === d.id)?.title ?? null);
    return {
      decision: d,
      subject,
      date: "date" in d ? orNull(`brief.decisions.${k}.date`, d.date) : null,
      by: fig(`brief.decisions.${k}.by`, d.by),
      verdict: v(`decision:${key}`),
      decideBy: v(`decide-by:${key}`),
    };
  });
  pushParts(body, parts(decisions, ROWS_PER_SLIDE.decisions), (p, rows) => ({ kind: "decisions", ...p, rows }));

  const next: NextRow[] = [
    ...q.nextQuarter.map((id): NextRow => {
      const ref = milestoneRef(id);
      const m = r.milestones[ref.at];
      const shown = shownTarget(m);
      return {
        kind: "milestone",
        milestone: ref,
        date: fig(`milestones.${ref.at}.${shown.field}`, shown.date),
        status: m.status,
        verdict: v(`milestone:${id}`),
      };
    }),
    ...r.brief.plan.actions.map((i): NextRow => {
      const a = r.actions!.actions[i];
      return { kind: "action", commitment: a.commitment, owner: a.owner, due: fig(`actions.actions.${i}.due`, a.due) };
    }),
  ];
  const nextCost = (row: NextRow) =>
    nx.pad + nx.line * linesOf(row.kind === "milestone" ? row.milestone.name : row.commitment, nx.chars);
  pushParts(body, fitParts(next, ROWS_PER_SLIDE.next, nextCost, TEXT_BUDGET.body), (p, rows) => ({
    kind: "next",
    ...p,
    period: q.next.id,
    rows,
  }));

  if (r.voice) {
    const score = (name: "csat" | "nps") => {
      const s = r.voice![name];
      return (
        s && {
          now: fig(`voice.${name}.now`, s.now),
          change: fig(`voice.${name}.change`, s.change),
          count: fig(`voice.${name}.count`, s.count),
        }
      );
    };
    body.push({
      kind: "voice",
      csat: score("csat"),
      nps: score("nps"),
      beforeDate: fig("voice.beforeDate", r.voice.beforeDate),
      quotes: r.voice.quotes,
    });
  }

  if (r.contract || r.adoption?.length) {
    const adoption = (r.adoption ?? []).map((a, i) => ({
      measure: a.measure,
      latest: fig(`adoption.${i}.latest`, a.latest),
      latestDate: fig(`adoption.${i}.latestDate`, a.latestDate),
      change: fig(`adoption.${i}.change`, a.change),
    }));
    const chunks = adoption.length ? parts(adoption, ROWS_PER_SLIDE.adoption) : [[]];
    chunks.forEach((rows, k) =>
      body.push({
        kind: "renewal",
        part: k + 1,
        parts: chunks.length,
        contract: k === 0 && r.contract ? contractFigs(r.contract, fig, orNull) : null,
        adoption: rows,
      }),
    );
  }

  const sources: SourceRow[] = [
    ...headline.map((id) => ({
      what: { kind: "metric" as const, metric: metricRef(id) },
      sources: r.metrics[metricIndex.get(id)!].sources,
    })),
    { what: { kind: "milestones" as const }, sources: r.milestones.flatMap((m) => m.sources) },
    ...(withReturn ? [{ what: { kind: "value" as const }, sources: r.roi.sources }] : []),
    ...(r.voice ? [{ what: { kind: "voice" as const }, sources: r.voice.quotes.map((x) => x.source) }] : []),
    ...(r.contract ? [{ what: { kind: "contract" as const }, sources: [r.contract.source] }] : []),
    ...(r.adoption?.length
      ? [{ what: { kind: "adoption" as const }, sources: r.adoption.flatMap((a) => a.series.map((p) => p.source)) }]
      : []),
  ]
    .map((row) => ({ ...row, sources: compactSources(row.sources) }))
    .filter((row) => row.sources.length > 0);

  const agenda: AgendaSlide = {
    kind: "agenda",
    items: [...new Set(body.map((s) => s.kind))],
  };
  const slides: Slide[] = [
    {
      kind: "title",
      customer: r.customer.name,
      engagement: r.engagement.name,
      period: r.period,
      asOf: fig("asOf", r.asOf),
      quarterToDate: r.quarterToDate,
      health: v("health"),
    },
    agenda,
    ...body,
  ];
  // The figure's words are a metric's name or a few words; its rows, written compactly, can run to lines.
  const sourceCost = (row: SourceRow) =>
    src.pad +
    src.line *
      Math.max(
        linesOf(row.what.kind === "metric" ? row.what.metric.name : "", src.whatChars),
        linesOf(row.sources.join(" · "), src.chars),
      );
  pushParts(slides, fitParts(sources, ROWS_PER_SLIDE.sources, sourceCost, TEXT_BUDGET.body), (p, rows) => ({
    kind: "sources",
    ...p,
    rows,
  }));
  return { customer: r.customer, period: r.period, slides };
}

function pushParts<T>(out: Slide[], chunks: T[][], make: (p: Part, rows: T[]) => Slide): void {
  chunks.forEach((chunk, k) => out.push(make({ part: k + 1, parts: chunks.length }, chunk)));
}

interface Helpers {
  v: (item: string) => SlideVerdict | null;
  fig: <T>(path: string, value: T) => Fig<T>;
  orNull: <T>(path: string, value: T | null) => Fig<T> | null;
}

function briefSlide(
  r: DeckInput,
  headline: readonly string[],
  withReturn: boolean,
  { v, fig, metricRef }: Helpers & { metricRef: (id: string) => MetricRef },
): BriefSlide {
  const b = r.brief;
  const lead = b.lead !== null && headline.includes(b.lead) ? metricRef(b.lead) : null;
  const first = b.decisions[0];
  return {
    kind: "brief",
    progress: b.progress,
    achieved: fig("brief.progress.achieved", b.progress.achieved),
    milestones: fig("brief.progress.milestones", b.progress.milestones),
    achievedInPeriod: fig("brief.progress.achievedInPeriod", b.progress.achievedInPeriod),
    health: v("health"),
    lead: lead && {
      ...lead,
      progress: fig(`metrics.${lead.at}.progress`, r.metrics[lead.at].progress),
      target: v(`target:${lead.id}`),
    },
    value:
      withReturn && r.roi.roi !== null
        ? {
            valueToDate: fig("roi.valueToDate", r.roi.valueToDate),
            costToDate: fig("roi.costToDate", r.roi.costToDate),
            roi: fig("roi.roi", r.roi.roi),
          }
        : null,
    payback: withReturn && r.roi.roi !== null ? v("payback") : null,
    renewalDate: r.contract ? fig("contract.renewalDate", r.contract.renewalDate) : null,
    decisions: first
      ? {
          count: fig("brief.decisions.length", b.decisions.length),
          firstBy: fig("brief.decisions.0.by", first.by),
          decideBy: v(`decide-by:${decisionKey(first)}`),
        }
      : null,
  };
}

function outcomeSlide(m: MetricFigures, ref: MetricRef, { v, fig, orNull }: Helpers): OutcomeSlide {
  const p = `metrics.${ref.at}`;
  return {
    kind: "outcome",
    metric: ref,
    direction: m.direction,
    baseline: fig(`${p}.baseline`, m.baseline),
    baselineDate: fig(`${p}.baselineDate`, m.baselineDate),
    current: fig(`${p}.current`, m.current),
    currentDate: fig(`${p}.currentDate`, m.currentDate),
    target: fig(`${p}.target`, m.target),
    dueDate: fig(`${p}.forecast.dueDate`, m.forecast.dueDate),
    progress: fig(`${p}.progress`, m.progress),
    state: m.state,
    stale: m.stale,
    forecastStatus: m.forecast.status,
    forecastDate: orNull(`${p}.forecast.date`, m.forecast.date),
    shortfall: orNull(`${p}.forecast.shortfall`, m.forecast.shortfall),
    valueToDate: orNull(`${p}.valueToDate`, m.valueToDate),
    targetVerdict: v(`target:${m.id}`),
    forecastVerdict: v(`forecast:${m.id}`),
  };
}

function contractFigs(c: Contract, fig: Helpers["fig"], orNull: Helpers["orNull"]): RenewalSlide["contract"] {
  return {
    renewalDate: fig("contract.renewalDate", c.renewalDate),
    daysToRenewal: fig("contract.daysToRenewal", c.daysToRenewal),
    seats: orNull("contract.seats", c.seats),
    seatsUsed: orNull("contract.seatsUsed", c.seatsUsed),
    utilization: fig("contract.utilization", c.utilization),
    annualValue: orNull("contract.annualValue", c.annualValue),
  };
}

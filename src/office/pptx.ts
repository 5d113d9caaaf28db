// The QBR deck as an editable PowerPoint file (--deck): the slides of the deck's model (src/model/deck.ts), each as
// real text boxes, native tables and native charts on a slide master with the provider's branding, and speaker
// notes naming every figure's place in report.json, its source rows and its calculation. Places figures, decides
// nothing: the words are the pages' labels, the verdicts the ledger's.
import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import pptxgenjs from "pptxgenjs";
import { deckOf, type Fig, type Slide, type SlideVerdict } from "../model/deck.ts";
import { compactSources } from "../model/provenance.ts";
import type { SiteCustomer } from "../site-customer.ts";
import { SLIDES } from "../slides.ts";
import { langOf, translator, type PlainLabel, type Translate } from "../../templates/i18n/index.ts";
import { formatter, type Format } from "../../templates/lib/format.ts";
import { eastAsianFont, LATIN } from "./fonts.ts";

// pptxgenjs's types declare its module as CommonJS, whose default is the module; run as ES, the default is the class.
const PptxGenJS = pptxgenjs as unknown as typeof pptxgenjs.default;
type Pptx = pptxgenjs.default;

/** The slide's size in inches: 16:9, PowerPoint's widescreen. */
const W = 13.333;
const H = 7.5;
const MASTER = "MILEPOST";
const INK = "1F2937";
const MUTED = "5B6472";
const DASH = "—";

/** One customer's labels, formatters, colour and face, as the pages have them. */
interface Deckhand {
  c: SiteCustomer;
  t: Translate;
  f: Format;
  brand: string;
  font: string;
  lang: string;
  pptx: Pptx;
}

type Run = pptxgenjs.default.TextProps;

/** The payback as the ledger judges it (as the pages' Payback component writes it): the date, and what qualifies it. */
function payback(d: Deckhand): { figure: string; note?: string } {
  const { c, t, f } = d;
  const v = c.report.verdicts.find((x) => x.item === "payback");
  if (!v || v.verdict === "not_yet") return { figure: t("roi.paybackNotYet") };
  if (v.verdict === "verified")
    return {
      figure: f.date(c.report.roi.verifiedPaybackDate),
      note:
        v.reason === "claimed_earlier"
          ? t("roi.paybackClaimedOn", { date: f.date(c.report.roi.paybackDate) })
          : undefined,
    };
  return { figure: f.date(c.report.roi.paybackDate), note: t("roi.paybackClaimed") };
}

/** A slide with the master, its title in the title placeholder, "continued" when a table goes on from the one before. */
function addSlide(d: Deckhand, slide: Slide): pptxgenjs.default.Slide {
  const s = d.pptx.addSlide({ masterName: MASTER });
  const part = "part" in slide && slide.parts > 1 && slide.part > 1;
  const title =
    slide.kind === "outcome"
      ? slide.metric.name
      : `${d.t(SLIDES[slide.kind].title)}${part ? d.t("punct.paren", { text: d.t("deck.continued", { n: slide.part, total: slide.parts }) }) : ""}`;
  if (slide.kind !== "title") s.addText(title, { placeholder: "title" });
  return s;
}

const text = (d: Deckhand, extra: pptxgenjs.default.TextPropsOptions = {}): pptxgenjs.default.TextPropsOptions => ({
  fontFace: d.font,
  lang: d.lang,
  color: INK,
  fontSize: 16,
  valign: "top",
  margin: 4,
  ...extra,
});

/** A native table: a header row in the brand's colour, the rows below. */
function table(
  d: Deckhand,
  s: pptxgenjs.default.Slide,
  head: string[],
  rows: string[][],
  at: pptxgenjs.default.PositionProps,
  colW: number[],
) {
  const cell = (value: string, header: boolean): pptxgenjs.default.TableCell => ({
    text: value,
    options: header ? { bold: true, color: "FFFFFF", fill: { color: d.brand } } : {},
  });
  s.addTable([head.map((h) => cell(h, true)), ...rows.map((r) => r.map((v) => cell(v, false)))], {
    ...at,
    colW,
    fontFace: d.font,
    fontSize: 14,
    color: INK,
    border: { type: "solid", pt: 0.5, color: "C9CED6" },
    margin: 0.06,
    valign: "middle",
  });
}

/** Key figures side by side: label above, figure below, a note under it. */
function kpis(
  d: Deckhand,
  s: pptxgenjs.default.Slide,
  items: { label: string; figure: string; note?: string }[],
  y = 1.5,
) {
  const w = (W - 1) / Math.max(items.length, 1);
  items.forEach((k, i) => {
    const x = 0.5 + i * w;
    s.addText(k.label, text(d, { x, y, w: w - 0.2, h: 0.4, fontSize: 14, color: MUTED }));
    s.addText(k.figure, text(d, { x, y: y + 0.4, w: w - 0.2, h: 0.7, fontSize: 28, bold: true }));
    if (k.note) s.addText(k.note, text(d, { x, y: y + 1.1, w: w - 0.2, h: 0.6, fontSize: 12, color: MUTED }));
  });
}

/** Bulleted lines of text. */
function bullets(
  d: Deckhand,
  s: pptxgenjs.default.Slide,
  lines: string[],
  at: pptxgenjs.default.PositionProps,
  fontSize = 20,
) {
  s.addText(
    lines.map((l, i): Run => ({ text: l, options: { bullet: true, breakLine: i < lines.length - 1 } })),
    text(d, { ...at, fontSize, paraSpaceAfter: 10 }),
  );
}

const verdictOf = (v: SlideVerdict | null) => v?.verdict ?? null;

/** A forecast's sentence, as the pages write it (forecast.<status>, the recent pace's own when it decided). */
function forecastText(
  d: Deckhand,
  pace: "overall" | "recent" | null,
  status: string,
  v: {
    date: Fig<string> | null;
    due: Fig<string>;
    current: Fig<number>;
    target: Fig<number>;
    shortfall: Fig<number> | null;
    unit: string;
  },
): string {
  const { t, f } = d;
  const key = (
    status === "behind" && pace === "recent" ? "forecast.behind_recent" : `forecast.${status}`
  ) as PlainLabel;
  return t(key, {
    date: v.date ? f.date(v.date.value) : DASH,
    due: f.date(v.due.value),
    current: f.value(v.current.value, v.unit),
    target: f.value(v.target.value, v.unit),
    shortfall: v.shortfall ? f.value(v.shortfall.value, v.unit === "%" ? t("unit.points") : v.unit) : DASH,
  } as never);
}

/** Each kind of slide drawn on `s`; the title is the master's placeholder. */
function draw(d: Deckhand, s: pptxgenjs.default.Slide, slide: Slide): void {
  const { c, t, f, pptx } = d;
  const r = c.report;
  switch (slide.kind) {
    case "title": {
      s.addText(slide.engagement, text(d, { x: 0.8, y: 1.6, w: W - 1.6, h: 0.5, fontSize: 18, color: MUTED }));
      s.addText(
        t("pack.qbr"),
        text(d, { x: 0.8, y: 2.1, w: W - 1.6, h: 1.1, fontSize: 40, bold: true, color: d.brand }),
      );
      s.addText(slide.customer, text(d, { x: 0.8, y: 3.2, w: W - 1.6, h: 0.8, fontSize: 28 }));
      const meta = [
        t("meta.period", { period: slide.period }),
        ...(slide.quarterToDate ? [t("meta.quarterToDate")] : []),
        t("meta.asOf", { date: f.date(slide.asOf.value) }),
      ].join(t("punct.sep"));
      s.addText(meta, text(d, { x: 0.8, y: 4.1, w: W - 1.6, h: 0.5, fontSize: 16, color: MUTED }));
      if (slide.health)
        s.addText(
          `${t("health.title")}${t("punct.colon")}${t(`health.${slide.health.verdict}` as "health.green")}`,
          text(d, { x: 0.8, y: 4.7, w: W - 1.6, h: 0.5, fontSize: 18, bold: true }),
        );
      const provider = c.data.customer.provider?.name;
      if (provider)
        s.addText(t("meta.preparedBy", { provider }), text(d, { x: 0.8, y: 5.4, w: W - 1.6, h: 0.4, fontSize: 14 }));
      return;
    }
    case "agenda":
      s.addText(
        slide.items.map((k, i): Run => ({
          text: t(SLIDES[k].title),
          options: { bullet: { type: "number" }, breakLine: i < slide.items.length - 1 },
        })),
        text(d, { x: 0.8, y: 1.4, w: W - 1.6, h: H - 2.4, fontSize: 22, paraSpaceAfter: 8 }),
      );
      return;
    case "brief": {
      const lines: string[] = [
        t(slide.progress.achievedInPeriod > 0 ? "brief.progressInPeriod" : "brief.progress", {
          achieved: f.number(slide.achieved.value, 0),
          total: slide.milestones.value,
          inPeriod: f.number(slide.achievedInPeriod.value, 0),
          health: t(`health.${r.health.rag}` as "health.green"),
        }),
      ];
      const lead = slide.lead;
      if (lead) {
        const m = r.metrics[lead.at];
        lines.push(
          t("brief.lead", {
            name: lead.name,
            baseline: f.value(m.baseline, m.unit),
            current: f.value(m.current, m.unit),
            target: f.value(m.target, m.unit),
            progress: f.percent(lead.progress.value),
          }),
        );
      }
      if (slide.value)
        lines.push(
          `${t("brief.value", { value: f.money(slide.value.valueToDate.value), cost: f.money(slide.value.costToDate.value), roi: f.percent(slide.value.roi.value) })} ${t("roi.payback")}${t("punct.colon")}${[payback(d).figure, payback(d).note].filter(Boolean).join(" ")}`,
        );
      if (slide.renewalDate) lines.push(t("brief.renewal", { date: f.date(slide.renewalDate.value) }));
      if (slide.decisions)
        lines.push(
          t("brief.nextDecisions", { n: slide.decisions.count.value, date: f.date(slide.decisions.firstBy.value) }),
        );
      bullets(d, s, lines, { x: 0.6, y: 1.4, w: W - 1.2, h: H - 2.4 });
      return;
    }
    case "value": {
      kpis(d, s, [
        {
          label: t("roi.valueToDate"),
          figure: f.money(slide.valueToDate.value),
          note: `${t("roi.runRate")} ${f.money(slide.runRate.value)}`,
        },
        { label: t("roi.costToDate"), figure: f.money(slide.costToDate.value) },
        {
          label: t("roi.roi"),
          figure: f.percent(slide.roi.value),
          note:
            slide.verifiedRoi.value !== slide.roi.value
              ? `${t("roi.verifiedRoi")} ${f.percent(slide.verifiedRoi.value)}`
              : undefined,
        },
        {
          label: t("roi.payback"),
          ...payback(d),
          ...(!slide.paybackDate && slide.breakEven
            ? { note: t("brief.breakEven", { date: f.date(slide.breakEven.value) }) }
            : {}),
        },
      ]);
      // A bar chart draws its first category at the bottom: reversed, the bars read top-down as on the page.
      const bars = slide.byMetric.filter((b) => b.valueToDate.value !== null).toReversed();
      if (bars.length > 0)
        s.addChart(
          pptx.ChartType.bar,
          [
            {
              name: t("roi.valueToDate"),
              labels: bars.map((b) => b.metric.name),
              values: bars.map((b) => Math.max(0, b.valueToDate.value!)),
            },
          ],
          {
            x: 0.5,
            y: 3.5,
            w: W - 1,
            h: 3.1,
            barDir: "bar",
            chartColors: [d.brand],
            catAxisLabelFontFace: d.font,
            valAxisLabelFontFace: d.font,
            catAxisLabelFontSize: 12,
            valAxisLabelFontSize: 11,
            showValue: true,
            dataLabelFontSize: 11,
            dataLabelFormatCode: "#,##0",
            valAxisLabelFormatCode: "#,##0",
            showTitle: true,
            title: t("roi.valueToDate"),
            titleFontFace: d.font,
            titleFontSize: 14,
            lang: d.lang,
          },
        );
      return;
    }
    case "dashboard": {
      const wide = slide.outcomes.length === 0;
      table(
        d,
        s,
        [t("milestone.phase"), t("milestone.name"), t("milestone.status"), t("chart.date")],
        slide.milestones.map((m, k) => [
          k === 0 || slide.milestones[k - 1].phase !== m.phase ? t(`phase.${m.phase}`) : "",
          m.name,
          t(verdictOf(m.verdict) === "achieved_late" ? "status.late" : `status.${m.status}`),
          f.date(m.date.value),
        ]),
        { x: 0.5, y: 1.4, w: wide ? W - 1 : 7.6 },
        wide ? [2.2, 6.4, 2, 1.733] : [1.5, 3.5, 1.4, 1.2],
      );
      if (!wide)
        s.addChart(
          pptx.ChartType.bar,
          [
            {
              name: t("metric.progress"),
              labels: slide.outcomes.map((o) => o.name).toReversed(),
              values: slide.outcomes.map((o) => Math.round((o.progress.value ?? 0) * 100)).toReversed(),
            },
          ],
          {
            x: 8.3,
            y: 1.4,
            w: W - 8.8,
            h: 4.8,
            barDir: "bar",
            chartColors: [d.brand],
            valAxisMinVal: Math.min(0, ...slide.outcomes.map((o) => Math.round((o.progress.value ?? 0) * 100))),
            valAxisMaxVal: Math.max(100, ...slide.outcomes.map((o) => Math.round((o.progress.value ?? 0) * 100))),
            showValue: true,
            dataLabelFormatCode: '0"%"',
            valAxisLabelFormatCode: '0"%"',
            catAxisLabelFontFace: d.font,
            catAxisLabelFontSize: 11,
            dataLabelFontSize: 11,
            showTitle: true,
            title: t("summary.outcomes"),
            titleFontFace: d.font,
            titleFontSize: 14,
            lang: d.lang,
          },
        );
      return;
    }
    case "outcome": {
      const m = r.metrics[slide.metric.at];
      const unit = slide.metric.unit;
      const points = [{ date: m.baselineDate, value: m.baseline }, ...m.series];
      s.addChart(
        pptx.ChartType.line,
        [
          { name: m.name, labels: points.map((p) => f.shortDate(p.date)), values: points.map((p) => p.value) },
          {
            name: t("chart.target"),
            labels: points.map((p) => f.shortDate(p.date)),
            values: points.map(() => m.target),
          },
        ],
        {
          x: 0.4,
          y: 1.4,
          w: 7.6,
          h: 5.2,
          chartColors: [d.brand, "9AA3AF"],
          lineSize: 2,
          lineDataSymbolSize: 6,
          showLegend: true,
          legendPos: "b",
          legendFontFace: d.font,
          catAxisLabelFontFace: d.font,
          valAxisLabelFontFace: d.font,
          catAxisLabelFontSize: 11,
          valAxisLabelFontSize: 11,
          showTitle: true,
          title: t("chart.tableCaption", { metric: m.name }),
          titleFontFace: d.font,
          titleFontSize: 13,
          lang: d.lang,
        },
      );
      const missed = verdictOf(slide.targetVerdict) === "missed";
      const status = slide.forecastStatus;
      const forecast = forecastText(d, m.forecast.pace, status, {
        date: slide.forecastDate,
        due: slide.dueDate,
        current: slide.current,
        target: slide.target,
        shortfall: slide.shortfall,
        unit,
      });
      const rows: Run[] = [
        { text: missed ? t("state.missed") : t(`state.${slide.state}`), options: { bold: true, breakLine: true } },
        {
          text: `${t("metric.baseline")}${t("punct.colon")}${f.value(slide.baseline.value, unit)}`,
          options: { breakLine: true },
        },
        {
          text: `${t("metric.current")}${t("punct.colon")}${f.value(slide.current.value, unit)}`,
          options: { bold: true, breakLine: true },
        },
        {
          text: `${t("metric.target")}${t("punct.colon")}${f.value(slide.target.value, unit)}`,
          options: { breakLine: true },
        },
        ...(slide.progress.value !== null
          ? [
              {
                text: `${t("metric.progress")}${t("punct.colon")}${f.percent(slide.progress.value)}`,
                options: { breakLine: true },
              },
            ]
          : []),
        { text: forecast, options: { breakLine: slide.valueToDate !== null, color: MUTED } },
        ...(slide.valueToDate
          ? [{ text: `${t("roi.valueToDate")}${t("punct.colon")}${f.money(slide.valueToDate.value)}` }]
          : []),
      ];
      s.addText(rows, text(d, { x: 8.3, y: 1.4, w: W - 8.8, h: 5.2, fontSize: 18, paraSpaceAfter: 8 }));
      return;
    }
    case "risks": {
      // Each risk a bullet in bold, what it is and what is done about it on the lines below it.
      const risk = (head: string, lines: string[]): Run[] => [
        { text: head, options: { bullet: true, bold: true, breakLine: true } },
        ...lines.map((l): Run => ({ text: l, options: { indentLevel: 1, breakLine: true, fontSize: 15 } })),
      ];
      const runs = slide.rows.flatMap((row) =>
        row.kind === "milestone"
          ? risk(`${t("status.delayed")}${t("punct.colon")}${row.milestone.name}`, [
              `${t("milestone.target")} ${f.date(row.targetDate.value)}${row.revisedTargetDate ? `${t("punct.sep")}${t("milestone.revisedTarget")} ${f.date(row.revisedTargetDate.value)}` : ""}`,
              ...(row.reason ? [`${t("review.reason")}${t("punct.colon")}${row.reason}`] : []),
              ...(row.correction ? [`${t("review.correction")}${t("punct.colon")}${row.correction}`] : []),
            ])
          : risk(`${t(`review.risk.${row.status}`)}${t("punct.colon")}${row.metric.name}`, [
              forecastText(d, r.metrics[row.metric.at].forecast.pace, row.status, {
                date: row.forecastDate,
                due: row.targetDate,
                current: row.current,
                target: row.target,
                shortfall: row.shortfall,
                unit: row.metric.unit,
              }),
              ...(row.correction ? [`${t("review.correction")}${t("punct.colon")}${row.correction}`] : []),
            ]),
      );
      runs.at(-1)!.options = { ...runs.at(-1)!.options, breakLine: false };
      s.addText(runs, text(d, { x: 0.6, y: 1.4, w: W - 1.2, h: H - 2.4, fontSize: 17, paraSpaceAfter: 6 }));
      return;
    }
    case "decisions":
      table(
        d,
        s,
        [t("brief.decisions"), t("brief.recommended"), t("tracker.due")],
        slide.rows.map((row) => [
          row.decision.kind === "renewal"
            ? t("brief.decision.renewal", { date: f.date(r.contract?.renewalDate ?? null) })
            : row.decision.kind === "expansion"
              ? t("brief.decision.expansion", { name: row.subject ?? "" })
              : (row.subject ?? ""),
          t(
            `brief.recommend.${row.decision.recommend}` as PlainLabel,
            {
              date: row.date ? f.date(row.date.value) : DASH,
            } as never,
          ),
          t("brief.decideBy", { date: f.date(row.by.value) }),
        ]),
        { x: 0.5, y: 1.4, w: W - 1 },
        [5.2, 4.8, 2.333],
      );
      return;
    case "next":
      s.addText(
        t("review.nextQuarter", { period: slide.period }),
        text(d, { x: 0.5, y: 1.3, w: W - 1, h: 0.5, fontSize: 18 }),
      );
      table(
        d,
        s,
        [t("milestone.name"), t("milestone.status"), t("chart.date")],
        slide.rows.map((row) =>
          row.kind === "milestone"
            ? [row.milestone.name, t(`status.${row.status}`), f.date(row.date.value)]
            : [row.commitment, row.owner, f.date(row.due.value)],
        ),
        { x: 0.5, y: 1.9, w: W - 1 },
        [7.3, 2.8, 2.233],
      );
      return;
    case "voice": {
      const trend = (change: number | null, magnitude: string) =>
        change === null
          ? t("voice.trend.new")
          : t(change > 0 ? "voice.trend.up" : change < 0 ? "voice.trend.down" : "voice.trend.same", {
              change: magnitude,
              date: f.date(slide.beforeDate.value),
            });
      const scores = [];
      if (slide.csat)
        scores.push({
          label: t("csat.mean"),
          figure: `${f.number(slide.csat.now.value, 1)} / 5`,
          note: `${trend(slide.csat.change.value, f.number(Math.abs(slide.csat.change.value ?? 0), 1))}${t("punct.sep")}${t("csat.of", { n: slide.csat.count.value })}`,
        });
      if (slide.nps)
        scores.push({
          label: t("csat.nps"),
          figure: f.number(slide.nps.now.value, 0),
          note: `${trend(slide.nps.change.value, f.number(Math.abs(slide.nps.change.value ?? 0), 0))}${t("punct.sep")}${t("glance.responses", { n: slide.nps.count.value })}`,
        });
      kpis(d, s, scores);
      if (slide.quotes.length > 0)
        bullets(
          d,
          s,
          slide.quotes.map(
            (q) =>
              `${t("review.quote", { text: q.text })} — ${q.respondent}${q.role ? t("audiences.role", { role: q.role }) : ""}`,
          ),
          { x: 0.6, y: 3.6, w: W - 1.2, h: 3 },
          16,
        );
      return;
    }
    case "renewal": {
      const k = slide.contract;
      if (k)
        kpis(d, s, [
          {
            label: t("commercial.renewal"),
            figure: f.date(k.renewalDate.value),
            note: `${f.number(k.daysToRenewal.value, 0)} ${t("commercial.daysLeft")}`,
          },
          ...(k.seats
            ? [
                {
                  label: t("commercial.seats"),
                  figure: f.number(k.seats.value, 0),
                  note: k.seatsUsed
                    ? `${t("commercial.seatsUsed")} ${f.number(k.seatsUsed.value, 0)}${k.utilization.value !== null ? ` (${f.percent(k.utilization.value)})` : ""}`
                    : undefined,
                },
              ]
            : []),
          ...(k.annualValue ? [{ label: t("commercial.annualValue"), figure: f.money(k.annualValue.value) }] : []),
        ]);
      if (slide.adoption.length > 0)
        table(
          d,
          s,
          [t("adoption.measure"), t("adoption.latest"), t("adoption.change")],
          slide.adoption.map((a) => [
            a.measure,
            `${f.number(a.latest.value, 1)} (${f.date(a.latestDate.value)})`,
            a.change.value === null
              ? DASH
              : a.change.value === 0
                ? t("change.none")
                : t(a.change.value < 0 ? "change.down" : "change.up", { pct: f.magnitude(a.change.value) }),
          ]),
          { x: 0.5, y: k ? 3.6 : 1.4, w: W - 1 },
          [6.3, 3.5, 2.533],
        );
      return;
    }
    case "sources": {
      const what = (w: (typeof slide.rows)[number]["what"]) =>
        w.kind === "metric"
          ? `${w.metric.name}${t("punct.paren", { text: t("sources.metric") })}`
          : w.kind === "milestones"
            ? `${t("milestones.title")}${t("punct.paren", { text: t("sources.milestone") })}`
            : w.kind === "value"
              ? `${t("roi.title")}${t("punct.paren", { text: t("sources.roi") })}`
              : w.kind === "voice"
                ? t("voice.title")
                : w.kind === "contract"
                  ? t("commercial.title")
                  : t("adoption.title");
      table(
        d,
        s,
        [t("sources.figure"), t("sources.rows")],
        slide.rows.map((row) => [what(row.what), row.sources.join(t("punct.sep"))]),
        { x: 0.5, y: 1.4, w: W - 1 },
        [4.5, 7.833],
      );
      s.addText(
        t("sources.lines", { folder: c.folder }),
        text(d, { x: 0.5, y: H - 1.3, w: W - 1, h: 0.4, fontSize: 12, color: MUTED }),
      );
      return;
    }
    default: {
      // A kind of slide the model adds is one this writer places: without its case, this does not compile.
      const unplaced: never = slide;
      throw new Error(`No .pptx layout for the slide ${JSON.stringify(unplaced)}`);
    }
  }
}

/** Every figure of a slide (each {path, value} in it), in the order the slide holds them. */
function figuresOf(slide: unknown): Fig<unknown>[] {
  if (slide === null || typeof slide !== "object") return [];
  if ("path" in slide && "value" in slide && typeof slide.path === "string") return [slide as Fig<unknown>];
  return Object.values(slide).flatMap(figuresOf);
}

/**
 * The speaker notes of a slide: for each figure, its place in report.json, its value, how it is computed from
 * other figures where it is, and the source rows it comes from (compactly: "measurements.csv:2–4, 9").
 */
function notesOf(d: Deckhand, slide: Slide): string {
  const r = d.c.report;
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const fig of figuresOf(slide)) {
    if (seen.has(fig.path)) continue;
    seen.add(fig.path);
    const [head, index, field] = fig.path.split(".");
    const metric = head === "metrics" ? r.metrics[Number(index)] : null;
    const milestone = head === "milestones" ? r.milestones[Number(index)] : null;
    const calc =
      metric && field === "progress"
        ? `(current − baseline) ÷ (target − baseline) = (${metric.current} − ${metric.baseline}) ÷ (${metric.target} − ${metric.baseline})`
        : fig.path === "roi.roi"
          ? `(roi.valueToDate − roi.costToDate) ÷ roi.costToDate = (${r.roi.valueToDate} − ${r.roi.costToDate}) ÷ ${r.roi.costToDate}`
          : fig.path === "roi.verifiedRoi"
            ? `(roi.verifiedValueToDate − roi.costToDate) ÷ roi.costToDate = (${r.roi.verifiedValueToDate} − ${r.roi.costToDate}) ÷ ${r.roi.costToDate}`
            : fig.path === "roi.valueToDate"
              ? `Σ metrics[${r.roi.metrics.join(", ")}].valueToDate`
              : null;
    const sources = metric?.sources ?? milestone?.sources ?? (head === "roi" || head === "brief" ? r.roi.sources : []);
    lines.push(
      [
        `${fig.path} = ${JSON.stringify(fig.value)}`,
        ...(calc ? [`  = ${calc}`] : []),
        ...(sources.length ? [`  ← ${compactSources(sources).join(", ")}`] : []),
      ].join("\n"),
    );
  }
  return lines.join("\n");
}

/** The slide master: the brand's band, the customer and period at the foot, the slide number, the provider's logo. */
async function defineMaster(d: Deckhand, logo: string | null): Promise<void> {
  const { c, t } = d;
  const foot = `${c.report.customer.name}${t("punct.sep")}${t("pack.qbr")}${c.report.period ? `${t("punct.sep")}${c.report.period}` : ""}`;
  const objects: pptxgenjs.default.SlideMasterProps["objects"] = [
    { rect: { x: 0, y: 0, w: W, h: 0.12, fill: { color: d.brand } } },
    {
      text: { text: foot, options: { x: 0.5, y: H - 0.5, w: 9, h: 0.3, fontFace: d.font, fontSize: 10, color: MUTED } },
    },
    {
      placeholder: {
        options: {
          name: "title",
          type: "title",
          x: 0.5,
          y: 0.35,
          w: W - 1,
          h: 0.85,
          fontFace: d.font,
          fontSize: 28,
          bold: true,
          color: d.brand,
          align: "left",
          valign: "middle",
        },
        text: "",
      },
    },
  ];
  if (logo) {
    const data = `data:image/${extname(logo) === ".svg" ? "svg+xml" : extname(logo).slice(1)};base64,${(await readFile(logo)).toString("base64")}`;
    objects.push({
      image: { x: W - 2.3, y: H - 0.62, w: 1.2, h: 0.45, data, sizing: { type: "contain", w: 1.2, h: 0.45 } },
    });
  }
  d.pptx.defineSlideMaster({
    title: MASTER,
    background: { color: "FFFFFF" },
    objects,
    slideNumber: { x: W - 0.9, y: H - 0.5, w: 0.5, h: 0.3, fontFace: d.font, fontSize: 10, color: MUTED },
  });
}

/** The QBR deck of a customer as a .pptx, from the deck model; null without a QBR period. `folder`: its rendered site folder (the logos' inert copies). */
export async function deckPptx(c: SiteCustomer, folder: string): Promise<Buffer | null> {
  const deck = deckOf(c.report);
  if (!deck) return null;
  const { locale, currency, brand, provider } = c.data.customer;
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_WIDE";
  const font = eastAsianFont(langOf(locale)) ?? LATIN;
  pptx.theme = { headFontFace: font, bodyFontFace: font };
  pptx.title = `${c.report.customer.name} — ${deck.period}`;
  pptx.company = provider?.name ?? "";
  pptx.author = provider?.name ?? "milepost";
  const d: Deckhand = {
    c,
    t: translator(locale),
    f: formatter(locale, currency),
    brand: (brand?.color ?? "#1f4e79").replace("#", "").toUpperCase(),
    font,
    lang: locale,
    pptx,
  };
  const logo = provider?.logo ?? brand?.logo ?? null;
  await defineMaster(d, logo ? join(folder, "files", logo) : null);
  for (const slide of deck.slides) {
    const s = addSlide(d, slide);
    draw(d, s, slide);
    s.addNotes(notesOf(d, slide));
  }
  return (await pptx.write({ outputType: "nodebuffer" })) as Buffer;
}

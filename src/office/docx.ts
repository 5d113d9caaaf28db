// The close-out report and the handoff document as editable Word files (--office): the same figures, verdicts and
// labels as their PDFs, placed as Word heading styles (so a table of contents updates), real tables and sign-off
// blocks. Places what report.json and the validated rows hold; decides nothing (docs/architecture.md, "The stages").
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type ParagraphChild,
} from "docx";
import { paperFor, printDocsFor, sectionsOf, type PrintDef } from "../documents.ts";
import type { SiteCustomer } from "../site-customer.ts";
import { handoffParts } from "../model/handoff.ts";
import { langOf, translator, type LabelKey, type Translate } from "../../templates/i18n/index.ts";
import { formatFigure } from "../../templates/lib/figure.ts";
import { formatter, type Format } from "../../templates/lib/format.ts";
import { eastAsianFont, LATIN } from "./fonts.ts";

/** One customer's labels, formatters and colour, as the pages have them. */
interface Word {
  c: SiteCustomer;
  t: Translate;
  f: Format;
  /** The brand colour without its #, e.g. "1F4E79". */
  brand: string;
}

const HEADING = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
] as const;
const DASH = "—";
const GREY = "F2F4F7";
const LINE = "C9CED6";

function wordOf(c: SiteCustomer): Word {
  const { locale, currency, brand } = c.data.customer;
  return {
    c,
    t: translator(locale),
    f: formatter(locale, currency),
    brand: (brand?.color ?? "#1f4e79").replace("#", "").toUpperCase(),
  };
}

const heading = (text: string, level: 0 | 1 | 2 | 3) => new Paragraph({ text, heading: HEADING[level] });
const para = (text: string, style: { muted?: boolean; bold?: boolean } = {}) =>
  new Paragraph({
    children: [new TextRun({ text, bold: style.bold, color: style.muted ? "5B6472" : undefined })],
    spacing: { after: 120 },
  });

/** A link when `href` is a web address, else the words as written (an evidence file). */
function link(href: string, label?: string): ParagraphChild {
  const text = label ?? href;
  return /^https?:\/\//.test(href)
    ? new ExternalHyperlink({ link: href, children: [new TextRun({ text, style: "Hyperlink" })] })
    : new TextRun(text);
}

type Cell = string | ParagraphChild[];

/** A real Word table: its header row repeats on every page, numbers align right. */
function table(head: string[], rows: Cell[][], numeric: number[] = []): Table {
  const cell = (value: Cell, i: number, header = false) =>
    new TableCell({
      children: [
        new Paragraph({
          children: typeof value === "string" ? [new TextRun({ text: value, bold: header })] : value,
          alignment: numeric.includes(i) ? AlignmentType.RIGHT : AlignmentType.LEFT,
        }),
      ],
      shading: header ? { type: ShadingType.CLEAR, fill: GREY, color: "auto" } : undefined,
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: { style: BorderStyle.SINGLE, size: 4, color: LINE },
      bottom: { style: BorderStyle.SINGLE, size: 4, color: LINE },
      left: { style: BorderStyle.NONE, size: 0, color: "auto" },
      right: { style: BorderStyle.NONE, size: 0, color: "auto" },
      insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: LINE },
      insideVertical: { style: BorderStyle.NONE, size: 0, color: "auto" },
    },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i)) })),
    ],
  });
}

/** The handoff document's overview and parts: each part a heading of its own standalone, under the section's in the close-out. */
function handoffBody(w: Word, standalone: boolean): FileChild[] {
  const { c, t, f } = w;
  const h = c.data.handoff;
  const summary = c.report.handoff;
  const engagement = c.report.engagement;
  const sub = standalone ? 0 : 1;
  const out: FileChild[] = [
    heading(t(standalone ? "handoff.overview" : "handoff.title"), 0),
    para(t("meta.asOf", { date: f.date(c.report.asOf) }), { muted: true }),
    para(
      t("handoff.intro", {
        customer: c.report.customer.name,
        engagement: engagement.name,
        end: f.date(engagement.end),
      }),
    ),
  ];
  if (h?.summary) out.push(para(h.summary));
  if (summary) {
    const attendees =
      summary.training.attendees !== null
        ? `${t("handoff.kpi.attendees")}${t("punct.colon")}${f.number(summary.training.attendees, 0)}`
        : t("handoff.kpi.noAttendees");
    out.push(
      table(
        [t("handoff.kpi.systems"), t("handoff.kpi.docs"), t("handoff.kpi.issues"), t("handoff.kpi.training")],
        [
          [summary.systems, summary.documents, summary.knownIssues, summary.training.sessions].map((n) =>
            f.number(n, 0),
          ),
          [
            t("handoff.kpi.owned", { n: f.number(summary.systemsOwned, 0) }),
            t("handoff.kpi.access", { n: summary.accessGrants }),
            t("handoff.kpi.workarounds", { n: f.number(summary.knownIssuesWithWorkaround, 0) }),
            attendees,
          ],
        ],
      ),
    );
  } else out.push(para(t("handoff.missing")));
  for (const part of handoffParts(h, c.data.present.includes("training"))) {
    out.push(heading(t(`handoff.${part}`), sub));
    if (part === "built")
      out.push(
        table(
          [t("handoff.system"), t("handoff.description"), t("tracker.owner"), t("handoff.documentation")],
          h!.systems.map((s) => [
            [new TextRun({ text: s.name, bold: true })],
            s.description ?? DASH,
            s.owner?.trim() ? s.owner : t("handoff.noOwner"),
            s.docs ? [link(s.docs)] : DASH,
          ]),
        ),
      );
    if (part === "docs")
      out.push(
        ...h!.documentation.map((d) => new Paragraph({ children: [link(d.url, d.title)], bullet: { level: 0 } })),
      );
    if (part === "support") {
      const support = h!.support!;
      if (support.contacts.length > 0)
        out.push(
          table(
            [t("handoff.tier"), t("handoff.contact"), t("handoff.email"), t("handoff.hours")],
            support.contacts.map((k) => [k.tier, k.name, k.email ?? DASH, k.hours ?? DASH]),
          ),
        );
      if (support.escalation.length > 0)
        out.push(
          heading(t("handoff.escalation"), (sub + 1) as 1 | 2),
          ...support.escalation.map((e, i) => para(`${f.number(i + 1, 0)}. ${e}`)),
        );
      if (support.sla) out.push(heading(t("handoff.sla"), (sub + 1) as 1 | 2), para(support.sla));
    }
    if (part === "access")
      out.push(
        table(
          [t("handoff.system"), t("handoff.grantedTo"), t("handoff.date")],
          h!.access.map((a) => [a.system, a.granted_to, a.date ? f.date(a.date) : DASH]),
        ),
      );
    if (part === "issues")
      out.push(
        table(
          [t("handoff.issue"), t("handoff.workaround")],
          h!.known_issues.map((k) => [k.title, k.workaround?.trim() ? k.workaround : t("handoff.noWorkaround")]),
        ),
      );
    if (part === "training")
      out.push(
        c.data.training.length === 0
          ? para(t("none"), { muted: true })
          : table(
              [
                t("handoff.date"),
                t("handoff.session"),
                t("handoff.audience"),
                t("handoff.attendees"),
                t("handoff.materials"),
              ],
              c.data.training.map((s) => [
                f.date(s.date),
                s.title,
                s.audience ?? DASH,
                s.attendees !== undefined ? f.number(s.attendees, 0) : DASH,
                s.materials ? [link(s.materials)] : DASH,
              ]),
              [3],
            ),
      );
  }
  return out;
}

/** Outcomes against the original success criteria: each goal, its verdict, the rule and the metrics that judged it. */
function criteria(w: Word): FileChild[] {
  const { c, t, f } = w;
  const outcomes = c.report.goalOutcomes!;
  const byId = new Map(c.report.metrics.map((m) => [m.id, m]));
  const names = new Map(c.report.milestones.map((m) => [m.id, m.name]));
  const verdicts = ["met", "partly_met", "not_met", "not_assessed"] as const;
  const out: FileChild[] = [
    heading(t("criteria.title"), 0),
    para(t("criteria.asOfClose", { date: f.date(outcomes.closeDate) }), { muted: true }),
    para(t("criteria.intro")),
    table(
      verdicts.map((v) => t(`verdict.${v}`)),
      [verdicts.map((v) => f.number(outcomes.counts[v], 0))],
      [0, 1, 2, 3],
    ),
  ];
  for (const g of outcomes.goals) {
    out.push(
      heading(g.statement, 1),
      new Paragraph({
        children: [
          new TextRun({ text: `${t(`level.${g.level}`)}${t("punct.sep")}` }),
          new TextRun({ text: t(`verdict.${g.verdict}`), bold: true }),
        ],
      }),
      para(t(`criteria.rule.${g.rule}`, { met: f.number(g.metricsMet, 0), total: g.metrics.length }), { muted: true }),
    );
    if (g.metrics.length > 0)
      out.push(
        table(
          [
            t("criteria.metric"),
            t("metric.baseline"),
            t("metric.target"),
            t("criteria.atClose"),
            t("metric.progress"),
            t("criteria.result"),
          ],
          g.metrics.map((gm) => {
            const m = byId.get(gm.id)!;
            return [
              m.name,
              f.value(m.baseline, m.unit),
              `${f.value(m.target, m.unit)} ${t("metric.by", { date: f.shortDate(m.targetDate) })}`,
              `${f.value(gm.value, m.unit)} (${f.date(gm.date)})`,
              f.percent(gm.progress),
              gm.target === "missed" ? t("state.missed") : t(`state.${gm.state}`),
            ];
          }),
          [1, 2, 3, 4],
        ),
      );
    if (g.milestones.length > 0)
      out.push(
        para(`${t("criteria.milestones")}${t("punct.colon")}`, { bold: true }),
        ...g.milestones.map(
          (gm) =>
            new Paragraph({
              bullet: { level: 0 },
              children: [
                new TextRun(`${names.get(gm.id) ?? gm.id} — ${t(`status.${gm.status}`)}`),
                ...(gm.late ? [new TextRun(` (${t("status.late")})`)] : []),
                ...(gm.achievedOn ? [new TextRun({ text: ` ${f.date(gm.achievedOn)}`, color: "5B6472" })] : []),
              ],
            }),
        ),
      );
  }
  return out;
}

/** The close-out tracker: the window after the end in three phases, each phase's checklist a table. */
function tracker(w: Word): FileChild[] {
  const { c, t, f } = w;
  const co = c.report.closeout!;
  const end = c.report.engagement.end!;
  const where =
    co.day === 0
      ? t("tracker.notStarted", { start: f.date(co.start) })
      : co.day >= co.days
        ? t("tracker.over", { date: f.date(c.report.asOf) })
        : t("tracker.day", { day: f.number(co.day, 0), days: f.number(co.days, 0), date: f.date(c.report.asOf) });
  const out: FileChild[] = [
    heading(t("tracker.title"), 0),
    para(`${f.date(co.start)} – ${f.date(co.end)}`, { muted: true }),
    para(`${t("tracker.intro", { days: co.days, end: f.date(end) })} ${where}`),
  ];
  if (co.standard) out.push(para(t("tracker.standardTitle"), { bold: true }), para(t("tracker.standardBody")));
  else
    out.push(
      table(
        [t("tracker.done"), t("tracker.overdue")],
        [[`${f.percent(co.doneShare)} (${f.number(co.done, 0)} / ${f.number(co.total, 0)})`, f.number(co.overdue, 0)]],
      ),
    );
  co.phases.forEach((p, pi) => {
    out.push(
      heading(`${t("tracker.phaseN", { n: pi + 1 })}${t("punct.colon")}${t(`cophase.${p.phase}`)}`, 1),
      para(`${f.date(p.start)} – ${f.date(p.end)}${t("punct.sep")}${t(`cophase.${p.phase}.about`)}`, { muted: true }),
      table(
        [t("tracker.item"), t("tracker.owner"), t("tracker.due"), t("tracker.doneOn"), t("tracker.status")],
        co.items
          .filter((i) => i.phase === p.phase)
          .map((i) => [
            i.item ?? t(i.key! as LabelKey & `std.${string}`),
            i.owner ?? (c.report.copy === "internal" ? t("tracker.noOwner") : ""),
            f.date(i.due),
            i.doneDate ? f.date(i.doneDate) : DASH,
            t(
              i.done
                ? "tracker.stateDone"
                : i.overdue
                  ? "tracker.stateOverdue"
                  : i.standard
                    ? "tracker.stateToAgree"
                    : "tracker.stateOpen",
            ),
          ]),
      ),
    );
  });
  return out;
}

/** The deliverables sign-off: every deliverable's status and acceptance, then a signature block per acceptor. */
function signoff(w: Word): FileChild[] {
  const { c, t, f } = w;
  const d = c.report.closeout!.deliverables!;
  const out: FileChild[] = [
    heading(t("signoff.title"), 0),
    para(`${f.number(d.accepted, 0)} / ${f.number(d.total, 0)} ${t("signoff.accepted")}`, { muted: true }),
    table(
      [
        t("signoff.deliverable"),
        t("tracker.owner"),
        t("tracker.due"),
        t("tracker.status"),
        t("signoff.acceptedOn"),
        t("signoff.acceptedBy"),
      ],
      d.items.map((x) => [
        `${x.id} ${x.name}`,
        x.owner ?? DASH,
        f.date(x.dueDate),
        (x.superseded ? t("deliverable.superseded", { id: x.replacedBy! }) : t(`deliverable.${x.status}`)) +
          (x.overdue ? ` (${t("tracker.stateOverdue")})` : ""),
        x.acceptedDate ? f.date(x.acceptedDate) : DASH,
        x.accepted ? (x.acceptedBy ?? DASH) : DASH,
      ]),
    ),
  ];
  const blocks = c.report.signoff?.blocks ?? [];
  if (blocks.length > 0) out.push(heading(t("signoff.blocks"), 1));
  for (const b of blocks)
    out.push(
      new Paragraph({
        keepNext: true,
        spacing: { before: 240 },
        text: `${t("signoff.accepts")} ${b.deliverables.join(", ")}`,
      }),
      signBlock(w, b),
    );
  return out;
}

/** One signature block: name, role and date filled when known, and a line to sign on. */
function signBlock(w: Word, b: { name: string | null; role: string | null; date: string | null }): Table {
  const { t, f } = w;
  const none = { style: BorderStyle.NONE, size: 0, color: "auto" } as const;
  const rule = { style: BorderStyle.SINGLE, size: 6, color: "000000" } as const;
  // Each row kept with the next, so a block is never split across two pages.
  const row = (label: string, value: string, tall = false) =>
    new TableRow({
      cantSplit: true,
      height: { value: tall ? 700 : 400, rule: "atLeast" },
      children: [
        new TableCell({
          width: { size: 25, type: WidthType.PERCENTAGE },
          verticalAlign: "bottom",
          children: [new Paragraph({ keepNext: !tall, children: [new TextRun({ text: label, color: "5B6472" })] })],
          borders: { top: none, left: none, right: none, bottom: none },
        }),
        new TableCell({
          width: { size: 75, type: WidthType.PERCENTAGE },
          verticalAlign: "bottom",
          children: [new Paragraph({ keepNext: !tall, text: value })],
          borders: { top: none, left: none, right: none, bottom: rule },
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      row(t("signoff.name"), b.name ?? ""),
      row(t("signoff.role"), b.role ?? ""),
      row(t("signoff.date"), b.date ? f.date(b.date) : ""),
      row(t("signoff.signature"), "", true),
    ],
  });
}

/** The financial reconciliation: each line's budget, actual, variance, invoiced, paid and outstanding. */
function financials(w: Word): FileChild[] {
  const { c, t, f } = w;
  const fin = c.report.financials!;
  const money = (n: number | null) => (n === null ? DASH : f.money(n));
  const line = (item: string, l: (typeof fin.lines)[number] | typeof fin.totals) => [
    item,
    ...[l.budget, l.actual, l.variance, l.invoiced, l.paid, l.outstanding].map(money),
  ];
  return [
    heading(t("fin.title"), 0),
    table(
      [
        t("table.item"),
        t("fin.budget"),
        t("fin.actual"),
        t("fin.variance"),
        t("fin.invoiced"),
        t("fin.paid"),
        t("fin.outstanding"),
      ],
      [...fin.lines.map((l) => line(l.item, l)), line(t("fin.total"), fin.totals)],
      [1, 2, 3, 4, 5, 6],
    ),
    para(t("fin.howto"), { muted: true }),
  ];
}

/** The close-out sections a Word file holds, by registry id; the others stay in the PDF and the site. */
const CLOSEOUT_SECTIONS: Record<string, (w: Word) => FileChild[]> = {
  criteria,
  tracker,
  signoff,
  handoff: (w) => handoffBody(w, false),
  financials,
};

/** Page one: the document's title, the customer, the engagement, the period and the provider; then the contents. */
function cover(w: Word, title: LabelKey & `pack.${string}`, period: boolean): FileChild[] {
  const { c, t, f } = w;
  const provider = c.data.customer.provider?.name;
  return [
    new Paragraph({ text: t(title), heading: HeadingLevel.TITLE }),
    para(c.report.customer.name, { bold: true }),
    para(c.report.engagement.name),
    para(
      [
        period && c.report.period ? t("meta.period", { period: c.report.period }) : null,
        t("meta.asOf", { date: f.date(c.report.asOf) }),
        provider ? t("meta.preparedBy", { provider }) : null,
      ]
        .filter((s) => s !== null)
        .join(t("punct.sep")),
      { muted: true },
    ),
    new TableOfContents(t("nav.contents"), { hyperlink: true, headingStyleRange: "1-2" }),
    new Paragraph({ text: "", pageBreakBefore: true }),
  ];
}

/** "Page {n} of {total}" with Word's own page fields in place of the numbers. */
function pageOf(t: Translate): Paragraph {
  const parts = t.template("meta.pageOf").split(/(\{n\}|\{total\})/);
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    children: parts
      .filter((p) => p !== "")
      .map((p) =>
        p === "{n}"
          ? new TextRun({ children: [PageNumber.CURRENT], size: 16 })
          : p === "{total}"
            ? new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16 })
            : new TextRun({ text: p, size: 16 }),
      ),
  });
}

/** A Word document with the customer's language, fonts, paper, running header and footer. */
function document(w: Word, title: string, children: FileChild[]): Document {
  const { c, t } = w;
  const { locale } = c.data.customer;
  const ea = eastAsianFont(langOf(locale));
  const font = { ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia: ea ?? LATIN };
  // Latin words in a CJK document break between words, as Word's own CJK documents set them (en-US).
  const language = ea ? { value: "en-US", eastAsia: locale } : { value: locale };
  const paper =
    paperFor(c.data.customer) === "letter" ? { width: 12240, height: 15840 } : { width: 11906, height: 16838 };
  return new Document({
    creator: c.data.customer.provider?.name ?? "milepost",
    title,
    description: `${c.report.customer.name} — ${title}`,
    styles: {
      default: {
        document: { run: { font, size: 20, language } },
        title: { run: { font, color: w.brand, size: 48, bold: true } },
        heading1: {
          run: { font, color: w.brand, size: 32, bold: true },
          paragraph: { spacing: { before: 360, after: 120 } },
        },
        heading2: {
          run: { font, color: "1F2937", size: 26, bold: true },
          paragraph: { spacing: { before: 240, after: 80 } },
        },
        heading3: {
          run: { font, color: "1F2937", size: 22, bold: true },
          paragraph: { spacing: { before: 200, after: 60 } },
        },
        heading4: {
          run: { font, color: "1F2937", size: 20, bold: true },
          paragraph: { spacing: { before: 160, after: 40 } },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: paper, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                children: [
                  new TextRun({
                    text: t("meta.confidential", { customer: c.report.customer.name }),
                    size: 16,
                    color: "5B6472",
                  }),
                ],
              }),
            ],
          }),
        },
        footers: { default: new Footer({ children: [pageOf(t)] }) },
        children,
      },
    ],
  });
}

/** The close-out report: its print document's sections this customer's data fills, those a Word file holds. */
export function closeoutDocument(c: SiteCustomer): Document {
  const w = wordOf(c);
  const doc = printDocsFor(c).find((d) => d.id === "closeout")!;
  const body = sectionsOf(c, doc).flatMap((s) => CLOSEOUT_SECTIONS[s.id]?.(w) ?? []);
  return document(w, w.t("pack.closeout"), [...cover(w, "pack.closeout", true), ...body]);
}

/** The handoff document on its own. */
export function handoffDocument(c: SiteCustomer): Document {
  const w = wordOf(c);
  return document(w, w.t("pack.handoff"), [...cover(w, "pack.handoff", false), ...handoffBody(w, true)]);
}

/** The case-study draft (the internal copy's), for marketing to edit: the sections and verified figures of its PDF. */
export function caseStudyDocument(c: SiteCustomer): Document {
  const w = wordOf(c);
  const { t, f } = w;
  const r = c.report;
  const cs = r.internal!.caseStudy!;
  const metric = (id: string) => r.metrics.find((m) => m.id === id)!;
  const milestone = (id: string) => r.milestones.find((m) => m.id === id)!;
  const bullet = (children: ParagraphChild[]) => new Paragraph({ bullet: { level: 0 }, children });
  const out: FileChild[] = [
    new Paragraph({ text: t("casestudy.title"), heading: HeadingLevel.TITLE }),
    para(r.customer.name, { bold: true }),
    para([r.engagement.name, t("meta.asOf", { date: f.date(r.asOf) })].join(t("punct.sep")), { muted: true }),
    para(t("casestudy.intro"), { muted: true }),
  ];
  if (r.reference)
    out.push(
      para(
        [
          t(`reference.ask.${r.reference.ask}`),
          r.reference.by ? t("reference.by", { date: f.date(r.reference.by) }) : "",
        ]
          .join(" ")
          .trim(),
      ),
    );
  out.push(heading(t("casestudy.challenge"), 0));
  for (const id of cs.challenge.goals) out.push(bullet([new TextRun(r.goals.find((g) => g.id === id)!.statement)]));
  if (cs.challenge.metrics.length > 0)
    out.push(
      table(
        [t("summary.outcome"), t("metric.baseline")],
        cs.challenge.metrics.map((id) => {
          const m = metric(id);
          return [m.name, `${f.value(m.baseline, m.unit)} (${f.shortDate(m.baselineDate)})`];
        }),
        [1],
      ),
    );
  out.push(
    heading(t("casestudy.approach"), 0),
    para([r.engagement.name, f.date(r.engagement.start)].join(t("punct.sep")), { muted: true }),
    ...cs.approach.map((p) =>
      bullet([
        new TextRun({ text: `${t(`phase.${p.phase}`)}${t("punct.colon")}`, bold: true }),
        new TextRun(p.milestones.map((id) => milestone(id).name).join(t("punct.comma"))),
      ]),
    ),
  );
  if (cs.achieved.length > 0) {
    out.push(heading(t("casestudy.achieved"), 0));
    for (const id of cs.achieved) {
      const m = milestone(id);
      out.push(
        bullet([
          new TextRun({ text: m.name, bold: true }),
          new TextRun(` ${formatFigure(f, t, "label", m.status, { label: "status" })} ${f.date(m.achievedOn)}`),
          ...(m.businessImpact ? [new TextRun({ text: m.businessImpact, break: 1 })] : []),
        ]),
      );
    }
  }
  if (cs.results.length > 0 || cs.value) {
    out.push(heading(t("casestudy.results"), 0));
    for (const id of cs.results) {
      const m = metric(id);
      out.push(
        bullet([
          new TextRun({ text: `${m.name}${t("punct.colon")}`, bold: true }),
          new TextRun(
            `${f.value(m.baseline, m.unit)} → ${f.value(m.current, m.unit)}${t("punct.sep")}${formatFigure(f, t, "metricChange", m)}`,
          ),
        ]),
      );
    }
    if (cs.value) {
      const value = t("casestudy.value", { value: formatFigure(f, t, "money", cs.value.verifiedValueToDate) });
      const roi =
        cs.value.verifiedRoi !== null
          ? t("casestudy.roi", { roi: formatFigure(f, t, "percent", cs.value.verifiedRoi) })
          : "";
      out.push(para([value, roi].join(" ").trim()));
    }
  }
  if (cs.quote) {
    out.push(
      heading(t("casestudy.quote"), 0),
      new Paragraph({ children: [new TextRun({ text: t("review.quote", { text: cs.quote.text }), italics: true })] }),
      para([cs.quote.name, cs.quote.role].filter((s) => s).join(t("punct.sep")), { muted: true }),
    );
  }
  return document(w, t("casestudy.title"), out);
}

/** The Word files of a customer: the close-out report and the handoff document when its packs print them. */
export async function wordFiles(c: SiteCustomer): Promise<{ name: string; bytes: Buffer }[]> {
  const docs: PrintDef[] = printDocsFor(c);
  const files: { name: string; bytes: Buffer }[] = [];
  const suffix = c.report.copy === "internal" ? "-internal" : "";
  for (const d of docs) {
    if (d.id === "closeout")
      files.push({
        name: `${c.slug}-closeout-${c.label}${suffix}.docx`,
        bytes: await Packer.toBuffer(closeoutDocument(c)),
      });
    if (d.id === "handoff")
      files.push({
        name: `${c.slug}-handoff-${c.label}${suffix}.docx`,
        bytes: await Packer.toBuffer(handoffDocument(c)),
      });
  }
  return files;
}

/** The case-study draft as a Word file whenever the case-study pack is built (it is written to be edited). */
export async function caseStudyFile(c: SiteCustomer): Promise<{ name: string; bytes: Buffer } | null> {
  if (!c.packs.includes("casestudy") || !c.report.internal?.caseStudy) return null;
  const pdf = printDocsFor(c).find((d) => d.id === "casestudy");
  const name = `${c.slug}-casestudy-${c.label}${c.report.copy === "internal" ? "-internal" : ""}.docx`;
  return pdf ? { name, bytes: await Packer.toBuffer(caseStudyDocument(c)) } : null;
}

// The document registry: every pack, its site pages, its print documents and their sections in order, and the
// data each needs. The build, the CLI help, the site navigation, the print layouts and the tests read it; adding
// a section or a pack is an entry here plus its component (templates/sections/<component>.astro) and its labels.
import type { LabelKey, PlainLabel } from "../templates/i18n/index.ts";
import type { SiteCustomer } from "./site-customer.ts";
import type { CopyReport } from "./model/copy.ts";
import type { DataGap } from "./model/gaps.ts";
import { handoffParts as modelParts, type HandoffPart } from "./model/handoff.ts";
import { kickoffDue } from "./model/kickoff-window.ts";
import { monthOfLabel } from "./periods.ts";
import type { Customer, TableName } from "./schema.ts";

/** The label key of an email draft's subject, e.g. "email.subject.qbr": its words take customer, pack, engagement, period. */
export type EmailSubject = Extract<LabelKey, `email.subject.${string}`>;

/** A title: a label key (translated), or the words of a custom section as milepost.config.json writes them. */
export type Title = PlainLabel | { text: string };

/** A section of a document: one component, one anchor, one entry of a print document's contents. */
export interface SectionDef {
  /** Its anchor (`id` and `data-section` of its element), unique across the registry. */
  id: string;
  /** Its title, as the contents and the site's page titles show it. */
  title: Title;
  /** Its title for this customer where the data changes what the section is (a closing meeting held: its outcome). */
  titleFor?: (c: SiteCustomer) => Title;
  /** Its component, templates/sections/<component>.astro: in its pack's folder, e.g. "qbr/Summary". */
  component: string;
  /** Whether this customer's data fills it; a section it does not fill is left out (default: always). */
  has?: (c: SiteCustomer) => boolean;
  /** On a site page, shown even when its data does not fill it (its component then says what is missing). */
  siteWhenEmpty?: boolean;
  /** Label key of the note a site page shows in its place when the data leaves it out (which table to add). */
  missing?: PlainLabel;
  /** A custom section: the key of its MDX file in the customer's content (SiteCustomer.content). */
  mdx?: string;
  /** "internal": what the CSM alone reads, only in the internal copy (--copy internal); default: everyone. */
  audience?: "internal";
  /** Printed on the cover, page one, and so not listed in the contents. */
  cover?: boolean;
}

/** A page of a customer's site. */
export interface PageDef {
  /** Its file name in the customer's folder. */
  file: string;
  /** Label key of its link in the site header. */
  nav: PlainLabel;
  /** Label key of its title. */
  title: PlainLabel;
  /** Its sections, in order (ids of SECTIONS). */
  sections: string[];
  /** Whether this customer has the page at all (default: yes). */
  has?: (c: SiteCustomer) => boolean;
  /**
   * The section the page is named after: when the customer's copy leaves it out, the page takes the title of the
   * first section it shows (a "Retrospective" tab holding only the survey is named after the survey).
   */
  lead?: string;
}

/** A print document, printed to its own PDF. */
export interface PrintDef {
  /** Its name in `data-doc` and in the print stylesheet. */
  id: string;
  /** The page printed. */
  file: string;
  /** Label key of its title (cover, running header). */
  title: PlainLabel;
  /** The PDF's file name. */
  pdf: (slug: string, label: string) => string;
  /** Whether its running header and cover name the period (a handoff outlives the quarter). */
  period: boolean;
  /** Its sections, in order (ids of SECTIONS). */
  sections: string[];
  /** One section printed as a document of its own: shown even when its data is empty (its component says so). */
  standalone?: boolean;
  /** Its contents when they are not its sections: e.g. the parts of a standalone section. */
  contents?: (c: SiteCustomer) => { id: string; title: Title }[];
  /** A short PDF of the pack for one audience (--audience): the sections that audience reads. */
  audience?: AudiencePdf;
  /** The class of its body, for its pack's print styles. */
  style: string;
  /** Whether its cover names the period above the as-of date (a QBR's quarter); default: the as-of date alone. */
  periodOnCover?: boolean;
  /** Printed once per item of the customer's data (a celebration per milestone): the items' ids; each document's `item`. */
  each?: (c: SiteCustomer) => string[];
  /** The item of a document printed per item (`each`), e.g. a milestone's id. */
  item?: string;
  /** A one-pager: printed without cover and contents. */
  onePage?: boolean;
}

/** A pack: what the CLI builds with --pack. */
export interface PackDef {
  id: string;
  /** How messages to the person building name it, e.g. "close-out". */
  name: string;
  /** Label key of its title. */
  title: PlainLabel;
  /** What it needs beyond customer.json. */
  needs: { tables: TableName[]; engagementEnd: boolean };
  /** Left out of a build of every pack, without a word, until the engagement has ended. */
  afterEnd: boolean;
  /**
   * When in the engagement it is built, as of the build's date (a kickoff plan: near the engagement's start), and
   * how messages say so ("within 30 days of the engagement's start"). Outside it, a build of every pack leaves it
   * out without a word and `--pack <id>` is refused (pack-not-due). Default: any date.
   */
  due?: { test: (engagement: { start: string }, asOf: string) => boolean; window: string };
  /** Its first print document is the one the short PDFs of `--audience` are cut from (the QBR's). */
  audiences?: boolean;
  /**
   * The email draft of `milepost publish --drafts` when this pack is the customer's latest: its subject's label key,
   * and when it is the latest (default: always). Of the packs whose `latest` holds, the last in PACK_LIST is drafted.
   */
  draft?: { subject: EmailSubject; latest?: (engagement: { end: string | null }, asOf: string) => boolean };
  /** Built only when --pack names it (`--pack monthly`, `--pack all,monthly`): a build of every pack leaves it out. */
  onRequest?: boolean;
  /**
   * Whether this customer's report (the copy built) has anything for it, and what it needs, as messages say it;
   * asked for without it, the pack is refused (pack-not-applicable). Default: always.
   */
  applies?: { test: (report: CopyReport) => boolean; needs: string };
  /** Its site pages in reading order; the first is its landing page. */
  pages: PageDef[];
  print: PrintDef[];
}

/** A section of the registry: its title is a label key. */
interface BuiltInSection extends SectionDef {
  title: PlainLabel;
}

/** A pack that reviews the engagement's progress: built once it has started (before, the kickoff plan is the document). */
const STARTED: PackDef["due"] = { test: (e, asOf) => asOf >= e.start, window: "from the engagement's start" };

const internal = (c: SiteCustomer) => c.report.internal;

/** The data gaps a pack's Data gaps page lists (the internal copy's): its own, and init's example rows in both. */
export function gapsOf(c: SiteCustomer, pack: Pack): DataGap[] {
  return (internal(c)?.gaps ?? []).filter((g) => g.kind === "example" || g.pack === pack);
}

const SECTION_LIST = [
  // QBR
  { id: "brief", title: "brief.title", component: "qbr/Brief", cover: true },
  { id: "summary", title: "summary.title", component: "qbr/Summary" },
  { id: "since", title: "since.title", component: "qbr/Since", has: (c) => c.report.sinceLastQbr != null },
  {
    id: "milestones",
    title: "milestones.title",
    component: "qbr/Milestones",
    has: (c) => c.report.milestones.length > 0,
    siteWhenEmpty: true,
  },
  {
    id: "outcomes",
    title: "outcomes.title",
    component: "qbr/Outcomes",
    has: (c) => c.report.metrics.length > 0,
    siteWhenEmpty: true,
  },
  { id: "review", title: "review.title", component: "qbr/Review" },
  { id: "voice", title: "voice.title", component: "qbr/Voice", has: (c) => c.report.voice != null },
  { id: "audiences", title: "audiences.title", component: "qbr/Audiences", has: (c) => c.report.audiences.length > 0 },
  { id: "trend", title: "trend.title", component: "qbr/Trend", has: (c) => c.report.healthTrend != null },
  {
    id: "actions",
    title: "actions.title",
    component: "qbr/Actions",
    has: (c) => (c.report.actions?.plan.length ?? 0) + (c.report.actions?.scorecard.length ?? 0) > 0,
  },
  {
    id: "commercial",
    title: "commercial.title",
    component: "qbr/Commercial",
    has: (c) => c.report.contract != null,
  },
  { id: "adoption", title: "adoption.title", component: "qbr/Adoption", has: (c) => c.report.adoption != null },
  { id: "support", title: "support.title", component: "qbr/Support", has: (c) => c.report.support != null },
  {
    id: "stakeholders",
    title: "stakeholders.title",
    component: "qbr/Stakeholders",
    has: (c) => c.report.stakeholderMap != null,
  },
  { id: "sources", title: "sources.title", component: "qbr/SourcesAppendix" },
  {
    id: "notes",
    title: "internal.title",
    component: "qbr/Internal",
    audience: "internal",
    has: (c) => (internal(c)?.todos.length ?? 0) > 0,
  },
  {
    id: "gaps",
    title: "gaps.title",
    component: "qbr/Gaps",
    audience: "internal",
    has: (c): boolean => gapsOf(c, "qbr").length > 0,
  },
  // Kickoff
  { id: "ko-goals", title: "ko.goals.title", component: "kickoff/Goals", has: (c) => c.report.goals.length > 0 },
  {
    id: "ko-criteria",
    title: "ko.criteria.title",
    component: "kickoff/Criteria",
    has: (c) => (c.report.kickoff?.criteria.length ?? 0) > 0,
  },
  {
    id: "ko-plan",
    title: "ko.plan.title",
    component: "kickoff/Plan",
    has: (c) => (c.report.kickoff?.phases.length ?? 0) > 0,
  },
  {
    id: "ko-measures",
    title: "ko.measure.title",
    component: "kickoff/Measures",
    has: (c) => (c.report.kickoff?.criteria.length ?? 0) > 0,
  },
  {
    id: "ko-team",
    title: "ko.team.title",
    component: "kickoff/Team",
    has: (c) => (c.report.kickoff?.owners.length ?? 0) > 0 || c.report.kickoff?.checkins != null,
  },
  { id: "ko-agreement", title: "ko.agree.title", component: "kickoff/Agreement" },
  {
    id: "ko-gaps",
    title: "gaps.title",
    component: "kickoff/Gaps",
    audience: "internal",
    has: (c): boolean => gapsOf(c, "kickoff").length > 0,
  },
  // Close-out
  { id: "co-brief", title: "brief.title", component: "closeout/Brief", cover: true },
  {
    id: "criteria",
    title: "criteria.title",
    component: "closeout/Criteria",
    has: (c) => (c.report.goalOutcomes?.goals.length ?? 0) > 0,
    siteWhenEmpty: true,
    missing: "missing.criteria",
  },
  {
    id: "tracker",
    title: "tracker.title",
    component: "closeout/Tracker",
    // milepost's standard checklist is the account team's: the internal copy only.
    has: (c) => c.report.closeout !== null && (!c.report.closeout.standard || c.report.copy === "internal"),
  },
  {
    id: "signoff",
    title: "signoff.title",
    component: "closeout/Signoff",
    has: (c) => c.report.closeout?.deliverables != null,
  },
  {
    id: "handoff",
    title: "handoff.title",
    component: "closeout/Handoff",
    has: (c) => c.report.handoff !== null,
    siteWhenEmpty: true,
  },
  {
    id: "retrospective",
    title: "retro.title",
    component: "closeout/Retrospective",
    has: (c) => c.data.present.includes("retrospective"),
    missing: "missing.retrospective",
  },
  {
    id: "csat",
    title: "csat.title",
    component: "closeout/Csat",
    has: (c) => c.report.csat !== null,
    missing: "missing.csat",
  },
  {
    id: "financials",
    title: "fin.title",
    component: "closeout/Financials",
    has: (c) => c.report.financials !== null,
    missing: "missing.financials",
  },
  {
    id: "opportunities",
    title: "opp.title",
    component: "closeout/Opportunities",
    has: (c) => c.report.opportunities.length > 0,
    missing: "missing.opportunities",
  },
  {
    id: "postclose",
    title: "postclose.title",
    component: "closeout/PostClose",
    has: (c) => c.report.postClose != null || c.report.reference != null,
  },
  {
    id: "agenda",
    title: "agenda.title",
    titleFor: (c) => (c.report.closingAgenda?.held ? "agenda.heldTitle" : "agenda.title"),
    component: "closeout/Agenda",
    has: (c) => (c.report.closingAgenda?.topics.length ?? 0) > 0,
  },
  {
    id: "co-notes",
    title: "internal.title",
    component: "closeout/Internal",
    audience: "internal",
    has: (c) => (internal(c)?.triage.length ?? 0) + (internal(c)?.coaching.length ?? 0) > 0,
  },
  {
    id: "co-gaps",
    title: "gaps.title",
    component: "closeout/Gaps",
    audience: "internal",
    has: (c): boolean => gapsOf(c, "closeout").length > 0,
  },
  // Monthly progress
  { id: "mo-progress", title: "monthly.title", component: "monthly/Progress" },
  {
    id: "mo-outcomes",
    title: "monthly.outcomes",
    component: "monthly/Outcomes",
    has: (c) => c.report.monthly.outcomes.length > 0,
  },
  {
    id: "mo-next",
    title: "monthly.next",
    component: "monthly/Next",
    has: (c) => c.report.monthly.next !== null || c.report.monthly.actions.length > 0,
  },
  // Milestone celebrations
  { id: "celebration", title: "celebrate.title", component: "celebrate/Celebration" },
  // Case-study draft
  {
    id: "case-study",
    title: "casestudy.title",
    component: "casestudy/Draft",
    audience: "internal",
    has: (c) => c.report.internal?.caseStudy != null,
  },
] as const satisfies readonly BuiltInSection[];

export type SectionId = (typeof SECTION_LIST)[number]["id"];

/** Every section of the registry, by id. */
export const SECTIONS: Record<SectionId, BuiltInSection> = Object.fromEntries(
  SECTION_LIST.map((s) => [s.id, s]),
) as Record<SectionId, BuiltInSection>;

/** Paper size of a customer's print documents: its choice, else Letter for US and Canadian locales, A4 elsewhere. */
export function paperFor(customer: Customer): "a4" | "letter" {
  return customer.paper ?? (/-(US|CA)$/i.test(customer.locale) ? "letter" : "a4");
}

/** The handoff parts this customer's data fills (src/model/handoff.ts decides which), with their anchors and title keys. */
export function handoffParts(c: SiteCustomer): { id: `handoff-${HandoffPart}`; title: `handoff.${HandoffPart}` }[] {
  return modelParts(c.data.handoff, c.data.present.includes("training")).map((p) => ({
    id: `handoff-${p}`,
    title: `handoff.${p}`,
  }));
}

const PACK_LIST = [
  {
    id: "qbr",
    name: "QBR",
    title: "pack.qbr",
    needs: { tables: [], engagementEnd: false },
    afterEnd: false,
    due: STARTED,
    audiences: true,
    draft: { subject: "email.subject.qbr" },
    pages: [
      {
        file: "index.html",
        nav: "nav.summary",
        title: "summary.title",
        sections: ["brief", "summary", "since", "outcomes", "notes", "gaps"],
      },
      {
        file: "milestones.html",
        nav: "nav.milestones",
        title: "milestones.title",
        sections: ["milestones", "outcomes"],
      },
      { file: "review.html", nav: "nav.review", title: "review.title", sections: ["review", "voice"] },
      {
        file: "account.html",
        nav: "nav.account",
        title: "nav.account",
        sections: ["trend", "actions", "commercial", "adoption", "support", "stakeholders"],
        has: (c) =>
          (["trend", "actions", "commercial", "adoption", "support", "stakeholders"] as const).some((id) =>
            SECTIONS[id].has!(c),
          ),
      },
      {
        file: "audiences.html",
        nav: "nav.audiences",
        title: "audiences.title",
        sections: ["audiences"],
        has: (c) => SECTIONS.audiences.has!(c),
      },
    ],
    print: [
      {
        id: "qbr",
        file: "print-qbr.html",
        title: "pack.qbr",
        pdf: (slug, label) => `${slug}-qbr-${label}.pdf`,
        period: true,
        sections: [
          "brief",
          "summary",
          "since",
          "milestones",
          "outcomes",
          "review",
          "voice",
          "trend",
          "actions",
          "commercial",
          "adoption",
          "support",
          "stakeholders",
          "audiences",
          "sources",
          "notes",
          "gaps",
        ],
        style: "qbr-doc",
        periodOnCover: true,
      },
    ],
  },
  {
    id: "kickoff",
    name: "kickoff",
    title: "pack.kickoff",
    needs: { tables: [], engagementEnd: false },
    afterEnd: false,
    due: { test: (e, asOf) => kickoffDue(e.start, asOf), window: "within 30 days of the engagement's start" },
    pages: [
      {
        file: "kickoff.html",
        nav: "nav.kickoff",
        title: "pack.kickoff",
        sections: ["ko-goals", "ko-criteria", "ko-plan", "ko-measures", "ko-team", "ko-agreement", "ko-gaps"],
      },
    ],
    print: [
      {
        id: "kickoff",
        file: "print-kickoff.html",
        title: "pack.kickoff",
        pdf: (slug, label) => `${slug}-kickoff-${label}.pdf`,
        period: false,
        sections: ["ko-goals", "ko-criteria", "ko-plan", "ko-measures", "ko-team", "ko-agreement", "ko-gaps"],
        style: "ko-print",
      },
    ],
  },
  {
    id: "closeout",
    name: "close-out",
    title: "pack.closeout",
    needs: { tables: ["deliverables"], engagementEnd: true },
    afterEnd: true,
    draft: { subject: "email.subject.closeout", latest: (e, asOf) => e.end !== null && e.end <= asOf },
    pages: [
      { file: "closeout.html", nav: "nav.closeout", title: "pack.closeout", sections: ["co-brief", "criteria"] },
      { file: "closeout-tracker.html", nav: "nav.tracker", title: "tracker.title", sections: ["tracker", "signoff"] },
      { file: "handoff.html", nav: "nav.handoff", title: "handoff.title", sections: ["handoff"] },
      {
        file: "retrospective.html",
        nav: "nav.retrospective",
        title: "retro.title",
        sections: ["retrospective", "csat", "financials"],
        lead: "retrospective",
      },
      {
        file: "next-steps.html",
        nav: "nav.nextSteps",
        title: "nav.nextSteps",
        sections: ["opportunities", "postclose", "agenda", "co-notes", "co-gaps"],
      },
    ],
    print: [
      {
        id: "closeout",
        file: "print-closeout.html",
        title: "pack.closeout",
        pdf: (slug, label) => `${slug}-closeout-${label}.pdf`,
        period: true,
        sections: [
          "co-brief",
          "criteria",
          "tracker",
          "signoff",
          "handoff",
          "retrospective",
          "csat",
          "financials",
          "opportunities",
          "postclose",
          "agenda",
          "co-notes",
          "co-gaps",
        ],
        style: "co-print",
      },
      {
        id: "handoff",
        file: "print-handoff.html",
        title: "pack.handoff",
        pdf: (slug) => `${slug}-handoff.pdf`,
        period: false,
        sections: ["handoff"],
        standalone: true,
        contents: (c) => [{ id: "handoff-overview", title: "handoff.overview" }, ...handoffParts(c)],
        style: "co-print",
      },
    ],
  },
  {
    id: "monthly",
    name: "monthly",
    title: "pack.monthly",
    needs: { tables: [], engagementEnd: false },
    afterEnd: false,
    due: STARTED,
    onRequest: true,
    pages: [
      {
        file: "monthly.html",
        nav: "nav.monthly",
        title: "pack.monthly",
        sections: ["mo-progress", "mo-outcomes", "mo-next"],
      },
    ],
    print: [
      {
        id: "monthly",
        file: "print-monthly.html",
        title: "pack.monthly",
        pdf: (slug, label) => `${slug}-monthly-${monthOfLabel(label)}.pdf`,
        period: false,
        sections: ["mo-progress", "mo-outcomes", "mo-next"],
        onePage: true,
        style: "mo-print",
      },
    ],
  },
  {
    id: "celebrate",
    name: "celebration",
    title: "pack.celebrate",
    needs: { tables: [], engagementEnd: false },
    afterEnd: false,
    due: STARTED,
    onRequest: true,
    pages: [{ file: "celebrate.html", nav: "nav.celebrate", title: "celebrate.title", sections: ["celebration"] }],
    print: [
      {
        id: "celebrate",
        file: "print-celebrate.html",
        title: "pack.celebrate",
        pdf: (slug, item) => `${slug}-celebrate-${item}.pdf`,
        period: false,
        sections: ["celebration"],
        each: (c) => c.report.celebrations.items.map((x) => x.milestone),
        onePage: true,
        style: "celebrate-print",
      },
    ],
  },
  {
    id: "casestudy",
    name: "case-study",
    title: "pack.casestudy",
    needs: { tables: [], engagementEnd: false },
    afterEnd: false,
    onRequest: true,
    applies: {
      test: (r) => r.internal?.caseStudy != null,
      needs:
        "the internal copy (--copy internal) of a customer with a reference ask in customer.json or a strategic milestone achieved with evidence",
    },
    pages: [{ file: "casestudy.html", nav: "nav.casestudy", title: "casestudy.title", sections: ["case-study"] }],
    print: [
      {
        id: "casestudy",
        file: "print-casestudy.html",
        title: "pack.casestudy",
        pdf: (slug, label) => `${slug}-casestudy-${label}.pdf`,
        period: false,
        sections: ["case-study"],
        onePage: true,
        style: "cs-print",
      },
    ],
  },
] as const satisfies readonly (Omit<PackDef, "pages" | "print"> & {
  pages: readonly (Omit<PageDef, "sections"> & { sections: readonly SectionId[] })[];
  print: readonly (Omit<PrintDef, "sections"> & { sections: readonly SectionId[] })[];
})[];

export type Pack = (typeof PACK_LIST)[number]["id"];

/** The packs, in the order they are built and listed. */
export const PACKS: readonly Pack[] = PACK_LIST.map((p) => p.id);

/** Every pack, by id. */
export const PACK_DEFS = Object.fromEntries(PACK_LIST.map((p) => [p.id, p])) as unknown as Record<Pack, PackDef>;

export type PrintDoc = (typeof PACK_LIST)[number]["print"][number]["id"];

/** Every print document, by id, with the pack it belongs to. */
export const PRINT_DEFS = Object.fromEntries(
  PACK_LIST.flatMap((p) => p.print.map((d) => [d.id, { ...d, pack: p.id }])),
) as unknown as Record<PrintDoc, PrintDef & { pack: Pack }>;

/** The pack whose first print document the short PDFs of --audience are cut from. */
export const AUDIENCE_PACK: Pack = PACKS.find((p) => PACK_DEFS[p].audiences)!;

/** The pack a customer's email draft presents as of `asOf`: the last whose draft is its latest (src/share/drafts.ts). */
export function draftPack(
  engagement: { end: string | null },
  asOf: string,
): PackDef & { draft: NonNullable<PackDef["draft"]> } {
  const drafted = PACKS.map((p) => PACK_DEFS[p]).filter(
    (d): d is PackDef & { draft: NonNullable<PackDef["draft"]> } =>
      d.draft !== undefined && (d.draft.latest?.(engagement, asOf) ?? true),
  );
  return drafted[drafted.length - 1];
}

/**
 * The print document a PDF's file name comes from, and the audience of a short PDF: e.g. "acme-qbr-finance-2026-Q3.pdf"
 * → the QBR, finance; null for another file. `rank` is its place in the registry's order of print documents.
 */
export function pdfOrigin(
  name: string,
): { doc: PrintDef & { pack: Pack }; audience: AudiencePdf | null; rank: number } | null {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const docs = Object.values(PRINT_DEFS) as (PrintDef & { pack: Pack })[];
  for (const [rank, doc] of docs.entries()) {
    const [before, after] = doc.pdf("\u0001", "\u0002").split("\u0002");
    const shape = escape(before).replace("\u0001", ".+") + (after === undefined ? "" : "(.+)" + escape(after));
    const found = new RegExp(`^${shape.replace(/\\\.pdf$/, "(?:-internal)?\\.pdf")}$`).exec(name);
    if (!found) continue;
    const audience = PACK_DEFS[doc.pack].audiences
      ? (AUDIENCE_PDFS.find((a) => found[1]?.startsWith(`${a}-`)) ?? null)
      : null;
    return { doc, audience, rank };
  }
  return null;
}

/** The audiences a short QBR PDF is printed for (--audience). */
export const AUDIENCE_PDFS = ["executive", "finance", "it", "users"] as const;
export type AudiencePdf = (typeof AUDIENCE_PDFS)[number];

/** Each audience's PDF: label key of its name, and its QBR sections unless milepost.config.json says otherwise. */
export const AUDIENCE_DEFS: Record<AudiencePdf, { title: PlainLabel; sections: SectionId[] }> = {
  executive: { title: "audience.executive", sections: ["summary", "commercial", "stakeholders", "actions"] },
  finance: { title: "audience.finance", sections: ["summary", "commercial", "outcomes"] },
  it: { title: "audience.it", sections: ["summary", "milestones", "support", "actions"] },
  users: { title: "audience.user", sections: ["summary", "adoption", "milestones"] },
};

/** How a customer's packs arrange their sections: milepost.config.json with customer.json over it (src/config.ts). */
export interface Layout {
  /** Each pack's section ids in print order, built-in and custom, without those turned off. */
  sections: Record<Pack, string[]>;
  /** The custom MDX sections: the key of each file in SiteCustomer.content is `sections/<id>`. */
  custom: { id: string; pack: Pack; title: string }[];
  /** The short PDFs this build prints (--audience), each with its sections. */
  audiences: { id: AudiencePdf; sections: string[] }[];
}

/** The content key of a custom section's MDX file. */
export const customContent = (id: string) => `sections/${id}`;

/** A section by id: one of the registry's, or one of the customer's custom sections. */
function sectionDef(c: SiteCustomer, id: string): SectionDef {
  const custom = c.layout?.custom.find((s) => s.id === id);
  if (custom) return { id, title: { text: custom.title }, component: "Custom", mdx: customContent(id) };
  return SECTIONS[id as SectionId];
}

/** The sections of a page or print document that this customer's data fills and its copy holds, in order. */
export function sectionsOf(c: SiteCustomer, doc: { sections: readonly string[] }): SectionDef[] {
  return doc.sections
    .map((id) => sectionDef(c, id))
    .filter((s) => (s.audience !== "internal" || c.report.copy === "internal") && (s.has?.(c) ?? true));
}

/** Every section a document lists, filled or not, in order. */
export function listedSections(c: SiteCustomer, doc: { sections: readonly string[] }): SectionDef[] {
  return doc.sections.map((id) => sectionDef(c, id));
}

/** A print document's contents for this customer: its sections after the cover, or the parts it lists instead. */
export function contentsOf(c: SiteCustomer, doc: PrintDef): { id: string; title: Title }[] {
  return (
    doc.contents?.(c) ??
    sectionsOf(c, doc).flatMap(({ id, title, titleFor, cover }) =>
      cover ? [] : [{ id, title: titleFor?.(c) ?? title }],
    )
  );
}

/** A pack's sections as a layout arranges them, between two it does not place: page one's brief, and the internal copy's notes. */
function arranged(c: SiteCustomer, pack: Pack, ids: readonly string[]): string[] {
  const registry = PACK_DEFS[pack].print[0].sections.map((id) => SECTIONS[id as SectionId]);
  const fixed = (keep: (s: SectionDef) => boolean) => registry.filter(keep).map((s) => s.id);
  const notes = c.report?.copy === "internal" ? fixed((s) => s.audience === "internal") : [];
  return [...fixed((s) => s.cover === true), ...ids, ...notes];
}

/**
 * A site page's sections as the customer's layout arranges them: those turned off left out, the others in the
 * pack's order, and each custom section after the section before it in that order (on the page that holds it;
 * on the pack's first page when no page holds one).
 */
function pageSections(c: SiteCustomer, pack: Pack, page: PageDef): string[] {
  if (!c.layout) return page.sections;
  const order = arranged(c, pack, c.layout.sections[pack]);
  const pages = PACK_DEFS[pack].pages;
  const host = (id: string): { page: string; after: string | null } => {
    for (let i = order.indexOf(id) - 1; i >= 0; i--) {
      const on = pages.find((p) => p.sections.includes(order[i]));
      if (on) return { page: on.file, after: order[i] };
    }
    return { page: pages[0].file, after: null };
  };
  const custom = order.filter((id) => !(id in SECTIONS)).map((id) => ({ id, ...host(id) }));
  const mine = custom.filter((s) => s.page === page.file);
  const kept = page.sections.filter((id) => order.includes(id)).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const after = (anchor: string | null) => mine.filter((s) => s.after === anchor).map((s) => s.id);
  return [...after(null), ...kept.flatMap((id) => [id, ...after(id)])];
}

/** The pages of this customer's site, in reading order: its packs' pages that its data and its layout fill. */
export function pagesOf(c: SiteCustomer): (PageDef & { pack: Pack })[] {
  return PACKS.filter((p) => c.packs.includes(p)).flatMap((p) =>
    PACK_DEFS[p].pages
      .filter((page) => page.has?.(c) ?? true)
      .map((page) => named(c, { ...page, pack: p, sections: pageSections(c, p, page) }))
      // The customer's copy leaves out a page its data does not fill; the internal copy shows what is missing there.
      .filter((page) => page.sections.length > 0 && (c.report.copy === "internal" || sectionsOf(c, page).length > 0)),
  );
}

/** A page whose lead section the customer's copy leaves out, named after the first section it shows (see PageDef.lead). */
function named<P extends PageDef>(c: SiteCustomer, page: P): P {
  if (!page.lead || c.report.copy === "internal") return page;
  const shown = sectionsOf(c, page);
  const first = shown[0]?.title;
  if (!first || typeof first !== "string" || shown.some((s) => s.id === page.lead)) return page;
  return { ...page, nav: first, title: first };
}

/** The file name of a customer's print document: the internal copy's says so, and is never linked as another period's. */
export function pdfFile(doc: PrintDef, c: Pick<SiteCustomer, "slug" | "label" | "report">): string {
  const name = doc.pdf(c.slug, c.label);
  return c.report.copy === "internal" ? name.replace(/\.pdf$/, "-internal.pdf") : name;
}

/** The print documents of a customer's packs, in pack order. */
export function printDocsOf(packs: readonly Pack[]): (PrintDef & { pack: Pack })[] {
  return PACKS.filter((p) => packs.includes(p)).flatMap((p) => PACK_DEFS[p].print.map((d) => ({ ...d, pack: p })));
}

/** A document printed per item (`each`) as one document per item of this customer, its file and PDF named by the item. */
function eachItem(c: SiteCustomer) {
  return (d: PrintDef & { pack: Pack }): (PrintDef & { pack: Pack })[] => {
    if (!d.each) return [d];
    return d.each(c).map((item) => {
      const name = fileSafe(item);
      return {
        ...d,
        each: undefined,
        item,
        file: d.file.replace(/\.html$/, `-${name}.html`),
        pdf: (slug) => d.pdf(slug, name),
      };
    });
  };
}

/** An id as a file name's part: letters, digits, "-" and "_" kept, anything else "-". e.g. "MS 2/b" → "MS-2-b" */
export function fileSafe(id: string): string {
  return id.replace(/[^\p{L}\p{N}_-]/gu, "-");
}

/**
 * The print documents of one customer, in pack order, with the sections its layout gives them; after the QBR, the
 * short PDF of each audience asked for (--audience).
 */
export function printDocsFor(c: SiteCustomer): (PrintDef & { pack: Pack })[] {
  const layout = c.layout;
  return printDocsOf(c.packs)
    .flatMap(eachItem(c))
    .flatMap((d) => {
      // A document of one section its data does not fill (the handoff) is the internal copy's only: it says what to add.
      if (d.standalone && c.report.copy !== "internal" && sectionsOf(c, d).length === 0) return [];
      if (!layout) return [d];
      // A document of one section (the handoff) goes with that section when it is turned off.
      if (d.standalone) return d.sections.some((id) => layout.sections[d.pack].includes(id)) ? [d] : [];
      const main = { ...d, sections: arranged(c, d.pack, layout.sections[d.pack]) };
      if (!PACK_DEFS[d.pack].audiences || PACK_DEFS[d.pack].print[0].id !== d.id) return [main];
      const short = layout.audiences.map(({ id, sections }) => ({
        ...main,
        file: d.file.replace(/\.html$/, `-${id}.html`),
        pdf: (slug: string, label: string) => d.pdf(slug, `${id}-${label}`),
        sections,
        audience: id,
      }));
      return [main, ...short];
    });
}

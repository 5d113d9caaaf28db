// The pages and print documents of each pack's route (templates/pages/[slug]/[<pack>].astro), as the document
// registry lists them, and what a section component knows of the document it is placed in.
import {
  AUDIENCE_DEFS,
  contentsOf,
  listedSections,
  pagesOf,
  pdfOrigin,
  printDocsFor,
  sectionsOf,
  type Pack,
  type PageDef,
  type PrintDef,
  type PrintDoc,
  type SectionDef,
  type SectionId,
  type Title,
} from "../../src/documents.ts";
import type { AstroComponentFactory } from "astro/runtime/server/index.js";
import type { SiteCustomer } from "../../src/site-customer.ts";
import type { PlainLabel, Translate } from "../i18n/index.ts";
import { customers } from "./site.ts";

/** A pack's section components by the registry's names, e.g. "qbr/Summary" (templates/sections/<pack>/index.ts). */
export type SectionComponents = Record<string, { default: AstroComponentFactory }>;

/** The page or print document a section is placed in. */
export interface DocView {
  /** Its file name in the customer's folder, e.g. "review.html" or "print-qbr.html". */
  file: string;
  /** Label key of its title. */
  title: PlainLabel;
  /** The print document, or null on a site page. */
  print: (PrintDef & { id: PrintDoc; pack: Pack }) | null;
  /** The sections it shows, in order. */
  sections: SectionDef[];
  /** Label keys of the notes an internal copy's site page shows for sections the data leaves out (which table to add). */
  missing: PlainLabel[];
  /** The contents of a print document: anchors and title keys. */
  contents: { id: string; title: Title }[];
  /** Whether the customer's data fills this section and the document holds it. */
  has: (id: SectionId) => boolean;
  /**
   * A link to `anchor` in a section: inside a print document, else on the site page that holds the section; none
   * when the section is not there (its data does not fill it, or the customer's layout turned it off).
   */
  href: (section: SectionId, anchor?: string) => string | undefined;
}

/** A section's title in the page's language: its label, or a custom section's words. */
export function titleText(t: Translate, title: Title): string {
  return typeof title === "string" ? t(title) : title.text;
}

/** A print document's title: its pack's, and for an audience's short PDF the audience, e.g. "Quarterly business review — Finance". */
export function printTitle(t: Translate, doc: PrintDef): string {
  return doc.audience ? `${t(doc.title)} — ${t(AUDIENCE_DEFS[doc.audience].title)}` : t(doc.title);
}

/** The title of an earlier period's PDF, from its file name: its pack's, and an audience's short PDF names the audience. */
export function earlierTitle(t: Translate, pdf: string): string {
  if (pdf.includes("-qbr-deck-")) return `${t("pack.qbr")} — ${t("deck.name")}`;
  const origin = pdfOrigin(pdf);
  if (!origin) return pdf;
  const title = t(origin.doc.title);
  return origin.audience ? `${title} — ${t(AUDIENCE_DEFS[origin.audience].title)}` : title;
}

function view(c: SiteCustomer, doc: PageDef | (PrintDef & { pack: Pack }), print: boolean, file = doc.file): DocView {
  const filled = sectionsOf(c, doc).map((s) => s.id);
  const all = listedSections(c, doc);
  const standalone = print && (doc as PrintDef).standalone === true;
  // A section its data leaves empty says what to add: the internal copy's site pages only.
  const internal = c.report.copy === "internal";
  const sections = all.filter((s) => filled.includes(s.id) || standalone || (!print && internal && s.siteWhenEmpty));
  const pages = print ? [] : pagesOf(c);
  return {
    file,
    title: doc.title,
    print: print ? (doc as PrintDef & { id: PrintDoc; pack: Pack }) : null,
    sections,
    // What to add to the data is for the CSM: the internal copy's site pages only.
    missing:
      print || c.report.copy !== "internal"
        ? []
        : all.flatMap((s) => (!filled.includes(s.id) && !s.siteWhenEmpty && s.missing ? [s.missing] : [])),
    contents: print ? contentsOf(c, doc as PrintDef) : [],
    has: (id) => filled.includes(id),
    href: (section, anchor = section) => {
      if (print) return filled.includes(section) ? `#${anchor}` : undefined;
      const page = pages.find((p) => p.sections.includes(section));
      return page ? `${page.file}#${anchor}` : undefined;
    },
  };
}

/**
 * getStaticPaths of a pack's route: for each customer building the pack, its site pages, its print documents and,
 * when the pack is the customer's first, the landing page (index.html) if the pack's first page is another.
 */
export function documentPaths(pack: Pack) {
  return customers()
    .filter((c) => c.packs.includes(pack))
    .flatMap((c) => {
      const pages = pagesOf(c).filter((p) => p.pack === pack);
      const docs = [
        ...pages.map((p) => view(c, p, false)),
        ...printDocsFor(c)
          .filter((d) => d.pack === pack)
          .map((d) => view(c, d, true)),
      ];
      if (c.packs[0] === pack && pages[0].file !== "index.html") docs.unshift(view(c, pages[0], false, "index.html"));
      return docs.map((doc) => ({
        params: { slug: c.slug, [pack]: doc.file.replace(/\.html$/, "") },
        props: { c, doc },
      }));
    });
}

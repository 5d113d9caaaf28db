// The print documents' page boxes as a stylesheet of the customer's folder (print.css), so the
// pages carry no inline style: their Content-Security-Policy allows the folder's own files only.
import { paperFor, PRINT_DEFS, type PrintDoc } from "../../src/documents.ts";
import { cssString, type CustomerContext } from "./site.ts";

export type { PrintDoc };

/** The running header of a print document: customer, title and (unless it outlives the quarter, as a handoff does) the period. */
export function runningParts(ctx: CustomerContext, doc: PrintDoc): string[] {
  const { c, t } = ctx;
  const def = PRINT_DEFS[doc];
  return [c.data.customer.name, t(def.title), ...(def.period ? [c.label] : [])];
}

/** Page margins, running header and "page X of Y" of every print document of one customer. */
export function printCss(ctx: CustomerContext): string {
  const [before, between, after] = ctx.t.template("meta.pageOf").split(/\{n\}|\{total\}/);
  const size = paperFor(ctx.c.data.customer) === "letter" ? "letter" : "A4";
  const docs = (Object.keys(PRINT_DEFS) as PrintDoc[]).map(
    (doc) => `html[data-doc="${doc}"] { --running: ${cssString(runningParts(ctx, doc).join(ctx.t("punct.sep")))}; }`,
  );
  // The internal copy says so on every page: in the top right margin, and on the cover (Print.astro).
  const internal = ctx.c.report.copy === "internal" ? cssString(ctx.t("copy.internal")) : "none";
  return `:root { --page-before: ${cssString(before)}; --page-between: ${cssString(between)}; --page-after: ${cssString(after)}; }
${docs.join("\n")}
@page { size: ${size}; margin: 18mm 16mm 18mm 16mm;
  @top-left { content: var(--running); font-family: var(--sans); font-size: 8pt; color: #7a8597; vertical-align: bottom; padding-bottom: 3mm; }
  @top-right { content: ${internal}; font-family: var(--sans); font-size: 8pt; font-weight: 700; color: #b42318; vertical-align: bottom; padding-bottom: 3mm; }
  @bottom-right { content: var(--page-before) counter(page) var(--page-between) counter(pages) var(--page-after); font-family: var(--sans); font-size: 8pt; color: #7a8597; }
}
@page :first { margin: 0; @top-left { content: none; } @top-right { content: none; } @bottom-right { content: none; } }
`;
}

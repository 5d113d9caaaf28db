// The print documents' page boxes as a stylesheet of the customer's folder (print.css), so the
// pages carry no inline style: their Content-Security-Policy allows the folder's own files only.
import { paperFor } from "../../src/render.ts";
import { cssString, type PageContext } from "./site.ts";

/** The print documents by their `data-doc` name, with the label key of their title. */
export const PRINT_TITLES = { qbr: "pack.qbr", closeout: "pack.closeout", handoff: "pack.handoff" } as const;
export type PrintDoc = keyof typeof PRINT_TITLES;

/** The running header of a print document: customer, title and (except the handoff, which outlives the quarter) the period. */
export function runningParts(ctx: PageContext, doc: PrintDoc): string[] {
  const { c, t } = ctx;
  return [c.data.customer.name, t(PRINT_TITLES[doc]), ...(doc === "handoff" ? [] : [c.label])];
}

/** Page margins, running header and "page X of Y" of every print document of one customer. */
export function printCss(ctx: PageContext): string {
  const [before, between, after] = ctx.t("meta.pageOf").split(/\{n\}|\{total\}/);
  const size = paperFor(ctx.c.data.customer) === "letter" ? "letter" : "A4";
  const docs = (Object.keys(PRINT_TITLES) as PrintDoc[]).map(
    (doc) => `html[data-doc="${doc}"] { --running: ${cssString(runningParts(ctx, doc).join(" · "))}; }`,
  );
  return `:root { --page-before: ${cssString(before)}; --page-between: ${cssString(between)}; --page-after: ${cssString(after)}; }
${docs.join("\n")}
@page { size: ${size}; margin: 18mm 16mm 18mm 16mm;
  @top-left { content: var(--running); font-family: var(--sans); font-size: 8pt; color: #7a8597; vertical-align: bottom; padding-bottom: 3mm; }
  @bottom-right { content: var(--page-before) counter(page) var(--page-between) counter(pages) var(--page-after); font-family: var(--sans); font-size: 8pt; color: #7a8597; }
}
@page :first { margin: 0; @top-left { content: none; } @bottom-right { content: none; } }
`;
}

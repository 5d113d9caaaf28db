// The deck page (src/slides.ts, src/model/deck.ts): the customers with a deck, the view its slides are placed in,
// and a slide verdict's data-verdict mark. Pure.
import type { Fig, SlideVerdict } from "../../src/model/deck.ts";
import { DECK_PAGE } from "../../src/slides.ts";
import type { DocView } from "./documents.ts";
import type { FigureFormat } from "./figure.ts";
import { customers } from "./site.ts";

/** getStaticPaths of the deck page: every customer building a deck. */
export function deckPaths() {
  return customers()
    .filter((c) => c.deck)
    .map((c) => ({ params: { slug: c.slug }, props: { c } }));
}

/** What a slide's components know of the page they are placed on: the deck, a page of no sections. */
export function deckView(): DocView {
  return {
    file: DECK_PAGE,
    title: "pack.qbr",
    print: null,
    sections: [],
    missing: [],
    contents: [],
    has: () => false,
    href: () => undefined,
  };
}

/** The data-verdict mark of a verdict a slide places, e.g. "target:m2:missed"; undefined without one. */
export const markOf = (v: SlideVerdict | null | undefined): string | undefined =>
  v ? `${v.item}:${v.verdict}` : undefined;

/** A figure of the slide as Fig and Phrase take it. */
export const figOf = (f: Fig<unknown>, format: FigureFormat, unit?: string) => ({ path: f.path, format, unit });

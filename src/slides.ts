// The slide registry: every kind of slide of the QBR deck (--deck), its title and its component
// (templates/slides/<component>.astro), and where the deck is written. The slides themselves, in order, with their
// figures, are the model's (src/model/deck.ts); adding a slide is a kind there, an entry here and its component.
import type { PlainLabel } from "../templates/i18n/index.ts";
import type { SlideKind } from "./model/deck.ts";
import type { SiteCustomer } from "./site-customer.ts";

/** One kind of slide. */
export interface SlideDef {
  /** Label key of its heading, which the agenda lists too. */
  title: PlainLabel;
  /** Its component, templates/slides/<component>.astro, taking `{ ctx, slide }`. */
  component: string;
}

/** Every kind of slide, in deck order (SLIDE_KINDS). */
export const SLIDES = {
  title: { title: "pack.qbr", component: "Title" },
  agenda: { title: "deck.agenda", component: "Agenda" },
  brief: { title: "brief.title", component: "Brief" },
  value: { title: "roi.title", component: "Value" },
  dashboard: { title: "milestones.title", component: "Dashboard" },
  outcome: { title: "summary.outcomes", component: "Outcome" },
  risks: { title: "review.risks", component: "Risks" },
  decisions: { title: "brief.decisions", component: "Decisions" },
  next: { title: "brief.plan", component: "Next" },
  voice: { title: "voice.title", component: "Voice" },
  renewal: { title: "commercial.title", component: "Renewal" },
  sources: { title: "sources.title", component: "Sources" },
} as const satisfies Record<SlideKind, SlideDef>;

/** The deck's page in the customer's folder: it presents full-screen, and prints one slide a page. */
export const DECK_PAGE = "deck.html";

/** The deck's PDF, e.g. "acme-qbr-deck-2026-Q3.pdf" (the internal copy's "…-internal.pdf"). */
export function deckPdf(c: Pick<SiteCustomer, "slug" | "label" | "report">): string {
  return deckFile(c, "pdf");
}

/** The deck's file of a kind, e.g. "acme-qbr-deck-2026-Q3.pptx" (the internal copy's "…-internal.pptx"). */
export function deckFile(c: Pick<SiteCustomer, "slug" | "label" | "report">, ext: "pdf" | "pptx"): string {
  return `${c.slug}-qbr-deck-${c.label}${c.report.copy === "internal" ? "-internal" : ""}.${ext}`;
}

/** The slide's size in CSS pixels: 16:9, printed on a page of 13.333 × 7.5 inches. */
export const SLIDE_PX = { width: 1280, height: 720 } as const;

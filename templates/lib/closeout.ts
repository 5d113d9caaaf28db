// The close-out pack's sections and pages, and which of them a customer's data fills. Used by the site pages,
// the print documents and the tests.
import type { SiteCustomer } from "../../src/render.ts";

/** A section of the close-out pack: its anchor, its title's label key, and the site page it lives on. */
export interface CloseoutSection {
  id: string;
  title: string;
  page: string;
}

/** The site pages of the close-out pack, in reading order (templates/lib/nav.ts links them). */
export const CLOSEOUT_PAGES = {
  overview: "closeout.html",
  tracker: "closeout-tracker.html",
  handoff: "handoff.html",
  retrospective: "retrospective.html",
  nextSteps: "next-steps.html",
} as const;

/** Every section in print order, with the data that fills it. */
const SECTIONS: (CloseoutSection & { has: (c: SiteCustomer) => boolean })[] = [
  {
    id: "criteria",
    title: "criteria.title",
    page: CLOSEOUT_PAGES.overview,
    has: (c) => (c.report.goalOutcomes?.goals.length ?? 0) > 0,
  },
  { id: "tracker", title: "tracker.title", page: CLOSEOUT_PAGES.tracker, has: (c) => c.report.closeout !== null },
  {
    id: "signoff",
    title: "signoff.title",
    page: CLOSEOUT_PAGES.tracker,
    has: (c) => c.report.closeout?.deliverables != null,
  },
  { id: "handoff", title: "handoff.title", page: CLOSEOUT_PAGES.handoff, has: (c) => c.report.handoff !== null },
  {
    id: "retrospective",
    title: "retro.title",
    page: CLOSEOUT_PAGES.retrospective,
    has: (c) => c.data.present.includes("retrospective"),
  },
  { id: "csat", title: "csat.title", page: CLOSEOUT_PAGES.retrospective, has: (c) => c.report.csat !== null },
  {
    id: "financials",
    title: "fin.title",
    page: CLOSEOUT_PAGES.retrospective,
    has: (c) => c.report.financials !== null,
  },
  {
    id: "opportunities",
    title: "opp.title",
    page: CLOSEOUT_PAGES.nextSteps,
    has: (c) => c.report.opportunities.length > 0,
  },
  { id: "agenda", title: "agenda.title", page: CLOSEOUT_PAGES.nextSteps, has: (c) => c.report.closingAgenda !== null },
];

/** The sections this customer's data fills, in print order (a section renders only when its data exists). */
export function closeoutSections(c: SiteCustomer): CloseoutSection[] {
  return SECTIONS.filter((s) => s.has(c)).map(({ id, title, page }) => ({ id, title, page }));
}

/** The parts of the handoff document, in order: anchors and title keys (its own PDF lists them as contents). */
export const HANDOFF_PARTS = [
  { id: "handoff-built", title: "handoff.built" },
  { id: "handoff-docs", title: "handoff.docs" },
  { id: "handoff-support", title: "handoff.support" },
  { id: "handoff-access", title: "handoff.access" },
  { id: "handoff-issues", title: "handoff.issues" },
  { id: "handoff-training", title: "handoff.training" },
] as const;

/** The handoff parts this customer's data fills. */
export function handoffParts(c: SiteCustomer): { id: string; title: string }[] {
  const h = c.data.handoff;
  const has: Record<(typeof HANDOFF_PARTS)[number]["id"], boolean> = {
    "handoff-built": (h?.systems.length ?? 0) > 0,
    "handoff-docs": (h?.documentation.length ?? 0) > 0,
    "handoff-support": h?.support !== undefined,
    "handoff-access": (h?.access.length ?? 0) > 0,
    "handoff-issues": (h?.known_issues.length ?? 0) > 0,
    "handoff-training": c.data.present.includes("training"),
  };
  return HANDOFF_PARTS.filter((p) => has[p.id]).map((p) => ({ id: p.id, title: p.title }));
}

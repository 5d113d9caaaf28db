// The close-out pack's sections and pages as the document registry (src/documents.ts) lists them, and which of
// them a customer's data fills. Used by the site pages, the print documents and the tests.
import { PACK_DEFS, pageOfSection, PRINT_DEFS, sectionsOf, type SectionId } from "../../src/documents.ts";
import type { SiteCustomer } from "../../src/render.ts";
import type { PlainLabel } from "../i18n/index.ts";

export { HANDOFF_PARTS, handoffParts } from "../../src/documents.ts";

/** A section of the close-out pack: its anchor, its title's label key, and the site page it lives on. */
export interface CloseoutSection {
  id: string;
  title: PlainLabel;
  page: string;
}

const [overview, tracker, handoff, retrospective, nextSteps] = PACK_DEFS.closeout.pages.map((p) => p.file);

/** The site pages of the close-out pack, in reading order (templates/lib/nav.ts links them). */
export const CLOSEOUT_PAGES = { overview, tracker, handoff, retrospective, nextSteps };

/** The sections this customer's data fills, in print order (a section renders only when its data exists). */
export function closeoutSections(c: SiteCustomer): CloseoutSection[] {
  return sectionsOf(c, PRINT_DEFS.closeout).map(({ id, title }) => ({
    id,
    title,
    page: pageOfSection(id as SectionId)!,
  }));
}

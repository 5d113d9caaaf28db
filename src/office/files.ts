// The editable Office files of one customer, written beside its PDFs from the same figures and labels: the close-out
// and handoff documents as Word files (--office), the case-study draft as one, the QBR deck as a PowerPoint file (--deck).
import type { SiteCustomer } from "../site-customer.ts";
import { deckFile } from "../slides.ts";
import { caseStudyFile, wordFiles } from "./docx.ts";
import { deckPptx } from "./pptx.ts";

/** A file to write into the customer's folder. */
export interface OfficeFile {
  /** e.g. "acme-closeout-2026-Q3.docx" */
  name: string;
  bytes: Buffer;
}

/**
 * The Office files of a customer: Word files when `word`, the case-study draft's whenever it is built, the deck's .pptx
 * when it has a deck. `folder`: its rendered site folder.
 */
export async function officeFiles(c: SiteCustomer, folder: string, word: boolean): Promise<OfficeFile[]> {
  const files = word ? await wordFiles(c) : [];
  const draft = await caseStudyFile(c);
  if (draft) files.push(draft);
  const deck = c.deck ? await deckPptx(c, folder) : null;
  if (deck) files.push({ name: deckFile(c, "pptx"), bytes: deck });
  return files;
}

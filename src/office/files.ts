// The editable Office files of one customer (--office): written beside its PDFs from the same figures and labels.
import type { SiteCustomer } from "../render.ts";
import { wordFiles } from "./docx.ts";

/** A file to write into the customer's folder. */
export interface OfficeFile {
  /** e.g. "acme-closeout-2026-Q3.docx" */
  name: string;
  bytes: Buffer;
}

/** The Office files of a customer's packs: the close-out and handoff documents as Word files. */
export async function officeFiles(c: SiteCustomer): Promise<OfficeFile[]> {
  return wordFiles(c);
}

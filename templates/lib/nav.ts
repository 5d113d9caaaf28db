// The site header's links: the pages of the customer's packs, in reading order, from the document registry.
import { pagesOf } from "../../src/documents.ts";
import type { SiteCustomer } from "../../src/site-customer.ts";
import type { PlainLabel } from "../i18n/index.ts";

/** One link of a customer's site header: the page's file name and its label key. */
export interface NavItem {
  href: string;
  label: PlainLabel;
}

/** The pages of this customer's site: its packs' pages that its data fills. */
export function navFor(c: SiteCustomer): NavItem[] {
  return pagesOf(c).map((p) => ({ href: p.file, label: p.nav }));
}

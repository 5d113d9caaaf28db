// What every page of a customer's site starts from: its own data (and nothing else), the
// labels of its language and the formatters of its locale.
import { readFileSync } from "node:fs";
import type { SiteCustomer, SiteFile } from "../../src/site-customer.ts";
import { langOf, translator, type Translate } from "../i18n/index.ts";
import type { DocView } from "./documents.ts";
import { formatter, type Format } from "./format.ts";

let cached: { file: string; site: SiteFile } | null = null;

/** The customers of this build, from the file the engine names in MILEPOST_SITE. */
export function customers(): SiteCustomer[] {
  const file = process.env.MILEPOST_SITE;
  if (!file) throw new Error("MILEPOST_SITE is not set: pages are built by `milepost build`, not by astro directly");
  if (cached?.file !== file) cached = { file, site: JSON.parse(readFileSync(file, "utf8")) as SiteFile };
  return cached.site.customers;
}

/** getStaticPaths of a file every customer's folder has (its stylesheets, its icon). */
export function customerPaths() {
  return customers().map((c) => ({ params: { slug: c.slug }, props: { c } }));
}

/** One customer's figures with the labels of its language and the formatters of its locale. */
export interface CustomerContext {
  c: SiteCustomer;
  t: Translate;
  f: Format;
  lang: string;
  brand: string;
}

/** Everything a template needs to place one customer's figures on a page: also the page or print document. */
export interface PageContext extends CustomerContext {
  doc: DocView;
}

export function context(c: SiteCustomer): CustomerContext;
export function context(c: SiteCustomer, doc: DocView): PageContext;
export function context(c: SiteCustomer, doc?: DocView): CustomerContext {
  const { locale, currency, brand } = c.data.customer;
  return {
    c,
    ...(doc && { doc }),
    t: translator(locale),
    f: formatter(locale, currency),
    lang: langOf(locale),
    brand: brand?.color ?? "#1f4e79",
  };
}

/** A CSS string literal holding `text`, safe for any input. e.g. "Acme \22 x\22 " */
export function cssString(text: string): string {
  return `"${text.replace(/[^\p{L}\p{N} ·.,:_\-–—()]/gu, (ch) => `\\${ch.codePointAt(0)!.toString(16)} `)}"`;
}

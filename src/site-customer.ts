// The contract between the build and the templates: what one customer's pages may read. Both sides
// import it, so no template imports a stage.
import type { Layout, Pack } from "./documents.ts";
import type { CopyReport } from "./model/contract.ts";
import type { PeriodPdfs } from "./periods.ts";
import type { CustomerData } from "./schema.ts";

/** Everything the templates of one customer may read: its own data and figures, nothing else. */
export interface SiteCustomer {
  slug: string;
  /** Its figures as its copy holds them (report.copy: customer or internal). */
  report: CopyReport;
  data: CustomerData;
  packs: Pack[];
  /** Narrative MDX files for this customer, by name (e.g. "summary" → absolute path). */
  content: Record<string, string>;
  /** The period label used in file names, e.g. "2026-Q3" or "2026-09-30". */
  label: string;
  /** The customer's data folder as the person named it, e.g. "data/acme/" or "exports/acme/". */
  folder: string;
  /** The PDFs of other periods kept in the customer's folder, the latest first (the site links them). */
  earlier: PeriodPdfs[];
  /** Whether this build prints the customer's PDFs beside its site (not with --no-pdf). */
  pdf: boolean;
  /** Whether its QBR is also a 16:9 deck (--deck): the deck.html page, and its PDF with `pdf`. */
  deck?: boolean;
  /** How its packs arrange their sections (milepost.config.json, customer.json); without it, the registry's order. */
  layout?: Layout;
  /** Files its pages show that are not in its data folder (the provider's logo of milepost.config.json): name in files/ → absolute path. */
  assets?: Record<string, string>;
}

/** Input of templates/lib/site.ts, written to a JSON file named by MILEPOST_SITE. */
export interface SiteFile {
  customers: SiteCustomer[];
}

// The one reader of a customer's own document, however it is kept: customer.json, or the customer
// sheet of customer.xlsx. build reads it through loadCustomer; `share rotate`, `publish --drafts`
// read it here, the same way; share/rotate.ts writes a new token back where it is kept.
import { join, relative } from "node:path";
import { formatIssue, MilepostError, type DataIssue } from "./errors.ts";
import { loadCustomer } from "./load.ts";
import { customerSchemaIn, type Customer } from "./schema.ts";
import { formatsFrom, validateDocument } from "./validate.ts";
import { WORKBOOK } from "./workbook.ts";

/** A customer's document as read and checked, and the file it is kept in (customer.json or customer.xlsx). */
export interface KeptCustomer {
  customer: Customer;
  /** Where it is kept, e.g. "/…/data/acme/customer.json" or "/…/data/acme/customer.xlsx". */
  path: string;
  kind: "json" | "workbook";
}

/** Reads `<dataDir>/<slug>`'s customer document as build does; throws a MilepostError naming its first problem. */
export async function readCustomer(dataDir: string, slug: string): Promise<KeptCustomer> {
  const dir = join(dataDir, slug);
  const shown = relative(process.cwd(), dir) || dir;
  const raw = await loadCustomer(dir, slug, shown).catch((err: NodeJS.ErrnoException) => {
    throw new MilepostError(`${shown} cannot be read`, err.message, `check the customer's name (${slug}) and --data`, {
      cause: err,
    });
  });
  const issues: DataIssue[] = raw.issues.filter((i) => i.file.endsWith("customer.json") || i.file.includes(WORKBOOK));
  const { dates, numbers } = formatsFrom(raw.customer?.value);
  const customer = raw.customer
    ? validateDocument(raw.customer, customerSchemaIn(dates, numbers), (f) => `${shown}/${f}`, issues)
    : null;
  const first = issues.find((i) => i.severity === "error");
  if (!customer || first)
    throw new MilepostError(
      `${slug}'s customer document cannot be read`,
      first ? formatIssue(first) : `${shown} has neither customer.json nor ${WORKBOOK}`,
      "fix it (milepost validate shows every problem), then run the command again",
    );
  const kind = raw.customer!.file.startsWith(WORKBOOK) ? "workbook" : "json";
  return { customer, path: join(dir, kind === "workbook" ? WORKBOOK : "customer.json"), kind };
}

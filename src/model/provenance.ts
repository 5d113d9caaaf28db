// Source references: where each figure of the report came from.
import type { Source } from "../schema.ts";

/** The file every customer-level setting and cost comes from. */
export const CUSTOMER_SOURCE = "customer.json";

/** A row's reference. e.g. "measurements.csv:17" */
export function ref(src: Source): string {
  return `${src.file}:${src.line}`;
}

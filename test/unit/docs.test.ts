// docs/ kept true: every field of the data contract is documented, required or optional as the schema says, and
// every field of report.json.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { z } from "zod";
import { describe, expect, it } from "vitest";
import { loadCustomer } from "../../src/load.ts";
import { copyOf } from "../../src/model/copy.ts";
import { buildReport } from "../../src/model/report.ts";
import { customerSchema, handoffSchema, isOptional, rowTables } from "../../src/schema.ts";
import { validateCustomer } from "../../src/validate.ts";

const ROOT = join(import.meta.dirname, "..", "..");

/** The `| \`field\` | required |` rows of the section headed `heading` in docs/data-contract.md. */
function documented(doc: string, heading: string): Map<string, string> {
  const start = doc.indexOf(`${heading}\n`);
  expect(start, `docs/data-contract.md has no section ${heading}`).toBeGreaterThanOrEqual(0);
  const rest = doc.slice(start + heading.length);
  const section = rest.slice(0, rest.search(/\n#{2,3} /) + 1 || undefined);
  return new Map([...section.matchAll(/^\| `([^`]+)` \| (required|optional) \|/gm)].map((m) => [m[1], m[2]]));
}

const marks = (schema: z.ZodObject) =>
  new Map(
    Object.entries(schema.shape as Record<string, z.ZodType>).map(([field, type]) => [
      field,
      isOptional(type) ? "optional" : "required",
    ]),
  );

describe("docs/data-contract.md", () => {
  it("documents every column of every table, required or optional as the schema reads it", async () => {
    const doc = await readFile(join(ROOT, "docs", "data-contract.md"), "utf8");
    for (const [table, schema] of Object.entries(rowTables))
      expect(documented(doc, `### \`${table}\``), table).toEqual(marks(schema));
  });

  it("documents every key of customer.json and handoff.json", async () => {
    const doc = await readFile(join(ROOT, "docs", "data-contract.md"), "utf8");
    // Keys with a default (costs, closeoutDays…) may be left out: the schema reads them as given.
    const keys = (schema: z.ZodObject) => [...marks(schema).keys()].sort();
    expect([...documented(doc, "## `customer.json`").keys()].sort()).toEqual(keys(customerSchema));
    expect([...documented(doc, "## `handoff.json`").keys()].sort()).toEqual(keys(handoffSchema));
    for (const [key, mark] of documented(doc, "## `customer.json`"))
      if (mark === "required")
        expect(isOptional(customerSchema.shape[key as keyof typeof customerSchema.shape]), key).toBe(false);
  });
});

describe("docs/report-json.md", () => {
  it("lists every top-level field of report.json, in its order", async () => {
    const doc = await readFile(join(ROOT, "docs", "report-json.md"), "utf8");
    const fields = doc.slice(doc.indexOf("## Fields"), doc.indexOf("## Warnings"));
    const slug = "acme";
    const { data } = validateCustomer(await loadCustomer(join(ROOT, "test", "fixtures", "data", slug), slug));
    const report = copyOf(buildReport(data!, { asOf: "2026-09-30", period: "2026-Q3" }), "internal");
    expect([...fields.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1])).toEqual(Object.keys(report));
  });
});

// The typed column readers give what a zod parse per row gives: the same data (keys, values, a blank
// field kept as an undefined key) and the same issues, in the same order, for any cells.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import type { z } from "zod";
import { describe, expect, it } from "vitest";
import { columnReader, rowReader, type RowResult } from "../../src/columns.ts";
import { loadCustomer } from "../../src/load.ts";
import { rowTables, rowTablesFor, type TableName } from "../../src/schema.ts";

const ROOT = join(import.meta.dirname, "..", "..");

/** What zod says of a row, in the shape rowReader gives it. */
function zodRead(schema: z.ZodObject, values: Record<string, unknown>): RowResult {
  const result = schema.safeParse(values);
  return result.success
    ? { success: true, data: result.data as Record<string, unknown> }
    : { success: false, issues: result.error.issues };
}

/** The parts of an issue the messages are made of. */
const words = (result: RowResult) =>
  result.success
    ? result
    : result.issues.map((i) => ({
        code: i.code,
        message: i.message,
        path: i.path,
        params: (i as { params?: unknown }).params,
        values: (i as { values?: unknown }).values,
        expected: (i as { expected?: unknown }).expected,
      }));

function expectSame(schema: z.ZodObject, values: Record<string, unknown>, read = rowReader(schema)) {
  const mine = read(values);
  const theirs = zodRead(schema, values);
  expect(words(mine)).toEqual(words(theirs));
  // toEqual forgives a key holding undefined; the rows must have the same keys too.
  if (mine.success && theirs.success)
    expect(isDeepStrictEqual(mine.data, theirs.data), JSON.stringify(values)).toBe(true);
}

describe("rowReader(schema)", () => {
  it("reads every row of the fixture and sample customers as zod does", async () => {
    let rows = 0;
    for (const data of [join(ROOT, "test", "fixtures", "data"), join(ROOT, "data")]) {
      for (const slug of await readdir(data)) {
        const raw = await loadCustomer(join(data, slug), slug);
        for (const [name, table] of Object.entries(raw.tables) as [TableName, { rows: { values: object }[] }][]) {
          const schema = rowTablesFor("YMD")[name];
          const read = rowReader(schema);
          for (const row of table.rows) {
            expectSame(schema, row.values as Record<string, unknown>, read);
            rows++;
          }
        }
      }
    }
    expect(rows).toBeGreaterThan(100);
  });

  it("reads any cells of a measurement or milestone row as zod does, a column's texts read once", () => {
    const cell = fc.oneof(
      fc.constantFrom("", " ", "m1", " m1 ", "2026-03-01", "01/03/2026", "2026-02-30", "12", "12.5", "1,234.5", "x"),
      fc.constantFrom("achieved", "In Progress", "done", "a|b", "  ", "-3", "1e3", "12%"),
      fc.integer({ min: -5, max: 5 }),
      fc.constant(null),
      fc.string({ maxLength: 6 }),
    );
    for (const name of ["measurements", "milestones"] as const) {
      const schema = rowTablesFor("DMY", "1.234,5")[name];
      const fields = Object.keys(schema.shape);
      const read = rowReader(schema);
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...fields), cell), (values) => {
          // The same reader for every row, as in a table: what it remembers must not change what it gives.
          expectSame(schema, values, read);
        }),
        { numRuns: 400 },
      );
    }
  });

  it("gives each row its own list where a field reads into one (evidence)", () => {
    const read = rowReader(rowTables.milestones);
    const row = { id: "ms1", name: "a", phase: "growth", target_date: "2026-01-01", evidence: "a.png|b.png" };
    const [first, second] = [read(row), read(row)];
    expect(first.success && second.success).toBe(true);
    if (first.success && second.success) {
      expect(first.data.evidence).toEqual(["a.png", "b.png"]);
      expect(first.data.evidence).not.toBe(second.data.evidence);
    }
  });
});

describe("columnReader(type)", () => {
  it("reads a distinct cell once", () => {
    let calls = 0;
    const type = rowTables.measurements.shape.metric_id;
    const counting = { safeParse: (v: unknown) => (calls++, type.safeParse(v)) } as unknown as z.ZodType;
    const read = columnReader(counting);
    for (let i = 0; i < 1000; i++) read(i % 2 ? "m1" : "m2");
    expect(calls).toBe(2);
    expect(read(" m1 ")).toEqual({ ok: true, value: "m1" });
  });
});

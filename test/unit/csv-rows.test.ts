// parseCsv turns each record into its row as the parser ends it (no list of records), sharing a
// column's repeated texts: the rows and issues are those of reading every record first, for any text.
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { DataIssue } from "../../src/errors.ts";
import { detectDelimiter, duplicateColumns, normalizeHeader, parseCsv, type RawTable } from "../../src/load.ts";

const at = (file: string) => `data/acme/${file}`;

/** The reading before issue 25: every record parsed into a list, then rows made from the list. */
function recordsFirst(text: string, file: string, issues: DataIssue[]): RawTable | null {
  let records: { line: number; record: string[] }[];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      on_record: (({ raw, record }: { raw: string; record: string[] }, { lines }: { lines: number }) => ({
        line: lines - (raw.replace(/^[\r\n]+|(\r\n|\n|\r)$/g, "").match(/\r\n|\n|\r/g)?.length ?? 0),
        record,
      })) as never,
    }) as never;
  } catch (err) {
    const e = err as Error & { lines?: number };
    issues.push({ severity: "error", code: "bad-csv", file: at(file), line: e.lines, problem: e.message, fix: "" });
    return null;
  }
  if (records.length === 0) return { file, columns: [], rows: [] };
  const header = records[0].record;
  const columns = header.map(normalizeHeader);
  issues.push(...duplicateColumns(header, columns, at(file), records[0].line));
  const rows: RawTable["rows"] = [];
  const unnamed = new Set<number>();
  for (const { line, record } of records.slice(1)) {
    if (record.every((v) => v.trim() === "")) continue;
    const filled = record.findIndex((v, i) => i < columns.length && !columns[i] && v.trim() !== "" && !unnamed.has(i));
    if (filled >= 0) {
      unnamed.add(filled);
      issues.push({ severity: "error", code: "unnamed-column", file: at(file), line, problem: "", fix: "" });
    }
    if (record.length > columns.length) {
      issues.push({ severity: "error", code: "extra-cells", file: at(file), line, problem: "", fix: "" });
      continue;
    }
    const values: Record<string, unknown> = {};
    columns.forEach((c, i) => {
      if (c && !(c in values)) values[c] = record[i] ?? "";
    });
    rows.push({ line, values });
  }
  return { file, columns, rows };
}

/** Issues by what they say and where, without their words (the reference above leaves those out). */
const where = (issues: DataIssue[]) => issues.map(({ code, file, line, field }) => ({ code, file, line, field }));

const cell = fc.oneof(
  fc.constantFrom("m1", "2026-01-01", "13.5", "", " ", "Timesheets", '"a,b"', '"two\nlines"', '"say ""hi"""', "a;b"),
  fc.string({ unit: fc.constantFrom("a", "1", " ", ",", ";", '"', "\n", "\r", "\t", "é"), maxLength: 5 }),
);
const csvText = fc
  .record({
    header: fc.array(fc.constantFrom("metric_id", "date", "value", "Value", "", " note ", "source"), {
      minLength: 1,
      maxLength: 5,
    }),
    rows: fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }),
    eol: fc.constantFrom("\n", "\r\n", "\r"),
    delimiter: fc.constantFrom(",", ";", "\t"),
  })
  .map(({ header, rows, eol, delimiter }) => [header, ...rows].map((r) => r.join(delimiter)).join(eol) + eol);

describe("parseCsv(text, file) as the parser ends each record", () => {
  it("gives the rows and issues of reading every record first, for any text", () => {
    fc.assert(
      fc.property(csvText, (text) => {
        const [mine, theirs]: DataIssue[][] = [[], []];
        const table = parseCsv(text, "measurements.csv", at, mine);
        const reference = recordsFirst(text, "measurements.csv", theirs);
        expect(table).toEqual(reference);
        expect(where(mine)).toEqual(where(theirs));
      }),
      { numRuns: 500 },
    );
  });

  it("keeps one copy of a column's repeated text", () => {
    const text = `metric_id,date,value\n${Array.from({ length: 50 }, (_, i) => `m1,2026-01-0${1 + (i % 3)},${i}`).join("\n")}\n`;
    const { rows } = parseCsv(text, "measurements.csv", at, [])!;
    expect(rows).toHaveLength(50);
    const dates = new Set(rows.map((r) => r.values.date));
    expect([...dates].sort()).toEqual(["2026-01-01", "2026-01-02", "2026-01-03"]);
    // The same text is the same string: shared, not read again per row (identity is all a test can see of it).
    expect(rows[0].values.date).toBe(rows[3].values.date);
    expect(rows.every((r) => r.values.metric_id === "m1")).toBe(true);
  });

  it("reports a file that cannot be parsed alone, not the rows before its mistake", () => {
    const issues: DataIssue[] = [];
    expect(parseCsv('id,name\nm1,a,b\nm2,"broken\n', "metrics.csv", at, issues)).toBeNull();
    expect(issues.map((i) => i.code)).toEqual(["bad-csv"]);
  });
});

// A metric's series as the model reads it many times (issue 25): sorted once, cut by date, never
// copied, and its references compacted in one pass; each gives what the plain reading gives.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../../src/model/dates.ts";
import { seriesOf, seriesUpTo } from "../../../src/model/metrics.ts";
import { compactSources, ref } from "../../../src/model/provenance.ts";
import type { SeriesPoint } from "../../../src/model/contract.ts";
import type { Measurement } from "../../../src/schema.ts";
import { lastOfEach, type Period } from "../../../src/series.ts";
import { measurement, metric } from "./factories.ts";

const day = (n: number) => addDays("2026-01-01", n);

/** The series as read before: the metric's rows up to asOf, sorted by date, then line. */
const plainly = (rows: readonly Measurement[], id: string, asOf: string) =>
  rows
    .filter((m) => m.metric_id === id && m.date <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.src.line - b.src.line));

const rowsArb = fc
  .array(
    fc.record({ day: fc.integer({ min: 0, max: 60 }), metric: fc.constantFrom("M1", "M2"), value: fc.integer() }),
    {
      maxLength: 40,
    },
  )
  .map((rows) =>
    rows.map((r, i) =>
      measurement(day(r.day), r.value, { metric_id: r.metric, src: { file: "measurements.csv", line: i + 2 } }),
    ),
  );

describe("seriesOf and seriesUpTo(metric, measurements, asOf), asked again and again", () => {
  it("gives the metric's rows up to any date, in order, from the rows or from a series it gave", () => {
    const m1 = metric({ id: "M1" });
    fc.assert(
      fc.property(rowsArb, fc.array(fc.integer({ min: -1, max: 62 }), { minLength: 1, maxLength: 8 }), (rows, days) => {
        for (const asOf of days.map(day)) {
          const series = seriesOf(m1, rows, asOf);
          expect(series).toEqual(plainly(rows, "M1", asOf));
          const { sorted, count } = seriesUpTo(m1, rows, asOf);
          expect(sorted.slice(0, count)).toEqual(series);
          const again = seriesUpTo(m1, series, day(30));
          expect(again.sorted.slice(0, again.count)).toEqual(plainly(rows, "M1", day(30) < asOf ? day(30) : asOf));
          // A series passed back in, as the model's figures do, as of the same date, a later or an earlier one.
          for (const again of days.map(day))
            expect(seriesOf(m1, series, again)).toEqual(plainly(rows, "M1", again < asOf ? again : asOf));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("gives the same list each time it is asked (no copy of 200,000 rows per figure)", () => {
    const rows = [measurement(day(3), 1), measurement(day(1), 2), measurement(day(5), 3)];
    const m1 = metric({ id: "M1" });
    const whole = seriesOf(m1, rows, day(9));
    expect(seriesOf(m1, rows, day(9))).toBe(whole);
    expect(seriesOf(m1, whole, day(9))).toBe(whole);
    expect(seriesOf(m1, rows, day(4)).map((m) => m.value)).toEqual([2, 1]);
  });
});

/** compactSources as it was written before: a pattern per reference, a set per file. */
function compactPlainly(refs: readonly string[]): string[] {
  const files = new Map<string, Set<number>>();
  for (const r of refs) {
    const m = /^(.*):(\d+)$/.exec(r);
    const [file, line] = m ? [m[1], Number(m[2])] : [r, null];
    const lines = files.get(file) ?? new Set<number>();
    if (line !== null) lines.add(line);
    files.set(file, lines);
  }
  return [...files].map(([file, set]) => {
    if (set.size === 0) return file;
    const lines = [...set].sort((a, b) => a - b);
    const ranges: string[] = [];
    for (let i = 0; i < lines.length;) {
      let j = i;
      while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1) j++;
      ranges.push(j > i ? `${lines[i]}–${lines[j]}` : `${lines[i]}`);
      i = j + 1;
    }
    return `${file}:${ranges.join(", ")}`;
  });
}

describe("compactSources(refs) in one pass", () => {
  it("writes what a pattern per reference wrote, for any references", () => {
    const refArb = fc.oneof(
      fc
        .record({ file: fc.constantFrom("metrics.csv", "measurements.csv", "a:1", ""), line: fc.nat(30) })
        .map(({ file, line }) => `${file}:${line}`),
      fc.constantFrom("customer.json", "x:", ":", "a:b", "m.csv:1:2", "m.csv:01", ":7"),
      fc.string({ unit: fc.constantFrom("a", ":", "1", "2"), maxLength: 5 }),
    );
    fc.assert(
      fc.property(fc.array(refArb, { maxLength: 30 }), (refs) => {
        expect(compactSources(refs)).toEqual(compactPlainly(refs));
      }),
      { numRuns: 500 },
    );
  });

  it("writes a row's reference as its file and line", () => {
    expect(ref({ file: "measurements.csv", line: 17 })).toBe("measurements.csv:17");
    expect(
      compactSources(["metrics.csv:2", ...[2, 3, 4, 9].map((line) => ref({ file: "measurements.csv", line }))]),
    ).toEqual(["metrics.csv:2", "measurements.csv:2–4, 9"]);
  });
});

describe("lastOfEach(series, by) over a sorted series", () => {
  it("keeps the last point of each period, as a map of periods kept it", () => {
    const pointsArb = fc
      .array(fc.integer({ min: 0, max: 800 }), { maxLength: 60 })
      .map((days) =>
        days
          .sort((a, b) => a - b)
          .map((d, i): SeriesPoint => ({ date: day(d), value: i, source: `m.csv:${i}`, origin: null, note: null })),
      );
    fc.assert(
      fc.property(pointsArb, fc.constantFrom<Period>("week", "month", "quarter", "year"), (series, by) => {
        const last = new Map<string, SeriesPoint>();
        for (const p of series) {
          const d = new Date(`${p.date}T00:00:00Z`);
          const key =
            by === "week"
              ? String(Math.floor((d.getTime() / 86_400_000 + 3) / 7))
              : by === "month"
                ? p.date.slice(0, 7)
                : by === "quarter"
                  ? `${p.date.slice(0, 4)}-Q${Math.ceil((d.getUTCMonth() + 1) / 3)}`
                  : p.date.slice(0, 4);
          last.set(key, p);
        }
        expect(lastOfEach(series, by)).toEqual([...last.values()]);
      }),
    );
  });
});

// The corpus of broken files (test/fixtures/bad/, one folder per case): each case is the acme fixture
// with some files replaced, and says word for word what `milepost validate` answers. Nothing passes
// silently: a case either fails naming file, line and field, or builds and proves its figures.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { build, type CustomerResult } from "../../src/build.ts";
import { formatIssue } from "../../src/errors.ts";
import { errorCatalogue } from "../../src/errors-data.ts";

const BAD = join(import.meta.dirname, "..", "fixtures", "bad");
const ACME = join(import.meta.dirname, "..", "fixtures", "data", "acme");

interface Case {
  about: string;
  remove?: string[];
  /** Links to make, path → target, both relative to the workspace, e.g. {"acme-mirror": "acme"} under data/. */
  links?: Record<string, string>;
  /** Figures the report of each built customer must hold, by slug. */
  figures?: Record<string, unknown>;
}

/** A file name's last extension says how to write its UTF-8 text: `metrics.csv.big5` is metrics.csv in Big5. */
const ENCODINGS: Record<string, (text: string) => Buffer> = {
  big5: (t) => iconv.encode(t, "big5"),
  sjis: (t) => iconv.encode(t, "shift_jis"),
  gbk: (t) => iconv.encode(t, "gbk"),
  cp1252: (t) => iconv.encode(t, "windows-1252"),
  utf16le: (t) => iconv.encode(t, "utf-16le", { addBOM: true }),
  utf16be: (t) => iconv.encode(t, "utf-16be", { addBOM: true }),
  "utf16le-nobom": (t) => iconv.encode(t, "utf-16le"),
  bom: (t) => Buffer.from(`\uFEFF${t}`),
};

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) yield join(e.parentPath, e.name);
}

/** Lays out a case in a fresh workspace: data/acme from the fixture, then the case's files over it. */
export async function layOut(name: string, spec: Case): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), `milepost-bad-${name}-`));
  await cp(ACME, join(root, "data", "acme"), { recursive: true });
  for await (const file of filesUnder(join(BAD, name))) {
    const path = relative(join(BAD, name), file);
    if (path === "case.json" || path === "expected.txt") continue;
    const suffix = path.split(".").pop()!;
    const encode = Object.hasOwn(ENCODINGS, suffix) ? ENCODINGS[suffix] : undefined;
    const target = join(root, encode ? path.slice(0, -suffix.length - 1) : path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, encode ? encode(await readFile(file, "utf8")) : await readFile(file));
  }
  for (const path of spec.remove ?? []) await rm(join(root, "data", path));
  for (const [path, target] of Object.entries(spec.links ?? {})) await symlink(target, join(root, "data", path));
  return root;
}

/** `actual` cut to the keys of `expected` and to the length of its lists, so a case names only the figures it proves. */
function shapedLike(actual: unknown, expected: unknown): unknown {
  if (Array.isArray(expected) && Array.isArray(actual))
    return actual.slice(0, expected.length).map((a, i) => shapedLike(a, expected[i]));
  if (expected && typeof expected === "object" && actual && typeof actual === "object") {
    return Object.fromEntries(
      Object.keys(expected).map((k) => [
        k,
        shapedLike((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k]),
      ]),
    );
  }
  return actual;
}

/** What `milepost validate` prints per customer, without the timing line. */
function printed(results: CustomerResult[], root: string): string[] {
  const shown = relative(process.cwd(), join(root, "data"));
  return results.flatMap((r) => [
    `${r.status === "failed" ? "✗" : "✓"} ${r.slug}`,
    ...r.issues.map((i) => `    ${i.severity}  ${formatIssue(i)}`.replaceAll(shown, "data")),
  ]);
}

const cases = (await readdir(BAD)).sort();

describe("the corpus of broken files", () => {
  it("holds at least 60 cases", () => expect(cases.length).toBeGreaterThanOrEqual(60));

  it.each(cases)("%s", async (name) => {
    const spec = JSON.parse(await readFile(join(BAD, name, "case.json"), "utf8")) as Case;
    const expected = (await readFile(join(BAD, name, "expected.txt"), "utf8")).trimEnd().split("\n");
    const root = await layOut(name, spec);
    const results = await build({
      dataDir: join(root, "data"),
      contentDir: join(root, "content"),
      outDir: join(root, "dist"),
      customers: "all",
      pack: "all",
      asOf: "2026-09-30",
      period: "2026-Q3",
      pdf: false,
      dryRun: true,
    });
    // MILEPOST_UPDATE_BAD=1 writes what milepost answers now into expected.txt, for a person to read over.
    if (process.env.MILEPOST_UPDATE_BAD)
      await writeFile(join(BAD, name, "expected.txt"), `${printed(results, root).join("\n")}\n`);
    else expect(printed(results, root), spec.about).toEqual(expected);
    // docs/errors.md says which codes are errors and which warnings.
    for (const issue of results.flatMap((r) => r.issues))
      expect([issue.severity, "error or warning"], issue.code).toContain(errorCatalogue[issue.code].severity);
    for (const r of results) {
      if (r.status === "failed") {
        // Every failure names a file; every failure inside a table names its line and field too.
        const errors = r.issues.filter((i) => i.severity === "error");
        expect(errors.length).toBeGreaterThan(0);
        for (const e of errors)
          if (
            /\.(csv|json)$/.test(e.file) &&
            e.code !== "both-formats" &&
            e.code !== "empty-file" &&
            e.code !== "no-customer-json" &&
            e.code !== "unknown-encoding"
          )
            expect(e.line ?? e.field).toBeDefined();
      } else {
        const figures = spec.figures?.[r.slug];
        expect(figures, `${r.slug} builds, so the case must say which figures prove it right`).toBeDefined();
        expect(shapedLike(r.report, figures)).toEqual(figures);
      }
    }
    await rm(root, { recursive: true, force: true });
  });
});

describe("a huge file", () => {
  /** A measurements.csv of `rows` daily rows for m3, as a long-running export would be. */
  function hugeMeasurements(rows: number, bad?: { row: number; value: string }): string {
    const lines = ["metric_id,date,value,source,note", "m1,2026-09-01,2,Timesheets,", "m2,2026-09-01,80.5,CRM,"];
    const start = Date.UTC(1990, 0, 1);
    for (let i = 0; i < rows; i++) {
      const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
      lines.push(`m3,${date},${bad?.row === i ? `"${bad.value}"` : (40 - (i % 20)).toString()},Timesheets,row ${i}`);
    }
    return `${lines.join("\n")}\n`;
  }

  async function validateWith(measurements: string, baseline: string) {
    const root = await mkdtemp(join(tmpdir(), "milepost-huge-"));
    await cp(ACME, join(root, "data", "acme"), { recursive: true });
    await writeFile(join(root, "data", "acme", "measurements.csv"), measurements);
    const metrics = await readFile(join(ACME, "metrics.csv"), "utf8");
    await writeFile(join(root, "data", "acme", "metrics.csv"), metrics.replaceAll("2025-10-01", baseline));
    const [result] = await build({
      dataDir: join(root, "data"),
      contentDir: join(root, "content"),
      outDir: join(root, "dist"),
      customers: ["acme"],
      pack: "qbr",
      asOf: "2026-09-30",
      period: "2026-Q3",
      pdf: false,
      dryRun: true,
    });
    await rm(root, { recursive: true, force: true });
    return result;
  }

  it("reads 12,000 rows (over 30 years of days) to the right current value", async () => {
    const result = await validateWith(hugeMeasurements(12_000), "1989-12-31");
    expect(result.status, result.issues.map(formatIssue).join("\n")).toBe("built");
    // Row 11999 is on 2022-11-08 (1990-01-01 + 11999 days); its value is 40 - (11999 % 20) = 21.
    expect(result.report!.metrics.find((m) => m.id === "m3")).toMatchObject({ current: 21, currentDate: "2022-11-08" });
  });

  it("names the one bad row among 100,000 by its line", async () => {
    const result = await validateWith(hugeMeasurements(100_000, { row: 75_000, value: "1,5" }), "1989-12-31");
    expect(result.status).toBe("failed");
    expect(result.issues.filter((i) => i.severity === "error").map(formatIssue)).toEqual([
      expect.stringMatching(
        /measurements\.csv:75004 value: "1,5" is not written in numberFormat 1,234\.5 — write 1\.5 \(or set "numberFormat": "1\.234,5" for the customer\)$/,
      ),
    ]);
  });
});

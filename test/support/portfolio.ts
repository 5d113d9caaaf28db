// The e2e global setup: builds the portfolios that many test files read, once per test run (real Astro, real
// Chromium, real PDFs), and hands their output folders to the tests through vitest's provide/inject.
//
//   inject("portfolio") — the fixture portfolio (test/fixtures): every customer and pack, 2026-Q3, with PDFs.
//   inject("samples")   — the sample portfolio (data/, content/): the same build of the samples, with each QBR's
//                         deck (--deck) besides; what craft, copy, deck, golden, phone, account and kickoff read.
//
// Both are read-only: a test that changes a build copies the folder first (`copyBuild` in test/support/build.ts).
// A portfolio is built only when a test file of the run injects it: `npx vitest run test/e2e/cli.test.ts` builds
// neither. To join, a test file calls `inject("samples")` (or "portfolio") at its top level, as the others do.
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { build, defaultEffects, type BuildOptions, type CustomerResult } from "../../src/build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Output folder of the fixture portfolio build ("" when no test file of the run injects it). */
    portfolio: string;
    /** JSON of the CustomerResult[] of that build. */
    portfolioResults: string;
    /** Output folder of the sample portfolio build, with decks ("" when no test file of the run injects it). */
    samples: string;
    /** JSON of the CustomerResult[] of that build. */
    samplesResults: string;
  }
}

export const FIXTURES = join(import.meta.dirname, "..", "fixtures");
/** The package's root: its data/ and content/ are the sample portfolio. */
export const ROOT = join(import.meta.dirname, "..", "..");

/** The build the end-to-end tests make of a portfolio (`root`'s data/ and content/): every customer and pack, 2026-Q3, with PDFs. */
export const portfolioOptions = (root: string, outDir: string, over: Partial<BuildOptions> = {}): BuildOptions => ({
  dataDir: join(root, "data"),
  contentDir: join(root, "content"),
  outDir,
  customers: "all",
  pack: "all",
  asOf: "2026-09-30",
  period: "2026-Q3",
  pdf: true,
  ...over,
});

/** The shared builds, by the name a test injects: what each builds. */
const SHARED = {
  portfolio: (out: string) => portfolioOptions(FIXTURES, out),
  samples: (out: string) => portfolioOptions(ROOT, out, { deck: true }),
} as const;
type Shared = keyof typeof SHARED;

/**
 * The shared builds the test files of this run inject: each file's source is read for `inject("name")`. When the
 * run's files cannot be told (an API vitest keeps internal), every shared build is made.
 */
async function wanted(project: TestProject): Promise<Set<Shared>> {
  const all = new Set(Object.keys(SHARED) as Shared[]);
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  if (process.env.MILEPOST_BUILD_ALL === "1") return all;
  const { testFiles } = await project.globTestFiles(filters);
  const sources = await Promise.all(testFiles.map((f) => readFile(f, "utf8")));
  return new Set([...all].filter((name) => sources.some((s) => s.includes(`inject("${name}")`))));
}

export default async function setup(project: TestProject) {
  // Under the package (git-ignored), so each run's Astro chunks stay in its own folder.
  const scratch = join(ROOT, ".milepost");
  await mkdir(scratch, { recursive: true });
  const made: string[] = [];
  const want = await wanted(project);
  for (const name of Object.keys(SHARED) as Shared[]) {
    let out = "";
    let results: CustomerResult[] = [];
    if (want.has(name)) {
      out = await mkdtemp(join(scratch, `e2e-${name}-`));
      made.push(out);
      results = await build(SHARED[name](out), { ...defaultEffects });
    }
    project.provide(name, out);
    project.provide(`${name}Results`, JSON.stringify(results));
  }
  return () => Promise.all(made.map((out) => rm(out, { recursive: true, force: true })));
}

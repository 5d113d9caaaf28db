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
import { mkdir, readFile, rm } from "node:fs/promises";
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

interface Built {
  out: string;
  results: Promise<CustomerResult[]>;
  /** The projects of the run using it: the last to finish removes it. */
  users: number;
}

/**
 * The shared builds of this run, by name. Each e2e project runs this setup, in the one process of the run: a build
 * that two projects want is made once, by the first, and the other waits for it.
 */
const runBuilds = ((globalThis as { milepostSharedBuilds?: Map<Shared, Built> }).milepostSharedBuilds ??= new Map());

function shared(name: Shared): Built {
  let built = runBuilds.get(name);
  if (!built) {
    // Under the package (git-ignored), so each run's Astro chunks stay in its own folder; one folder per run.
    const out = join(ROOT, ".milepost", `e2e-${name}-${process.pid}`);
    const results = (async () => {
      await rm(out, { recursive: true, force: true });
      await mkdir(out, { recursive: true });
      return build(SHARED[name](out), { ...defaultEffects });
    })();
    built = { out, results, users: 0 };
    runBuilds.set(name, built);
  }
  built.users++;
  return built;
}

export default async function setup(project: TestProject) {
  const using: Built[] = [];
  const want = await wanted(project);
  for (const name of Object.keys(SHARED) as Shared[]) {
    const built = want.has(name) ? shared(name) : null;
    if (built) using.push(built);
    project.provide(name, built?.out ?? "");
    project.provide(`${name}Results`, JSON.stringify(built ? await built.results : []));
  }
  return async () => {
    for (const [name, built] of runBuilds)
      if (using.includes(built) && --built.users === 0) {
        runBuilds.delete(name);
        await built.results.catch(() => undefined);
        await rm(built.out, { recursive: true, force: true });
      }
  };
}

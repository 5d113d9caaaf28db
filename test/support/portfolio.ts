// Builds the fixture portfolio once per test run (real Astro, real Chromium, real PDFs) and
// hands its output folder to the end-to-end tests through vitest's provide/inject.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { build, type BuildOptions, type CustomerResult } from "../../src/build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Output folder of the fixture portfolio build. */
    portfolio: string;
    /** JSON of the CustomerResult[] of that build. */
    portfolioResults: string;
  }
}

export const FIXTURES = join(import.meta.dirname, "..", "fixtures");

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

export default async function setup(project: TestProject) {
  // Under the package (git-ignored), so each run's Astro chunks stay in its own folder.
  const scratch = join(import.meta.dirname, "..", "..", ".milepost");
  await mkdir(scratch, { recursive: true });
  const outDir = await mkdtemp(join(scratch, "e2e-"));
  const results: CustomerResult[] = await build(portfolioOptions(FIXTURES, outDir), {
    ...(await import("../../src/build.ts")).defaultEffects,
  });
  project.provide("portfolio", outDir);
  project.provide("portfolioResults", JSON.stringify(results));
  return () => rm(outDir, { recursive: true, force: true });
}

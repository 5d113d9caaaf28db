import { readdir, readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..", "..");
/** The stages and the CLI (docs/architecture.md, "The stages"): no template may import them. */
const STAGES = ["build", "cli", "dev", "load", "validate", "render", "pdf", "serve", "publish", "workbook"];

describe("templates' imports", () => {
  it("name contracts, the registry and pure rules of src/, never a stage", async () => {
    const imported: string[] = [];
    for (const entry of await readdir(join(ROOT, "templates"), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(ts|astro|mjs)$/.test(entry.name)) continue;
      const file = join(entry.parentPath, entry.name);
      for (const [, spec] of (await readFile(file, "utf8")).matchAll(/\bfrom\s+["']([^"']+)["']/g))
        if (spec.startsWith(".")) imported.push(relative(ROOT, resolve(entry.parentPath, spec)));
    }
    const fromSrc = imported.filter((path) => path.startsWith("src/"));
    expect(fromSrc).toContain("src/site-customer.ts");
    expect(fromSrc.filter((path) => STAGES.some((stage) => path === `src/${stage}.ts`))).toEqual([]);
  });
});

// The error catalogue: docs/errors.md is generated from it, and every code in it is one milepost reports.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { errorCatalogue } from "../../src/errors-data.ts";
import { errorTable, withErrorTable } from "../../src/errors-doc.ts";

const ROOT = join(import.meta.dirname, "..", "..");

describe("error catalogue", () => {
  it("matches docs/errors.md as committed (run npm run docs after changing src/errors-data.ts)", async () => {
    const doc = await readFile(join(ROOT, "docs", "errors.md"), "utf8");
    expect(doc).toBe(withErrorTable(doc));
    expect(doc).toContain(errorTable());
  });

  it("lists each code in the table once", () => {
    for (const code of Object.keys(errorCatalogue))
      expect(errorTable().split(`| \`${code}\` |`).length - 1, code).toBe(1);
  });

  it("holds only codes that src/ reports", async () => {
    const files = (await readdir(join(ROOT, "src"), { recursive: true })).filter(
      (f) => f.endsWith(".ts") && !f.startsWith("errors-"),
    );
    const source = (await Promise.all(files.map((f) => readFile(join(ROOT, "src", f), "utf8")))).join("\n");
    const unused = Object.keys(errorCatalogue).filter((code) => !source.includes(`"${code}"`));
    expect(unused).toEqual([]);
  });
});

// Golden outputs: report.json of every customer and manifest.json of the fixture portfolio and of
// the sample portfolio in data/, compared byte for byte with test/golden/; and the HTML of every site page of each
// sample customer (test/golden/sample/<slug>/*.html), normalised (goldenHtml) so that a changed page is a diff
// to read. A refactor leaves them alone; a change of figures, of the report contract or of a page updates them on
// purpose:
//   MILEPOST_UPDATE_GOLDEN=1 npx vitest run test/e2e/golden.test.ts
// and the diff of test/golden/ goes in the same commit, for review.
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { goldenHtml, sitePages } from "../support/golden.ts";

const GOLDEN = join(import.meta.dirname, "..", "golden");
const update = process.env.MILEPOST_UPDATE_GOLDEN === "1";

/** report.json of each customer and manifest.json of a built output folder, by golden file name. */
async function outputs(out: string): Promise<Map<string, string>> {
  const files = new Map<string, string>([["manifest.json", await readFile(join(out, "manifest.json"), "utf8")]]);
  for (const e of await readdir(out, { withFileTypes: true })) {
    if (e.isDirectory() && !e.name.startsWith(".")) {
      files.set(`${e.name}.report.json`, await readFile(join(out, e.name, "report.json"), "utf8"));
    }
  }
  return files;
}

/** The normalised HTML of every site page of each customer of a built output folder, by golden file path. */
async function pages(out: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const page of await sitePages(out)) files.set(page, goldenHtml(await readFile(join(out, page), "utf8")));
  return files;
}

/** Every file under `dir` by relative path, sorted. */
const filesUnder = async (dir: string) =>
  (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

async function compare(name: string, out: string, html = false): Promise<void> {
  const dir = join(GOLDEN, name);
  const actual = await outputs(out);
  if (html) for (const [file, text] of await pages(out)) actual.set(file, text);
  if (update) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    for (const [file, text] of actual) {
      await mkdir(join(dir, file, ".."), { recursive: true });
      await writeFile(join(dir, file), text);
    }
  }
  expect([...actual.keys()].sort()).toEqual(await filesUnder(dir));
  for (const [file, text] of actual) {
    // A failure names the golden file; its diff is the change to review.
    expect(text, `test/golden/${name}/${file}`).toBe(await readFile(join(dir, file), "utf8"));
  }
}

describe("golden outputs", () => {
  it("the fixture portfolio's report.json files and manifest.json are the golden ones", () =>
    compare("fixtures", inject("portfolio")));

  it("the sample portfolio's report.json files, manifest.json and site pages are the golden ones", () =>
    compare("sample", inject("samples"), true));
});

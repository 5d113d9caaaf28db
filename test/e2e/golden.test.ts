// Golden outputs: report.json of every customer and manifest.json of the fixture portfolio and of
// the sample portfolio in data/, compared byte for byte with test/golden/. A refactor leaves them
// alone; a change of figures or of the report contract updates them on purpose:
//   MILEPOST_UPDATE_GOLDEN=1 npx vitest run test/e2e/golden.test.ts
// and the diff of test/golden/ goes in the same commit, for review.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { build, defaultEffects } from "../../src/build.ts";

const ROOT = join(import.meta.dirname, "..", "..");
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

async function compare(name: string, out: string): Promise<void> {
  const dir = join(GOLDEN, name);
  const actual = await outputs(out);
  if (update) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    for (const [file, text] of actual) await writeFile(join(dir, file), text);
  }
  expect([...actual.keys()].sort()).toEqual((await readdir(dir)).sort());
  for (const [file, text] of actual) {
    // A failure names the golden file; its diff is the change to review.
    expect(text, `test/golden/${name}/${file}`).toBe(await readFile(join(dir, file), "utf8"));
  }
}

describe("golden outputs", () => {
  let sample: string;
  beforeAll(async () => {
    await mkdir(join(ROOT, ".milepost"), { recursive: true });
    sample = await mkdtemp(join(ROOT, ".milepost", "golden-"));
    await build(
      {
        dataDir: join(ROOT, "data"),
        contentDir: join(ROOT, "content"),
        outDir: sample,
        customers: "all",
        pack: "all",
        asOf: "2026-09-30",
        period: "2026-Q3",
        pdf: false,
      },
      { ...defaultEffects },
    );
  });
  afterAll(() => rm(sample, { recursive: true, force: true }));

  it("the fixture portfolio's report.json files and manifest.json are the golden ones", () =>
    compare("fixtures", inject("portfolio")));

  it("the sample portfolio's report.json files and manifest.json are the golden ones", () => compare("sample", sample));
});

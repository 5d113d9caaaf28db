// Adding a pack is one registry entry, its section and its labels: a copy of milepost gets the throwaway pack of
// test/fixtures/pack (src/documents.ts and templates/i18n/en.ts spliced, its component, its route and its
// components' index copied from the QBR's), and builds it for a fixture customer — its page, its PDF, the CLI.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Run } from "../support/cli.ts";
import { readPdf } from "../support/pdf.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const PACK = join(FIXTURES, "pack");
let copy: string;

/** `text` with `insert` put before the first `marker`, which must be there. */
function before(text: string, marker: string, insert: string): string {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`${marker} not found`);
  return text.slice(0, at) + insert + text.slice(at);
}

/** Runs the copy's `milepost args…` with the fixture data. */
async function run(...args: string[]): Promise<Run> {
  const bin = join(copy, "bin", "milepost.js");
  const data = ["--data", join(FIXTURES, "data"), "--content", join(FIXTURES, "content")];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args, ...data], { cwd: copy });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number | null; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), "milepost-pack-"));
  for (const part of ["src", "templates", "bin", "package.json", "astro.config.mjs", "tsconfig.json"])
    await cp(join(ROOT, part), join(copy, part), { recursive: true });
  await symlink(join(ROOT, "node_modules"), join(copy, "node_modules"));
  const documents = join(copy, "src", "documents.ts");
  let registry = await readFile(documents, "utf8");
  registry = before(
    registry,
    "] as const satisfies readonly BuiltInSection[];",
    await readFile(join(PACK, "section.txt"), "utf8"),
  );
  registry = before(
    registry,
    "] as const satisfies readonly (Omit<PackDef",
    await readFile(join(PACK, "pack.txt"), "utf8"),
  );
  await writeFile(documents, registry);
  const en = join(copy, "templates", "i18n", "en.ts");
  const labels = JSON.parse(await readFile(join(PACK, "labels.json"), "utf8")) as Record<string, string>;
  const lines = Object.entries(labels).map(([key, text]) => `  ${JSON.stringify(key)}: ${JSON.stringify(text)},\n`);
  await writeFile(en, before(await readFile(en, "utf8"), '  "pack.qbr"', lines.join("")));
  const sections = join(copy, "templates", "sections", "trial");
  await mkdir(sections);
  await cp(join(PACK, "Note.astro"), join(sections, "Note.astro"));
  const asTrial = (text: string) => text.replaceAll("qbr", "trial").replaceAll("QBR", "trial");
  const index = await readFile(join(ROOT, "templates", "sections", "qbr", "index.ts"), "utf8");
  await writeFile(join(sections, "index.ts"), asTrial(index));
  const route = await readFile(join(ROOT, "templates", "pages", "[slug]", "[qbr].astro"), "utf8");
  await writeFile(join(copy, "templates", "pages", "[slug]", "[trial].astro"), asTrial(route));
});

afterAll(async () => {
  if (copy) await rm(copy, { recursive: true, force: true });
});

describe("a pack added to the registry", () => {
  it("is built by --pack: its site page, its landing page and its PDF, each in the customer's folder", async () => {
    const out = join(copy, "out");
    const built = await run("build", "acme", "--period", "2026-Q3", "--pack", "trial", "--out", out);
    expect(built.code).toBe(0);
    expect(built.stderr).toContain("Printing PDFs  1/1 PDF");
    const page = await readFile(join(out, "acme", "trial.html"), "utf8");
    expect(page).toContain('data-section="trial-note"');
    expect(page).toMatch(/<p class="trial-count">5 milestones in the plan<\/p>/);
    expect(await readFile(join(out, "acme", "index.html"), "utf8")).toContain('data-section="trial-note"');
    const pdf = await readPdf(join(out, "acme", "acme-trial-2026-Q3.pdf"));
    expect(pdf.pages[0]).toContain("Trial plan");
    expect(pdf.pages.join(" ")).toContain("5 milestones in the plan");
    expect(pdf.outline).toContain("Milestones planned");
    const manifest = JSON.parse(await readFile(join(out, "manifest.json"), "utf8")) as {
      customers: { slug: string; pdfs: string[] }[];
    };
    expect(manifest.customers.find((c) => c.slug === "acme")?.pdfs).toEqual(["acme/acme-trial-2026-Q3.pdf"]);
  });

  it("is one of the CLI's packs, and names the data it needs", async () => {
    const unknown = await run("build", "acme", "--pack", "nope", "--no-pdf");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--pack trial");
    const bare = await run(
      "build",
      "bare",
      "--period",
      "2026-Q3",
      "--pack",
      "trial",
      "--no-pdf",
      "--out",
      join(copy, "bare"),
    );
    expect(bare.stderr + bare.stdout).toContain("has no trial pack: it needs milestones.csv (or milestones.json)");
  });
});

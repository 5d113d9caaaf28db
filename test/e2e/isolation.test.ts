// One customer's narrative stays its own: its mistakes are its errors (the others build), and the
// files it shows never reach another customer's folder — checked byte by byte, PDFs uncompressed.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { milepost } from "../support/cli.ts";
import { FIXTURES } from "../support/portfolio.ts";

/** A folder with data/acme, data/bare and the narratives given, by customer. */
async function workspace(narratives: Record<string, Record<string, string>>): Promise<string> {
  const cwd = await mkdtemp(join(tmpdir(), "milepost-isolation-"));
  for (const slug of ["acme", "bare"])
    await cp(join(FIXTURES, "data", slug), join(cwd, "data", slug), { recursive: true });
  for (const [slug, files] of Object.entries(narratives)) {
    await mkdir(join(cwd, "content", slug), { recursive: true });
    for (const [name, text] of Object.entries(files)) await writeFile(join(cwd, "content", slug, name), text);
  }
  return cwd;
}

/** Every file of a folder with its bytes; a PDF also with its streams uncompressed. */
async function contents(dir: string): Promise<{ name: string; bytes: Buffer }[]> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
  return Promise.all(
    files.map(async (file) => {
      const raw = await readFile(file);
      const bytes = file.endsWith(".pdf")
        ? Buffer.concat([
            raw,
            (
              await promisify(execFile)("qpdf", ["--qdf", "--object-streams=disable", file, "-"], {
                encoding: "buffer",
                maxBuffer: 64 << 20,
              })
            ).stdout,
          ])
        : raw;
      return { name: relative(dir, file), bytes };
    }),
  );
}

const svg = (marker: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><!-- ${marker} --><rect width="40" height="20" fill="#c33"/><desc>${marker}</desc></svg>\n`;

describe("one customer's narrative stays its own", () => {
  it("copies the image a narrative shows into that customer's folder only", async () => {
    const cwd = await workspace({
      acme: {
        "summary.mdx": 'Hours are <Metric id="m1" />.\n\n![trend](./acme-secret-chart.svg)\n',
        "acme-secret-chart.svg": svg("ACME-SECRET-7f3a9"),
      },
      bare: {
        "summary.mdx": "The pilot is on plan.\n\n![plan](./bare-private-plan.svg)\n",
        "bare-private-plan.svg": svg("BARE-PRIVATE-91c2e"),
      },
    });
    const run = await milepost(["build", "acme", "bare", "--pack", "qbr", "--period", "2026-Q3"], cwd);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const own = {
      acme: ["ACME-SECRET-7f3a9", "acme-secret-chart", "Acme Analytics"],
      bare: ["BARE-PRIVATE-91c2e", "bare-private-plan", "Bare Minimum"],
    };
    for (const [slug, other] of [
      ["acme", "bare"],
      ["bare", "acme"],
    ] as const) {
      const files = await contents(join(cwd, "dist", slug));
      // The customer's own image is there (the check below could find it if it leaked)…
      expect(
        files.some((f) => f.name.startsWith(`_astro/${own[slug][1]}`) && f.bytes.includes(own[slug][0])),
        slug,
      ).toBe(true);
      // …and nothing of the other customer: no file of theirs, no name, no byte of their image.
      for (const { name, bytes } of files) {
        for (const word of own[other]) {
          expect(name.includes(word), `${slug}/${name} is named after ${other}'s ${word}`).toBe(false);
          expect(bytes.includes(word), `${slug}/${name} holds ${other}'s ${word}`).toBe(false);
        }
      }
    }
  });

  it("publishes a narrative's SVG as inert as evidence: no script, handler or foreign object left in _astro/", async () => {
    const cwd = await workspace({
      acme: {
        "summary.mdx": 'Hours are <Metric id="m1" />.\n\n![trend](./trend.svg)\n',
        "trend.svg": `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" onload="alert('onload')"><script>alert('script')</script><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">HTML</div></foreignObject><rect width="40" height="20" fill="#c33" onclick="alert('click')"/></svg>\n`,
      },
    });
    const run = await milepost(["build", "acme", "--pack", "qbr", "--period", "2026-Q3", "--no-pdf"], cwd);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const astro = await readdir(join(cwd, "dist", "acme", "_astro"));
    const images = astro.filter((n) => /^trend\..+\.svg$/.test(n));
    expect(images).toHaveLength(1);
    const svg = await readFile(join(cwd, "dist", "acme", "_astro", images[0]), "utf8");
    expect(svg).toContain('<rect width="40" height="20" fill="#c33"/>');
    for (const active of ["<script", "alert", "onload", "onclick", "foreignObject", "HTML"])
      expect(svg).not.toContain(active);
    const pages = (await readdir(join(cwd, "dist", "acme"))).filter((n) => n.endsWith(".html"));
    const texts = await Promise.all(pages.map((n) => readFile(join(cwd, "dist", "acme", n), "utf8")));
    expect(texts.some((t) => t.includes(`_astro/${images[0]}`))).toBe(true);
  });

  it("fails only the customer whose narrative is broken, with file:line:column and no stack; validate says the same", async () => {
    const cwd = await workspace({
      acme: { "summary.mdx": 'Hours are <Metric id="m1" />.\n\nRevenue grew {50%} this quarter.\n' },
    });
    const error =
      '    error  content/acme/summary.mdx:3:18 cannot be read as MDX: Could not parse expression: Unexpected token — braces { } hold code in MDX: write the text without them (Revenue grew 50%), or name the figure with a tag such as <Metric id="m1" />';
    const validate = await milepost(["validate", "--as-of", "2026-09-30"], cwd);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain(`✗ acme — 1 error, 1 warning\n${error}\n`);
    expect(validate.stdout).toContain("✓ bare — valid");
    const run = await milepost(["build", "--all", "--period", "2026-Q3", "--no-pdf"], cwd);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`✗ acme — 1 error, previous output kept, 1 warning\n${error}\n`);
    expect(run.stdout).toContain("✓ bare — qbr");
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m);
    // --all writes the book of business beside the customers (test/e2e/book.test.ts reads it).
    expect((await readdir(join(cwd, "dist"))).sort()).toEqual(["bare", "manifest.json", "portfolio"]);
    expect((await readdir(join(cwd, "dist", "portfolio"))).sort()).toEqual([
      "index.html",
      "portfolio.css",
      "portfolio.csv",
      "portfolio.js",
      "print.html",
    ]);
  });
});

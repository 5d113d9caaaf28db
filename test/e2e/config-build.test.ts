// milepost.config.json read by the build (test/fixtures/config): the provider's branding, the QBR reordered with a
// section off, a custom MDX section after the review, the close-out without its retrospective, a finance PDF
// (--audience), a customer's own overrides in customer.json; and a config change builds every customer again.
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { milepost, type Run } from "../support/cli.ts";
import { readPdf } from "../support/pdf.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
let project: string;
let first: Run;
const args = ["build", "--all", "--period", "2026-Q3", "--audience", "finance", "--out", "out"];

/** Copies the fixture customer acme to `slug`, with customer.json changed by `edit`. */
async function customer(slug: string, edit: (c: Record<string, unknown>) => void): Promise<void> {
  const dir = join(project, "data", slug);
  await cp(join(FIXTURES, "data", "acme"), dir, { recursive: true });
  const c = JSON.parse(await readFile(join(dir, "customer.json"), "utf8")) as Record<string, unknown>;
  edit(c);
  await writeFile(join(dir, "customer.json"), JSON.stringify(c, null, 2));
}

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), "milepost-config-build-"));
  await cp(join(FIXTURES, "config"), project, { recursive: true });
  // acme takes the provider's branding; acme-lite keeps its own provider and turns off the custom section.
  await customer("acme", (c) => {
    delete c.provider;
    delete (c.brand as Record<string, unknown>).color;
  });
  await customer("acme-lite", (c) => {
    c.sections = { qbr: { off: ["roadmap", "audiences"] } };
  });
  first = await milepost(args, project);
}, 600_000);

const html = (slug: string, file: string) => readFile(join(project, "out", slug, file), "utf8");
const sectionsIn = (page: string) => [...new Set([...page.matchAll(/data-section="([^"]+)"/g)].map((m) => m[1]))];
const pdf = (slug: string, name: string) => readPdf(join(project, "out", slug, `${slug}-${name}-2026-Q3.pdf`));

/** Asserts that `titles` appear in `text` in this order. */
function inOrder(text: string, titles: string[]): void {
  let from = -1;
  for (const title of titles) {
    const at = text.indexOf(title, from + 1);
    expect(at, `${title} after ${from}`).toBeGreaterThan(from);
    from = at;
  }
}

describe("a build with milepost.config.json", () => {
  it("builds both customers", () => {
    expect(first.code, first.stderr + first.stdout).toBe(0);
    expect(first.stdout).toContain("Built 2 of 2 customers");
  });

  it("prints the QBR in the config's order, the custom section after the review and the sources left out", async () => {
    // Page one's brief (on the cover) opens the QBR whatever the config's order.
    expect(sectionsIn(await html("acme", "print-qbr.html"))).toEqual([
      "brief",
      "review",
      "roadmap",
      "summary",
      "milestones",
      "outcomes",
      "audiences",
    ]);
    const { pages } = await pdf("acme", "qbr");
    const contents = pages[1];
    inOrder(contents, [
      "Quarterly business review",
      "Roadmap for next year",
      "Executive summary",
      "Value milestones",
      "Outcomes against baseline",
      "Views by audience",
    ]);
    expect(contents).not.toContain("Sources");
    const body = pages.slice(2).join(" ");
    inOrder(body, ["Achieved in 2026-Q3", "Roadmap for next year", "Next year the team extends", "Executive summary"]);
    // The MDX's figure tags placed from acme's figures.
    expect(body).toContain("Report preparation is 2 hours/week today");
  });

  it("shows the custom section on the site page of the section before it, and the navigation follows the pages left", async () => {
    const review = await html("acme", "review.html");
    expect(sectionsIn(review)).toEqual(["review", "roadmap"]);
    expect(review).toContain("Roadmap for next year</h2>");
    const closeout = await html("acme", "print-closeout.html");
    expect(sectionsIn(closeout)).not.toContain("retrospective");
    expect(sectionsIn(await html("acme", "retrospective.html"))).toEqual(["csat", "financials"]);
  });

  it("brands a customer without its own provider with the config's name, logo and colour", async () => {
    const index = await html("acme", "index.html");
    expect(index).toContain("Prepared by Northstar Partners");
    expect(await html("acme", "print-qbr.html")).toContain('src="files/provider/northstar.svg"');
    expect(existsSync(join(project, "out", "acme", "files", "provider", "northstar.svg"))).toBe(true);
    expect(await html("acme", "theme.css")).toBe(
      ":root:root { --brand: #5b2a86; --link: #5b2a86; --mark: #5b2a86; }\n",
    );
    expect((await pdf("acme", "qbr")).pages[0]).toContain("Prepared by Northstar Partners");
    // A customer's own provider and colour win.
    expect(await html("acme-lite", "index.html")).toContain("Prepared by Meridian Advisory");
    expect(await html("acme-lite", "theme.css")).toContain("--brand: #6a3fb5;");
  });

  it("prints the finance PDF beside the QBR, with only the finance sections, linked from the site", async () => {
    const { pages } = await pdf("acme", "qbr-finance");
    expect(pages[0]).toContain("Quarterly Business Review — Finance");
    const text = pages.join(" ");
    inOrder(text, ["Roadmap for next year", "Executive summary", "Outcomes against baseline"]);
    for (const other of ["Value milestones", "Views by audience", "ROI calculation", "Sources"])
      expect(text).not.toContain(other);
    expect(await html("acme", "index.html")).toContain('href="acme-qbr-finance-2026-Q3.pdf"');
    // The ROI calculation is not in this PDF: the summary does not link to it.
    const print = await html("acme", "print-qbr-finance.html");
    expect(print).not.toContain('href="#roi-calculation"');
    expect(await html("acme", "print-qbr.html")).toContain('href="#roi-calculation"');
  });

  it("applies a customer's own sections over the config's: acme-lite's QBR and finance PDF leave out what it turned off", async () => {
    expect(sectionsIn(await html("acme-lite", "print-qbr.html"))).toEqual([
      "brief",
      "review",
      "summary",
      "milestones",
      "outcomes",
    ]);
    expect(sectionsIn(await html("acme-lite", "review.html"))).toEqual(["review"]);
    expect(existsSync(join(project, "out", "acme-lite", "audiences.html"))).toBe(false);
    const text = (await pdf("acme-lite", "qbr-finance")).pages.join(" ");
    expect(text).not.toContain("Roadmap for next year");
    inOrder(text, ["Executive summary", "Outcomes against baseline"]);
  });

  it("keeps both customers when nothing changed, and builds again when the config's MDX changes", async () => {
    const again = await milepost(args, project);
    expect(again.stdout).toContain("(2 unchanged, reused)");
    await writeFile(join(project, "sections", "roadmap.mdx"), "Next year: the regional offices.\n");
    const changed = await milepost(["build", "acme-lite", ...args.slice(2)], project);
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stdout).not.toContain("unchanged");
  }, 600_000);
});

describe("mistakes in the config and in a customer's overrides", () => {
  it("refuses an audience that does not exist, and --audience without the QBR, as usage mistakes", async () => {
    expect(await milepost(["build", "acme", "--audience", "finance,board", "--no-pdf"], project)).toMatchObject({
      code: 2,
      stderr: "milepost: --audience board is not an audience\n  write one of: executive, finance, it, users\n",
    });
    expect(
      await milepost(["build", "acme", "--pack", "closeout", "--audience", "it", "--no-pdf"], project),
    ).toMatchObject({
      code: 2,
      stderr: "milepost: --audience prints short QBR PDFs\n  build the QBR too: leave out --pack closeout\n",
    });
  });

  it("stops before any customer with the config's mistakes located, and names a customer's unknown section at its line", async () => {
    const dir = await mkdtemp(join(tmpdir(), "milepost-config-bad-"));
    await cp(join(project, "data", "acme"), join(dir, "data", "acme"), { recursive: true });
    const config = { provider: { name: "Northstar", color: "#e87722" }, packs: { qbr: { off: ["roadmap"] } } };
    await writeFile(join(dir, "milepost.config.json"), JSON.stringify(config, null, 2));
    const run = await milepost(["build", "acme", "--no-pdf", "--out", "out"], dir);
    expect(run.code).toBe(1);
    // Its orange, near the amber of a status, is no mistake: it dresses the chrome and stays off the marks.
    expect(run.stderr).toContain("milepost.config.json has 1 mistake");
    expect(run.stderr).not.toContain("provider.color");
    expect(run.stderr).toContain('milepost.config.json:8 packs.qbr.off[0]: "roadmap" is not a section of the qbr pack');
    expect(existsSync(join(dir, "out"))).toBe(false);

    await writeFile(join(dir, "milepost.config.json"), "{}\n");
    const file = join(dir, "data", "acme", "customer.json");
    const c = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...c, audiences: { finance: ["summary", "roi"] } }, null, 2));
    const line = (await readFile(file, "utf8")).split("\n").findIndex((l) => l.includes('"finance": [')) + 1;
    const validate = await milepost(["validate", "acme"], dir);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain(
      `data/acme/customer.json:${line} audiences.finance[1]: "roi" is not a section of the qbr pack — write one of: summary, since, milestones,`,
    );
  });
});

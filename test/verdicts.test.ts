// The consistency oracle on built packs (issue 20): every fixture and sample customer, at several as-of dates, in
// both copies, built with real Astro; every data-verdict mark of every page and printed document is gathered
// with every verdict report.json states, and one item with two verdicts fails. (The PDFs print those documents'
// HTML, so the marks are read there: --no-pdf keeps this test to the pages.)
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, defaultEffects } from "../src/build.ts";
import type { Report } from "../src/model/contract.ts";
import { FIXTURES, portfolioOptions } from "./support/portfolio.ts";
import { contradictions, pageClaims, reportClaims, type Claim } from "./support/verdicts.ts";

const ROOT = join(import.meta.dirname, "..");
/** Mid-quarter before the engagements end, the quarter's last day, and after the close-outs. */
const DATES = [
  { asOf: "2026-08-14", period: "2026-Q3" },
  { asOf: "2026-09-30", period: "2026-Q3" },
  { asOf: "2027-01-15", period: "2027-Q1" },
];
const COPIES = ["customer", "internal"] as const;
const PORTFOLIOS = { samples: ROOT, fixtures: FIXTURES };
let scratch = "";

interface Built {
  label: string;
  slug: string;
  claims: Claim[];
  marks: number;
}
const built: Built[] = [];

beforeAll(async () => {
  scratch = await mkdtemp(join(ROOT, ".milepost", "verdicts-"));
  for (const [name, root] of Object.entries(PORTFOLIOS))
    for (const { asOf, period } of DATES)
      for (const copy of COPIES) {
        const label = `${name} ${copy} ${asOf}`;
        const out = join(scratch, `${name}-${copy}-${asOf}`);
        const results = await build(portfolioOptions(root, out, { asOf, period, copy, pdf: false }), defaultEffects);
        for (const r of results.filter((r) => r.status === "built")) {
          const dir = join(out, r.slug);
          const report = JSON.parse(await readFile(join(dir, "report.json"), "utf8")) as Report;
          const claims = reportClaims(report);
          let marks = 0;
          for (const page of (await readdir(dir)).filter((f) => f.endsWith(".html"))) {
            const found = pageClaims(await readFile(join(dir, page), "utf8"), `${r.slug}/${page}`);
            marks += found.length;
            claims.push(...found);
          }
          built.push({ label, slug: r.slug, claims, marks });
        }
      }
}, 1_800_000);

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe("one verdict per item across every page, document and report.json", () => {
  it("builds every customer of both portfolios at every date in both copies", () => {
    const slugs = new Set(built.map((b) => b.slug));
    for (const s of ["acme", "kiso-kogyo", "harimau-retail", "northwind-logistics", "southern-cross-water"])
      expect(slugs).toContain(s);
    expect(built.length).toBeGreaterThanOrEqual(slugs.size * DATES.length * COPIES.length - 6);
  });

  it("marks every rendered judgement: pages carry data-verdict marks for targets, milestones, health and payback", () => {
    for (const b of built.filter((b) => b.slug === "northwind-logistics" || b.slug === "harimau-retail")) {
      const marked = new Set(b.claims.filter((c) => c.where.includes(".html")).map((c) => c.item.split(":")[0]));
      for (const kind of ["target", "milestone", "health", "payback"])
        expect(marked, `${b.label} ${b.slug}`).toContain(kind);
    }
  });

  it("marks the close-out's page one: each deliverable, goal and check-in, from the ledger", () => {
    const closeouts = built.filter(
      (b) =>
        ["harimau-retail", "southern-cross-water"].includes(b.slug) &&
        b.claims.some((c) => c.where.includes("closeout.html")),
    );
    expect(closeouts.map((b) => b.slug)).toContain("harimau-retail");
    for (const b of closeouts) {
      const onPage = new Set(
        b.claims.filter((c) => c.where.includes("closeout.html")).map((c) => c.item.split(":")[0]),
      );
      for (const kind of ["goal", "checkin"]) expect(onPage, `${b.label} ${b.slug}`).toContain(kind);
    }
  });

  it("marks every decision page one asks for: its state and its decide-by date", () => {
    let decisions = 0;
    for (const b of built) {
      const onPage = new Set(b.claims.filter((c) => c.where.includes(".html")).map((c) => c.item));
      for (const c of b.claims.filter(
        (c) => c.where.startsWith("brief.decisions") && /^decide-by:|^decision:\D/.test(c.item),
      )) {
        decisions++;
        expect(onPage, `${b.label} ${b.slug}`).toContain(c.item);
      }
    }
    expect(decisions).toBeGreaterThan(0);
  });

  it("finds no item with two verdicts", () => {
    const found = built.flatMap((b) =>
      contradictions(b.claims).map((c) => ({
        build: `${b.label} ${b.slug}`,
        item: c.item,
        claims: c.claims.map((x) => `${x.verdict} @ ${x.where}`),
      })),
    );
    expect(found).toEqual([]);
    expect(built.reduce((n, b) => n + b.marks, 0)).toBeGreaterThan(1000);
  });
});

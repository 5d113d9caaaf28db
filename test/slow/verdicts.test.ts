// The consistency oracle on built packs (issue 20): every fixture and sample customer, at several as-of dates, in
// both copies, built with real Astro — the QBR and close-out with the deck (--deck, issue 23), the monthly report,
// the celebrations and (internal copy) the case-study draft (issue 24); every data-verdict mark of every page, printed
// document and slide is gathered with every verdict report.json states, and one item with two verdicts fails. (The PDFs print those documents'
// HTML, so the marks are read there: --no-pdf keeps this test to the pages.)
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, defaultEffects } from "../../src/build.ts";
import type { Report } from "../../src/model/contract.ts";
import type { Pack } from "../../src/documents.ts";
import { FIXTURES, portfolioOptions } from "../support/portfolio.ts";
import { contradictions, pageClaims, reportClaims, type Claim } from "../support/verdicts.ts";

const ROOT = join(import.meta.dirname, "..", "..");
/** Mid-quarter before the engagements end, the quarter's last day, and after the close-outs. */
const DATES = [
  { asOf: "2026-08-14", period: "2026-Q3" },
  { asOf: "2026-09-30", period: "2026-Q3" },
  { asOf: "2027-01-15", period: "2027-Q1" },
];
const COPIES = ["customer", "internal"] as const;
/** The packs built on request, asked for beside every pack. */
const MOMENTS: Pack[] = ["monthly", "celebrate", "casestudy"];
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
        const also = copy === "internal" ? MOMENTS : MOMENTS.filter((p) => p !== "casestudy");
        const results = await build(
          portfolioOptions(root, out, { asOf, period, copy, pdf: false, also, deck: true }),
          defaultEffects,
        );
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

  it("builds the monthly report, the celebrations and the case-study draft, and marks their judgements", () => {
    const pages = (b: Built) =>
      new Set(b.claims.filter((c) => c.where.includes(".html")).map((c) => c.where.split(" ")[0]));
    const kinds = (b: Built, page: string) =>
      new Set(b.claims.filter((c) => c.where.startsWith(`${b.slug}/${page}`)).map((c) => c.item.split(":")[0]));
    const harimau = built.find((b) => b.label === "samples customer 2026-09-30" && b.slug === "harimau-retail")!;
    for (const kind of ["milestone", "target"]) expect(kinds(harimau, "monthly.html")).toContain(kind);
    const scwMonth = built.find((b) => b.label === "samples customer 2026-09-30" && b.slug === "southern-cross-water")!;
    expect(kinds(scwMonth, "monthly.html")).toContain("action");
    expect(kinds(harimau, "celebrate.html")).toContain("milestone");
    expect([...pages(harimau)].some((p) => p.includes("print-celebrate-"))).toBe(true);
    const scw = built.find((b) => b.label === "samples internal 2026-09-30" && b.slug === "southern-cross-water")!;
    expect(kinds(scw, "casestudy.html")).toContain("milestone");
  });

  it("marks the deck's judgements as the pack's: targets, milestones, health, payback and decisions on deck.html", () => {
    let decks = 0;
    for (const b of built.filter((b) => b.slug === "northwind-logistics" || b.slug === "harimau-retail")) {
      const onDeck = b.claims.filter((c) => c.where.endsWith("/deck.html"));
      if (onDeck.length === 0) continue;
      decks++;
      const kinds = new Set(onDeck.map((c) => c.item.split(":")[0]));
      for (const kind of ["target", "milestone", "health", "payback"])
        expect(kinds, `${b.label} ${b.slug}`).toContain(kind);
      // Every decision page one asks for, with its decide-by date, is on the deck too.
      const items = new Set(onDeck.map((c) => c.item));
      for (const c of b.claims.filter(
        (c) => c.where.startsWith("brief.decisions") && /^decide-by:|^decision:\D/.test(c.item),
      ))
        expect(items, `${b.label} ${b.slug}`).toContain(c.item);
    }
    expect(decks).toBeGreaterThanOrEqual(8);
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

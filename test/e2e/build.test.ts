// The spine end to end: the fixture portfolio built once (test/support/portfolio.ts) with
// real Astro and real Chromium, read back as a customer and their executive would.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import type { CustomerResult } from "../../src/build.ts";
import type { Report } from "../../src/model/contract.ts";
import { readPdf } from "../support/pdf.ts";

const out = inject("portfolio");
const results = JSON.parse(inject("portfolioResults")) as CustomerResult[];
const report = async (slug: string) => JSON.parse(await readFile(join(out, slug, "report.json"), "utf8")) as Report;

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe("build(fixture portfolio, 2026-Q3)", () => {
  it("builds every customer and lists them in manifest.json", async () => {
    expect(results.filter((r) => r.status !== "built").map((r) => [r.slug, r.issues])).toEqual([]);
    const manifest = JSON.parse(await readFile(join(out, "manifest.json"), "utf8"));
    expect(manifest.customers.map((c: { slug: string }) => c.slug)).toEqual(results.map((r) => r.slug).sort());
    expect(manifest.customers.find((c: { slug: string }) => c.slug === "acme")).toMatchObject({
      name: "Acme Analytics",
      asOf: "2026-09-30",
      period: "2026-Q3",
      health: "yellow",
    });
  });

  it("writes report.json with the §4 figures worked out by hand in EXPECTED.md", async () => {
    const r = await report("acme");
    expect(r).toMatchObject({
      schemaVersion: 1,
      customer: { slug: "acme", name: "Acme Analytics" },
      asOf: "2026-09-30",
      period: "2026-Q3",
    });
    expect(r.metrics.map((m) => [m.id, m.current, m.progress])).toEqual([
      ["m1", 2, 1],
      ["m2", 80.5, 0.5],
      ["m3", 16, 0.8],
    ]);
    expect(r.metrics[0].sources).toContain("measurements.csv:8");
    expect(r.metrics[0].series.map((p) => p.date)).not.toContain("2026-10-01");
    expect(r.metrics[1]).toMatchObject({ monetized: false, valueToDate: null, runRate: null });
    expect(r.milestones.map((m) => [m.id, m.status, m.achievedOn, m.unverified])).toEqual([
      ["ms1", "achieved", "2025-11-10", false],
      ["ms2", "delayed", null, false],
      ["ms3", "achieved", "2026-07-01", true],
      ["ms4", "in_progress", null, false],
      ["ms5", "in_progress", null, false],
    ]);
    expect(r.health.rag).toBe("yellow");
    expect(r.qbr).toMatchObject({ achieved: ["ms3"], nextQuarter: ["ms2", "ms4"] });
    expect(r.roi.valueToDate).toBeGreaterThan(0);
    expect(r.roi.roi).toBeCloseTo((r.roi.valueToDate - r.roi.costToDate) / r.roi.costToDate, 3);
  });

  it("makes each customer's folder self-contained: relative asset paths that all exist", async () => {
    for (const slug of ["acme", "bare"]) {
      for (const file of (await filesUnder(join(out, slug))).filter((f) => f.endsWith(".html"))) {
        const html = await readFile(file, "utf8");
        expect(html, file).not.toMatch(/(src|href)="\/(?!\/)/);
        for (const [, ref] of html.matchAll(/(?:src|href)="((?:_astro|files|fonts)\/[^"#?]+)"/g)) {
          expect(existsSync(join(dirname(file), ref)), `${file} → ${ref}`).toBe(true);
        }
        expect(html).toContain('<meta name="robots" content="noindex, nofollow"');
        // Opened from disk too: browsers refuse module scripts over file://.
        expect(html).not.toMatch(/<script type="module" src=/);
        expect(html).toMatch(/<script defer src="_astro\/[^"]+\.js"><\/script>/);
      }
    }
  });

  it("puts no other customer's data in a customer's folder", async () => {
    for (const [slug, other] of [
      ["acme", "Bare Minimum"],
      ["bare", "Acme Analytics"],
    ]) {
      for (const file of await filesUnder(join(out, slug))) {
        if (/\.(woff2?|pdf)$/.test(file)) continue;
        expect((await readFile(file, "utf8")).includes(other), file).toBe(false);
      }
    }
  });

  it("shows the executive summary with the figures of report.json", async () => {
    const html = await readFile(join(out, "acme", "index.html"), "utf8");
    expect(html).toContain('<html lang="en-US"');
    expect(html).toContain("Acme Analytics");
    expect(html).toMatch(/data-figure="health.rag" data-format="label" data-label="health">Needs attention</);
    expect(html).toContain('data-figure="roi.valueToDate"');
    for (const id of ["m1", "m2", "m3"]) expect(html).toContain(`data-metric="${id}"`);
    expect(html).toMatch(/<figure class="chart" data-chart-for="m1"[^>]*><svg class="chart-svg"/);
    expect(html).toContain("<table");
  });

  it("prints a PDF whose text carries the customer, the pack and the figures", async () => {
    const pdf = await readPdf(join(out, "acme", "acme-qbr-2026-Q3.pdf"));
    expect(pdf.pages.length).toBeGreaterThanOrEqual(3);
    const text = pdf.pages.join("\n");
    expect(text).toContain("Acme Analytics");
    expect(text).toContain("Quarterly Business Review");
    expect(text).toContain("100%");
    expect(text).toContain("80.5%");
  });
});

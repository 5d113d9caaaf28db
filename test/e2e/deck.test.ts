// The QBR as a 16:9 deck (issue 23, item 1): every fixture and sample customer built with --deck, real Astro and
// Chromium. Every slide's text stays inside its slide at a size a room can read; a long table continues on the next
// slide; the deck's figures are the pack's; the page presents with the keys under its policy; the PDF has a 16:9
// page per slide, in the customer's language and fonts.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { build, defaultEffects, type CustomerResult } from "../../src/build.ts";
import type { CopyReport } from "../../src/model/copy.ts";
import { deckOf } from "../../src/model/deck.ts";
import { CSP } from "../../src/share/policy.ts";
import { translator } from "../../templates/i18n/index.ts";
import { launchBrowser, watchedPage } from "../support/browser.ts";
import { slideProblems } from "../support/deck.ts";
import { decode } from "../support/files.ts";
import { pdfFonts, readPdf, readPdfPages } from "../support/pdf.ts";
import { FIXTURES, portfolioOptions } from "../support/portfolio.ts";

const ROOT = join(import.meta.dirname, "..", "..");
let scratch = "";
/** Each built customer's folder, by slug. */
const folders = new Map<string, string>();
let browser: Browser;

beforeAll(async () => {
  // The samples with their PDFs, as the e2e global setup built them with --deck (test/support/portfolio.ts).
  const samples = JSON.parse(inject("samplesResults")) as CustomerResult[];
  for (const r of samples.filter((r) => r.status === "built")) folders.set(r.slug, join(inject("samples"), r.slug));
  // The fixtures' pages only.
  scratch = await mkdtemp(join(ROOT, ".milepost", "deck-"));
  const results = await build(portfolioOptions(FIXTURES, scratch, { deck: true, pdf: false }), defaultEffects);
  for (const r of results.filter((r) => r.status === "built")) folders.set(r.slug, join(scratch, r.slug));
  browser = await launchBrowser();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const report = async (slug: string) =>
  JSON.parse(await readFile(join(folders.get(slug)!, "report.json"), "utf8")) as CopyReport;
const page = (slug: string, name: string) => readFile(join(folders.get(slug)!, name), "utf8");

/** Every figure Fig.astro placed on a page: path and format → the text shown. */
function figures(html: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [, attrs, text] of html.matchAll(/<span([^>]*\sdata-figure="[^"]+"[^>]*)>([^<]*)<\/span>/g)) {
    const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1] ?? "";
    found.set(`${attr("data-figure")} ${attr("data-format")} ${attr("data-unit")}`, decode(text));
  }
  return found;
}

describe("the deck of every fixture and sample customer", () => {
  it("is built for every customer with a QBR, with one slide for each of the model's", async () => {
    for (const s of ["northwind-logistics", "sakura-seimitsu", "formosa-health", "harimau-retail", "acme"])
      expect([...folders.keys()]).toContain(s);
    for (const [slug, dir] of folders) {
      const deck = deckOf(await report(slug));
      const files = await readdir(dir);
      // A customer at its kickoff (kestrel-foods) has no QBR pack, so no deck, whatever its report holds.
      if (!deck || !files.includes("print-qbr.html")) {
        expect(files, slug).not.toContain("deck.html");
        continue;
      }
      const html = await page(slug, "deck.html");
      const kinds = [...html.matchAll(/<section class="slide slide-\w+" id="slide-\d+" data-slide="(\w+)"/g)].map(
        (m) => m[1],
      );
      expect(kinds, slug).toEqual(deck.slides.map((s) => s.kind));
    }
  });

  it("keeps every slide's text inside its slide, above its footer, at 18px or more (the text budget)", async () => {
    let slides = 0;
    for (const [slug, dir] of folders) {
      if (!(await readdir(dir)).includes("deck.html")) continue;
      const measured = await slideProblems(browser, join(dir, "deck.html"));
      expect(measured.problems, slug).toEqual([]);
      slides += measured.slides;
    }
    expect(slides).toBeGreaterThan(100);
  });

  it("continues a long table on the next slide: harimau-retail's milestones take two dashboards, the second marked", async () => {
    const html = await page("harimau-retail", "deck.html");
    const dashboards = html.split('<section class="slide ').filter((s) => s.startsWith("slide-dashboard"));
    expect(dashboards).toHaveLength(2);
    const t = translator("ms-MY");
    expect(dashboards[0]).not.toContain(t("deck.continued", { n: 1, total: 2 }));
    expect(dashboards[1]).toContain(t("deck.continued", { n: 2, total: 2 }));
    const rows = dashboards.map((d) => d.match(/<tr data-milestone=/g)?.length ?? 0);
    expect(rows[0] + rows[1]).toBe((await report("harimau-retail")).milestones.length);
    // The headline outcomes' bars are on the first only.
    expect(dashboards[1]).not.toContain('class="dash-bar"');
  });

  it("shows every figure the pack also shows as the pack shows it", async () => {
    for (const slug of ["northwind-logistics", "sakura-seimitsu", "formosa-health", "harimau-retail", "acme"]) {
      const pack = new Map<string, string>();
      for (const name of (await readdir(folders.get(slug)!)).filter((n) => n.endsWith(".html") && n !== "deck.html"))
        for (const [key, text] of figures(await page(slug, name))) pack.set(key, text);
      let shared = 0;
      for (const [key, text] of figures(await page(slug, "deck.html"))) {
        if (!pack.has(key)) continue;
        shared++;
        expect(text, `${slug} ${key}`).toBe(pack.get(key));
      }
      expect(shared, slug).toBeGreaterThan(10);
    }
  });
});

describe("the deck page", () => {
  it("presents one slide at a time: arrow keys, Page Up and Page Down, Home and End, under the page's policy", async () => {
    const w = await watchedPage(browser);
    try {
      const file = join(folders.get("northwind-logistics")!, "deck.html");
      await w.page.setViewport({ width: 1024, height: 640 });
      await w.page.goto(pathToFileURL(file).href, { waitUntil: "load" });
      const shown = () =>
        w.page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>(".slide")]
            .filter((s) => s.getBoundingClientRect().width > 0)
            .map((s) => s.id),
        );
      expect(await shown()).toEqual(["slide-1"]);
      // Scaled to the window: 1024 wide shows the 1280-wide slide at 0.8.
      const width = await w.page.evaluate(() => document.querySelector("#slide-1")!.getBoundingClientRect().width);
      expect(width).toBeCloseTo(1024, 0);
      const total = (await page("northwind-logistics", "deck.html")).match(/<section class="slide /g)!.length;
      for (const [key, id] of [
        ["ArrowRight", "slide-2"],
        ["PageDown", "slide-3"],
        ["ArrowDown", "slide-4"],
        ["ArrowLeft", "slide-3"],
        ["PageUp", "slide-2"],
        ["End", `slide-${total}`],
        ["ArrowRight", `slide-${total}`],
        ["Home", "slide-1"],
        ["ArrowUp", "slide-1"],
      ] as const) {
        await w.page.keyboard.press(key);
        expect(await shown(), key).toEqual([id]);
      }
      await w.page.keyboard.press("End");
      expect(new URL(w.page.url()).hash).toBe(`#slide-${total}`);
      expect(w.violations).toEqual([]);
      expect(w.console.filter((m) => m.startsWith("error"))).toEqual([]);
    } finally {
      await w.page.close();
    }
  });

  it("carries the policy and nothing inline: its script is a file of the folder, bundled by Astro", async () => {
    const html = await page("northwind-logistics", "deck.html");
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
    expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g)).toBeNull();
    expect(html.match(/<style\b|\sstyle=|\son[a-z]+=/g)).toBeNull();
    expect(html).toMatch(/<script [^>]*src="_astro\/deck[^"]*\.js">/);
  });

  it("is linked from every page of the site, with its PDF", async () => {
    const html = await page("northwind-logistics", "index.html");
    expect(html).toContain('href="deck.html"');
    expect(html).toContain('href="northwind-logistics-qbr-deck-2026-Q3.pdf"');
  });
});

describe("the deck's PDF", () => {
  it.each([
    ["northwind-logistics", "en-US"],
    ["sakura-seimitsu", "ja-JP"],
    ["formosa-health", "zh-TW"],
    ["harimau-retail", "ms-MY"],
  ])("%s: one 16:9 page per slide, in its language, every glyph drawn", async (slug, locale) => {
    const pdf = join(folders.get(slug)!, `${slug}-qbr-deck-2026-Q3.pdf`);
    const deck = deckOf(await report(slug))!;
    const facts = await readPdf(pdf);
    expect(facts.pages).toHaveLength(deck.slides.length);
    const pages = await readPdfPages(pdf);
    for (const p of pages) {
      expect(p.height).toBe(540);
      expect(p.notdef).toBe(0);
    }
    // pdf.js spaces out CJK runs: compared without spaces.
    const bare = (text: string) => text.replace(/\s+/g, "");
    const t = translator(locale);
    expect(bare(facts.pages[0])).toContain(bare(t("pack.qbr")));
    expect(bare(facts.pages[1])).toContain(bare(t("deck.agenda")));
    // The customer's webfonts, cut down for its pages, as the packs embed them (test/e2e/langs.test.ts).
    // Its text in the customer's webfonts (the logos, images, draw theirs with the system's).
    const { names } = await pdfFonts(pdf);
    expect(names.some((n) => /Inter/.test(n))).toBe(true);
    if (locale === "ja-JP") expect(names.some((n) => /NotoSansJP/.test(n))).toBe(true);
    if (locale === "zh-TW") expect(names.some((n) => /NotoSansTC/.test(n))).toBe(true);
  });
});

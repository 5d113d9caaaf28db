// Phone layout (issue 26, item 3): at 360 and 390 px, every page of the sample and fixture sites fits the screen —
// no element wider than the viewport — because a table wider than its box becomes cards, each cell with its
// column's name beside it (templates/scripts/page.ts, table.stacked in global.css); at 1366 px no table is cards.
import { join } from "node:path";
import type { Browser, Page } from "puppeteer";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DECK_PAGE } from "../../src/slides.ts";
import { launchBrowser } from "../support/browser.ts";
import { sitePages } from "../support/golden.ts";

/** The sample portfolio as the e2e global setup built it (test/support/portfolio.ts). */
const sample = inject("samples");
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
});

/** Every site page of each customer folder of `out` (not the print documents' pages, nor the deck's slides: deck.test.ts). */
const phonePages = async (out: string) =>
  (await sitePages(out)).filter((p) => !p.endsWith(`/${DECK_PAGE}`)).map((p) => join(out, p));

/** The elements of the page at `width` that reach past the viewport, outermost first: "table.x 507px in #summary". */
async function tooWide(file: string, width: number): Promise<string[]> {
  await page.setViewport({ width, height: 800 });
  await page.goto(`file://${file}`, { waitUntil: "load" });
  // As a reader sees it once the fonts are in: the page lays its tables out again then (templates/scripts/page.ts).
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const found: Element[] = [];
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if ((r.right > vw + 0.5 || r.left < -0.5) && !found.some((f) => f.contains(el))) found.push(el);
    }
    const scroll =
      document.documentElement.scrollWidth > vw
        ? [`the page scrolls sideways: ${document.documentElement.scrollWidth}px`]
        : [];
    return [
      ...scroll,
      ...found.map(
        (el) =>
          `${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${c}`).join("")} ${Math.round(el.getBoundingClientRect().width)}px in #${el.closest("section")?.id ?? ""}`,
      ),
    ];
  });
}

describe.each([
  ["sample", () => sample],
  ["fixture", () => inject("portfolio")],
])("every page of the %s sites", (_, out) => {
  it("fits a 360 and a 390 px screen: no element wider than the viewport", async () => {
    const pages = await phonePages(out());
    expect(pages.length).toBeGreaterThan(20);
    const problems: string[] = [];
    for (const file of pages)
      for (const width of [360, 390])
        for (const p of await tooWide(file, width)) problems.push(`${file.slice(out().length + 1)} @${width}: ${p}`);
    expect(problems).toEqual([]);
  });

  it("keeps every table a table at 1366 px", async () => {
    const stacked: string[] = [];
    for (const file of await phonePages(out())) {
      expect(await tooWide(file, 1366), file).toEqual([]);
      if ((await page.$$("table.stacked")).length) stacked.push(file);
    }
    expect(stacked).toEqual([]);
  });
});

describe("a wide table on a phone", () => {
  it("is cards: the headline outcomes of acme, each value beside its column's name", async () => {
    const file = join(inject("portfolio"), "acme", "index.html");
    await tooWide(file, 390);
    const table = await page.$("#summary table");
    expect(await table!.evaluate((t) => t.classList.contains("stacked"))).toBe(true);
    const { heads, labels } = await table!.evaluate((t) => ({
      heads: [...t.tHead!.rows[0].cells].map((c) => c.textContent!.replace(/\s+/g, " ").trim()),
      labels: [...t.tBodies[0].rows[0].cells].map((c) => c.dataset.label ?? ""),
    }));
    expect(labels).toEqual(heads);
    // Each row is a card inside the screen, the label beside its value.
    const box = await table!.evaluate((t) => t.tBodies[0].rows[0].getBoundingClientRect().width);
    expect(box).toBeLessThanOrEqual(390);
  });
});

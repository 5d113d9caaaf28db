// Print craft, CJK craft and the site on a phone, checked on every PDF and every page of the sample
// portfolio (data/, built here with its PDFs) and of the fixture portfolio: written over every
// page, table, card and chart, so that sections added later are held to the same rules.
import { readdir, readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { CustomerResult } from "../../src/build.ts";
import { pdfOrigin } from "../../src/documents.ts";
import { serve } from "../../src/serve.ts";
import { DECK_PAGE } from "../../src/slides.ts";
import { launchBrowser } from "../support/browser.ts";
import {
  footFault,
  holds,
  MINUS_ZERO,
  printFacts,
  readPdfBody,
  type PdfPage,
  type PrintFacts,
} from "../support/craft.ts";

/** Each test reads every page of two portfolios in Chromium once (then from memory): minutes on a busy machine. */
const SLOW = 900_000;
const SAMPLES = [
  "formosa-health",
  "harimau-retail",
  "kestrel-foods",
  "northwind-logistics",
  "sakura-seimitsu",
  "southern-cross-water",
];
const fixtures = inject("portfolio");
/** The sample portfolio as the e2e global setup built it, with its PDFs (test/support/portfolio.ts). */
const samples = inject("samples");
let browser: Browser;
let server: { origin: string; close: () => Promise<void> };
let fixtureServer: { origin: string; close: () => Promise<void> };

beforeAll(async () => {
  const results = JSON.parse(inject("samplesResults")) as CustomerResult[];
  expect(results.map((r) => [r.slug, r.status])).toEqual(SAMPLES.map((s) => [s, "built"]));
  [browser, server, fixtureServer] = await Promise.all([launchBrowser(), serve(samples), serve(fixtures)]);
}, 900_000);

afterAll(async () => {
  await Promise.all([browser?.close(), server?.close(), fixtureServer?.close()]);
});

/**
 * Every folder's files ending in `ext`, with where they are served and whether they are the samples'. The samples'
 * decks (deck.html and its 16:9 PDF) are slides, held to their own rules in deck.test.ts.
 */
async function files(
  ext: string,
): Promise<{ origin: string; dir: string; slug: string; file: string; sample: boolean }[]> {
  const found = [];
  for (const [dir, origin, sample] of [
    [samples, server.origin, true],
    [fixtures, fixtureServer.origin, false],
  ] as const) {
    for (const slug of (await readdir(dir)).sort()) {
      if (slug.startsWith(".") || !(await stat(join(dir, slug))).isDirectory()) continue;
      for (const file of (await readdir(join(dir, slug))).sort())
        if (file.endsWith(ext) && !isDeck(file)) found.push({ origin, dir, slug, file, sample });
    }
  }
  return found;
}

/** Whether `file` is a deck's page or PDF. */
const isDeck = (file: string) => file === DECK_PAGE || /-qbr-deck-[^/]*\.pdf$/.test(file);

/** The print page a PDF was printed from, as the document registry names it. */
const printPage = (pdf: string) => pdfOrigin(pdf)?.doc.file ?? "print-qbr.html";

/** Each currency's code and the symbol the pages write it with (templates/lib/format.ts). */
const CURRENCY_SIGNS: Record<string, string> = {
  USD: "US$",
  TWD: "NT$",
  MYR: "RM",
  AUD: "A$",
  GBP: "£",
  EUR: "€",
  SGD: "S$",
};
/** The ways a difference of percentages is written: a document uses one. */
const POINTS = [/\bpp\b/, /ポイント/, /mata peratusan/, /百分點/, /percentage points?/];

interface Printed {
  name: string;
  pages: PdfPage[];
  facts: PrintFacts;
}

/** Each PDF with its pages' text and positions, and its print page as Chromium lays it out for print. */
let printed: Promise<Printed[]> | null = null;
function allPrinted(): Promise<Printed[]> {
  printed ??= (async () => {
    const out: Printed[] = [];
    const page = await browser.newPage();
    for (const { origin, dir, slug, file } of await files(".pdf")) {
      const pages = await readPdfBody(join(dir, slug, file));
      const [w, h] = pages[0].size;
      const mm = (pt: number) => (pt / 72) * 25.4;
      const px = (m: number) => Math.round((m * 96) / 25.4);
      const facts = await printFacts(page, `${origin}/${slug}/${printPage(file)}`, px(mm(w) - 32), px(mm(h) - 36));
      out.push({ name: `${slug}/${file}`, pages, facts });
    }
    await page.close();
    return out;
  })();
  return printed;
}

describe("print craft, on every PDF", { timeout: SLOW }, () => {
  it("cuts no table row, card, chart, panel or kept block across pages", async () => {
    const split: string[] = [];
    for (const { name, pages, facts } of await allPrinted()) {
      for (const unit of facts.units)
        if (!pages.some((p) => holds(p.text, unit.parts))) split.push(`${name}: ${unit.what}`);
    }
    expect(split).toEqual([]);
  });

  it("repeats a table's header row on every page the table continues on", async () => {
    const missing: string[] = [];
    for (const { name, pages, facts } of await allPrinted()) {
      const seen = new Map<number, Set<number>>();
      let from = 0; // page one holds the brief's panels
      for (const unit of facts.units) {
        const at = pages.findIndex((p, i) => i >= from && holds(p.text, unit.parts));
        if (at < 0) continue;
        from = at;
        if (!unit.header || unit.table === undefined) continue;
        const pagesOf = seen.get(unit.table) ?? new Set<number>();
        if (!pagesOf.has(at) && !holds(pages[at].text, unit.header))
          missing.push(`${name} page ${at + 1}: ${unit.header.join(" ")}`);
        seen.set(unit.table, pagesOf.add(at));
      }
    }
    expect(missing).toEqual([]);
  });

  it("fills every page to at least 40 % but the one that ends its document (the cover and contents are pages of their own)", async () => {
    const empty: string[] = [];
    for (const { name, pages, facts } of await allPrinted()) {
      pages.slice(1, -1).forEach((p, k) => {
        const contents = facts.contentsTitle !== null && p.text.startsWith(facts.contentsTitle);
        if (p.filled < 0.4 && !contents) empty.push(`${name} page ${k + 2}: ${Math.round(p.filled * 100)} %`);
      });
    }
    expect(empty).toEqual([]);
  });

  it("leaves no heading, and no paragraph's first line alone, at a page's foot", async () => {
    const found: string[] = [];
    for (const { name, pages, facts } of await allPrinted())
      pages.slice(0, -1).forEach((p, i) => {
        const fault = footFault(p, pages[i + 1], facts);
        if (fault) found.push(`${name} page ${i + 1}: ${fault}`);
      });
    expect(found).toEqual([]);
  });

  it("writes no −0", async () => {
    const found: string[] = [];
    for (const { name, pages } of await allPrinted())
      pages.forEach((p, i) => {
        const m = MINUS_ZERO.exec(p.raw);
        if (m) found.push(`${name} page ${i + 1}: "${p.raw.slice(Math.max(0, m.index - 24), m.index + 8)}"`);
      });
    expect(found).toEqual([]);
  });

  it("writes each quantity one way in a document: money by its symbol or its code, yen as 円 or ¥, points one way", async () => {
    const found: string[] = [];
    for (const { name, pages } of await allPrinted()) {
      const text = pages.map((p) => p.raw).join(" ");
      for (const [code, symbol] of Object.entries(CURRENCY_SIGNS))
        if (new RegExp(`\\b${code}\\b`).test(text) && text.includes(symbol))
          found.push(`${name}: ${code} and ${symbol}`);
      if (/[\d万億]円/.test(text) && /¥\s?\d/.test(text)) found.push(`${name}: 円 and ¥`);
      const points = POINTS.filter((p) => p.test(text));
      if (points.length > 1) found.push(`${name}: ${points.join(" and ")}`);
    }
    expect(found).toEqual([]);
  });

  it("keeps every amount, value with its unit and CJK name on one line in print", async () => {
    for (const { name, facts } of await allPrinted()) expect([name, facts.wrapped]).toEqual([name, []]);
  });

  it("has a contents page only when the document is longer than four pages", async () => {
    for (const { name, pages, facts } of await allPrinted()) {
      expect(facts.contentsTitle, name).not.toBeNull();
      const contents = pages[1].text.startsWith(facts.contentsTitle!);
      expect([name, pages.length, contents]).toEqual([name, pages.length, pages.length > 4]);
    }
  });
});

/** What one page shows at one width: read once per page and width, checked by the tests below. */
interface Seen {
  name: string;
  site: boolean;
  lang: string;
  style: { lineBreak: string; wordBreak: string; synthesis: string };
  text: string;
  charts: {
    unit: string;
    x: { text: string; box: Box }[];
    y: { text: string; box: Box }[];
    legend: { text: string; box: Box }[];
    /** Every text of the chart: none may stand outside its box. */
    all: { text: string; box: Box }[];
    svg: Box;
    target: string;
    payback: boolean;
    table: string;
  }[];
  marks: { colour: string; shape: string; text: string }[];
  wrapped: string[];
  wide: number;
  menuLinks: number;
  menuFolded: boolean;
  pdfs: [string, number][];
  logos: string[];
  axe: string[];
}
type Box = { left: number; right: number; top: number; bottom: number };

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const seen = new Map<number, Promise<Seen[]>>();

/** Every page (site and print) of both portfolios at `width`, with axe-core's serious and critical findings (but at 360 px). */
function pagesAt(width: number): Promise<Seen[]> {
  if (!seen.has(width)) seen.set(width, visit(width));
  return seen.get(width)!;
}

async function visit(width: number): Promise<Seen[]> {
  const axe = await readFile(AXE, "utf8");
  const page = await browser.newPage();
  await page.setBypassCSP(true); // axe-core is added as a script of the page
  await page.setViewport({ width, height: 800 });
  const out: Seen[] = [];
  for (const { origin, slug, file, sample } of await files(".html")) {
    const site = !file.startsWith("print-");
    if (!site && width < 1366) continue; // print pages are printed, not read on a phone
    await page.goto(`${origin}/${slug}/${file}`, { waitUntil: "load" });
    await page.waitForSelector("html[data-print-ready]");
    const facts = await page.evaluate(() => {
      const box = (el: Element) => {
        const { left, right, top, bottom } = el.getBoundingClientRect();
        return { left, right, top, bottom };
      };
      const body = getComputedStyle(document.body);
      return {
        lang: document.documentElement.lang,
        style: { lineBreak: body.lineBreak, wordBreak: body.wordBreak, synthesis: body.fontSynthesis },
        text: document.body.innerText,
        charts: [...document.querySelectorAll("svg.chart-svg")].map((svg) => {
          const texts = (sel: string) =>
            [...svg.querySelectorAll(sel)].map((t) => ({ text: t.textContent ?? "", box: box(t) }));
          return {
            unit: svg.querySelector(".axis-title")?.textContent ?? "",
            x: texts(".x-ticks text"),
            y: texts(".y-ticks text"),
            legend: texts(".legend text"),
            all: texts("text"),
            svg: box(svg),
            target: svg.querySelector(".target-label")?.textContent ?? "",
            payback: svg.closest(".payback-chart") !== null,
            table: svg.closest("figure")?.querySelector("tbody tr:last-child td.num")?.textContent ?? "",
          };
        }),
        marks: [...document.querySelectorAll<HTMLElement>(".pill, .health .dot")].map((el) => {
          const dot = el.classList.contains("dot");
          const mark = getComputedStyle(el, dot ? null : "::before");
          return {
            colour: dot ? mark.backgroundColor : getComputedStyle(el).color,
            shape: mark.display === "none" ? "none" : `${mark.clipPath}|${mark.borderRadius}|${mark.borderStyle}`,
            text: dot ? "dot" : (el.textContent ?? "").trim(),
          };
        }),
        wrapped: [...document.querySelectorAll(":is(:lang(ja), :lang(zh)) .name, [data-format^='money']")]
          .filter((el) => el.checkVisibility() && el.getClientRects().length > 1)
          .map((el) => el.textContent ?? ""),
        wide: document.documentElement.scrollWidth,
        menuLinks: [...document.querySelectorAll(".site-nav nav a")].filter((a) => a.checkVisibility()).length,
        menuFolded: document.querySelector(".site-nav summary")?.checkVisibility() ?? false,
        pdfs: [...document.querySelectorAll(".pdf-links a")].map((a) => a.getAttribute("href")!),
        logos: [...document.querySelectorAll<HTMLImageElement>(".cover-logos img, .site-header img")].map((i) => i.src),
      };
    });
    const pdfs: [string, number][] = [];
    for (const href of facts.pdfs)
      pdfs.push([href, await page.evaluate((h) => fetch(h, { method: "HEAD" }).then((r) => r.status), href)]);
    // axe-core reads every page of the sample customers, wide and on a phone (the fixtures share their templates).
    if (!sample || width === 360) {
      out.push({ ...facts, name: `${slug}/${file}`, site, pdfs, axe: [] });
      continue;
    }
    await page.addScriptTag({ content: axe });
    const found = await page.evaluate(async () => {
      type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
      const axe = (window as unknown as { axe: { run: (o: object) => Promise<Result> } }).axe;
      const r = await axe.run({ runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
      return r.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map(
          (v) =>
            `${v.id}: ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(" "))
              .join(", ")}`,
        );
    });
    out.push({ ...facts, name: `${slug}/${file}`, site, pdfs, axe: found });
  }
  await page.close();
  return out;
}

describe("charts, on every page", { timeout: SLOW }, () => {
  it("label their axes with the unit and four-digit years, ticks apart, the legend on one line, the target with its value", async () => {
    const faults: string[] = [];
    let charts = 0;
    for (const { name, charts: found } of await pagesAt(1366)) {
      for (const [i, c] of found.entries()) {
        const at = `${name} chart ${i + 1}`;
        charts++;
        if (!c.unit.trim()) faults.push(`${at}: y axis without a unit`);
        if (c.x.length < 2) faults.push(`${at}: fewer than two date ticks`);
        for (const t of c.x) if (!/\d{4}/.test(t.text)) faults.push(`${at}: "${t.text}" has no four-digit year`);
        for (const ticks of [c.x, c.y])
          ticks.forEach((t, k) => {
            const p = ticks[k - 1];
            if (
              p &&
              p.box.right > t.box.left &&
              p.box.left < t.box.right &&
              p.box.bottom > t.box.top &&
              p.box.top < t.box.bottom
            )
              faults.push(`${at}: "${p.text}" and "${t.text}" overlap`);
          });
        const tops = new Set(c.legend.map((t) => Math.round(t.box.top)));
        if (tops.size !== 1) faults.push(`${at}: legend on ${tops.size} lines`);
        for (const t of c.legend)
          if (t.box.right > c.svg.right + 1) faults.push(`${at}: legend "${t.text}" past the edge`);
        // The payback chart marks its payback dates instead (test/e2e/page-one.test.ts).
        if (!c.payback && !c.target.includes(c.table.trim()))
          faults.push(`${at}: target line labelled "${c.target}", target ${c.table}`);
      }
    }
    expect(faults).toEqual([]);
    expect(charts).toBeGreaterThan(10);
  });

  it("keeps every chart's text, and every logo's text, inside its box", async () => {
    const faults: string[] = [];
    const logos = new Set<string>();
    for (const { name, charts: found, logos: shown } of await pagesAt(1366)) {
      for (const l of shown) logos.add(l);
      for (const [i, c] of found.entries())
        for (const t of c.all)
          if (
            t.text.trim() &&
            (t.box.left < c.svg.left - 1 ||
              t.box.right > c.svg.right + 1 ||
              t.box.top < c.svg.top - 1 ||
              t.box.bottom > c.svg.bottom + 1)
          )
            faults.push(`${name} chart ${i + 1}: "${t.text}" outside the chart`);
    }
    // A logo is shown as an image, drawn with no web font: Chromium measures its text, opened as the SVG it is.
    const page = await browser.newPage();
    for (const src of [...logos].filter((l) => l.endsWith(".svg")).sort()) {
      await page.goto(src, { waitUntil: "load" });
      const past = await page.evaluate(() => {
        const svg = document.documentElement as unknown as SVGSVGElement;
        const vb = svg.viewBox.baseVal;
        return [...svg.querySelectorAll<SVGGraphicsElement>("text")]
          .map((el) => ({ el: el.textContent?.trim() || el.tagName, b: el.getBBox() }))
          .filter(({ b }) => b.width > 0 && (b.x < vb.x - 0.5 || b.x + b.width > vb.x + vb.width + 0.5))
          .map(({ el, b }) => `${el}: x ${Math.round(b.x)}–${Math.round(b.x + b.width)} in ${vb.x} ${vb.width}`);
      });
      for (const p of past) faults.push(`${src.replace(/^https?:\/\/[^/]+\//, "")} ${p}`);
    }
    await page.close();
    expect(faults).toEqual([]);
    expect(logos.size).toBeGreaterThan(4);
  });

  it("gives each status colour its own shape and every status its word, so statuses read apart in greyscale", async () => {
    const shapesOf = new Map<string, Set<string>>();
    for (const { name, marks } of await pagesAt(1366)) {
      for (const m of marks) {
        expect(m.text, `${name}: a status pill without words`).not.toBe("");
        shapesOf.set(m.colour, (shapesOf.get(m.colour) ?? new Set()).add(m.shape));
      }
    }
    const coloured = [...shapesOf].filter(([, shapes]) => !shapes.has("none"));
    const shapes = coloured.flatMap(([, s]) => [...s]);
    expect(coloured.length).toBeGreaterThanOrEqual(3);
    expect(new Set(shapes).size, JSON.stringify(coloured.map(([c, s]) => [c, [...s]]))).toBe(shapes.length);
  });
});

describe("CJK craft", { timeout: SLOW }, () => {
  it("breaks Japanese and Chinese lines strictly, by phrase in Japanese, with no synthetic styles", async () => {
    const langs = new Set<string>();
    for (const { name, lang, style } of await pagesAt(1366)) {
      if (!/^(ja|zh)/.test(lang)) continue;
      langs.add(lang);
      expect({ name, ...style }).toEqual({
        name,
        lineBreak: "strict",
        wordBreak: lang.startsWith("ja") ? "auto-phrase" : "normal",
        synthesis: "none",
      });
    }
    expect([...langs].sort()).toEqual(["ja-JP", "zh-TW"]);
  });

  it("writes full-width punctuation, brackets and quotes next to CJK characters, on every page", async () => {
    const cjk = "[\\u3040-\\u30ff\\u3400-\\u9fff\\uf900-\\ufaff]";
    const halfWidth = new RegExp(`${cjk}\\s?[,:;.!?](?!\\d)|[,:;](?!\\d)\\s?${cjk}`, "u");
    // Brackets a template sets beside CJK text (「(戦術)」, 2026年11月30日 (已修訂)), and Western quotes in Japanese and Taiwanese text.
    const brackets = new RegExp(`${cjk} \\(|「\\(|\\)」`, "u");
    const quotes = new RegExp(`${cjk}[“”]|[“”]${cjk}`, "u");
    const found: string[] = [];
    for (const { name, text, lang } of await pagesAt(1366)) {
      for (const rule of /^(ja|zh-TW)/.test(lang) ? [halfWidth, brackets, quotes] : [halfWidth, brackets]) {
        const m = rule.exec(text);
        if (m) found.push(`${name}: "${text.slice(Math.max(0, m.index - 12), m.index + 12)}"`);
      }
    }
    expect(found).toEqual([]);
  });

  it("keeps amounts, and names in Japanese and Chinese, on one line, wide and on a phone", async () => {
    for (const width of [1366, 390])
      for (const { name, wrapped } of await pagesAt(width)) expect([width, name, wrapped]).toEqual([width, name, []]);
  });
});

describe("the site on a phone and for everyone", { timeout: SLOW }, () => {
  it("never scrolls sideways from 360 px up; the menu folds into one line; every page links its PDFs", async () => {
    for (const width of [360, 390])
      for (const p of (await pagesAt(width)).filter((p) => p.site)) {
        expect([width, p.name, p.wide <= width, p.menuLinks, p.menuFolded]).toEqual([width, p.name, true, 0, true]);
        expect(p.pdfs.length, p.name).toBeGreaterThan(0);
        for (const [href, status] of p.pdfs) expect([p.name, href, status]).toEqual([p.name, href, 200]);
      }
  });

  it("shows every page's menu open on a wide screen", async () => {
    for (const p of (await pagesAt(1366)).filter((p) => p.site)) {
      // bare's customer copy has two pages: no milestone and no metric leaves its milestones page out; kestrel-foods,
      // at its kickoff, has its plan alone.
      const pages = p.name.startsWith("kestrel-foods/") ? 1 : 2;
      expect([p.name, p.menuFolded, p.menuLinks >= pages]).toEqual([p.name, false, true]);
    }
  });

  it("passes axe-core with no serious or critical violation (WCAG 2 A and AA, contrast included), wide and on a phone", async () => {
    const violations: string[] = [];
    let pages = 0;
    for (const width of [1366, 390])
      for (const p of (await pagesAt(width)).filter((p) => SAMPLES.includes(p.name.split("/")[0]))) {
        pages++;
        for (const v of p.axe) violations.push(`${width}px ${p.name} ${v}`);
      }
    expect(violations).toEqual([]);
    expect(pages).toBeGreaterThan(40);
  });
});

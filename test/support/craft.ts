// What the print-craft tests read: where each page's text sits in a PDF (pdfjs-dist positions),
// and, from the same print page laid out by Chromium for print, what must stay whole on a page.
import { readFile } from "node:fs/promises";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Page } from "puppeteer";

/**
 * Text as letters and digits only, compatibility forms folded: how PDF text and page text compare (a font may map
 * ¥ to \\, — to ―, or ・ to ･; white space and line ends differ).
 */
export const squash = (text: string) => text.normalize("NFKC").replace(/[^\p{L}\p{N}]+/gu, "");

export interface PdfPage {
  /** Width and height in points. */
  size: [number, number];
  /** The body's text, squashed, in drawing order (running header and page number left out). */
  text: string;
  /** How far down the body area its last text reaches: 0 (empty) to 1 (full). */
  filled: number;
  /** The body's text as drawn, runs joined by spaces (for what squashing would hide: signs, units). */
  raw: string;
  /** The squashed text of the body's lowest line (the runs at its lowest baseline). */
  lastLine: string;
}

/** Page margins of the print documents (templates/lib/print.ts): 18 mm top and bottom, in points. */
const MARGIN = (18 / 25.4) * 72;

export async function readPdfBody(path: string): Promise<PdfPage[]> {
  const task = getDocument({ data: new Uint8Array(await readFile(path)), verbosity: 0 });
  const doc = await task.promise;
  const pages: PdfPage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [, , width, height] = page.view;
    const items = (await page.getTextContent()).items.flatMap((item) =>
      "str" in item && item.str.trim() ? [{ str: item.str, y: item.transform[5], h: item.height }] : [],
    );
    // The first page (the cover) has no margins; the others keep their header and footer in them.
    const body = i === 1 ? items : items.filter((t) => t.y > MARGIN - 2 && t.y < height - MARGIN);
    const lowest = Math.min(...body.map((t) => t.y), height - MARGIN);
    const top = i === 1 ? height : height - MARGIN;
    pages.push({
      size: [width, height],
      text: squash(body.map((t) => t.str).join("")),
      filled: Math.max(0, Math.min(1, (top - lowest) / (top - (i === 1 ? 0 : MARGIN)))),
      raw: body.map((t) => t.str).join(" "),
      lastLine: squash(
        body
          .filter((t) => t.y < lowest + 2)
          .map((t) => t.str)
          .join(""),
      ),
    });
  }
  await task.destroy();
  return pages;
}

/** Whether every one of `parts` is in `text` (in any order: Chromium paints positioned boxes after the others). */
export function holds(text: string, parts: string[]): boolean {
  return parts.every((part) => text.includes(part));
}

/** One element that must not be cut by a page end, and a table's header. */
export interface Unit {
  what: string;
  parts: string[];
  /** For a table body row: the parts of its table's header row, and the table's number on the page. */
  header?: string[];
  table?: number;
}

export interface PrintFacts {
  units: Unit[];
  /** The first words of every element that starts a page by rule (break-before/after: page). */
  forcedStarts: string[];
  contentsTitle: string | null;
  /** Headings (h2–h4, captions), squashed: a page's last line that is one of them is a heading at its foot. */
  headings: string[];
  /** Section and phase heads with what stands beside them, squashed: a last line that is most of one is one at the foot. */
  heads: string[];
  /** Paragraphs and list items of two lines or more, squashed: none may leave its first line alone at a page's foot. */
  paragraphs: string[];
  /** Amounts, values with their units and names laid out on more than one line. */
  wrapped: string[];
}

/** Lays `url` out as pdf.ts prints it and reads the units: rows, cards, charts, panels, and anything marked break-inside: avoid. */
export async function printFacts(page: Page, url: string, width: number, pageHeightPx: number): Promise<PrintFacts> {
  await page.emulateMediaType("print");
  await page.setViewport({ width, height: 1000 });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForSelector("html[data-print-ready]");
  return page.evaluate((limit: number) => {
    const squash = (s: string) => s.normalize("NFKC").replace(/[^\p{L}\p{N}]+/gu, "");
    const parts = (el: HTMLElement) =>
      el.innerText
        .split(/\s+/)
        .map(squash)
        .filter((p) => p.length > 0);
    const units: {
      what: string;
      parts: string[];
      header?: string[];
      table?: number;
    }[] = [];
    const tables = [...document.querySelectorAll("table")];
    for (const el of document.querySelectorAll<HTMLElement>("body *")) {
      const style = getComputedStyle(el);
      const isRow = el.tagName === "TR" && el.parentElement?.tagName === "TBODY";
      // A card marked .runs-on (an audience's view) may run on to the next page between its blocks, each kept whole.
      const kept = el.matches(".card, .panel, figure, .kpi") && !el.matches(".runs-on");
      const keep = isRow || /avoid/.test(style.breakInside) || kept;
      if (!keep || el.closest("nav.toc") || !el.checkVisibility() || el.getBoundingClientRect().height > limit)
        continue;
      const p = parts(el);
      if (p.length === 0) continue;
      const table = el.closest("table");
      const head = isRow ? table?.querySelector<HTMLElement>("thead tr") : null;
      units.push({
        what: `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} "${el.innerText.slice(0, 60).replace(/\s+/g, " ")}"`,
        parts: p,
        ...(head ? { header: parts(head), table: tables.indexOf(table!) } : {}),
      });
    }
    const forcedStarts: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>("body *")) {
      if (!el.checkVisibility()) continue;
      const before = getComputedStyle(el).breakBefore;
      const prev = el.previousElementSibling;
      const after = prev ? getComputedStyle(prev).breakAfter : "auto";
      if (/page|left|right|always/.test(before) || /page|left|right|always/.test(after)) {
        const first = parts(el)[0];
        if (first) forcedStarts.push(first);
      }
    }
    const toc = document.querySelector<HTMLElement>("nav.toc h2");
    const shown = (sel: string) =>
      [...document.querySelectorAll<HTMLElement>(sel)].filter((el) => el.checkVisibility() && !el.closest("nav.toc"));
    const squashed = (sel: string) =>
      shown(sel)
        .map((el) => squash(el.innerText))
        .filter((h) => h.length > 0);
    // A heading's own words elsewhere (a milestone card names its metric as its metric card's heading does) are
    // no heading: only a whole heading counts; section heads may end the page with part of what stands beside them.
    const headings = squashed("h2, h3, h4, caption");
    const heads = squashed(".section-head, .phase-head");
    const paragraphs = shown("p, li, blockquote")
      .filter((el) => {
        const lh = parseFloat(getComputedStyle(el).lineHeight) || 16;
        return el.getBoundingClientRect().height > lh * 1.5 && !el.querySelector("p, li, table, div");
      })
      .map((el) => squash(el.innerText));
    const wrapped = shown("[data-format^='money'], [data-format='value'], .unit, :is(:lang(ja), :lang(zh)) .name")
      .filter((el) => el.getClientRects().length > 1)
      .map((el) => el.textContent ?? "");
    return {
      units,
      forcedStarts,
      contentsTitle: toc ? squash(toc.innerText) : null,
      headings,
      heads,
      paragraphs,
      wrapped,
    };
  }, pageHeightPx);
}

/** The page's foot ends with a heading (or a section head's line), or a paragraph's first line alone, its rest on `next`. */
export function footFault(
  page: PdfPage,
  next: PdfPage,
  facts: Pick<PrintFacts, "headings" | "heads" | "paragraphs">,
): string | null {
  const last = page.lastLine;
  if (last.length < 2) return null;
  // The lowest line is a heading, or most of one (a section head's title and what stands beside it).
  const heading =
    facts.headings.find((h) => h === last) ??
    facts.heads.find((h) => h === last || (h.includes(last) && last.length * 2 >= h.length));
  if (heading) return `heading "${heading}" at the foot`;
  const para = facts.paragraphs.find((p) => {
    if (!p.startsWith(last) || p.length <= last.length) return false;
    const rest = p.slice(last.length);
    return next.text.startsWith(rest.slice(0, 12));
  });
  if (para) return `first line of "${para.slice(0, 40)}" alone at the foot`;
  return null;
}

/** "−0" or "-0" written as a number (not a date's or a code's digits). */
export const MINUS_ZERO = /(?<![\p{L}\p{N}.,/:-])[−-]0(?![\p{N}.,:])/u;

// Print quality of every PDF of the fixture portfolio: page furniture, contents, bookmarks,
// metadata, tagging, fonts and page breaks — facts about the PDFs, never their bytes.
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { readPdf, readPdfPages } from "../support/pdf.ts";

const out = inject("portfolio");

async function pdfs(): Promise<string[]> {
  const found: string[] = [];
  for (const slug of await readdir(out)) {
    if (slug.startsWith(".") || !(await stat(join(out, slug))).isDirectory()) continue;
    for (const file of await readdir(join(out, slug))) if (file.endsWith(".pdf")) found.push(join(out, slug, file));
  }
  return found.sort();
}

const all = await pdfs();

describe("every PDF", () => {
  it("exists for each pack built", () => {
    expect(all.map((p) => p.slice(out.length + 1))).toEqual(
      expect.arrayContaining(["acme/acme-qbr-2026-Q3.pdf", "kiso-kogyo/kiso-kogyo-qbr-2026-Q3.pdf"]),
    );
  });

  it.each(all.map((p) => [p.slice(out.length + 1), p]))(
    "%s: cover, then 'page X of Y' on every page",
    async (_, path) => {
      const { pages } = await readPdf(path);
      expect(pages.length).toBeGreaterThanOrEqual(2);
      const ja = path.includes("kiso-kogyo");
      expect(pages[0]).not.toMatch(ja ? /\d+ \/ \d+ ページ/ : /Page \d+ of \d+/);
      pages.slice(1).forEach((text, i) => {
        expect(text.replace(/\s+/g, "")).toContain(
          ja ? `${i + 2}/${pages.length}ページ` : `Page${i + 2}of${pages.length}`,
        );
      });
    },
  );

  it.each(all.map((p) => [p.slice(out.length + 1), p]))(
    "%s: contents with the right page numbers (when longer than four pages), and bookmarks",
    async (_, path) => {
      const { pages, outline } = await readPdf(path);
      if (pages.length <= 4) return expect(outline.length).toBeGreaterThan(0);
      const html = await readFile(path.replace(/[^/]+\.pdf$/, printPage(path)), "utf8");
      const entries = [
        ...html.matchAll(
          /<li><a href="#([\w-]+)"><span>([^<]+)<\/span><span class="toc-page" data-toc-for="[\w-]+">(\d*)<\/span>/g,
        ),
      ];
      // The served HTML has empty page cells; Chromium fills them. Read them back from page 2,
      // spaces removed (CJK text comes out of pdfjs one glyph run at a time).
      expect(entries.length).toBeGreaterThan(0);
      const flat = pages.map((p) => p.replace(/\s+/g, ""));
      entries.forEach(([, , html], i) => {
        const title = decode(html);
        const next = i < entries.length - 1 ? `${i + 2}\\.` : "";
        const match = new RegExp(`${escape(title.replace(/\s+/g, ""))}(\\d+)${next}`).exec(flat[1]);
        expect(match, `${title} in the contents`).not.toBeNull();
        const page = Number(match![1]);
        expect(flat[page - 1], `"${title}" on page ${page}`).toContain(title.replace(/\s+/g, ""));
        expect(outline).toContain(title);
      });
    },
  );

  it.each(all.map((p) => [p.slice(out.length + 1), p]))(
    "%s: tagged, with title, author, subject and language",
    async (_, path) => {
      const { info, tagged } = await readPdf(path);
      expect(tagged).toBe(true);
      expect(info.Title).toBeTruthy();
      // The provider sends the pack; without one, the customer's own name stands as author.
      const author = path.includes("kiso-kogyo")
        ? "メリディアン・アドバイザリー"
        : path.includes("/bare/")
          ? "Bare Minimum Ltd"
          : "Meridian Advisory";
      expect(info.Author).toBe(author);
      expect(info.Subject).toBeTruthy();
      expect(info.Language).toMatch(path.includes("kiso-kogyo") ? /^ja-JP$/ : /^en-\w\w$/);
    },
  );

  it.each(all.map((p) => [p.slice(out.length + 1), p]))(
    "%s: embeds real fonts for the text and draws no missing glyph",
    async (_, path) => {
      const pages = await readPdfPages(path);
      // Chromium draws the text inside SVG images (logos, evidence) as Type 3 outlines: allowed
      // there, and only there. Every other run of text is in an embedded TrueType font.
      const images = await svgTexts(join(FIXTURES, path.slice(out.length + 1).split("/")[0]));
      for (const [i, page] of pages.entries()) {
        expect(page.notdef, `page ${i + 1}`).toBe(0);
        const type3 = new Set(page.fonts.filter((f) => f.type3).map((f) => f.id));
        const runs = page.texts.filter((t) => type3.has(t.font)).map((t) => t.str);
        const fromImages = (run: string) =>
          images.some((text) => new RegExp(escape(run.replace(/\s+/g, "")).replaceAll("\u0000", ".")).test(text));
        expect(
          runs.filter((run) => !fromImages(run)),
          `page ${i + 1}`,
        ).toEqual([]);
      }
    },
  );

  it.each(all.map((p) => [p.slice(out.length + 1), p]))(
    "%s: never ends a page on a section heading",
    async (_, path) => {
      const pages = await readPdfPages(path);
      const html = await readFile(path.replace(/[^/]+\.pdf$/, printPage(path)), "utf8");
      const headings = new Set([...html.matchAll(/<h[23][^>]*>([^<]+)</g)].map((m) => decode(m[1]).trim()));
      for (const [i, page] of pages.entries()) {
        const body = page.texts.filter((t) => t.y > 60); // above the footer
        if (body.length === 0) continue;
        const lowest = Math.min(...body.map((t) => t.y));
        const lastLine = body
          .filter((t) => Math.abs(t.y - lowest) < 2)
          .map((t) => t.str)
          .join("")
          .trim();
        expect(headings.has(lastLine), `page ${i + 1} ends with heading "${lastLine}"`).toBe(false);
      }
    },
  );
});

describe("paper and language", () => {
  it("prints US customers on Letter and Japanese ones on A4, in their language", async () => {
    const acme = await readPdf(join(out, "acme", "acme-qbr-2026-Q3.pdf"));
    const kiso = await readPdf(join(out, "kiso-kogyo", "kiso-kogyo-qbr-2026-Q3.pdf"));
    expect(kiso.pages.join("").replace(/\s+/g, "")).toContain("四半期ビジネスレビュー");
    expect(kiso.pages.join("").replace(/\s+/g, "")).toContain("木曽工業株式会社");
    expect(acme.pages.join(" ")).toContain("Quarterly Business Review");
    const size = async (p: string) => {
      const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
      const doc = await getDocument({ data: new Uint8Array(await readFile(p)), verbosity: 0 }).promise;
      const view = (await doc.getPage(1)).view;
      return [Math.round(view[2]), Math.round(view[3])];
    };
    expect(await size(join(out, "acme", "acme-qbr-2026-Q3.pdf"))).toEqual([612, 792]);
    expect(await size(join(out, "kiso-kogyo", "kiso-kogyo-qbr-2026-Q3.pdf"))).toEqual([595, 842]);
  });
});

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "data");

/** The text inside a customer's SVG files, spaces removed. */
async function svgTexts(dir: string): Promise<string[]> {
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith(".svg"));
  return Promise.all(
    files.map(async (f) => (await readFile(join(dir, f), "utf8")).replace(/<[^>]+>/g, "").replace(/\s+/g, "")),
  );
}

function printPage(pdf: string): string {
  if (pdf.endsWith("-handoff.pdf")) return "print-handoff.html";
  return pdf.includes("-closeout-") ? "print-closeout.html" : "print-qbr.html";
}

function decode(html: string): string {
  return html
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

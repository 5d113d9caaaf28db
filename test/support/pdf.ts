// Reads a PDF the way the tests need it: pages, text per page, outline, metadata, fonts.
import { readFile } from "node:fs/promises";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface PdfFacts {
  pages: string[];
  outline: string[];
  info: Record<string, unknown>;
  tagged: boolean;
}

/** The text of each page (items joined by spaces), the outline titles, the info dictionary. */
export async function readPdf(path: string): Promise<PdfFacts> {
  const task = getDocument({ data: new Uint8Array(await readFile(path)), useSystemFonts: false, verbosity: 0 });
  const doc = await task.promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pages.push(
      content.items
        .map((item) => ("str" in item ? item.str : ""))
        .join(" ")
        .replace(/\s+/g, " "),
    );
  }
  const flatten = (items: { title: string; items?: unknown[] }[] | null): string[] =>
    (items ?? []).flatMap((o) => [o.title, ...flatten((o.items ?? []) as { title: string; items?: unknown[] }[])]);
  const outline = flatten((await doc.getOutline()) as { title: string; items?: unknown[] }[] | null);
  const { info } = (await doc.getMetadata()) as { info: Record<string, unknown> };
  const markInfo = (await doc.getMarkInfo()) as Map<string, boolean> | null;
  const tagged = Boolean(markInfo?.get("Marked"));
  await task.destroy();
  return { pages, outline, info, tagged };
}

/** One run of text on a page: its string, font and height above the page's bottom edge (points). */
export interface PdfText {
  str: string;
  font: string;
  y: number;
}

/** Per page: the text runs, the fonts of the page's own text (name, Type 3 or not), and its glyphs drawn as .notdef. */
export interface PdfPageFacts {
  texts: PdfText[];
  /** `id` is what PdfText.font names. */
  fonts: { id: string; name: string; type3: boolean }[];
  notdef: number;
  height: number;
}

export async function readPdfPages(path: string): Promise<PdfPageFacts[]> {
  const { OPS } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = getDocument({ data: new Uint8Array(await readFile(path)), verbosity: 0 });
  const doc = await task.promise;
  const pages: PdfPageFacts[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const ops = await page.getOperatorList();
    // Text drawn by the page itself; text inside images (SVG logos, evidence) sits in form XObjects.
    const fontIds = new Set<string>();
    let notdef = 0;
    let depth = 0;
    let type3 = false;
    for (let k = 0; k < ops.fnArray.length; k++) {
      if (ops.fnArray[k] === OPS.paintFormXObjectBegin) depth++;
      if (ops.fnArray[k] === OPS.paintFormXObjectEnd) depth--;
      if (depth > 0) continue;
      if (ops.fnArray[k] === OPS.setFont) {
        const id = ops.argsArray[k][0] as string;
        fontIds.add(id);
        type3 = Boolean((page.commonObjs.get(id) as { isType3Font?: boolean }).isType3Font);
      }
      // Type 3 glyphs (text inside SVG images) carry no Unicode; only real fonts can show .notdef.
      if (ops.fnArray[k] === OPS.showText && !type3) {
        for (const glyph of ops.argsArray[k][0] as ({ unicode: string } | number | null)[]) {
          if (glyph && typeof glyph === "object" && glyph.unicode === "\u0000") notdef++;
        }
      }
    }
    const fonts = [...fontIds].map((id) => {
      const font = page.commonObjs.get(id) as { name: string; isType3Font: boolean };
      return { id, name: font.name ?? id, type3: Boolean(font.isType3Font) };
    });
    const content = await page.getTextContent();
    const texts = content.items.flatMap((item) =>
      "str" in item && item.str.trim() ? [{ str: item.str, font: item.fontName, y: item.transform[5] as number }] : [],
    );
    pages.push({ texts, fonts, notdef, height: page.view[3] - page.view[1] });
  }
  await task.destroy();
  return pages;
}

/**
 * The fonts a PDF's pages draw text with (e.g. "AAAAAA+NotoSansJP-Regular"), and the characters drawn in a font that
 * is not one of the customer's webfonts (a system fallback). An image's text (an SVG logo, drawn in a form XObject
 * with its own fonts) is its own.
 */
export async function pdfFonts(path: string): Promise<{ names: string[]; fallback: string[] }> {
  const { getDocument, OPS } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = getDocument({ data: new Uint8Array(await readFile(path)), fontExtraProperties: true, verbosity: 0 });
  const doc = await task.promise;
  const names = new Set<string>();
  const fallback = new Set<string>();
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const ops = await page.getOperatorList();
    let ours = true;
    // Text inside images (the SVG logos) sits in form XObjects, drawn with the image's own fonts.
    let depth = 0;
    ops.fnArray.forEach((fn, k) => {
      if (fn === OPS.paintFormXObjectBegin) depth++;
      if (fn === OPS.paintFormXObjectEnd) depth--;
      if (depth > 0) return;
      if (fn === OPS.setFont) {
        const { name } = page.commonObjs.get(ops.argsArray[k][0] as string) as { name: string };
        names.add(name);
        ours = /Inter|SourceSerif4|NotoSans(JP|TC|SC|KR)/.test(name);
      }
      if (fn === OPS.showText && !ours)
        for (const glyph of ops.argsArray[k][0] as ({ unicode: string } | number | null)[])
          if (glyph && typeof glyph === "object" && glyph.unicode.trim()) fallback.add(glyph.unicode);
    });
  }
  await task.destroy();
  return { names: [...names], fallback: [...fallback].sort() };
}

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
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" ").replace(/\s+/g, " "));
  }
  const flatten = (items: { title: string; items?: unknown[] }[] | null): string[] =>
    (items ?? []).flatMap((o) => [o.title, ...flatten((o.items ?? []) as { title: string; items?: unknown[] }[])]);
  const outline = flatten((await doc.getOutline()) as { title: string; items?: unknown[] }[] | null);
  const { info } = (await doc.getMetadata()) as { info: Record<string, unknown> };
  const tagged = Boolean((await doc.getMarkInfo())?.Marked);
  await task.destroy();
  return { pages, outline, info, tagged };
}

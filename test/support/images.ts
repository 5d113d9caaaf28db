// The raster images a PDF paints, per page: how a test tells a drawn chart from a blank one.
import { readFile } from "node:fs/promises";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface PdfImage {
  width: number;
  height: number;
  /** Share of pixels that are neither transparent nor white: 0 for a blank canvas. */
  inked: number;
}

/** Every image painted on each page of the PDF at `path`, in page order. */
export async function readPdfImages(path: string): Promise<PdfImage[][]> {
  const task = getDocument({ data: new Uint8Array(await readFile(path)), useSystemFonts: false, verbosity: 0 });
  const doc = await task.promise;
  const pages: PdfImage[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const ops = await page.getOperatorList();
    const images: PdfImage[] = [];
    for (let k = 0; k < ops.fnArray.length; k++) {
      if (ops.fnArray[k] !== OPS.paintImageXObject) continue;
      const [name] = ops.argsArray[k] as [string];
      const img = await new Promise<{ width: number; height: number; data?: Uint8ClampedArray; kind?: number }>(
        (resolve) => page.objs.get(name, resolve),
      );
      images.push({
        width: img.width,
        height: img.height,
        inked: img.data ? inkedShare(img.data, img.kind === 3 ? 4 : 3) : 0,
      });
    }
    pages.push(images);
  }
  await task.destroy();
  return pages;
}

function inkedShare(data: Uint8ClampedArray, channels: number): number {
  let inked = 0;
  const n = data.length / channels;
  for (let p = 0; p < data.length; p += channels) {
    const transparent = channels === 4 && data[p + 3] === 0;
    const white = data[p] > 245 && data[p + 1] > 245 && data[p + 2] > 245;
    if (!transparent && !white) inked++;
  }
  return inked / n;
}

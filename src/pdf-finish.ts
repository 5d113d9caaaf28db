// The finishing step of a printed PDF, as one pure function of bytes (bytes in, bytes out: no file, no process,
// no clock), so it can run on any thread.
import { shortenContents } from "./pdf-content.ts";
import { packObjects } from "./pdf-pack.ts";
import { finishPdf, type Bookmark, type PdfInfo } from "./pdfinfo.ts";

/** The finished bytes of a PDF Chromium printed: text runs as TJ arrays and short numbers, information and bookmarks, stable ids, object streams. */
export function finishedPdf(pdf: Uint8Array, info: PdfInfo, bookmarks: Bookmark[]): Uint8Array {
  return packObjects(finishPdf(shortenContents(pdf), info, bookmarks));
}

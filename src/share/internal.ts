// The internal copy never reaches a share link. A build records the copy in each customer folder
// as it swaps it in (COPY_FILE), marks every internal page (`<meta name="milepost-copy">`) and PDF
// (the trailer's /MilepostCopy, which the packed cross-reference stream keeps), and names its PDFs `…-internal.pdf`;
// publish refuses a folder or file carrying any of these, whatever manifest.json says.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { PORTFOLIO_MARK } from "../portfolio/page.ts";
import type { ShareFile } from "./files.ts";

/** The file in each built customer folder that says which copy it holds: "customer" or "internal". */
export const COPY_FILE = ".milepost-copy";

/** What an internal page carries in its head. */
export const PAGE_MARK = '<meta name="milepost-copy" content="internal"';
/** What an internal PDF carries in its trailer. */
export const PDF_MARK = "/MilepostCopy /internal";

/** Why the built folder `dir` (its files `files`) is the internal copy, or null when nothing marks it so. */
export async function internalMark(dir: string, files: ShareFile[]): Promise<string | null> {
  const copy = (await readFile(join(dir, COPY_FILE), "utf8").catch(() => "")).trim();
  if (copy === "internal") return `${COPY_FILE} says internal`;
  for (const f of files) {
    if (/-internal\.pdf$/.test(f.path)) return `${f.path} is an internal PDF`;
    const mark = f.path.endsWith(".html") ? PAGE_MARK : f.path.endsWith(".pdf") ? PDF_MARK : null;
    if (mark && Buffer.from(f.body.buffer, f.body.byteOffset, f.body.byteLength).includes(mark))
      return `${f.path} is marked internal`;
  }
  return null;
}

/** The file of a folder to publish that is the book of business's (dist/portfolio/), or null when none is. */
export function bookMark(files: ShareFile[]): string | null {
  for (const f of files) {
    if (/(^|\/)portfolio\.(csv|pdf)$/.test(f.path)) return f.path;
    if (
      f.path.endsWith(".html") &&
      Buffer.from(f.body.buffer, f.body.byteOffset, f.body.byteLength).includes(PORTFOLIO_MARK)
    )
      return f.path;
  }
  return null;
}

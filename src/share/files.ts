// What of a built customer folder is published: the customer-facing files only, each with the
// Content-Type and Cache-Control it is served with.
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { AUDIENCE_PDFS, PRINT_DEFS } from "../documents.ts";
import { contentType, TYPES } from "../serve.ts";

/** One file to publish, relative to the share's folder. e.g. "files/evidence/chart.svg" */
export interface ShareFile {
  path: string;
  body: Uint8Array;
  type: string;
  cache: string;
}

/**
 * Hashed bundles and fonts never change under their name; everything else is revalidated, and
 * kept out of shared caches: a narrative's image in _astro/ is hashed too, but it is the customer's.
 */
export function cacheControl(path: string): string {
  // fonts/fonts.css keeps its name while the subsets it names change: only the fonts themselves are immutable.
  return /(^|\/)_astro\/[^/]+\.(js|css)$/.test(path) || /(^|\/)fonts\/[^/]+\.woff2?$/.test(path)
    ? "public, max-age=31536000, immutable"
    : "private, no-cache";
}

/** The pages the PDFs are printed from (print-qbr.html, an audience's print-qbr-finance.html): the registry's. */
const PRINT_PAGES = new Set(
  Object.values(PRINT_DEFS).flatMap((d) => [
    d.file,
    ...AUDIENCE_PDFS.map((a) => d.file.replace(/\.html$/, `-${a}.html`)),
  ]),
);

/**
 * The customer-facing files of a built folder: pages, stylesheets, scripts, fonts, PDFs, logos
 * and evidence. report.json (every figure with its source rows and the internal notes no page
 * shows), the print documents' pages (the PDFs are sent instead) and any file of an unknown type stay behind.
 */
export async function customerFiles(dir: string): Promise<ShareFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: ShareFile[] = [];
  for (const e of entries.filter((x) => x.isFile())) {
    const path = relative(dir, join(e.parentPath, e.name)).split(sep).join("/");
    const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1].toLowerCase() ?? "";
    if (
      path === "report.json" ||
      PRINT_PAGES.has(path) ||
      !TYPES[`.${ext}`] ||
      ext === "json" ||
      ext === "txt" ||
      isContactSheet(path)
    )
      continue;
    files.push({ path, body: await readFile(join(dir, path)), type: contentType(path), cache: cacheControl(path) });
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** A contact sheet of --contact-sheets (the reviewer's, not the customer's). e.g. "contact-acme-qbr-2026-Q3.png" */
const isContactSheet = (path: string) => /^contact-[^/]+\.png$/.test(path);

/** robots.txt for the root of the share prefix: no crawler reads anything. */
export const ROBOTS_TXT = "User-agent: *\nDisallow: /\n";

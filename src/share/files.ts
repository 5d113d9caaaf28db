// What of a built customer folder is published: the customer-facing files only, each with the
// Content-Type and Cache-Control it is served with.
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";

/** One file to publish, relative to the share's folder. e.g. "files/evidence/chart.svg" */
export interface ShareFile {
  path: string;
  body: Uint8Array;
  type: string;
  cache: string;
}

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  json: "application/json",
  txt: "text/plain; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  pdf: "application/pdf",
  woff2: "font/woff2",
  woff: "font/woff",
  bin: "application/octet-stream",
};

/** Hashed bundles and fonts never change under their name; everything else is revalidated, and kept out of shared caches. */
export function cacheControl(path: string): string {
  return /^(_astro|fonts)\//.test(path) || /\/(_astro|fonts)\//.test(path) ? "public, max-age=31536000, immutable" : "private, no-cache";
}

export function contentType(path: string): string {
  return TYPES[/\.([a-z0-9]+)$/i.exec(path)?.[1].toLowerCase() ?? "bin"] ?? "application/octet-stream";
}

/** Whether a file is a font (left unencrypted by --protect: it holds no customer data). */
export const isFont = (path: string) => /\.(woff2?|ttf|otf)$/i.test(path);

/**
 * The customer-facing files of a built folder: pages, stylesheets, scripts, fonts, PDFs, logos
 * and evidence. report.json (every figure with its source rows and the internal notes no page
 * shows) and any file of an unknown type stay behind.
 */
export async function customerFiles(dir: string): Promise<ShareFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: ShareFile[] = [];
  for (const e of entries.filter((x) => x.isFile())) {
    const path = relative(dir, join(e.parentPath, e.name)).split(sep).join("/");
    const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1].toLowerCase() ?? "";
    if (path === "report.json" || !TYPES[ext] || ext === "json" || ext === "txt" || ext === "bin") continue;
    files.push({ path, body: await readFile(join(dir, path)), type: contentType(path), cache: cacheControl(path) });
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** robots.txt for the root of the share prefix: no crawler reads anything. */
export const ROBOTS_TXT = "User-agent: *\nDisallow: /\n";

// The built site's pages as golden files keep them (test/e2e/golden.test.ts): one tag a line, the parts that
// change from build to build without a page changing (asset hashes, long embedded data) named instead of written.
import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import { join } from "node:path";

/** Each customer's site pages of a built output folder ("slug/page.html"), the print documents' pages left out. */
export async function sitePages(out: string): Promise<string[]> {
  const pages: string[] = [];
  for (const e of await readdir(out, { withFileTypes: true })) {
    if (!e.isDirectory() || e.name.startsWith(".")) continue;
    for (const name of await readdir(join(out, e.name)))
      if (name.endsWith(".html") && !name.startsWith("print-")) pages.push(`${e.name}/${name}`);
  }
  return pages.sort();
}

/** A short digest of `text`: what a golden file writes for data too long to read. */
const digest = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 12);

/**
 * A built page as its golden file holds it:
 * - a bundled asset's content hash (`_astro/page.B3x_9aQz.js`) becomes `[hash]`: the asset is built from the
 *   templates, which the page's own markup already shows;
 * - a data: URL or an integrity/CSP hash longer than 120 characters becomes a digest of it, so it still changes
 *   the file when it changes;
 * - each tag starts a line; white space between two tags is kept as one space at the start of the next line.
 */
export function goldenHtml(html: string): string {
  return (
    html
      .replace(/(_astro\/[\w.-]+?)\.[\w-]{8}(\.\w+)/g, "$1.[hash]$2")
      .replace(/data:[\w/+.-]+(?:;[\w=-]+)*,[^"')\s]{120,}/g, (url) => `data:[${url.length} bytes, ${digest(url)}]`)
      .replace(/>(\s*)</g, (_, space: string) => (space ? ">\n <" : ">\n<"))
      .trimEnd() + "\n"
  );
}

// Reading back what a build wrote.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/** Every file under `dir` by relative path, with its bytes, sorted by path. */
export async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const entries = await Promise.all(
    files.map(
      async (e) =>
        [join(e.parentPath, e.name).slice(dir.length + 1), await readFile(join(e.parentPath, e.name))] as const,
    ),
  );
  return new Map(entries.sort(([a], [b]) => a.localeCompare(b)));
}

/** Text of HTML with its character references decoded. */
export function decode(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&");
}

// Stage 6: move each finished customer folder into the output, replacing the old one only
// once the new one is complete, and keep dist/manifest.json up to date.
import { cp, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** One customer's entry in dist/manifest.json. */
export interface ManifestEntry {
  slug: string;
  name: string;
  asOf: string;
  period: string | null;
  health: string | null;
  site: string;
  report: string;
  pdfs: string[];
}

/** Replaces `outDir/<slug>` with the staged `from` folder. The old folder stays until the new one is in place. */
export async function publishCustomer(from: string, outDir: string, slug: string): Promise<void> {
  const target = join(outDir, slug);
  const old = join(outDir, `.old-${slug}-${process.pid}`);
  await mkdir(outDir, { recursive: true });
  await rm(old, { recursive: true, force: true });
  await rename(target, old).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== "ENOENT") throw err;
  });
  try {
    await rename(from, target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EXDEV") {
      await rename(old, target).catch(() => {});
      throw err;
    }
    await cp(from, target, { recursive: true });
  }
  await rm(old, { recursive: true, force: true });
}

/** Updates dist/manifest.json with the customers built now; entries of customers not built are kept. */
export async function writeManifest(outDir: string, built: ManifestEntry[]): Promise<void> {
  const file = join(outDir, "manifest.json");
  let previous: ManifestEntry[] = [];
  try {
    previous = (JSON.parse(await readFile(file, "utf8")) as { customers: ManifestEntry[] }).customers ?? [];
  } catch {
    previous = [];
  }
  const bySlug = new Map(previous.map((e) => [e.slug, e]));
  for (const e of built) bySlug.set(e.slug, e);
  const customers = [...bySlug.values()].sort((a, b) => a.slug.localeCompare(b.slug));
  await mkdir(outDir, { recursive: true });
  await writeFile(`${file}.partial`, `${JSON.stringify({ schemaVersion: 1, customers }, null, 2)}\n`);
  await rename(`${file}.partial`, file);
}

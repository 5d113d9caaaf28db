// Stage 6: move each finished customer folder into the output, replacing the old one only
// once the new one is complete, and keep dist/manifest.json up to date. The output folder is
// held by one build at a time, and what a killed build left there is put right at the next start.
import { cp, mkdir, open, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { checkpoint } from "./checkpoint.ts";
import { MilepostError } from "./errors.ts";
import { SLUG } from "./load.ts";

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

/** The lock file a build keeps in the output folder while it writes there: its process id. */
export const LOCK = ".milepost-lock";
/** Leftovers of a swap: the previous folder (`.old-<slug>-<pid>`), the incoming copy (`.new-…`), staging of older versions (`.stage-…`). */
const OLD = /^\.old-([a-z0-9][a-z0-9-]*)-\d+$/;
const LEFTOVER = /^\.(new-.+|stage-.*)$|^manifest\.json\.partial$/;

/** Whether process `pid` is running. */
export function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes `outDir` for this build: refuses when another running build holds it, puts right what
 * a killed build left (see recoverOutput). Returns the function that releases it.
 */
export async function claimOutput(outDir: string): Promise<() => Promise<void>> {
  await mkdir(outDir, { recursive: true });
  const lock = join(outDir, LOCK);
  let killed = false;
  for (;;) {
    try {
      const file = await open(lock, "wx");
      await file.writeFile(`${process.pid}\n`);
      await file.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = Number((await readFile(lock, "utf8").catch(() => "")).trim());
      if (alive(pid) && pid !== process.pid) {
        throw new MilepostError(
          "Another build is writing to the output folder",
          `milepost (process ${pid}) is building into ${outDir} now.`,
          "Wait for it to finish, or build into another folder with --out.",
        );
      }
      await rm(lock, { force: true });
      killed = true;
    }
  }
  await recoverOutput(outDir, killed);
  return () => rm(lock, { force: true });
}

/**
 * Puts right what an interrupted build left in `outDir`: a customer whose folder is missing gets
 * its previous folder back (`.old-<slug>-<pid>`), other leftovers are removed, and after a killed
 * build the manifest is rebuilt from the folders. Returns the slugs restored.
 */
export async function recoverOutput(outDir: string, killed = false): Promise<string[]> {
  const names = await readdir(outDir);
  const restored: string[] = [];
  for (const name of names) {
    const old = OLD.exec(name);
    if (old && !names.includes(old[1]) && !restored.includes(old[1])) {
      await rename(join(outDir, name), join(outDir, old[1]));
      restored.push(old[1]);
    } else if (old || LEFTOVER.test(name)) {
      await rm(join(outDir, name), { recursive: true, force: true });
    }
  }
  if (killed || restored.length > 0) await rebuildManifest(outDir);
  return restored;
}

/**
 * Replaces `outDir/<slug>` with the staged `from` folder. The new folder is first moved (or
 * copied, from another disk) next to the old one; then two renames swap them. A build killed
 * between the two leaves `.old-<slug>-<pid>`, which the next build's claimOutput restores.
 */
export async function publishCustomer(from: string, outDir: string, slug: string): Promise<void> {
  const target = join(outDir, slug);
  const incoming = join(outDir, `.new-${slug}-${process.pid}`);
  const old = join(outDir, `.old-${slug}-${process.pid}`);
  try {
    await rename(from, incoming);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EXDEV") throw err;
    try {
      await cp(from, incoming, { recursive: true });
    } catch (copyErr) {
      await rm(incoming, { recursive: true, force: true });
      throw copyErr;
    }
  }
  checkpoint("publish:incoming");
  let hadOld = true;
  await rename(target, old).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== "ENOENT") throw err;
    hadOld = false;
  });
  checkpoint("publish:between-renames");
  try {
    await rename(incoming, target);
  } catch (err) {
    if (hadOld) await rename(old, target);
    await rm(incoming, { recursive: true, force: true });
    throw err;
  }
  checkpoint("publish:swapped");
  await rm(old, { recursive: true, force: true });
}

/** A customer's manifest entry, from its report and the PDFs in its folder. */
export function manifestEntry(
  report: {
    customer: { slug: string; name: string };
    asOf: string;
    period: string | null;
    health?: { rag: string } | null;
  },
  pdfs: string[],
): ManifestEntry {
  const slug = report.customer.slug;
  return {
    slug,
    name: report.customer.name,
    asOf: report.asOf,
    period: report.period,
    health: report.health?.rag ?? null,
    site: `${slug}/index.html`,
    report: `${slug}/report.json`,
    pdfs: pdfs.map((p) => `${slug}/${p}`).sort((a, b) => pdfRank(a) - pdfRank(b) || a.localeCompare(b)),
  };
}

/** PDFs in the order of the packs: the QBR, the close-out, the handoff. */
const pdfRank = (name: string) => ["-qbr-", "-closeout-", "-handoff"].findIndex((kind) => name.includes(kind));

/** A customer folder's manifest entry, read from its report.json and the PDFs beside it; null when it holds no report. */
async function folderEntry(outDir: string, slug: string): Promise<ManifestEntry | null> {
  try {
    const report = JSON.parse(await readFile(join(outDir, slug, "report.json"), "utf8"));
    const pdfs = (await readdir(join(outDir, slug))).filter((n) => n.endsWith(".pdf"));
    return manifestEntry(report, pdfs);
  } catch {
    return null;
  }
}

/** Writes the manifest anew from the customer folders in `outDir`. */
export async function rebuildManifest(outDir: string): Promise<void> {
  const entries: ManifestEntry[] = [];
  for (const name of (await readdir(outDir)).filter((n) => SLUG.test(n)).sort()) {
    const entry = await folderEntry(outDir, name);
    if (entry) entries.push(entry);
  }
  await saveManifest(outDir, entries);
}

/** Updates dist/manifest.json with the customers built now; entries of customers not built are kept. */
export async function writeManifest(outDir: string, built: ManifestEntry[]): Promise<void> {
  const file = join(outDir, "manifest.json");
  let previous: ManifestEntry[];
  try {
    previous = (JSON.parse(await readFile(file, "utf8")) as { customers: ManifestEntry[] }).customers ?? [];
  } catch {
    previous = [];
  }
  const bySlug = new Map(previous.map((e) => [e.slug, e]));
  for (const e of built) bySlug.set(e.slug, e);
  await saveManifest(outDir, [...bySlug.values()]);
}

async function saveManifest(outDir: string, entries: ManifestEntry[]): Promise<void> {
  const file = join(outDir, "manifest.json");
  const customers = [...entries].sort((a, b) => a.slug.localeCompare(b.slug));
  await writeFile(`${file}.partial`, `${JSON.stringify({ schemaVersion: 1, customers }, null, 2)}\n`);
  await rename(`${file}.partial`, file);
}

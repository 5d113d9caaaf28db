// Stage 6: move each finished customer folder into the output, replacing the old one only
// once the new one is complete, and keep dist/manifest.json up to date. The output folder is
// held by one build at a time, and what a killed build left there is put right at the next start.
import { existsSync } from "node:fs";
import { copyFile, cp, link, mkdir, open, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { checkpoint } from "./checkpoint.ts";
import { pdfOrigin } from "./documents.ts";
import { keepEarlierReports } from "./earlier.ts";
import { MilepostError } from "./errors.ts";
import { SLUG } from "./load.ts";
import { KEY_FILE, writeKey, type KeyRecord } from "./incremental.ts";
import { fileLabel, ofLabel, otherPeriods, pdfPeriod, type PeriodPdfs } from "./periods.ts";

/**
 * One customer's entry in dist/manifest.json. `status`: "built" by the last build that asked for
 * it; "stale" when that build failed for it and the folder still holds an earlier build's output
 * (the entry describes that output, `failed` the build that failed); "failed" with no output at all.
 */
export interface ManifestEntry {
  slug: string;
  name: string | null;
  status: "built" | "stale" | "failed";
  asOf: string | null;
  period: string | null;
  health: string | null;
  site: string | null;
  report: string | null;
  /** The PDFs of this period (and the handoff), in pack order. */
  pdfs: string[];
  /** Those of `pdfs` a later build kept without printing them again, though its inputs had changed since (see documentInputs). */
  stale?: string[];
  /** The PDFs of the other periods kept in the folder, the latest first. */
  earlier: PeriodPdfs[];
  /** The build that failed for this customer: what it was building. */
  failed?: { asOf: string; period: string | null };
  /** Built as the internal copy (--copy internal): never published. */
  copy?: "internal";
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
 * Creates the lock file `lock` holding this process's id, unless it exists: returns null when taken, else the id
 * of the process that holds it (NaN when its file is being written or is empty).
 */
export async function takeLock(lock: string): Promise<number | null> {
  try {
    const file = await open(lock, "wx");
    await file.writeFile(`${process.pid}\n`);
    await file.close();
    return null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    return Number((await readFile(lock, "utf8").catch(() => "")).trim());
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
    const pid = await takeLock(lock);
    if (pid === null) break;
    if (alive(pid) && pid !== process.pid && existsSync(join(outDir, `.milepost-publishing-${pid}`))) {
      throw new MilepostError(
        "milepost publish is reading the output folder",
        `milepost publish (process ${pid}) is publishing from ${outDir} now.`,
        "Wait for it to finish, or build into another folder with --out.",
      );
    }
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
 * Replaces `outDir/<slug>` with the staged `from` folder, whose PDFs are of period `label`. The
 * new folder is first moved (or copied, from another disk) next to the old one, and the old
 * folder's PDFs it lacks are linked into it — of other periods always, of this period (a build
 * with --no-pdf, or without an --audience of before) unless `clean`; then two renames swap them.
 * A build killed between the two leaves `.old-<slug>-<pid>`, which the next build's claimOutput restores.
 */
export async function publishCustomer(
  from: string,
  outDir: string,
  slug: string,
  label: string,
  clean = false,
): Promise<void> {
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
  try {
    await keepEarlierPdfs(target, incoming, slug, label, clean);
    await keepEarlierReports(target, incoming, label);
  } catch (err) {
    await rm(incoming, { recursive: true, force: true });
    throw err;
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

/**
 * Links (or copies) into `incoming` the PDFs, Word and PowerPoint files of `target` that `incoming` lacks: of other
 * periods than `label`, and unless `clean` of this one (and the handoff PDF, of no period). The key record of `incoming`
 * (KEY_FILE) learns what each kept PDF of this period was made from, as `target`'s record said.
 */
async function keepEarlierPdfs(
  target: string,
  incoming: string,
  slug: string,
  label: string,
  clean: boolean,
): Promise<void> {
  const names = await readdir(target).catch(() => [] as string[]);
  const present = new Set(await readdir(incoming));
  const kept = (name: string) => !present.has(name);
  const earlier = otherPeriods(slug, names, label, true).flatMap((p) => p.pdfs);
  const current = clean ? [] : names.filter((n) => ofLabel(pdfPeriod(slug, n, true), label) || isHandoff(slug, n));
  for (const name of [...earlier, ...current].filter(kept)) {
    await link(join(target, name), join(incoming, name)).catch(() =>
      copyFile(join(target, name), join(incoming, name)),
    );
  }
  const carried = current.filter(kept);
  if (carried.length === 0 || !present.has(KEY_FILE)) return;
  const before = await readRecord(target);
  const record = (await readRecord(incoming))!;
  for (const name of carried) (record.made ??= {})[name] = before?.made?.[name] ?? before?.inputs ?? "unknown";
  await writeKey(incoming, record);
}

/** The handoff PDF (of no period): acme-handoff.pdf, the internal copy's acme-handoff-internal.pdf. */
const isHandoff = (slug: string, name: string) =>
  name === `${slug}-handoff.pdf` || name === `${slug}-handoff-internal.pdf`;

/** The key record of a customer folder (KEY_FILE); null without one. */
async function readRecord(folder: string): Promise<KeyRecord | null> {
  return readFile(join(folder, KEY_FILE), "utf8").then(
    (text) => JSON.parse(text) as KeyRecord,
    () => null,
  );
}

/** The figures a manifest entry names. */
type EntryReport = {
  customer: { slug: string; name: string };
  asOf: string;
  period: string | null;
  health?: { rag: string } | null;
  copy?: string;
};

/**
 * A built customer's manifest entry, from its report, the names of the files in its folder (PDFs of
 * every period) and its key record (which of this period's PDFs were made from other inputs: `stale`).
 */
export function manifestEntry(report: EntryReport, files: string[], record?: KeyRecord | null): ManifestEntry {
  const slug = report.customer.slug;
  const pdfs = files.filter((f) => f.endsWith(".pdf"));
  const others = otherPeriods(slug, pdfs, fileLabel(report.asOf, report.period));
  const older = new Set(others.flatMap((p) => p.pdfs));
  const current = pdfs.filter((p) => !older.has(p));
  const stale = current.filter((p) => record?.made?.[p] !== undefined && record.made[p] !== record.inputs);
  return {
    slug,
    name: report.customer.name,
    status: "built",
    asOf: report.asOf,
    period: report.period,
    health: report.health?.rag ?? null,
    site: `${slug}/index.html`,
    report: `${slug}/report.json`,
    pdfs: inPackOrder(current.map((p) => `${slug}/${p}`)),
    ...(stale.length ? { stale: inPackOrder(stale.map((p) => `${slug}/${p}`)) } : {}),
    earlier: others.map((p) => ({ period: p.period, pdfs: inPackOrder(p.pdfs.map((n) => `${slug}/${n}`)) })),
    ...(report.copy === "internal" ? { copy: "internal" as const } : {}),
  };
}

/** The entry of a customer this build failed for: what it was building, and its name when its data got that far. */
export function failedEntry(
  slug: string,
  report: EntryReport | null,
  attempt: { asOf: string; period: string | null },
): ManifestEntry {
  return {
    slug,
    name: report?.customer.name ?? null,
    status: "failed",
    asOf: null,
    period: null,
    health: null,
    site: null,
    report: null,
    pdfs: [],
    earlier: [],
    failed: attempt,
  };
}

const inPackOrder = (pdfs: string[]) => pdfs.sort((a, b) => pdfRank(a) - pdfRank(b) || a.localeCompare(b));

/** PDFs in the registry's order of print documents (src/documents.ts): the QBR, the close-out, the handoff. */
const pdfRank = (name: string) => pdfOrigin(name)?.rank ?? -1;

/** A customer folder's manifest entry, read from its report.json and the PDFs beside it; null when it holds no report. */
export async function folderEntry(outDir: string, slug: string): Promise<ManifestEntry | null> {
  try {
    const report = JSON.parse(await readFile(join(outDir, slug, "report.json"), "utf8"));
    return manifestEntry(report, await readdir(join(outDir, slug)), await readRecord(join(outDir, slug)));
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

/**
 * Updates dist/manifest.json with the customers of this build; entries of customers not built
 * are kept. A failed customer whose folder holds earlier output keeps that entry, marked stale.
 */
export async function writeManifest(outDir: string, entries: ManifestEntry[]): Promise<void> {
  const bySlug = new Map((await readManifest(outDir)).map((e) => [e.slug, e]));
  for (const e of entries) bySlug.set(e.slug, mergeEntry(bySlug.get(e.slug), e));
  await saveManifest(outDir, [...bySlug.values()]);
}

/** The entries of `outDir/manifest.json`; none when it is missing or unreadable. */
export async function readManifest(outDir: string): Promise<ManifestEntry[]> {
  try {
    return (JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8")) as { customers: ManifestEntry[] })
      .customers;
  } catch {
    return [];
  }
}

/** A new entry over the previous one: a failure over earlier output marks that output stale. */
function mergeEntry(previous: ManifestEntry | undefined, entry: ManifestEntry): ManifestEntry {
  if (entry.status !== "failed" || !previous?.site) return entry;
  return { ...previous, status: "stale", failed: entry.failed };
}

export async function saveManifest(outDir: string, entries: ManifestEntry[]): Promise<void> {
  const file = join(outDir, "manifest.json");
  const customers = [...entries].sort((a, b) => a.slug.localeCompare(b.slug));
  await writeFile(`${file}.partial`, `${JSON.stringify({ schemaVersion: 1, customers }, null, 2)}\n`);
  await rename(`${file}.partial`, file);
}

// `milepost merge <shard outputs…> --out dist`: the output folders of builds of slices of the
// book of business (--shard i/n), combined into one as a single build would have written it.
// Each customer folder is swapped in as the build swaps it (earlier periods' PDFs kept), and
// manifest.json lists every customer of every shard.
import { cp, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { MilepostError, UsageError } from "./errors.ts";
import { fileLabel } from "./periods.ts";
import {
  claimOutput,
  folderEntry,
  publishCustomer,
  readManifest,
  writeManifest,
  type ManifestEntry,
} from "./publish.ts";

/** What a merge did: every customer's merged manifest entry, by shard folder. */
export interface MergeResult {
  customers: (ManifestEntry & { from: string })[];
}

export async function merge(shards: string[], outDir: string): Promise<MergeResult> {
  if (shards.length === 0)
    throw new UsageError("Which shard outputs?", "name their folders: milepost merge shard-1 shard-2 … --out dist");
  const out = resolve(outDir);
  const found: { from: string; entry: ManifestEntry }[] = [];
  const seen = new Map<string, string>();
  for (const shard of shards) {
    if (resolve(shard) === out)
      throw new UsageError(`${shard} is the output folder`, "merge the shards into another folder with --out");
    const entries = await shardManifest(shard);
    for (const entry of entries) {
      const other = seen.get(entry.slug);
      if (other)
        throw new MilepostError(
          "Two shards built the same customer",
          `${entry.slug} is in ${other} and in ${shard}.`,
          "Build every shard with the same number of slices (--shard 1/n … n/n) and merge each slice once.",
        );
      seen.set(entry.slug, shard);
      found.push({ from: shard, entry });
    }
  }
  const release = await claimOutput(out);
  const staging = await mkdtemp(join(out, ".stage-merge-"));
  try {
    const merged: ManifestEntry[] = [];
    for (const { from, entry } of found) {
      if (entry.site === null) {
        merged.push(entry);
        continue;
      }
      const staged = join(staging, entry.slug);
      await cp(join(from, entry.slug), staged, { recursive: true });
      await publishCustomer(staged, out, entry.slug, fileLabel(entry.asOf!, entry.period));
      // The folder now holds the periods the output kept too: list them as a build would.
      const fresh = await folderEntry(out, entry.slug);
      merged.push(
        fresh ? { ...fresh, status: entry.status, ...(entry.failed ? { failed: entry.failed } : {}) } : entry,
      );
    }
    await writeManifest(out, merged);
    return { customers: merged.map((e) => ({ ...e, from: seen.get(e.slug)! })) };
  } finally {
    await rm(staging, { recursive: true, force: true });
    await release();
  }
}

/** A shard output's manifest entries; a folder without one is a usage mistake. */
async function shardManifest(shard: string): Promise<ManifestEntry[]> {
  const isDir = await stat(shard).then(
    (s) => s.isDirectory(),
    () => false,
  );
  const entries = isDir ? await readManifest(shard) : [];
  if (!isDir || (entries.length === 0 && !(await readdir(shard)).includes("manifest.json")))
    throw new UsageError(
      `${shard} is not a build's output folder`,
      "name the folders the shards built into (each holds a manifest.json), e.g. milepost merge shard-1 shard-2 --out dist",
    );
  return entries;
}

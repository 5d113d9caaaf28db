// milepost merge: shard output folders combined into one, as a single build would have written it.
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { merge } from "../../src/merge.ts";
import { failedEntry, manifestEntry, readManifest, saveManifest, type ManifestEntry } from "../../src/publish.ts";

/** A shard's output folder holding `slugs`, built as of `asOf` (2026-Q3 unless said). */
async function shard(root: string, name: string, slugs: string[], asOf = "2026-09-30"): Promise<string> {
  const dir = join(root, name);
  const entries: ManifestEntry[] = [];
  for (const slug of slugs) {
    const report = { customer: { slug, name: slug.toUpperCase() }, asOf, period: "2026-Q3", health: { rag: "green" } };
    await mkdir(join(dir, slug), { recursive: true });
    await writeFile(join(dir, slug, "report.json"), JSON.stringify(report));
    await writeFile(join(dir, slug, "index.html"), `<p>${slug}</p>`);
    await writeFile(join(dir, slug, `${slug}-qbr-${asOf === "2026-09-30" ? "2026-Q3" : asOf}.pdf`), `%PDF ${slug}`);
    entries.push(manifestEntry(report, await readdir(join(dir, slug))));
  }
  await saveManifest(dir, entries);
  return dir;
}

describe("merge(shards, out)", () => {
  it("moves every shard's customers into the output with one manifest, keeping the output's earlier periods", async () => {
    const root = await mkdtemp(join(tmpdir(), "milepost-merge-"));
    const out = await shard(root, "dist", ["acme"], "2026-06-30"); // last quarter's build
    const one = await shard(root, "shard-1", ["acme", "bare"]);
    const two = await shard(root, "shard-2", ["kiso"]);
    await saveManifest(two, [
      ...(await readManifest(two)),
      failedEntry("broken", null, { asOf: "2026-09-30", period: "2026-Q3" }),
    ]);
    const result = await merge([one, two], out);
    expect(result.customers.map((c) => [c.slug, c.status, c.from])).toEqual([
      ["acme", "built", one],
      ["bare", "built", one],
      ["broken", "failed", two],
      ["kiso", "built", two],
    ]);
    expect((await readdir(out)).sort()).toEqual(["acme", "bare", "kiso", "manifest.json"]);
    expect((await readdir(join(out, "acme"))).sort()).toEqual([
      "acme-qbr-2026-06-30.pdf",
      "acme-qbr-2026-Q3.pdf",
      "index.html",
      "report-2026-06-30.json",
      "report.json",
    ]);
    const manifest = await readManifest(out);
    expect(manifest.map((e) => e.slug)).toEqual(["acme", "bare", "broken", "kiso"]);
    expect(manifest[0]).toMatchObject({
      pdfs: ["acme/acme-qbr-2026-Q3.pdf"],
      earlier: [{ period: "2026-06-30", pdfs: ["acme/acme-qbr-2026-06-30.pdf"] }],
    });
    expect(await readFile(join(out, "kiso", "index.html"), "utf8")).toBe("<p>kiso</p>");
    // The shards are left as they were.
    expect((await readdir(one)).sort()).toEqual(["acme", "bare", "manifest.json"]);
  });

  it("refuses two shards that built the same customer, and a folder that is no build's output", async () => {
    const root = await mkdtemp(join(tmpdir(), "milepost-merge-"));
    const one = await shard(root, "shard-1", ["acme"]);
    const two = await shard(root, "shard-2", ["acme"]);
    await expect(merge([one, two], join(root, "dist"))).rejects.toMatchObject({
      title: "Two shards built the same customer",
      message: `acme is in ${one} and in ${two}.`,
    });
    await mkdir(join(root, "empty"));
    await expect(merge([one, join(root, "empty")], join(root, "dist"))).rejects.toMatchObject({
      message: `${join(root, "empty")} is not a build's output folder`,
      hint: "name the folders the shards built into (each holds a manifest.json), e.g. milepost merge shard-1 shard-2 --out dist",
    });
    await expect(merge([], join(root, "dist"))).rejects.toMatchObject({ message: "Which shard outputs?" });
  });
});

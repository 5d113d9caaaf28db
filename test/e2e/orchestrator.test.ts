// build() with recording effects: the orchestration alone, no Astro, no Chromium.
import { cp, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BATCH_SIZE, build, type BuildEffects } from "../../src/build.ts";
import { createProgress } from "../../src/progress.ts";
import type { ManifestEntry } from "../../src/publish.ts";

const BARE = join(import.meta.dirname, "..", "fixtures", "data", "bare");

/** Effects that record what build() asked for and pretend every step worked. */
function recorder() {
  const calls = {
    render: [] as string[][],
    print: [] as string[][],
    publish: [] as string[],
    manifest: [] as string[][],
    closed: 0,
  };
  const effects: BuildEffects = {
    render: async (customers, _dirs, stage) => {
      calls.render.push(customers.map((c) => c.slug));
      for (const c of customers) await mkdir(join(stage, "site", c.slug), { recursive: true });
      return join(stage, "site");
    },
    printer: () => ({
      print: async (_site, jobs) => {
        calls.print.push(jobs.map((j) => j.path));
        return new Map();
      },
      close: async () => void calls.closed++,
    }),
    publish: async (_from, _out, slug) => void calls.publish.push(slug),
    manifest: async (_out, entries: ManifestEntry[]) => void calls.manifest.push(entries.map((e) => e.slug)),
    progress: createProgress("silent", process.stderr),
  };
  return { calls, effects };
}

describe("build(options, effects)", () => {
  it("renders and prints a large portfolio in batches, one browser for all, and publishes every customer", async () => {
    const data = await mkdtemp(join(tmpdir(), "milepost-batches-"));
    const count = BATCH_SIZE + 3;
    const slugs = Array.from({ length: count }, (_, i) => `customer-${String(i).padStart(3, "0")}`);
    for (const slug of slugs) await cp(BARE, join(data, slug), { recursive: true });
    await writeFile(join(data, "customer-001", "metrics.csv"), 'id,name\nm1,"unclosed\n');
    const { calls, effects } = recorder();
    const results = await build(
      {
        dataDir: data,
        contentDir: join(data, "none"),
        outDir: join(data, "..", `${slugs[0]}-out-${process.pid}`),
        customers: "all",
        pack: "all",
        asOf: "2026-09-30",
        period: "2026-Q3",
        pdf: true,
      },
      effects,
    );
    expect(results.filter((r) => r.status === "failed").map((r) => r.slug)).toEqual(["customer-001"]);
    expect(calls.render.map((batch) => batch.length)).toEqual([BATCH_SIZE - 1, 3]);
    expect(calls.print.flat()).toHaveLength(count - 1);
    expect(calls.print.flat()[0]).toBe("customer-000/print-qbr.html");
    // Batches overlap (the next one prints while this one publishes): every customer, in any order.
    expect([...calls.publish].sort()).toEqual(slugs.filter((s) => s !== "customer-001"));
    // The failed customer is listed as failed.
    expect(calls.manifest.flat().sort()).toEqual([...calls.publish, "customer-001"].sort());
    expect(calls.closed).toBe(1);
    expect(results.find((r) => r.slug === "customer-000")).toMatchObject({
      status: "built",
      report: null,
      files: expect.arrayContaining(["customer-000/customer-000-qbr-2026-Q3.pdf"]),
    });
  });

  it("writes nothing for a dry run and keeps each report", async () => {
    const { calls, effects } = recorder();
    const results = await build(
      {
        dataDir: join(BARE, ".."),
        contentDir: "none",
        outDir: "unused",
        customers: ["bare"],
        pack: "all",
        asOf: "2026-09-30",
        period: "2026-Q3",
        pdf: true,
        dryRun: true,
      },
      effects,
    );
    expect(results[0]).toMatchObject({
      slug: "bare",
      status: "built",
      report: { customer: { name: "Bare Minimum Ltd" } },
    });
    expect(calls).toEqual({ render: [], print: [], publish: [], manifest: [], closed: 0 });
  });

  it("merges each stage's outcome into one result: a PDF not printed or a folder not written fails that customer alone", async () => {
    const data = await mkdtemp(join(tmpdir(), "milepost-merge-"));
    for (const slug of ["a", "b", "c"]) await cp(BARE, join(data, slug), { recursive: true });
    const { calls, effects } = recorder();
    effects.printer = () => ({
      print: async (_site, jobs) => {
        calls.print.push(jobs.map((j) => j.path));
        return new Map(jobs.filter((j) => j.path.startsWith("a/")).map((j) => [j, new Error("no page")]));
      },
      close: async () => {},
    });
    effects.publish = async (_from, _out, slug) => {
      if (slug === "b") throw Object.assign(new Error("no space"), { code: "ENOSPC" });
      calls.publish.push(slug);
    };
    const results = await build(
      {
        dataDir: data,
        contentDir: join(data, "none"),
        outDir: join(data, "..", `merge-out-${process.pid}`),
        customers: "all",
        pack: "qbr",
        asOf: "2026-09-30",
        period: "2026-Q3",
        pdf: true,
      },
      effects,
    );
    expect(results.map((r) => [r.slug, r.status])).toEqual([
      ["a", "failed"],
      ["b", "failed"],
      ["c", "built"],
    ]);
    expect(results[0].issues.at(-1)).toMatchObject({ code: "pdf-failed", file: "a/a-qbr-2026-Q3.pdf" });
    expect(results[1].issues.at(-1)).toMatchObject({ code: "not-written" });
    expect(results[0].report).not.toBeNull();
    expect(results[2]).toMatchObject({ report: null, packs: ["qbr"] });
    expect(calls.publish).toEqual(["c"]);
    // Published: c; the failed a and b are listed as failed.
    expect(calls.manifest.flat().sort()).toEqual(["a", "b", "c"]);
  });
});

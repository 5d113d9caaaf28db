// The printer on its own, on the fixture portfolio's built folders: one context per customer,
// a fresh Chromium every few documents, every contents page right on the first real print, and
// the same bytes as the build's own PDFs; a Japanese customer's folder small with its fonts cut down.
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { openPrinter, type PrintJob } from "../../src/pdf.ts";
import { serve } from "../../src/serve.ts";

const out = inject("portfolio");

async function printJobs(into: string): Promise<{ job: PrintJob; built: string }[]> {
  const jobs: { job: PrintJob; built: string }[] = [];
  for (const slug of (await readdir(out)).sort()) {
    if (slug.startsWith(".") || !(await stat(join(out, slug))).isDirectory()) continue;
    const files = await readdir(join(out, slug));
    const paper = /size:\s*letter/.test(await readFile(join(out, slug, "print.css"), "utf8")) ? "letter" : "a4";
    for (const page of files.filter((f) => /^print-.*\.html$/.test(f)).sort()) {
      const doc = page.slice("print-".length, -".html".length);
      const built = files.find((f) => f.endsWith(".pdf") && f.includes(`-${doc}`))!;
      jobs.push({
        job: { path: `${slug}/${page}`, out: join(into, built), paper, date: "2026-09-30" },
        built: join(out, slug, built),
      });
    }
  }
  return jobs;
}

describe("the printer", { timeout: 600_000 }, () => {
  it("prints each customer in contexts of its own, with a fresh Chromium every 3 documents, the same bytes as the build", async () => {
    const into = await mkdtemp(join(tmpdir(), "milepost-printer-"));
    const server = await serve(out);
    const printer = openPrinter({ concurrency: 2, restartEvery: 3 });
    try {
      const jobs = await printJobs(into);
      expect(jobs.length).toBeGreaterThanOrEqual(8);
      // Two calls at once, as two batches: they share one queue.
      const half = Math.ceil(jobs.length / 2);
      const failures = await Promise.all([
        printer.print(
          server.origin,
          jobs.slice(0, half).map((j) => j.job),
        ),
        printer.print(
          server.origin,
          jobs.slice(half).map((j) => j.job),
        ),
      ]);
      expect(failures.flatMap((f) => [...f.values()].map(String))).toEqual([]);
      for (const { job, built } of jobs)
        expect(Buffer.compare(await readFile(job.out), await readFile(built)), job.path).toBe(0);
      const { stats } = printer;
      expect(stats.browsers).toBeGreaterThanOrEqual(Math.ceil(jobs.length / 3));
      for (const served of stats.contexts) expect(new Set(served).size).toBe(1);
      expect(stats.contexts.flat().length).toBe(jobs.length);
      // The layout-only first pass found every section's page: no document was printed twice.
      expect(stats.reprinted).toBe(0);
    } finally {
      await printer.close();
      await server.close();
      await rm(into, { recursive: true, force: true });
    }
  });

  it("prints each customer's documents one after another in one context, two customers at a time", async () => {
    const into = await mkdtemp(join(tmpdir(), "milepost-printer-"));
    const server = await serve(out);
    const printer = openPrinter({ concurrency: 2 });
    try {
      // The customers with two documents or more, in the order the build queues them.
      const all = (await printJobs(into)).map((j) => j.job);
      const slug = (job: PrintJob) => job.path.split("/")[0];
      const jobs = all.filter((job) => all.filter((other) => slug(other) === slug(job)).length >= 2).slice(0, 8);
      const customers = new Set(jobs.map(slug));
      expect(customers.size).toBeGreaterThanOrEqual(2);
      expect([...(await printer.print(server.origin, jobs)).values()].map(String)).toEqual([]);
      expect(printer.stats.contexts.map((served) => served[0]).sort()).toEqual([...customers].sort());
    } finally {
      await printer.close();
      await server.close();
      await rm(into, { recursive: true, force: true });
    }
  });
});

describe("a Japanese customer's folder", () => {
  it("is under 2 MB, its fonts cut down to its characters", async () => {
    let total = 0;
    for (const e of await readdir(join(out, "kiso-kogyo"), { recursive: true, withFileTypes: true }))
      if (e.isFile() && !e.name.endsWith(".pdf")) total += (await stat(join(e.parentPath, e.name))).size;
    expect(total).toBeLessThan(2 * 2 ** 20);
    const fonts = await readdir(join(out, "kiso-kogyo", "fonts"));
    expect(fonts.filter((f) => f.startsWith("noto-sans-jp-")).length).toBeGreaterThanOrEqual(2);
    const css = await readFile(join(out, "kiso-kogyo", "fonts", "fonts.css"), "utf8");
    expect(css).toMatch(/font-family: 'Noto Sans JP'.*unicode-range: U\+/);
  });
});

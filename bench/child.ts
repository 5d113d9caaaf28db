// One measurement in a fresh process, printed as JSON (see bench.ts).
import { readdir, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer from "puppeteer";
import { build, defaultEffects } from "../src/build.ts";
import { CHROME_ARGS, findChrome, openPrinter, type PrintJob } from "../src/pdf.ts";
import { serve } from "../src/serve.ts";

const [mode, a, b] = process.argv.slice(2);
const print = (o: object) => process.stdout.write(`${JSON.stringify(o)}\n`);

async function printJobs(out: string): Promise<PrintJob[]> {
  const jobs: PrintJob[] = [];
  for (const slug of await readdir(out)) {
    if (slug.startsWith(".") || !(await stat(join(out, slug))).isDirectory()) continue;
    for (const page of await readdir(join(out, slug))) {
      if (page.startsWith("print-"))
        jobs.push({
          path: `${slug}/${page}`,
          out: join(tmpdir(), `bench-${slug}-${page}.pdf`),
          paper: "a4",
          date: "2026-09-30",
        });
    }
  }
  return jobs;
}

if (mode === "build") {
  let renderSeconds = 0;
  const started = performance.now();
  const results = await build(
    {
      dataDir: a,
      contentDir: join(a, "..", "no-content"),
      outDir: b,
      customers: "all",
      pack: "all",
      asOf: "2026-09-30",
      period: "2026-Q3",
      pdf: true,
    },
    {
      ...defaultEffects,
      render: async (...args) => {
        const t = performance.now();
        try {
          return await defaultEffects.render(...args);
        } finally {
          renderSeconds += (performance.now() - t) / 1000;
        }
      },
    },
  );
  print({
    seconds: (performance.now() - started) / 1000,
    renderSeconds,
    pdfs: results.reduce((n, r) => n + r.files.filter((f) => f.endsWith(".pdf")).length, 0),
    failed: results.filter((r) => r.status === "failed").length,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  });
} else if (mode === "floor") {
  const jobs = await printJobs(a);
  const server = await serve(a);
  let started = performance.now();
  const printer = openPrinter();
  await printer.print(server.origin, jobs);
  await printer.close();
  const seconds = (performance.now() - started) / 1000;
  // The bare minimum: one page.pdf per document, same pool size.
  const browser = await puppeteer.launch({ executablePath: findChrome(), args: CHROME_ARGS });
  started = performance.now();
  const queue = jobs.values();
  await Promise.all(
    [0, 1].map(async () => {
      const page = await browser.newPage();
      for (const job of queue) {
        await page.goto(`${server.origin}/${job.path}`, { waitUntil: "load" });
        await page.waitForSelector("html[data-print-ready]");
        await page.pdf({ preferCSSPageSize: true, printBackground: true });
      }
    }),
  );
  const singlePassSeconds = (performance.now() - started) / 1000;
  await browser.close();
  await server.close();
  print({ seconds, singlePassSeconds });
} else if (mode === "sizes") {
  const latin: number[] = [];
  const cjk: number[] = [];
  for (const slug of await readdir(a)) {
    if (slug.startsWith(".") || !(await stat(join(a, slug))).isDirectory()) continue;
    for (const file of await readdir(join(a, slug))) {
      if (!file.endsWith(".pdf") || file.includes("handoff")) continue;
      const kb = (await stat(join(a, slug, file))).size / 1024;
      (/^(sakura|formosa)/.test(slug) ? cjk : latin).push(kb);
    }
  }
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
  print({
    latinMedianKb: med(latin),
    latinMaxKb: Math.max(0, ...latin),
    cjkMedianKb: med(cjk),
    cjkMaxKb: Math.max(0, ...cjk),
  });
}

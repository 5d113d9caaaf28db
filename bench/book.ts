// node bench/book.ts [--customers 500 --runs 5]
// The book of business at scale (issue 24): a generator of N customers' report.json files and manifest.json —
// copies of the sample customers as `build --all --no-pdf` writes them, each with its own slug, name, CSM, health,
// value, contract and decisions — then the book written over them (src/portfolio/write.ts) and its page opened in
// Chromium from disk: the time to render (navigation start to the load event's end) against 2 s, and the time
// one sort (a heading pressed, layout included) and one filter take against 100 ms. Medians over --runs.
// bench/bench.ts measures the same figures on the book its `build --all` wrote (bookFigures).
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import puppeteer from "puppeteer";

const HERE = join(import.meta.dirname, "..");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The book's figures of the output folder `out` (its portfolio/ written): render, sort and filter times in ms. */
export async function bookFigures(
  out: string,
  runs = 5,
): Promise<{ customers: number; renderMs: number; sortMs: number; filterMs: number }> {
  const { CHROME_ARGS, findChrome } = await import(join(HERE, "src", "pdf.ts"));
  const browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 900 });
    const url = `file://${join(out, "portfolio", "index.html")}`;
    const renders: number[] = [];
    const sorts: number[] = [];
    const filters: number[] = [];
    let customers = 0;
    for (let i = 0; i < runs; i++) {
      await page.goto(url, { waitUntil: "load" });
      renders.push(
        await page.evaluate(
          () => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventEnd,
        ),
      );
      customers = await page.$$eval("table.book-table tbody tr", (rows) => rows.length);
      // Each heading pressed twice (up, then down): the click, the rows moved and the layout it forces.
      for (const col of await page.$$eval("th button[data-col]", (bs) =>
        bs.map((b) => (b as HTMLElement).dataset.col!),
      ))
        for (let twice = 0; twice < 2; twice++)
          sorts.push(
            await page.evaluate((c) => {
              const started = performance.now();
              document.querySelector<HTMLButtonElement>(`th button[data-col="${c}"]`)!.click();
              void document.body.offsetHeight;
              return performance.now() - started;
            }, col),
          );
      filters.push(
        await page.evaluate(() => {
          const select = document.querySelector<HTMLSelectElement>('select[data-filter="health"]')!;
          const started = performance.now();
          select.value = "red";
          select.dispatchEvent(new Event("change"));
          void document.body.offsetHeight;
          return performance.now() - started;
        }),
      );
    }
    return { customers, renderMs: median(renders), sortMs: median(sorts), filterMs: median(filters) };
  } finally {
    await browser.close();
  }
}

/**
 * Writes `n` customers into `out` (report.json each, and manifest.json), copies of the customers built in
 * `samples`: slug and name numbered, one of eight CSMs, a health, value scaled, a contract renewing within a year.
 */
export async function generateBook(samples: string, out: string, n: number): Promise<void> {
  const manifest = JSON.parse(await readFile(join(samples, "manifest.json"), "utf8")) as {
    customers: { slug: string }[];
  };
  const reports = await Promise.all(
    manifest.customers.map(async (c) => JSON.parse(await readFile(join(samples, c.slug, "report.json"), "utf8"))),
  );
  const rags = ["green", "yellow", "red"];
  const customers = [];
  for (let i = 0; i < n; i++) {
    const base = reports[i % reports.length];
    const slug = `${base.customer.slug}-${String(i).padStart(4, "0")}`;
    const scale = 0.5 + ((i * 37) % 100) / 50;
    const days = ((i * 53) % 400) - 30;
    const rag = rags[(i * 7) % 3];
    const report = {
      ...base,
      customer: { ...base.customer, slug, name: `${base.customer.name} ${i}`, csm: `CSM ${(i % 8) + 1}` },
      roi: {
        ...base.roi,
        valueToDate: Math.round(base.roi.valueToDate * scale * 100) / 100,
        verifiedValueToDate: Math.round(base.roi.verifiedValueToDate * scale * 100) / 100,
      },
      contract: {
        start: "2026-01-01",
        end: "2026-12-31",
        renewalDate: "2026-12-31",
        daysToRenewal: days,
        seats: 100,
        annualValue: null,
        seatsMeasure: null,
        seatsUsed: 40 + (i % 70),
        utilization: (40 + (i % 70)) / 100,
        source: "customer.json",
      },
      verdicts: base.verdicts.map((v: { item: string }) => (v.item === "health" ? { ...v, verdict: rag } : v)),
    };
    await mkdir(join(out, slug), { recursive: true });
    await writeFile(join(out, slug, "report.json"), JSON.stringify(report));
    customers.push({
      slug,
      name: report.customer.name,
      status: "built",
      asOf: report.asOf,
      period: report.period,
      health: rag,
      site: `${slug}/index.html`,
      report: `${slug}/report.json`,
      pdfs: [],
      earlier: [],
    });
  }
  await writeFile(join(out, "manifest.json"), JSON.stringify({ schemaVersion: 1, customers }, null, 2));
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { customers: { type: "string", default: "500" }, runs: { type: "string", default: "5" } },
  });
  const n = Number(values.customers);
  const scratch = await mkdtemp(join(tmpdir(), "milepost-book-bench-"));
  try {
    const { build, defaultEffects } = await import(join(HERE, "src", "build.ts"));
    const samples = join(scratch, "samples");
    await build(
      {
        dataDir: join(HERE, "data"),
        contentDir: join(HERE, "content"),
        outDir: samples,
        customers: "all",
        pack: "all",
        asOf: "2026-09-30",
        period: "2026-Q3",
        pdf: false,
      },
      defaultEffects,
    );
    const out = join(scratch, "out");
    await generateBook(samples, out, n);
    const { writePortfolio } = await import(join(HERE, "src", "portfolio", "write.ts"));
    const started = performance.now();
    await writePortfolio(out, null);
    const written = performance.now() - started;
    const page = (await readdir(join(out, "portfolio"))).includes("index.html");
    const f = await bookFigures(out, Number(values.runs));
    const mark = (ok: boolean) => (ok ? "✓" : "✗");
    console.log(`book of business, ${f.customers} customers (page written: ${page}, in ${written.toFixed(0)} ms)`);
    console.log(`${mark(f.renderMs < 2000)} page rendered in Chromium: ${f.renderMs.toFixed(0)} ms (goal < 2 s)`);
    console.log(
      `${mark(f.sortMs < 100)} one sort, median over every column both ways: ${f.sortMs.toFixed(1)} ms (goal < 100 ms)`,
    );
    console.log(`${mark(f.filterMs < 100)} one filter (health): ${f.filterMs.toFixed(1)} ms (goal < 100 ms)`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

// npm run bench [-- --customers 500 --runs 5]
// Measures (1) one customer cold, HTML + PDF, as a person runs it; (2) a portfolio of N
// customers against the floor: the time Chromium alone needs to print the same pages.
// Prints medians; the machine is shared and noisy, so compare ratios, not single runs.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs, promisify } from "node:util";

const ROOT = join(import.meta.dirname, "..");
const run = promisify(execFile);
const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "40" },
    runs: { type: "string", default: "5" },
    skip: { type: "string", default: "" },
  },
});
const customers = Number(values.customers);
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs `node bench/child.ts <mode> …` and returns what it prints as JSON. */
async function child(args: string[]): Promise<Record<string, number>> {
  const { stdout } = await run(process.execPath, [join(ROOT, "bench", "child.ts"), ...args], {
    cwd: ROOT,
    maxBuffer: 64 << 20,
  });
  return JSON.parse(stdout.trim().split("\n").pop()!);
}

async function oneCustomer(): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = await mkdtemp(join(ROOT, ".milepost", "bench-one-"));
    const started = performance.now();
    await run(
      process.execPath,
      [join(ROOT, "bin", "milepost.js"), "build", "northwind-logistics", "--period", "2026-Q3", "--out", out],
      { cwd: ROOT },
    );
    times.push((performance.now() - started) / 1000);
    await rm(out, { recursive: true, force: true });
  }
  console.log(
    `one customer, cold, HTML + PDF (northwind-logistics): median ${median(times).toFixed(2)} s over ${runs} runs [${times.map((t) => t.toFixed(2)).join(", ")}]`,
  );
}

/** A data folder of `n` customers, copies of the samples under new slugs and names. */
async function portfolio(n: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "milepost-bench-data-"));
  const samples = (await readdir(join(ROOT, "data"))).sort();
  for (let i = 0; i < n; i++) {
    const sample = samples[i % samples.length];
    const slug = `${sample}-${String(i).padStart(3, "0")}`;
    await cp(join(ROOT, "data", sample), join(dir, slug), { recursive: true });
    const file = join(dir, slug, "customer.json");
    const customer = JSON.parse(await readFile(file, "utf8"));
    customer.name = `${customer.name} ${i}`;
    await writeFile(file, JSON.stringify(customer));
  }
  return dir;
}

async function portfolioRun(n: number): Promise<void> {
  const data = await portfolio(n);
  await mkdir(join(ROOT, ".milepost"), { recursive: true });
  const out = await mkdtemp(join(ROOT, ".milepost", "bench-portfolio-"));
  try {
    const build = await child(["build", data, out]);
    const floor = await child(["floor", out]);
    const ratio = build.seconds / floor.seconds;
    console.log(
      `portfolio of ${n}: build ${build.seconds.toFixed(1)} s (${build.pdfs} PDFs; Astro rendering, overlapped with printing, ${build.renderSeconds.toFixed(1)} s), ` +
        `floor (Chromium alone printing the same pages, same two passes) ${floor.seconds.toFixed(1)} s → ratio ${ratio.toFixed(2)}; ` +
        `single-pass floor ${floor.singlePassSeconds.toFixed(1)} s; peak RSS of the milepost process ${build.maxRssMb.toFixed(0)} MB`,
    );
    const sizes = await child(["sizes", out]);
    console.log(
      `PDF sizes: median Latin ${sizes.latinMedianKb.toFixed(0)} KB (max ${sizes.latinMaxKb.toFixed(0)}), median CJK ${sizes.cjkMedianKb.toFixed(0)} KB (max ${sizes.cjkMaxKb.toFixed(0)})`,
    );
  } finally {
    await rm(out, { recursive: true, force: true });
    await rm(data, { recursive: true, force: true });
  }
}

await mkdir(join(ROOT, ".milepost"), { recursive: true });
if (!values.skip.includes("one")) await oneCustomer();
if (!values.skip.includes("portfolio")) await portfolioRun(customers);

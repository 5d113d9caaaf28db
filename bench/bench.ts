// npm run bench [-- --customers 40 --runs 3 --root <checkout> --skip one,incremental,book,dev,validate --tests]
// Measures every figure of the scale table (README, "Performance") in one run, on a portfolio of
// N copies of the sample customers, each against its goal; the whole build as a ratio against a
// floor measured in the same run: Chromium alone printing the same print pages once each (same
// flags and print options, two pages in flight, over 127.0.0.1). The machine is shared and
// noisy: compare the ratios, and medians over --runs. --root measures another checkout of
// milepost (e.g. an older commit) with this bench and this floor. --tests also times `npm test` in
// the checkout (minutes of the whole machine; off by default).
import { execFile, spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs, promisify } from "node:util";
import { bookFigures } from "./book.ts";

const HERE = join(import.meta.dirname, "..");
const run = promisify(execFile);
const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "40" },
    runs: { type: "string", default: "3" },
    root: { type: "string", default: HERE },
    skip: { type: "string", default: "" },
    tests: { type: "boolean", default: false },
  },
});
const N = Number(values.customers);
const RUNS = Number(values.runs);
const ROOT = resolve(values.root);
const skip = new Set(values.skip.split(",").filter(Boolean));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const scratch = await mkdtemp(join(tmpdir(), "milepost-bench-"));

/** Runs ROOT's `milepost <args>` in a fresh process: wall seconds and the process's peak RSS. */
async function milepost(args: string[]): Promise<{ seconds: number; maxRssMb: number }> {
  const stats = join(scratch, "stats.json");
  const started = performance.now();
  await run(process.execPath, [join(HERE, "bench", "child.ts"), "cli", ROOT, stats, ...args], {
    cwd: ROOT,
    maxBuffer: 256 << 20,
  }).catch((err: { code?: number; stderr?: string }) => {
    // exit 1 with every PDF written is a build with data warnings turned errors; anything else stops the bench
    if (err.code !== 1) throw err;
  });
  const seconds = (performance.now() - started) / 1000;
  return { seconds, ...(JSON.parse(await readFile(stats, "utf8")) as { maxRssMb: number }) };
}

async function floor(site: string): Promise<{ seconds: number; documents: number }> {
  const { stdout } = await run(process.execPath, [join(HERE, "bench", "child.ts"), "floor", site], { cwd: HERE });
  return JSON.parse(stdout.trim().split("\n").pop()!);
}

/** A data folder of `n` customers, copies of the samples under new slugs and names. */
async function portfolio(n: number): Promise<string> {
  const dir = join(scratch, `data-${n}`);
  const samples = (await readdir(join(ROOT, "data"))).sort();
  for (let i = 0; i < n; i++) {
    const sample = samples[i % samples.length];
    const slug = `${sample}-${String(i).padStart(3, "0")}`;
    await cp(join(ROOT, "data", sample), join(dir, slug), { recursive: true });
    // Without the sample's share token: a token of the sample data, or of another folder, is an error.
    await rename(join(dir, slug, "customer.json"), (c) => ({
      ...c,
      name: `${c.name as string} ${i}`,
      share: undefined,
    }));
  }
  return dir;
}

async function rename(file: string, change: (c: Record<string, unknown>) => Record<string, unknown>): Promise<void> {
  await writeFile(file, JSON.stringify(change(JSON.parse(await readFile(file, "utf8")))));
}

/** Bytes of every file under `dir` whose name passes `keep`. */
async function size(dir: string, keep: (name: string) => boolean = () => true): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile() && keep(e.name)) total += (await stat(join(e.parentPath, e.name))).size;
  return total;
}

const rows: { figure: string; value: string; goal: string; met: boolean | null }[] = [];
const row = (figure: string, value: string, goal: string, met: boolean | null) => {
  rows.push({ figure, value, goal, met });
  console.log(`${met === null ? "·" : met ? "✓" : "✗"} ${figure}: ${value} (goal ${goal})`);
};
const build = (data: string, out: string, extra: string[] = []) =>
  milepost([
    "build",
    "--all",
    "--period",
    "2026-Q3",
    "--data",
    data,
    "--content",
    join(scratch, "none"),
    "--out",
    out,
    ...extra,
  ]);
const s = (x: number) => `${x.toFixed(1)} s`;

console.log(`milepost at ${ROOT}, ${N} customers, ${RUNS} runs of the one-customer figures`);
await mkdir(join(scratch, "none"));
const data = await portfolio(N);

// Whole build against the floor, and rendering alone; alternated so that load hits both alike.
const out = join(scratch, "out");
const builds: number[] = [];
const floors: number[] = [];
const renders: number[] = [];
let big = { seconds: 0, maxRssMb: 0 };
let documents = 0;
for (let i = 0; i < Math.max(1, Math.min(RUNS, N >= 200 ? 1 : RUNS)); i++) {
  await rm(out, { recursive: true, force: true });
  big = await build(data, out);
  builds.push(big.seconds);
  const f = await floor(out);
  floors.push(f.seconds);
  documents = f.documents;
  const siteOnly = join(scratch, "site");
  await rm(siteOnly, { recursive: true, force: true });
  renders.push((await build(data, siteOnly, ["--no-pdf"])).seconds / N);
}
const ratios = builds.map((b, i) => b / floors[i]);
row(
  `${N}-customer portfolio (${documents} PDFs), build --all vs the floor`,
  `${s(median(builds))} vs ${s(median(floors))} = ${median(ratios).toFixed(2)}× (runs: ${ratios.map((r) => r.toFixed(2)).join(", ")})`,
  "≤ 1.15×",
  median(ratios) <= 1.15,
);
row(
  "rendering alone (--no-pdf), per customer",
  `${median(renders).toFixed(3)} s = ${(median(renders) / (median(floors) / documents)).toFixed(2)}× the floor's time per PDF`,
  "≤ 0.05 s",
  median(renders) <= 0.05,
);

// The book of business the last build --all wrote beside the customers (bench/book.ts: 500 generated on their own).
if (!skip.has("book") && (await stat(join(out, "portfolio", "index.html")).catch(() => null))) {
  const book = await bookFigures(out);
  row(
    `book of business page (${book.customers} customers), rendered in Chromium`,
    `${book.renderMs.toFixed(0)} ms`,
    "< 2 s",
    book.renderMs < 2000,
  );
  row(
    "book of business, one sort (median over its columns) and one filter",
    `${book.sortMs.toFixed(1)} ms, ${book.filterMs.toFixed(1)} ms`,
    "< 100 ms",
    book.sortMs < 100 && book.filterMs < 100,
  );
}

// Re-running the build with one customer's data changed: needs incremental builds (--force).
if (!skip.has("incremental")) {
  if ((await readFile(join(ROOT, "src", "cli.ts"), "utf8")).includes("--force")) {
    const first = (await readdir(data)).sort()[0];
    await rename(join(data, first, "customer.json"), (c) => ({ ...c, name: `${c.name as string} (changed)` }));
    const again = await build(data, out);
    row(
      "re-run with one customer's data changed",
      `${s(again.seconds)} = ${((100 * again.seconds) / median(builds)).toFixed(1)} % of the full build`,
      "≤ 5 %",
      again.seconds / median(builds) <= 0.05,
    );
  } else
    row(
      "re-run with one customer's data changed",
      "missing: this milepost has no --force (no reuse), it rebuilds everything",
      "≤ 5 %",
      false,
    );
}

// Peak RSS against a portfolio a tenth the size.
const small = Math.max(5, Math.round(N / 10));
const few = await build(await portfolio(small), join(scratch, "out-small"));
row(
  `peak RSS of milepost, ${N} customers vs ${small}`,
  `${big.maxRssMb.toFixed(0)} MB vs ${few.maxRssMb.toFixed(0)} MB = ${(big.maxRssMb / few.maxRssMb).toFixed(2)}×`,
  "≤ 1.2×, and ≤ 700 MB at 500",
  big.maxRssMb / few.maxRssMb <= 1.2 && big.maxRssMb <= 700,
);

// Folder and PDF sizes of the portfolio just built.
const cjk: number[] = [];
const latin: { kb: number; pages: number; name: string }[] = [];
for (const slug of await readdir(out)) {
  if (!(await stat(join(out, slug))).isDirectory()) continue;
  if (/^(sakura|formosa)/.test(slug)) cjk.push((await size(join(out, slug), (n) => !n.endsWith(".pdf"))) / 2 ** 20);
  else
    for (const name of (await readdir(join(out, slug))).filter((n) => /-qbr-.*\.pdf$/.test(n))) {
      const pdf = join(out, slug, name);
      const { stdout } = await run("pdfinfo", [pdf]).catch(() => ({ stdout: "" }));
      latin.push({ kb: (await stat(pdf)).size / 1024, pages: Number(/Pages:\s+(\d+)/.exec(stdout)?.[1] ?? 0), name });
    }
}
if (cjk.length)
  row(
    "a CJK customer's site folder (without its PDFs)",
    `median ${median(cjk).toFixed(2)} MB, largest ${Math.max(...cjk).toFixed(2)} MB`,
    "≤ 2 MB",
    Math.max(...cjk) <= 2,
  );
if (latin.length) {
  const richest = latin.sort((a, b) => b.pages - a.pages || b.kb - a.kb)[0];
  row(
    "richest Latin QBR PDF",
    `${richest.kb.toFixed(0)} KB, ${richest.pages} pages (${richest.name})`,
    "≤ 250 KB",
    richest.kb <= 250,
  );
}

// One customer, cold, HTML + PDF, as a person runs it.
if (!skip.has("one")) {
  for (const [slug, goal] of [
    ["northwind-logistics", 2.5],
    ["harimau-retail", 4],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const one = join(scratch, `one-${i}`);
      times.push((await milepost(["build", slug, "--period", "2026-Q3", "--out", one])).seconds);
      await rm(one, { recursive: true, force: true });
    }
    row(
      `one customer, cold, HTML + PDF (${slug})`,
      `median ${s(median(times))} [${times.map((t) => t.toFixed(1)).join(", ")}] = ${(median(times) / (median(floors) / documents)).toFixed(1)}× the floor's time per PDF`,
      `≤ ${goal} s`,
      median(times) <= goal,
    );
  }
}

// milepost dev: a data file saved → the rebuilt page served with the new figure, site page and print layout.
if (!skip.has("dev")) {
  const slug = "northwind-logistics";
  const devData = join(scratch, "dev-data");
  await cp(join(ROOT, "data", slug), join(devData, slug), { recursive: true });
  const customer = join(devData, slug, "customer.json");
  const name = (JSON.parse(await readFile(customer, "utf8")) as { name: string }).name;
  await rename(customer, (c) => ({ ...c, share: undefined })); // outside the samples' folder, their token is an error
  const dev = spawn(
    process.execPath,
    [
      join(HERE, "bench", "child.ts"),
      "cli",
      ROOT,
      join(scratch, "dev-stats.json"),
      "dev",
      slug,
      "--period",
      "2026-Q3",
      "--data",
      devData,
    ],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  const stopped = new Promise((resolve) => dev.once("exit", resolve));
  try {
    const origin = await new Promise<string>((resolve, reject) => {
      let out = "";
      dev.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const found = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
        if (found) resolve(found[0]);
      });
      void stopped.then(() => reject(new Error(`milepost dev stopped: ${out}`)));
    });
    const state = async () =>
      (await (await fetch(`${origin}/__milepost/state`)).json()) as {
        version: number;
        building: boolean;
        errors: string[];
      };
    const timings: { site: number; print: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const marker = `Bench ${i} ${Date.now()}`;
      const { version } = await state();
      const saved = performance.now();
      await rename(customer, (c) => ({ ...c, name: `${name} ${marker}` }));
      // Seconds from the save until `page` is served rebuilt, with the new name.
      const served = async (page: string) => {
        for (;;) {
          const now = await state();
          if (now.version > version && !now.building) {
            if ((await (await fetch(`${origin}/${page}`)).text()).includes(marker))
              return (performance.now() - saved) / 1000;
            if (now.errors.length) throw new Error(now.errors.join("; "));
          }
          if (performance.now() - saved > 120_000) throw new Error(`${page || "index.html"} not rebuilt in 2 minutes`);
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      timings.push({ site: await served(""), print: await served("print-qbr.html") });
    }
    // An open page is told by the server's event stream as the build ends (src/dev.ts), and reloads then.
    const site = median(timings.map((t) => t.site));
    const print = median(timings.map((t) => t.print));
    row(
      `milepost dev: data saved → the page rebuilt and served with the new figure (${slug})`,
      `median ${s(site)}`,
      "≤ 1 s",
      site <= 1,
    );
    row(
      `milepost dev: data saved → the print layout served again (${slug})`,
      `median ${s(print)}`,
      "≤ 2 s",
      print <= 2,
    );
  } catch (err) {
    row(
      "milepost dev: data saved → the page and the print layout served again",
      `failed: ${(err as Error).message}`,
      "≤ 1 s; ≤ 2 s",
      false,
    );
  } finally {
    dev.kill("SIGTERM");
    await stopped;
  }
}

// Validating one metric of 200,000 measurements (the acme fixture, as test/slow/bounded.test.ts makes it).
if (!skip.has("validate")) {
  const dir = join(scratch, "long");
  await cp(join(ROOT, "test", "fixtures", "data", "acme"), join(dir, "acme"), { recursive: true });
  const file = join(dir, "acme", "measurements.csv");
  const lines = (await readFile(file, "utf8"))
    .trimEnd()
    .split("\n")
    .filter((line) => !line.startsWith("m1,"));
  const start = Date.UTC(2025, 9, 2);
  for (let i = 0; i < 200_000; i++) {
    const date = new Date(start + Math.floor((i * 363) / 200_000) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`m1,${date},${(15 - (13 * i) / 200_000 + ((i * 7919) % 200) / 100 - 1).toFixed(2)},Timesheets,`);
  }
  await writeFile(file, `${lines.join("\n")}\n`);
  const runs: { seconds: number; maxRssMb: number }[] = [];
  for (let i = 0; i < RUNS; i++)
    runs.push(
      await milepost(["validate", "acme", "--data", dir, "--content", join(scratch, "none"), "--as-of", "2026-09-30"]),
    );
  const seconds = median(runs.map((r) => r.seconds));
  const mb = median(runs.map((r) => r.maxRssMb));
  row(
    "milepost validate, one metric of 200,000 measurements",
    `median ${s(seconds)}, ${mb.toFixed(0)} MB peak RSS`,
    "≤ 4 s, ≤ 300 MB",
    seconds <= 4 && mb <= 300,
  );
}

// The test suite, as CI runs it (opt-in: minutes of the whole machine).
if (values.tests) {
  const started = performance.now();
  const ok = await run("npm", ["test"], { cwd: ROOT, maxBuffer: 256 << 20 }).then(
    () => true,
    () => false,
  );
  const seconds = (performance.now() - started) / 1000;
  row("npm test", `${(seconds / 60).toFixed(1)} min${ok ? "" : " (failed)"}`, "≤ 4 min", ok && seconds <= 240);
} else row("npm test", "not measured (--tests)", "≤ 4 min", null);

await writeFile(
  join(HERE, ".milepost", "bench.json"),
  `${JSON.stringify({ root: ROOT, customers: N, rows }, null, 2)}\n`,
).catch(() => {});
await rm(scratch, { recursive: true, force: true });

// node bench/steps.ts <built site folder> [--root <checkout>]
// The printer alone on a built folder's print pages (two pages in flight, over 127.0.0.1): the mean seconds per document
// of each step (README, "Performance", Printing), the wall time, and the documents printed. The PDFs go to a scratch folder.
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  options: { root: { type: "string", default: join(import.meta.dirname, "..") } },
  allowPositionals: true,
});
const site = resolve(positionals[0]);
const root = resolve(values.root);
const { openPrinter } = (await import(
  pathToFileURL(join(root, "src", "pdf.ts")).href
)) as typeof import("../src/pdf.ts");
const { serve } = (await import(pathToFileURL(join(root, "src", "serve.ts")).href)) as typeof import("../src/serve.ts");

const into = await mkdtemp(join(tmpdir(), "milepost-steps-"));
const jobs: import("../src/pdf.ts").PrintJob[] = [];
for (const slug of (await readdir(site)).sort()) {
  if (slug.startsWith(".") || !(await stat(join(site, slug))).isDirectory()) continue;
  const paper = /size:\s*letter/i.test(await readFile(join(site, slug, "print.css"), "utf8").catch(() => ""))
    ? "letter"
    : "a4";
  for (const page of (await readdir(join(site, slug))).sort())
    if (/^print-.*\.html$/.test(page))
      jobs.push({ path: `${slug}/${page}`, out: join(into, `${slug}-${page}.pdf`), paper, date: "2026-09-30" });
}
const server = await serve(site);
const printer = openPrinter({ concurrency: 2 });
const started = performance.now();
const failures = await printer.print(server.origin, jobs);
await printer.close();
const seconds = (performance.now() - started) / 1000;
await server.close();
await rm(into, { recursive: true, force: true });
// An older checkout (--root) may count no steps.
const { steps, contexts } = printer.stats as unknown as { steps?: Record<string, number>; contexts: string[][] };
const per = Object.fromEntries(Object.entries(steps ?? {}).map(([name, s]) => [name, +(s / jobs.length).toFixed(3)]));
console.log(JSON.stringify({ documents: jobs.length, failed: failures.size, contexts: contexts.length, seconds, per }));

// The orchestrator: load → validate → model → render → pdf → publish, for many customers at
// once. A customer whose data fails is reported and left untouched; the others still build.
import { rmSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { basename, isAbsolute, join, relative } from "node:path";
import { checkpoint } from "./checkpoint.ts";
import { diskError, MilepostError, UsageError, type DataIssue } from "./errors.ts";
import { listCustomerFolders, loadCustomer, misnamedFolder, SLUG } from "./load.ts";
import { checkNarrative } from "./narrative.ts";
import { parsePeriod, periodOf, toDay } from "./model/dates.ts";
import { buildReport, type Report } from "./model/report.ts";
import { BrowserStopped, openPrinter, type PrintJob } from "./pdf.ts";
import { alive, claimOutput, manifestEntry, publishCustomer, writeManifest, type ManifestEntry } from "./publish.ts";
import { PACKAGE_ROOT, PACKS, paperFor, PRINT_DOCS, renderSites, type Pack, type SiteCustomer } from "./render.ts";
import type { CustomerData, TableName } from "./schema.ts";
import { boundSeries, boundedWarning } from "./series.ts";
import { serve } from "./serve.ts";
import { validateCustomer } from "./validate.ts";

/** What to build; the CLI turns flags into this, tests write it directly. */
export interface BuildOptions {
  dataDir: string;
  contentDir: string;
  outDir: string;
  /** Customer slugs, or "all" for every folder in dataDir. */
  customers: string[] | "all";
  pack: Pack | "all";
  asOf: string;
  period: string | null;
  pdf: boolean;
  debug?: boolean;
  /** Only validate and compute; write nothing (validate, --json). */
  dryRun?: boolean;
  /** report.json with every measurement of every metric, not the points the pages show (--full-series). */
  fullSeries?: boolean;
}

/** How one customer's build ended. */
export interface CustomerResult {
  slug: string;
  status: "built" | "failed";
  issues: DataIssue[];
  /** The figures; null when the data failed, and once a build has written them to report.json. */
  report: Report | null;
  packs: Pack[];
  files: string[];
}

/** Prints the PDFs of a rendered site folder; one for the whole run. */
export interface SitePrinter {
  print: (siteDir: string, jobs: PrintJob[]) => Promise<Map<PrintJob, Error>>;
  close: () => Promise<void>;
}

/** The side effects of a build, swappable in tests. */
export interface BuildEffects {
  render: typeof renderSites;
  /** A printer for the PDFs: created before the pages render, so Chromium starts meanwhile; its profile goes in `work`. */
  printer: (work: string) => SitePrinter;
  publish: typeof publishCustomer;
  manifest: typeof writeManifest;
  progress: (message: string) => void;
}

export const defaultEffects: BuildEffects = {
  render: renderSites,
  printer: (work) => {
    const chrome = openPrinter({ profile: join(work, "chrome") });
    return {
      async print(siteDir, jobs) {
        const server = await serve(siteDir);
        try {
          return await chrome.print(server.origin, jobs);
        } finally {
          await server.close();
        }
      },
      close: () => chrome.close(),
    };
  },
  publish: publishCustomer,
  manifest: writeManifest,
  progress: (message) => process.stderr.write(`${message}\n`),
};

/** What each pack needs beyond customer.json, and a check on the engagement itself. */
const PACK_NEEDS: Record<Pack, { tables: TableName[]; engagementEnd: boolean }> = {
  qbr: { tables: [], engagementEnd: false },
  closeout: { tables: ["deliverables"], engagementEnd: true },
};

/**
 * Resolves --period / --as-of into the as-of date and the QBR period. `today` is the user's local date. A date that
 * does not exist, or one after today, is a usage error; the current quarter is computed quarter-to-date (as of today).
 */
export function resolveDates(opts: { period?: string; asOf?: string; today: string }): {
  asOf: string;
  period: string;
} {
  const { today } = opts;
  if (opts.asOf !== undefined) {
    if (!isCalendarDay(opts.asOf))
      throw new UsageError(
        `--as-of ${opts.asOf} is not a date`,
        "write a day that exists as YYYY-MM-DD, e.g. --as-of 2026-09-30",
      );
    if (opts.asOf > today)
      throw new UsageError(
        `--as-of ${opts.asOf} is after today (${today})`,
        `figures can only be computed up to today: write --as-of ${today} or an earlier day`,
      );
  }
  if (opts.period) {
    const period = parsePeriod(opts.period);
    if (!period)
      throw new UsageError(
        `--period ${opts.period} is not a quarter`,
        "write the quarter as YYYY-Qn, e.g. --period 2026-Q3",
      );
    if (period.start > today)
      throw new UsageError(
        `--period ${period.id} has not started yet (today is ${today})`,
        `write the current quarter, --period ${periodOf(today).id}, for figures to date`,
      );
    return { asOf: opts.asOf ?? (period.end > today ? today : period.end), period: period.id };
  }
  const asOf = opts.asOf ?? today;
  return { asOf, period: periodOf(asOf).id };
}

/** The user's local date (not UTC's) as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  return `${String(now.getFullYear()).padStart(4, "0")}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

function isCalendarDay(iso: string): boolean {
  try {
    toDay(iso);
    return true;
  } catch {
    return false;
  }
}

/** The period part of PDF names: the quarter when figures are as of its last day, else the date. */
export function fileLabel(asOf: string, period: string | null): string {
  return period && asOf === parsePeriod(period)?.end ? period : asOf;
}

/** Lists the customer folders to build. */
export async function resolveCustomers(dataDir: string, customers: string[] | "all"): Promise<string[]> {
  let folders: Awaited<ReturnType<typeof listCustomerFolders>>;
  try {
    folders = await listCustomerFolders(dataDir);
  } catch {
    throw new UsageError(
      `There is no data folder at ${dataDir}`,
      "run milepost where your data/ folder is, or name it with --data <folder>",
    );
  }
  const entries = folders.slugs;
  if (customers === "all") {
    if (folders.slugs.length + folders.misnamed.length === 0)
      throw new UsageError(
        `${dataDir} holds no customer folders`,
        "add a folder per customer, e.g. data/acme/customer.json",
      );
    return folders.slugs;
  }
  for (const slug of customers) {
    if (!SLUG.test(slug))
      throw new UsageError(
        `"${slug}" is not a customer slug`,
        "a slug is lowercase letters, digits and hyphens, e.g. acme-corp",
      );
    if (!entries.includes(slug)) {
      throw new UsageError(
        `There is no customer folder ${join(dataDir, slug)}`,
        entries.length
          ? `customers in ${dataDir}: ${entries.filter((e) => SLUG.test(e)).join(", ")}`
          : `create ${join(dataDir, slug)}/customer.json first`,
      );
    }
  }
  return customers;
}

/** Loads, validates and models one customer; `shownDir` is how messages name its folder, e.g. "data/acme". */
export async function prepareCustomer(
  opts: BuildOptions,
  slug: string,
): Promise<{ data: CustomerData | null; report: Report | null; issues: DataIssue[]; shownDir: string }> {
  const dir = join(opts.dataDir, slug);
  const raw = await loadCustomer(dir, slug, relative(process.cwd(), dir) || dir);
  const { data, issues } = validateCustomer(raw);
  if (!data) return { data: null, report: null, issues, shownDir: raw.dir };
  const report = buildReport(data, { asOf: opts.asOf, period: opts.period });
  return { data, report, issues: [...issues, ...reportWarnings(report, raw.dir)], shownDir: raw.dir };
}

/** Words the model's structured warnings for the person who owns the data. */
function reportWarnings(report: Report, dir: string): DataIssue[] {
  return report.warnings.map((w) => {
    const [file, line] = w.source.split(":");
    const at = {
      severity: "warning" as const,
      code: w.code,
      file: `${dir}/${file}`,
      line: line ? Number(line) : undefined,
      field: w.field,
    };
    switch (w.code) {
      case "milestone-status-contradicted":
        return {
          ...at,
          value: w.value,
          problem: `contradicts the data, which says ${w.status} as of ${report.asOf}; the pages show ${w.status}`,
          fix: "update the status, or check achieved_date and the measurements",
        };
      case "milestone-unverified":
        return {
          ...at,
          problem: `milestone ${w.milestoneId} is achieved without evidence; the pages mark it unverified`,
          fix: `add a link or a file under ${dir}/evidence/ to its evidence column`,
        };
      case "csat-late":
        return w.value
          ? {
              ...at,
              value: w.value,
              problem: `is ${w.days} days after the engagement ended (${w.engagementEnd}): the first satisfaction response came later than 48 hours`,
              fix: "send the survey within 48 hours of the end; the close-out pack notes the delay",
            }
          : {
              ...at,
              problem: `has no satisfaction response ${w.days} days after the engagement ended (${w.engagementEnd})`,
              fix: "send the survey now; it is due within 48 hours of the end",
            };
      case "metric-stale":
        return {
          ...at,
          value: w.value,
          problem: `is the latest measurement of ${w.metricId}, ${w.days} days before ${report.asOf}: the pages show its figures as of ${w.value}`,
          fix: `add a measurement of ${w.metricId} dated closer to ${report.asOf} to measurements`,
        };
      case "cost-ledger-disagrees":
        return {
          ...at,
          value: String(w.actual),
          problem: `differs from the cost "${w.item}" in customer.json, which comes to ${w.costTotal} over its dates; the packs use the actual, ${w.actual}`,
          fix: "correct whichever is wrong, so that the cost in customer.json and the financials row agree",
        };
    }
  });
}

/** Which packs to build for a customer, or the issue that says what is missing. */
function choosePacks(
  data: CustomerData,
  requested: Pack | "all",
  asOf: string,
  dir: string,
): { packs: Pack[]; issues: DataIssue[] } {
  const wanted = requested === "all" ? [...PACKS] : [requested];
  const packs: Pack[] = [];
  const issues: DataIssue[] = [];
  for (const pack of wanted) {
    const needs = PACK_NEEDS[pack];
    const missing = needs.tables.filter((t) => !data.present.includes(t));
    const noEnd = needs.engagementEnd && !data.customer.engagement.end;
    if (!missing.length && !noEnd) {
      packs.push(pack);
      continue;
    }
    // With --pack all, a pack the engagement is not ready for is simply left out.
    const ended = data.customer.engagement.end !== undefined && data.customer.engagement.end <= asOf;
    if (requested === "all" && pack === "closeout" && !ended) continue;
    const what = [
      ...missing.map((t) => `${t}.csv (or ${t}.json)`),
      ...(noEnd ? ["engagement.end in customer.json"] : []),
    ].join(" and ");
    issues.push({
      severity: requested === "all" ? "warning" : "error",
      code: "pack-needs-data",
      file: dir,
      problem: `has no ${pack === "qbr" ? "QBR" : "close-out"} pack: it needs ${what}`,
      fix: requested === "all" ? "add it to build this pack" : `add it, or build another pack with --pack`,
    });
  }
  return { packs, issues };
}

/** How many customers one Astro build renders: memory stays flat however large the portfolio. */
export const BATCH_SIZE = 50;

/**
 * The root of the runs' working folders: `.milepost/work` in the package (where rendered pages
 * resolve its packages), or MILEPOST_WORK.
 */
export function workRoot(): string {
  return process.env.MILEPOST_WORK ?? join(PACKAGE_ROOT, ".milepost", "work");
}

/** Makes this run's working folder (`<pid>-<random>`, private to its owner); removes those of runs that were killed. */
async function openWork(): Promise<string> {
  const root = workRoot();
  await mkdir(root, { recursive: true });
  for (const name of await readdir(root)) {
    if (!alive(Number(name.split("-")[0]))) await rm(join(root, name), { recursive: true, force: true, maxRetries: 3 });
  }
  return mkdtemp(join(root, `${process.pid}-`));
}

/** Builds the requested customers. Returns one result per customer; never throws for data errors. */
export async function build(opts: BuildOptions, effects: BuildEffects = defaultEffects): Promise<CustomerResult[]> {
  const slugs = await resolveCustomers(opts.dataDir, opts.customers);
  const misnamed = await misnamedResults(opts);
  if (opts.dryRun) {
    const results: CustomerResult[] = [...misnamed];
    for (const slug of slugs) results.push((await prepareSite(opts, slug)).result);
    return results;
  }
  let work: string | null = null;
  let printer: SitePrinter | null = null;
  let release: (() => Promise<void>) | null = null;
  // Interrupted (Ctrl-C, kill): the working folder goes; the next build puts the output folder right.
  const interrupted = (signal: NodeJS.Signals) => {
    if (work) rmSync(work, { recursive: true, force: true, maxRetries: 3 });
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", interrupted).once("SIGTERM", interrupted);
  const results: CustomerResult[] = [...misnamed];
  // Batches overlap: Astro renders the next batch while Chromium prints this one.
  let printing: Promise<void> = Promise.resolve();
  try {
    release = await claimOutput(opts.outDir).catch((err) => {
      throw diskError(err, `the output folder ${opts.outDir}`) ?? err;
    });
    work = await openWork().catch((err) => {
      throw diskError(err, `milepost's working folder in ${workRoot()}`) ?? err;
    });
    printer = opts.pdf ? effects.printer(work) : null; // no browser: fails here, before any file is touched
    for (let i = 0; i < slugs.length; i += BATCH_SIZE) {
      const batch = slugs.slice(i, i + BATCH_SIZE);
      const prepared = await Promise.all(batch.map((slug) => prepareSite(opts, slug)));
      results.push(...prepared.map((p) => p.result));
      checkpoint("prepared");
      const ready = prepared.flatMap((p) => (p.site ? [{ site: p.site, result: p.result }] : []));
      if (ready.length === 0) continue;
      const rendered = await renderBatch(opts, effects, printer !== null, ready, join(work, `batch-${i / BATCH_SIZE}`));
      checkpoint("rendered");
      await printing;
      printing = finishBatch(opts, effects, printer, ready, rendered).then(async (entries) => {
        await effects.manifest(opts.outDir, entries);
        checkpoint("manifest");
        // The figures are in each report.json now; keep the results light.
        for (const { result } of ready) if (result.status === "built") result.report = null;
      });
    }
    await printing;
  } catch (err) {
    throw err instanceof MilepostError
      ? err
      : (diskError(err, work ? `milepost's working folder ${work}` : opts.outDir) ?? err);
  } finally {
    process.off("SIGINT", interrupted).off("SIGTERM", interrupted);
    await printing.catch(() => {});
    await printer?.close();
    if (work) await rm(work, { recursive: true, force: true, maxRetries: 3 });
    await release?.();
  }
  return results;
}

/** With every customer asked for, a failed result for each folder whose name is no slug: none is skipped without a word. */
async function misnamedResults(opts: BuildOptions): Promise<CustomerResult[]> {
  if (opts.customers !== "all") return [];
  const { misnamed } = await listCustomerFolders(opts.dataDir);
  return Promise.all(
    misnamed.map(async (name) => {
      const dir = join(opts.dataDir, name);
      const issue = await misnamedFolder(opts.dataDir, name, relative(process.cwd(), dir) || dir);
      return { slug: name, status: "failed" as const, issues: [issue], report: null, packs: [], files: [] };
    }),
  );
}

/** Loads, validates and models one customer, and chooses its packs: its result, and its site if it is to be built. */
async function prepareSite(
  opts: BuildOptions,
  slug: string,
): Promise<{ result: CustomerResult; site: SiteCustomer | null }> {
  const { data, report, issues, shownDir } = await prepareCustomer(opts, slug);
  const result: CustomerResult = { slug, status: "failed", issues, report, packs: [], files: [] };
  if (!data || !report) return { result, site: null };
  const chosen = choosePacks(data, opts.pack, opts.asOf, shownDir);
  issues.push(...chosen.issues);
  if (chosen.packs.length === 0 || chosen.issues.some((i) => i.severity === "error")) return { result, site: null };
  const content = await findContent(opts.contentDir, slug);
  issues.push(...(await checkNarrative(content, report)));
  if (issues.some((i) => i.severity === "error")) return { result, site: null };
  const shown = boundSeries(report);
  issues.push(...shown.bounded.map((b) => boundedWarning(b, shownDir)));
  result.report = opts.fullSeries ? report : shown.report;
  result.packs = chosen.packs;
  result.status = "built";
  // The folder as the person named it (--data), but never a path outside where they ran milepost.
  const folder = shownDir.startsWith("..") || isAbsolute(shownDir) ? `${basename(opts.dataDir)}/${slug}` : shownDir;
  // The pages read the figures, never the measurement rows: they stay out of the render.
  const site = {
    slug,
    report: shown.report,
    data: { ...data, measurements: [] },
    packs: chosen.packs,
    content,
    label: fileLabel(opts.asOf, opts.period),
    folder: `${folder}/`,
  };
  return { result, site };
}

type Ready = { site: SiteCustomer; result: CustomerResult }[];
type Rendered = { stage: string; siteDir: string; jobs: Map<PrintJob, CustomerResult> };

/** Renders one batch of customers into `stage`, writes their report.json and lists their PDFs. */
async function renderBatch(
  opts: BuildOptions,
  effects: BuildEffects,
  pdf: boolean,
  ready: Ready,
  stage: string,
): Promise<Rendered> {
  effects.progress(`Rendering ${plural(ready.length, "customer site")}…`);
  const dataDirs = new Map(ready.map(({ site }) => [site.slug, join(opts.dataDir, site.slug)]));
  const siteDir = await effects.render(
    ready.map((r) => r.site),
    dataDirs,
    stage,
    { debug: opts.debug },
  );
  const jobs = new Map<PrintJob, CustomerResult>();
  for (const { site: c, result } of ready) {
    await writeFile(join(siteDir, c.slug, "report.json"), `${JSON.stringify(result.report, null, 2)}\n`);
    result.files.push(`${c.slug}/index.html`, `${c.slug}/report.json`);
    if (!pdf) continue;
    for (const doc of c.packs.flatMap((pack) => PRINT_DOCS[pack])) {
      const name = doc.pdf(c.slug, c.label);
      jobs.set(
        {
          path: `${c.slug}/${doc.page}`,
          out: join(siteDir, c.slug, name),
          paper: paperFor(c.data.customer),
          date: c.report.asOf,
        },
        result,
      );
      result.files.push(`${c.slug}/${name}`);
    }
  }
  return { stage, siteDir, jobs };
}

/** Prints and publishes a rendered batch; returns the manifest entries of the customers published. */
async function finishBatch(
  opts: BuildOptions,
  effects: BuildEffects,
  printer: SitePrinter | null,
  ready: Ready,
  { stage, siteDir, jobs }: Rendered,
): Promise<ManifestEntry[]> {
  if (printer && jobs.size > 0) {
    effects.progress(`Printing ${plural(jobs.size, "PDF")}…`);
    for (const [job, err] of await printer.print(siteDir, [...jobs.keys()])) {
      const result = jobs.get(job)!;
      result.status = "failed";
      const pdf = relative(siteDir, job.out);
      result.issues.push(
        err instanceof BrowserStopped
          ? {
              severity: "error",
              code: "browser-stopped",
              file: pdf,
              problem: "was not printed: Chromium stopped while printing it",
              fix: `${result.slug} keeps its previous output; build ${result.slug} again, and if Chromium stops again, run with --debug`,
            }
          : {
              severity: "error",
              code: "pdf-failed",
              file: pdf,
              problem: `could not be printed (${err.message})`,
              fix: "run again with --debug; if it persists, report it with the data folder",
            },
      );
    }
  }
  checkpoint("printed");
  const manifest: ManifestEntry[] = [];
  for (const { site: c, result } of ready) {
    if (result.status !== "built") continue;
    try {
      await effects.publish(join(siteDir, c.slug), opts.outDir, c.slug);
    } catch (err) {
      const disk = diskError(err, join(opts.outDir, c.slug));
      if (!disk) throw err;
      result.status = "failed";
      result.issues.push({
        severity: "error",
        code: "not-written",
        file: join(opts.outDir, c.slug),
        problem: `could not be written: ${disk.title.toLowerCase()}`,
        fix: disk.hint,
      });
      continue;
    }
    manifest.push(
      manifestEntry(
        c.report,
        result.files.filter((f) => f.endsWith(".pdf")).map((f) => f.slice(c.slug.length + 1)),
      ),
    );
  }
  await rm(stage, { recursive: true, force: true });
  return manifest;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

async function findContent(contentDir: string, slug: string): Promise<Record<string, string>> {
  const dir = join(contentDir, slug);
  const content: Record<string, string> = {};
  try {
    if (!(await stat(dir)).isDirectory()) return content;
    for (const name of await readdir(dir)) if (name.endsWith(".mdx")) content[name.slice(0, -4)] = join(dir, name);
  } catch {
    // no narrative for this customer
  }
  return content;
}

// The orchestrator: load → validate → model → render → pdf → publish, for many customers at
// once. A customer whose data fails is reported and left untouched; the others still build.
import { constants as osConstants } from "node:os";
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { basename, isAbsolute, join, relative } from "node:path";
import { checkpoint } from "./checkpoint.ts";
import { killChildren, removeWork } from "./parent.ts";
import { COPY_FILE } from "./share/internal.ts";
import { sharedTokenIssues, tokenHolders, type TokenHolder } from "./share/tokens.ts";
import { defaultConfig, layoutFor, loadConfig, overrideIssues, type Config } from "./config.ts";
import { diskError, formatIssue, MilepostError, UsageError, type DataIssue } from "./errors.ts";
import { logoIssues } from "./logo.ts";
import { listCustomerFolders, loadCustomer, misnamedFolder, SLUG } from "./load.ts";
import {
  customContent,
  AUDIENCE_PACK,
  PACK_DEFS,
  PACKS,
  paperFor,
  pdfFile,
  printDocsFor,
  type AudiencePdf,
  type Pack,
} from "./documents.ts";
import {
  exampleIssues,
  notWritten,
  packNeedsData,
  packNotApplicable,
  packNotDue,
  noPackDue,
  printFailed,
  reportWarnings,
} from "./issues.ts";
import { earlierReport, reportsKeptFor } from "./earlier.ts";
import { checkNarrative } from "./narrative.ts";
import type { Copy, CopyReport, Report } from "./model/contract.ts";
import { copyOf } from "./model/copy.ts";
import { exampleRows } from "./model/examples.ts";
import { dataGaps } from "./model/gaps.ts";
import { buildReport } from "./model/report.ts";
import {
  configDigest,
  engineDigest,
  folderDigest,
  documentInputs,
  inputKey,
  reusable,
  writeKey,
  type KeyRecord,
} from "./incremental.ts";
import { findChrome, openPrinter, type PrintJob } from "./pdf.ts";
import { fileLabel, otherPeriods, type PeriodPdfs } from "./periods.ts";
import { createProgress, type Progress } from "./progress.ts";
import {
  alive,
  claimOutput,
  failedEntry,
  folderEntry,
  manifestEntry,
  publishCustomer,
  writeManifest,
  type ManifestEntry,
} from "./publish.ts";
import { writePortfolio } from "./portfolio/write.ts";
import { PACKAGE_ROOT, renderSites, type SiteCustomer } from "./render.ts";
import type { CustomerData } from "./schema.ts";
import { boundSeries, boundedWarning } from "./series.ts";
import { serve } from "./serve.ts";
import { inShard, type Shard } from "./shard.ts";
import { DECK_PAGE, deckPdf } from "./slides.ts";
import { validateCustomer } from "./validate.ts";

/** What to build; the CLI turns flags into this, tests write it directly. */
export interface BuildOptions {
  dataDir: string;
  contentDir: string;
  outDir: string;
  /** Customer slugs, or "all" for every folder in dataDir. */
  customers: string[] | "all";
  pack: Pack | "all";
  /** Packs asked for besides `pack` (`--pack all,monthly`): those built on request only among them. */
  also?: Pack[];
  asOf: string;
  period: string | null;
  /** The user's local date: a row dated after it is a located warning (row-after-today); absent, no such check. */
  today?: string;
  pdf: boolean;
  debug?: boolean;
  /** Only validate and compute; write nothing (validate, --json). */
  dryRun?: boolean;
  /** report.json with every measurement of every metric, not the points the pages show (--full-series). */
  fullSeries?: boolean;
  /** Build every customer again, even those whose inputs did not change (--force). */
  force?: boolean;
  /**
   * Rebuild each customer's folder with only what this build makes (--clean): the PDFs of this period it
   * does not print go (a build without --clean keeps them); other periods' PDFs stay either way.
   */
  clean?: boolean;
  /** Only the customers of this slice (--shard i/n). */
  shard?: Shard;
  /** Write the book of business (dist/portfolio/) from every customer of the manifest after the build: --all without --shard. */
  book?: boolean;
  /** The folder of milepost.config.json (--config); without one, the registry's defaults. */
  configDir?: string;
  /** The audiences to print a short QBR PDF for, beside the QBR (--audience). */
  audiences?: AudiencePdf[];
  /** Each QBR also as a 16:9 deck, its page and its PDF (--deck; milepost.config.json's `deck` too). */
  deck?: boolean;
  /** The customer's copy (default) or the internal copy, which adds what the CSM alone reads (--copy). */
  copy?: Copy;
  /** Also write the close-out and handoff documents as editable Word files (--office; else milepost.config.json's `office`). */
  office?: boolean;
}

/** How one customer's build ended. */
export interface CustomerResult {
  slug: string;
  status: "built" | "failed";
  issues: DataIssue[];
  /** The figures; null when the data failed, and once a build has written them to report.json. */
  report: CopyReport | null;
  packs: Pack[];
  files: string[];
  /** Its inputs had not changed: its folder was kept as it was. */
  reused?: boolean;
}

/** Prints the PDFs of a rendered site folder; one for the whole run. */
export interface SitePrinter {
  print: (siteDir: string, jobs: PrintJob[], printed?: (job: PrintJob) => void) => Promise<Map<PrintJob, Error>>;
  close: () => Promise<void>;
}

/** The side effects of a build, swappable in tests. */
export interface BuildEffects {
  render: typeof renderSites;
  /** A printer for the PDFs: created before the pages render, so Chromium starts meanwhile; its profile goes in `work`. */
  printer: (work: string) => SitePrinter;
  publish: typeof publishCustomer;
  manifest: typeof writeManifest;
  /** What the build says while it runs (the CLI's; silent by default). */
  progress: Progress;
}

export const defaultEffects: BuildEffects = {
  render: renderSites,
  printer: (work) => {
    const chrome = openPrinter({ profile: join(work, "chrome") });
    return {
      async print(siteDir, jobs, printed) {
        const server = await serve(siteDir);
        try {
          return await chrome.print(server.origin, jobs, printed);
        } finally {
          await server.close();
        }
      },
      close: () => chrome.close(),
    };
  },
  publish: publishCustomer,
  manifest: writeManifest,
  progress: createProgress("silent", process.stderr),
};

export { fileLabel };

/** Lists the customer folders to build. */
export async function resolveCustomers(dataDir: string, customers: string[] | "all"): Promise<string[]> {
  let folders: Awaited<ReturnType<typeof listCustomerFolders>>;
  try {
    folders = await listCustomerFolders(dataDir);
  } catch {
    throw new UsageError(
      `There is no data folder at ${dataDir}`,
      "create it, with a folder per customer in it, e.g. data/acme/customer.json",
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

/**
 * Reads milepost.config.json from opts.configDir (the defaults without it). A mistake in it stops the build before
 * any customer is touched: it is every customer's.
 */
export async function readConfig(opts: Pick<BuildOptions, "configDir">): Promise<Config> {
  if (!opts.configDir) return defaultConfig(".");
  const shown = relative(process.cwd(), opts.configDir) || ".";
  const { config, issues } = await loadConfig(opts.configDir, shown);
  if (config) return config;
  const errors = issues.filter((i) => i.severity === "error");
  throw new MilepostError(
    `milepost.config.json has ${errors.length} mistake${errors.length === 1 ? "" : "s"}`,
    errors.map((i) => `  ${formatIssue(i)}`).join("\n"),
    "nothing is built until the config is right (see docs/data-contract.md#milepostconfigjson)",
  );
}

/** Loads, validates and models one customer; `shownDir` is how messages name its folder, e.g. "data/acme". */
export async function prepareCustomer(
  opts: BuildOptions,
  slug: string,
  config: Config = defaultConfig("."),
): Promise<{ data: CustomerData | null; report: Report | null; issues: DataIssue[]; shownDir: string }> {
  const dir = join(opts.dataDir, slug);
  const { validated, doc, shownDir } = await readValidated(dir, slug, opts.today);
  const issues = validated.data
    ? [
        ...validated.issues,
        ...overrideIssues(config, validated.data.customer, doc!, `${shownDir}/${doc!.file}`),
        ...(await tokenIssues(opts, slug)),
        ...(await logoIssues(validated.data.customer, dir, `${shownDir}/${doc!.file}`)),
      ]
    : validated.issues;
  const data = issues.some((i) => i.severity === "error") ? null : validated.data;
  if (!data) return { data: null, report: null, issues, shownDir };
  const earlier = await earlierReport(join(opts.outDir, slug), opts.period);
  const report = buildReport(data, { asOf: opts.asOf, period: opts.period, earlier });
  // init's example rows: the customer's copy is refused while one remains; validate and the internal copy warn.
  const refuse = (opts.copy ?? "customer") === "customer" && !opts.dryRun;
  const examples = exampleIssues(exampleRows(data, doc!.file), shownDir, refuse);
  return { data, report, issues: [...issues, ...examples, ...reportWarnings(report, shownDir)], shownDir };
}

/** A customer folder read and checked; the rows as read go once checked (a metric's 200,000 rows are not kept twice). */
async function readValidated(dir: string, slug: string, today: string | undefined) {
  const raw = await loadCustomer(dir, slug, relative(process.cwd(), dir) || dir);
  return { validated: validateCustomer(raw, today), doc: raw.customer, shownDir: raw.dir };
}

const holders = new WeakMap<BuildOptions, Promise<TokenHolder[]>>();

/** A token that another customer folder of the data holds too, or the sample data's outside it (read once per build). */
async function tokenIssues(opts: BuildOptions, slug: string): Promise<DataIssue[]> {
  if (!holders.has(opts)) holders.set(opts, tokenHolders(opts.dataDir));
  return sharedTokenIssues(opts.dataDir, slug, await holders.get(opts)!, join(PACKAGE_ROOT, "data"));
}

/** Which packs to build for a customer, or the issues that say what is missing (the registry says what each needs). */
function choosePacks(
  data: CustomerData,
  requested: Pack | "all",
  asOf: string,
  dir: string,
  report: CopyReport,
  also: readonly Pack[] = [],
): { packs: Pack[]; issues: DataIssue[] } {
  const due = (pack: Pack) => PACK_DEFS[pack].due?.test(data.customer.engagement, asOf) ?? true;
  const everyPack = PACKS.filter((p) => due(p) && !PACK_DEFS[p].onRequest);
  const asked = requested === "all" ? everyPack : [requested];
  const wanted = PACKS.filter((p) => asked.includes(p) || also.includes(p));
  const packs: Pack[] = [];
  const issues: DataIssue[] = [];
  const end = data.customer.engagement.end;
  for (const pack of wanted) {
    const def = PACK_DEFS[pack];
    if (!due(pack)) {
      issues.push(packNotDue(def, data.customer.engagement.start, asOf, dir, requested === pack ? "one" : "several"));
      continue;
    }
    if (def.applies && !def.applies.test(report)) {
      issues.push(packNotApplicable(def, dir, requested === pack ? "one" : "several"));
      continue;
    }
    const missing = {
      tables: def.needs.tables.filter((t) => !data.present.includes(t)),
      engagementEnd: def.needs.engagementEnd && !end,
    };
    if (!missing.tables.length && !missing.engagementEnd) packs.push(pack);
    // With every pack asked for, a pack the engagement is not ready for is simply left out.
    else if (!(requested === "all" && def.afterEnd && !(end !== undefined && end <= asOf)))
      issues.push(packNeedsData(def, missing, dir, requested === "all" ? "all" : "one"));
  }
  if (requested === "all" && packs.length === 0 && !issues.some((i) => i.severity === "error"))
    issues.push(
      noPackDue(
        PACKS.map((p) => PACK_DEFS[p]).filter((d) => !d.onRequest),
        data.customer.engagement.start,
        asOf,
        dir,
      ),
    );
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

/** The options with their defaults written out, once: a caller that leaves them out and the CLI build alike (same key). */
export const withDefaults = (opts: BuildOptions): BuildOptions => ({
  ...opts,
  copy: opts.copy ?? "customer",
  audiences: opts.audiences ?? [],
  fullSeries: opts.fullSeries ?? false,
});

/** Builds the requested customers. Returns one result per customer; never throws for data errors. */
export async function build(asked: BuildOptions, effects: BuildEffects = defaultEffects): Promise<CustomerResult[]> {
  const opts = withDefaults(asked);
  const slugs = inShard(await resolveCustomers(opts.dataDir, opts.customers), opts.shard);
  const config = await readConfig(opts);
  const misnamed = (await misnamedResults(opts)).filter((r) => inShard([r.slug], opts.shard).length);
  if (opts.dryRun) {
    const prepared: Prepared[] = [];
    for (const slug of slugs) prepared.push(await prepareSite(opts, slug, config));
    return [...misnamed, ...prepared.map((p) => merge(p, opts))];
  }
  let work: string | null = null;
  let printer: SitePrinter | null = null;
  let release: (() => Promise<void>) | null = null;
  // Interrupted (Ctrl-C, kill, a hang-up or the parent gone: bin/milepost.js): the working folder goes, and
  // Chromium with this process (it talks over a pipe); the next build puts the output folder right.
  const interrupted = (signal: NodeJS.Signals) => {
    // Chromium first: a browser still shutting down would write its profile into the folder again.
    killChildren();
    if (work) removeWork(work);
    process.exit(128 + osConstants.signals[signal]);
  };
  process.once("SIGINT", interrupted).once("SIGTERM", interrupted).once("SIGHUP", interrupted);
  const batches: Promise<CustomerResult[]>[] = [];
  // Batches overlap: Astro renders the next batch while Chromium prints this one.
  let printing: Promise<unknown> = Promise.resolve();
  let ahead: Promise<unknown> = printing;
  try {
    release = await claimOutput(opts.outDir).catch((err) => {
      throw diskError(err, `the output folder ${opts.outDir}`) ?? err;
    });
    work = await openWork().catch((err) => {
      throw diskError(err, `milepost's working folder in ${workRoot()}`) ?? err;
    });
    // No browser: fails here, before any file is touched (and before a word of progress).
    const engine = await engineDigest(PACKAGE_ROOT, opts.pdf ? findChrome() : null);
    const project = { config, digest: await configDigest(config) };
    const { progress } = effects;
    progress.add("prepare", slugs.length);
    for (let i = 0; i < slugs.length; i += BATCH_SIZE) {
      const batch = slugs.slice(i, i + BATCH_SIZE);
      const prepared = await Promise.all(batch.map((slug) => prepareOrReuse(opts, slug, engine, project)));
      progress.done("prepare", batch.length);
      checkpoint("prepared");
      const ready = prepared.filter((p): p is Ready[number] => p.site !== null);
      let rendered: Rendered | undefined;
      if (ready.length > 0) {
        progress.add("render", ready.length);
        progress.add("publish", ready.length);
        // Chromium starts while the pages render; not at all when every customer is reused.
        if (opts.pdf) printer ??= effects.printer(work);
        const stage = join(work, `batch-${i / BATCH_SIZE}`);
        rendered = await renderBatch(opts, effects, printer !== null, ready, stage, opts.office ?? config.office);
        checkpoint("rendered");
      }
      // This batch joins Chromium's queue at once, behind the one printing; one batch ahead at most.
      await ahead;
      ahead = printing;
      const finishing = rendered ? finishBatch(opts, effects, printer, ready, rendered) : Promise.resolve(undefined);
      const finished = Promise.all([printing, finishing]).then(async ([, done]) => {
        const results = prepared.map((p) => merge(p, opts, rendered, done));
        await effects.manifest(opts.outDir, [...(done?.manifest ?? []), ...(await otherEntries(opts, results))]);
        checkpoint("manifest");
        for (const r of results) progress.customer(customerEvent(r));
        return results;
      });
      printing = finished;
      batches.push(finished);
    }
    await printing;
    // An empty slice still leaves a manifest, for merge.
    if (slugs.length === 0) await effects.manifest(opts.outDir, []);
    // Every customer built: the book of business beside them, from the manifest and their report.json.
    if (opts.book && !opts.shard) {
      const folder = work;
      await writePortfolio(
        opts.outDir,
        opts.pdf
          ? async (root, job) => {
              printer ??= effects.printer(folder);
              return (await printer.print(root, [job])).get(job) ?? null;
            }
          : null,
      );
    }
    progress.close();
  } catch (err) {
    throw err instanceof MilepostError
      ? err
      : (diskError(err, work ? `milepost's working folder ${work}` : opts.outDir) ?? err);
  } finally {
    process.off("SIGINT", interrupted).off("SIGTERM", interrupted).off("SIGHUP", interrupted);
    await printing.catch(() => {});
    await printer?.close();
    if (work) await rm(work, { recursive: true, force: true, maxRetries: 3 });
    await release?.();
  }
  return [...misnamed, ...(await Promise.all(batches)).flat()];
}

/** The manifest entries of a batch's customers that were not published now: those reused (as their folders are) and those that failed. */
async function otherEntries(opts: BuildOptions, results: CustomerResult[]): Promise<ManifestEntry[]> {
  const entries: ManifestEntry[] = [];
  for (const r of results) {
    const entry = r.reused
      ? await folderEntry(opts.outDir, r.slug)
      : r.status === "failed"
        ? failedEntry(r.slug, r.report, { asOf: opts.asOf, period: opts.period })
        : null;
    if (entry) entries.push(entry);
  }
  return entries;
}

const customerEvent = (r: CustomerResult) => ({
  slug: r.slug,
  status: r.status,
  reused: r.reused ?? false,
  errors: r.issues.filter((i) => i.severity === "error").length,
  warnings: r.issues.filter((i) => i.severity === "warning").length,
});

/**
 * A customer whose inputs did not change since its folder was built (see incremental.ts): what
 * that build said of it, and nothing to build. Otherwise prepareSite, with the key to keep.
 */
async function prepareOrReuse(
  opts: BuildOptions,
  slug: string,
  engine: string,
  project: { config: Config; digest: string },
): Promise<Prepared> {
  const dir = join(opts.dataDir, slug);
  const existing = await readdir(join(opts.outDir, slug)).catch(() => [] as string[]);
  const earlier = otherPeriods(slug, existing, fileLabel(opts.asOf, opts.period));
  const data = await folderDigest(dir);
  const content = await folderDigest(join(opts.contentDir, slug));
  const key = inputKey({
    engine,
    data,
    content,
    config: project.digest,
    options: opts,
    shownDir: relative(process.cwd(), dir) || dir,
    // The earlier reports a page compares with (Since the last QBR), as the PDFs of other periods it links.
    otherPeriods: [
      ...earlier.flatMap((p) => p.pdfs),
      ...(await reportsKeptFor(join(opts.outDir, slug), existing, fileLabel(opts.asOf, opts.period))),
    ],
  });
  const inputs = documentInputs({ data, content, config: project.digest, options: opts });
  const reused = opts.force || opts.clean ? null : await reusable(opts.outDir, slug, key);
  if (reused)
    return {
      slug,
      issues: reused.issues,
      report: null,
      packs: reused.packs as Pack[],
      site: null,
      key,
      inputs,
      reused,
    };
  return { ...(await prepareSite(opts, slug, project.config, earlier)), key, inputs };
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

/** What preparing one customer found: its issues, its figures, its packs, and its site when it is to be built. */
interface Prepared {
  slug: string;
  issues: DataIssue[];
  /** The figures report.json holds (every point with fullSeries); null when the data failed. */
  report: CopyReport | null;
  packs: Pack[];
  site: SiteCustomer | null;
  /** Its input key (see incremental.ts), kept with its folder; null for a dry run. */
  key: string | null;
  /** What its documents say is made from (see documentInputs): a kept PDF made from other inputs is stale. */
  inputs?: string;
  /** What the build of its unchanged folder said of it: nothing to build. */
  reused?: KeyRecord;
}

/** A rendered batch: its site folder, each customer's files, and the PDFs to print. */
interface Rendered {
  stage: string;
  siteDir: string;
  files: Map<string, string[]>;
  jobs: Map<PrintJob, string>;
}

/** A printed and published batch: the issues each customer met on the way, and the manifest entries of those published. */
interface Finished {
  issues: Map<string, DataIssue[]>;
  manifest: ManifestEntry[];
}

/**
 * The one place a customer's result is made, from what each stage returned: built when it was prepared for building
 * and neither printing nor publishing met an error. A built customer's figures are in its report.json: the result
 * does not carry them.
 */
function merge(p: Prepared, opts: BuildOptions, rendered?: Rendered, finished?: Finished): CustomerResult {
  const later = finished?.issues.get(p.slug) ?? [];
  const built = (p.site !== null || p.reused !== undefined) && !later.some((i) => i.severity === "error");
  return {
    slug: p.slug,
    status: built ? "built" : "failed",
    issues: [...p.issues, ...later],
    report: built && !opts.dryRun ? null : p.report,
    packs: p.packs,
    files: rendered?.files.get(p.slug) ?? p.reused?.files ?? [],
    ...(p.reused ? { reused: true } : {}),
  };
}

/** Loads, validates and models one customer, and chooses its packs. */
async function prepareSite(
  opts: BuildOptions,
  slug: string,
  config: Config,
  earlier: PeriodPdfs[] = [],
): Promise<Prepared> {
  const { data, report, issues, shownDir } = await prepareCustomer(opts, slug, config);
  const copy = opts.copy!;
  const failed = (more: DataIssue[] = []): Prepared => ({
    slug,
    issues: [...issues, ...more],
    report: report && copyOf(report, copy),
    packs: [],
    site: null,
    key: null,
  });
  if (!data || !report) return failed();
  if (issues.some((i) => i.code === "example-row" && i.severity === "error")) return failed();
  const chosen = choosePacks(data, opts.pack, opts.asOf, shownDir, copyOf(report, copy), opts.also);
  if (chosen.packs.length === 0 || chosen.issues.some((i) => i.severity === "error")) return failed(chosen.issues);
  const layout = layoutFor(config, data.customer, chosen.packs.includes(AUDIENCE_PACK) ? opts.audiences! : []);
  const shownSections = new Set(chosen.packs.flatMap((p) => layout.sections[p]));
  const custom = config.custom.filter((s) => shownSections.has(s.id)).map((s) => [customContent(s.id), s.file]);
  const content = { ...(await findContent(opts.contentDir, slug)), ...Object.fromEntries(custom) };
  const branded = brandWith(data, config);
  const narrative = await checkNarrative(content, report);
  if ([...issues, ...narrative].some((i) => i.severity === "error")) return failed([...chosen.issues, ...narrative]);
  const shown = boundSeries(report);
  const gaps = copy === "internal" ? dataGaps(data, report) : [];
  // The folder as the person named it (--data), but never a path outside where they ran milepost.
  const folder = shownDir.startsWith("..") || isAbsolute(shownDir) ? `${basename(opts.dataDir)}/${slug}` : shownDir;
  return {
    slug,
    issues: [...issues, ...chosen.issues, ...narrative, ...shown.bounded.map((b) => boundedWarning(b, shownDir))],
    report: copyOf(opts.fullSeries ? report : shown.report, copy, gaps),
    packs: chosen.packs,
    // The pages read the figures, never the measurement rows: they stay out of the render.
    site: {
      slug,
      report: copyOf(shown.report, copy, gaps),
      data: { ...branded.data, measurements: [] },
      packs: chosen.packs,
      content,
      layout,
      assets: branded.assets,
      label: fileLabel(opts.asOf, opts.period),
      folder: `${folder}/`,
      earlier,
      pdf: opts.pdf,
      deck: (opts.deck || config.deck) && chosen.packs.includes("qbr") && report.qbr !== null,
    },
    key: null,
  };
}

type Ready = (Prepared & { site: SiteCustomer; key: string; inputs: string })[];

/** Renders one batch of customers into `stage`, writes their report.json and lists their files and PDFs. */
async function renderBatch(
  opts: BuildOptions,
  effects: BuildEffects,
  pdf: boolean,
  ready: Ready,
  stage: string,
  office: boolean,
): Promise<Rendered> {
  const dataDirs = new Map(ready.map(({ slug }) => [slug, join(opts.dataDir, slug)]));
  const siteDir = await effects.render(
    ready.map((r) => r.site),
    dataDirs,
    stage,
    { debug: opts.debug },
  );
  effects.progress.done("render", ready.length);
  const files = new Map<string, string[]>();
  const jobs = new Map<PrintJob, string>();
  for (const { site: c, report } of ready) {
    await writeFile(join(siteDir, c.slug, "report.json"), `${JSON.stringify(report, null, 2)}\n`);
    const mine = [`${c.slug}/index.html`, `${c.slug}/report.json`];
    for (const doc of pdf ? printDocsFor(c) : []) {
      const name = pdfFile(doc, c);
      const job = {
        path: `${c.slug}/${doc.file}`,
        out: join(siteDir, c.slug, name),
        paper: paperFor(c.data.customer),
        date: c.report.asOf,
      };
      jobs.set(job, c.slug);
      mine.push(`${c.slug}/${name}`);
    }
    if (pdf && c.deck) {
      const name = deckPdf(c);
      jobs.set(
        { path: `${c.slug}/${DECK_PAGE}`, out: join(siteDir, c.slug, name), paper: "slide", date: c.report.asOf },
        c.slug,
      );
      mine.push(`${c.slug}/${name}`);
    }
    // docx and pptxgenjs load only for a build that writes Office files.
    const made = office || c.deck || c.packs.includes("casestudy") ? await import("./office/files.ts") : null;
    const written = made ? await made.officeFiles(c, join(siteDir, c.slug), office) : [];
    for (const file of written) {
      await writeFile(join(siteDir, c.slug, file.name), file.bytes);
      mine.push(`${c.slug}/${file.name}`);
    }
    files.set(c.slug, mine);
  }
  return { stage, siteDir, files, jobs };
}

/** Prints and publishes a rendered batch: the issues met, and the manifest entries of the customers published. */
async function finishBatch(
  opts: BuildOptions,
  effects: BuildEffects,
  printer: SitePrinter | null,
  ready: Ready,
  { stage, siteDir, files, jobs }: Rendered,
): Promise<Finished> {
  const issues = new Map<string, DataIssue[]>();
  const add = (slug: string, issue: DataIssue) => issues.set(slug, [...(issues.get(slug) ?? []), issue]);
  const { progress } = effects;
  if (printer && jobs.size > 0) {
    progress.add("print", jobs.size);
    for (const [job, err] of await printer.print(siteDir, [...jobs.keys()], () => progress.done("print"))) {
      const slug = jobs.get(job)!;
      add(slug, printFailed(slug, relative(siteDir, job.out), err));
    }
  }
  checkpoint("printed");
  const manifest: ManifestEntry[] = [];
  for (const { site: c, key, inputs, packs, issues: found } of ready) {
    progress.done("publish");
    if (issues.has(c.slug)) continue;
    const pdfs = files.get(c.slug)!.filter((f) => f.endsWith(".pdf"));
    const names = pdfs.map((f) => f.slice(c.slug.length + 1));
    try {
      const mine = files.get(c.slug)!;
      const made = Object.fromEntries(names.map((n) => [n, inputs]));
      await writeKey(join(siteDir, c.slug), { key, packs, files: mine, issues: found, inputs, made });
      // The copy goes into the folder with its files, so no later step has to trust the manifest for it.
      await writeFile(join(siteDir, c.slug, COPY_FILE), `${opts.copy ?? "customer"}\n`);
      await effects.publish(join(siteDir, c.slug), opts.outDir, c.slug, c.label, opts.clean ?? false);
    } catch (err) {
      const disk = diskError(err, join(opts.outDir, c.slug));
      if (!disk) throw err;
      add(c.slug, notWritten(join(opts.outDir, c.slug), disk));
      continue;
    }
    // As the folder is now: what this build made, and the PDFs it kept (see publishCustomer).
    manifest.push(
      (await folderEntry(opts.outDir, c.slug)) ??
        manifestEntry(c.report, [...names, ...c.earlier.flatMap((p) => p.pdfs)]),
    );
  }
  await rm(stage, { recursive: true, force: true });
  return { issues, manifest };
}

/**
 * The customer's data with the project's branding where its own has none: the provider (name and logo) of
 * milepost.config.json unless customer.json names one, and its colour unless customer.json's brand has one. The
 * provider's logo is published as files/provider/<name>: `assets` maps it to the file beside the config.
 */
function brandWith(data: CustomerData, config: Config): { data: CustomerData; assets: Record<string, string> } {
  const provider = config.provider;
  if (!provider) return { data, assets: {} };
  const customer = { ...data.customer };
  const assets: Record<string, string> = {};
  if (!customer.provider) {
    customer.provider = { name: provider.name };
    if (provider.logo) {
      customer.provider.logo = `provider/${basename(provider.logo)}`;
      assets[customer.provider.logo] = join(config.dir, provider.logo);
    }
  }
  if (provider.color && !customer.brand?.color) customer.brand = { ...customer.brand, color: provider.color };
  return { data: { ...data, customer }, assets };
}

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

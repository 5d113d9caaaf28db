// The command line: turns flags into BuildOptions, prints results. The work lives in build.ts.
import { fstatSync } from "node:fs";
import { readFile, stat, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { LANGUAGE_LIST } from "../templates/i18n/index.ts";
import { build, defaultEffects, resolveCustomers, type BuildOptions, type CustomerResult } from "./build.ts";
import { AUDIENCE_PACK, AUDIENCE_PDFS, PACK_DEFS, PACKS, type AudiencePdf, type Pack } from "./documents.ts";
import { diskError, formatIssue, MilepostError, UsageError } from "./errors.ts";
import { startDev } from "./dev.ts";
import { exampleImportMap, MAP_FILE } from "./importmap.ts";
import { loadCustomer } from "./load.ts";
import { merge } from "./merge.ts";
import { COPIES, type Copy } from "./model/copy.ts";
import { localToday, requireDataFolder, resolveDates } from "./options.ts";
import { createProgress, duration, progressMode } from "./progress.ts";
import { parseShard } from "./shard.ts";

const HELP = `milepost — QBR and close-out packs (site + PDF) from customer-success exports

Usage:
  milepost validate [slug…] [--data <folder>] [--content <folder>] [--period YYYY-Qn | --as-of YYYY-MM-DD]
                                       check the data of some or all customers (nothing is written)
  milepost init <slug> [--locale xx-YY] [--xlsx] [--map] [--data <folder>]
                                       start a customer: every table with its headers and one example row
  milepost dev <slug> [--port n]       preview a customer's site, rebuilt and reloaded on every change
  milepost build [slug…|--all] [options]
  milepost merge <shard output…> --out <folder>
                                       combine the output folders of shard builds (--shard i/n) into one
  milepost publish [slug…|--all] --to <folder|s3://bucket/prefix> [options]
  milepost share rotate <slug>         give a customer a new share token (the old link stops at the next publish --prune)

Options for build:
  --all                  build every customer folder in the data folder
  --pack ${[...PACKS, "all"].join("|")}
                         which pack (default: all the data supports; ${PACKS.filter((p) => PACK_DEFS[p].onRequest).join(", ")} only when named);
                         several by commas, e.g. --pack all,monthly
  --period YYYY-Qn       figures as of the end of that quarter, e.g. 2026-Q3 (the current quarter: to date)
  --period YYYY-MM       figures as of the end of that month, e.g. 2026-10 (the monthly report's month)
  --as-of YYYY-MM-DD     figures as of that day, today or earlier (default: today)
  --data <folder>        customer folders (default: data)
  --content <folder>     narrative MDX per customer (default: content)
  --config <folder>      the folder of milepost.config.json (default: the current folder)
  --audience ${AUDIENCE_PDFS.join("|")}
                         also print the QBR's short PDF for that audience (repeat it, or list them: finance,it)
  --out <folder>         output folder (default: dist)
  --no-pdf               build the sites and report.json only
  --office               also write the close-out and handoff documents as editable Word files (.docx)
  --deck                 also each QBR as a 16:9 deck: a page that presents full-screen (deck.html) and
                         <slug>-qbr-deck-<period>.pdf (or "deck": true in milepost.config.json)
  --contact-sheets       also draw each PDF's pages as thumbnails on one PNG, <slug>/contact-<pdf>.png, to review
                         a pack at a glance (needs pdftoppm, from poppler-utils; never published)
  --full-series          report.json lists every measurement (the pages draw at most 150 points per metric)
  --copy customer|internal
                         the customer's copy (default; the only one publish sends) or the internal copy: it adds
                         coaching notes, to-dos and triage, marked "Internal — do not forward" on every page
  --force                build every customer again, even those whose inputs did not change
  --clean                remove this period's PDFs the build does not print (by default a --no-pdf or narrower
                         build keeps them, marked stale in manifest.json when their data changed since)
  --shard i/n            build only slice i of n of the customers (by a hash of the slug), e.g. --shard 2/4
  --json                 progress as JSON events (stderr) and the results as JSON (stdout);
                         with validate: every customer's report and issues as JSON
  --debug                show Astro's log and stack traces
  -h, --help             this help
  --version              milepost's version and the languages of its pages

Options for publish (after a build):
  --to <target>          a folder, or s3://bucket/prefix (credentials from the AWS environment or profile)
  --from <folder>        the build's output folder (default: dist)
  --base-url <url>       what links start with, e.g. https://packs.example.com/q3/ (default: milepost.config.json's
                         baseUrl; without either, links are the target's local paths)
  --endpoint <url>       an S3-compatible endpoint (MinIO, R2, …), path-style
  --protect              seal each pack with a passcode (shown once, kept in shares.csv)
  --unprotect            publish in clear a share that was protected (never done without it)
  --expires YYYY-MM-DD   the last day links open (customer.json's share.expires wins)
  --prune                delete expired shares, old tokens and customers no longer published
  --drafts <folder>      write an email draft (.eml) per customer with its PDFs attached (needs --base-url)
  --shares <file>        where links and passcodes are kept (default: shares.csv; never inside --to)

Exit status: 0 all built, 1 a customer's data has errors (the others are built), 2 usage.`;

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[], today = localToday()): Promise<number> {
  let debug = argv.includes("--debug");
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        all: { type: "boolean" },
        pack: { type: "string" },
        period: { type: "string" },
        "as-of": { type: "string" },
        data: { type: "string", default: "data" },
        content: { type: "string", default: "content" },
        config: { type: "string", default: "." },
        audience: { type: "string", multiple: true },
        out: { type: "string", default: "dist" },
        "no-pdf": { type: "boolean" },
        deck: { type: "boolean" },
        office: { type: "boolean" },
        "contact-sheets": { type: "boolean" },
        "full-series": { type: "boolean" },
        copy: { type: "string" },
        force: { type: "boolean" },
        clean: { type: "boolean" },
        shard: { type: "string" },
        json: { type: "boolean" },
        debug: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean" },
        locale: { type: "string" },
        xlsx: { type: "boolean" },
        map: { type: "boolean" },
        port: { type: "string" },
        to: { type: "string" },
        from: { type: "string", default: "dist" },
        "base-url": { type: "string" },
        endpoint: { type: "string" },
        protect: { type: "boolean" },
        unprotect: { type: "boolean" },
        expires: { type: "string" },
        prune: { type: "boolean" },
        drafts: { type: "string" },
        shares: { type: "string", default: "shares.csv" },
      },
    });
    debug = values.debug ?? false;
    const [command, ...slugs] = positionals;
    if (values.version) {
      process.stdout.write(`milepost ${await version()}\nlanguages: ${LANGUAGE_LIST}\n`);
      return 0;
    }
    if (values.help || !command) {
      process.stdout.write(`${HELP}\n`);
      return values.help ? 0 : 2;
    }
    if (command === "publish" || command === "share") {
      const { shareCommand } = await import("./share/command.ts"); // with the AWS SDK: loaded only to publish
      return await shareCommand(command, slugs, values, today);
    }
    if (command === "init") {
      if (slugs.length !== 1)
        throw new UsageError("Which customer?", "name one: milepost init acme-corp [--locale en-AU] [--xlsx]");
      const { initCustomer } = await import("./init.ts"); // with exceljs: loaded only to write a workbook
      const written = await initCustomer({
        dataDir: resolve(values.data),
        slug: slugs[0],
        locale: values.locale ?? "en-US",
        xlsx: values.xlsx ?? false,
        today,
      });
      if (values.map) {
        const path = join(resolve(values.data), slugs[0], MAP_FILE);
        await writeFile(path, exampleImportMap());
        written.push(relative(process.cwd(), path) || path);
      }
      process.stdout.write(
        `Wrote ${written.length} files:\n${written.map((f) => `  ${f}`).join("\n")}\nReplace the example rows with the customer's data, then: milepost validate ${slugs[0]}\n`,
      );
      return 0;
    }
    if (command === "merge") return await mergeCommand(slugs, values.out);
    if (command !== "build" && command !== "validate" && command !== "dev") {
      throw new UsageError(
        `"${command}" is not a milepost command`,
        "the commands are: validate, build, init, dev, merge, publish, share (see milepost --help)",
      );
    }
    const packs = parsePacks(values.pack);
    if (values.copy !== undefined && !COPIES.includes(values.copy as Copy)) {
      throw new UsageError(`--copy ${values.copy} is not a copy`, "write --copy customer or --copy internal");
    }
    if (command === "build" && slugs.length === 0 && !values.all) {
      throw new UsageError("Which customers?", "name them (milepost build acme) or build every one with --all");
    }
    const dates = resolveDates({ period: values.period, asOf: values["as-of"], today });
    requireDataFolder(resolve(values.data));
    if (command === "dev") return await devCommand(slugs, values, dates);
    const opts: BuildOptions = {
      dataDir: resolve(values.data),
      contentDir: resolve(values.content),
      outDir: resolve(values.out),
      customers: slugs.length ? slugs : "all",
      pack: packs.pack,
      ...(packs.also.length ? { also: packs.also } : {}),
      asOf: dates.asOf,
      period: dates.period,
      today,
      pdf: !values["no-pdf"],
      debug,
      dryRun: command === "validate",
      fullSeries: values["full-series"],
      force: values.force,
      clean: values.clean,
      shard: values.shard === undefined ? undefined : parseShard(values.shard),
      book: command === "build" && slugs.length === 0 && values.shard === undefined,
      configDir: resolve(values.config),
      audiences: parseAudiences(values.audience ?? [], packs.also.includes(AUDIENCE_PACK) ? "all" : packs.pack),
      deck: values.deck,
      copy: values.copy as Copy | undefined,
      office: values.office,
    };
    const started = performance.now();
    const mode = command === "validate" ? "silent" : progressMode(process.stderr, process.env, values.json ?? false);
    const results = await build(opts, { ...defaultEffects, progress: createProgress(mode, process.stderr) });
    if (values["contact-sheets"] && command === "build" && opts.pdf) {
      const pdfs = results.flatMap((r) => (r.status === "built" ? r.files.filter((f) => f.endsWith(".pdf")) : []));
      const { contactSheets } = await import("./contact.ts"); // with sharp: loaded only to draw sheets
      await contactSheets(pdfs.map((f) => join(opts.outDir, f)));
    }
    if (values.json) {
      process.stdout.write(
        `${JSON.stringify({ asOf: opts.asOf, period: opts.period, customers: results }, null, 2)}\n`,
      );
    } else {
      const mapped = command === "validate" ? await mappingsApplied(opts.dataDir, results) : new Map();
      printResults(results, command, values.out, (performance.now() - started) / 1000, mapped);
    }
    return results.some((r) => r.status === "failed") ? 1 : 0;
  } catch (err) {
    return reportError(err, debug);
  }
}

/** The audiences of --audience (repeated or listed with commas), refused in the words of the flag. */
/** --pack: one pack, "all", or several by commas (`--pack all,monthly`): the first, and the others asked for besides it. */
function parsePacks(given: string | undefined): { pack: Pack | "all"; also: Pack[] } {
  const names = (given ?? "all").split(",").map((p) => p.trim());
  for (const name of names)
    if (name !== "all" && !PACKS.includes(name as Pack)) {
      const choices = [...PACKS, "all"].map((p) => `--pack ${p}`);
      throw new UsageError(
        `--pack ${name} is not a pack`,
        `write ${choices.slice(0, -1).join(", ")} or ${choices.at(-1)}, or several: --pack all,monthly`,
      );
    }
  const [pack, ...also] = names as (Pack | "all")[];
  return { pack, also: also.filter((p): p is Pack => p !== "all") };
}

function parseAudiences(given: string[], pack: string | undefined): AudiencePdf[] | undefined {
  const audiences = [...new Set(given.flatMap((a) => a.split(",")).map((a) => a.trim()))];
  for (const a of audiences)
    if (!AUDIENCE_PDFS.includes(a as AudiencePdf))
      throw new UsageError(`--audience ${a} is not an audience`, `write one of: ${AUDIENCE_PDFS.join(", ")}`);
  if (audiences.length && pack !== undefined && pack !== "all" && pack !== AUDIENCE_PACK)
    throw new UsageError(
      `--audience prints short ${PACK_DEFS[AUDIENCE_PACK].name} PDFs`,
      `build the ${PACK_DEFS[AUDIENCE_PACK].name} too: leave out --pack ${pack}`,
    );
  return audiences.length ? (audiences as AudiencePdf[]) : undefined;
}

/** Merges shard output folders into --out. */
async function mergeCommand(shards: string[], out: string): Promise<number> {
  const { customers } = await merge(shards, out);
  const write = (s: string) => process.stdout.write(`${s}\n`);
  for (const c of customers.filter((e) => e.status !== "built"))
    write(
      `✗ ${c.slug} — ${c.status === "stale" ? `failed in ${c.from}, its previous output kept` : `failed in ${c.from}, no output`}`,
    );
  const built = customers.filter((c) => c.status === "built").length;
  write(
    `Merged ${built} of ${customers.length} customer${customers.length === 1 ? "" : "s"} from ${shards.length} shard${shards.length === 1 ? "" : "s"} → ${out}/`,
  );
  return built === customers.length ? 0 : 1;
}

/**
 * Serves one customer's site until Ctrl-C, SIGTERM, a hang-up or its parent gone (bin/milepost.js), or
 * the end of its standard input when that is a pipe another process holds; then stops its server and
 * any build under way and removes its folder.
 */
async function devCommand(
  slugs: string[],
  values: { data: string; content: string; port?: string; pack?: string },
  dates: { asOf: string; period: string | null },
): Promise<number> {
  if (slugs.length !== 1) throw new UsageError("Which customer?", "name one: milepost dev acme");
  const dataDir = resolve(values.data);
  await resolveCustomers(dataDir, slugs);
  const stop = new AbortController();
  const stopped = new Promise<void>((resolve) => stop.signal.addEventListener("abort", () => resolve()));
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, () => stop.abort());
  if (heldPipe()) process.stdin.on("end", () => stop.abort()).resume();
  const dev = await startDev({
    dataDir,
    contentDir: resolve(values.content),
    templatesDir: join(import.meta.dirname, "..", "templates"),
    slug: slugs[0],
    port: values.port ? Number(values.port) : 4321,
    pack: parsePacks(values.pack).pack,
    asOf: dates.asOf,
    period: dates.period,
    signal: stop.signal,
  });
  process.stdout.write(
    `${slugs[0]} at ${dev.origin}/ (print layout: ${dev.origin}/${PACK_DEFS[PACKS[0]].print[0].file}); rebuilt on every change, Ctrl-C to stop\n`,
  );
  for (const line of dev.state.errors) process.stdout.write(`    ${line}\n`);
  await stopped;
  await dev.close();
  process.stdin.destroy();
  return 0;
}

/** Whether standard input is a pipe (or socket) from another process, whose end means that process is gone. */
function heldPipe(): boolean {
  try {
    const s = fstatSync(0);
    return !process.stdin.isTTY && (s.isFIFO() || s.isSocket());
  } catch {
    return false;
  }
}

async function version(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(import.meta.dirname, "..", "package.json"), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

/** What each customer's import map did (milepost.map.json), for validate to explain; only customers with a map are read again. */
async function mappingsApplied(dataDir: string, results: CustomerResult[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  const anywhere = async (path: string) => (await stat(path).catch(() => null)) !== null;
  const shared = await anywhere(join(dataDir, MAP_FILE));
  for (const { slug } of results) {
    const dir = join(dataDir, slug);
    if (!shared && !(await anywhere(join(dir, MAP_FILE)))) continue;
    found.set(slug, (await loadCustomer(dir, slug, relative(process.cwd(), dir) || dir)).mappings);
  }
  return found;
}

function printResults(
  results: CustomerResult[],
  command: string,
  out: string,
  seconds: number,
  mapped = new Map<string, string[]>(),
): void {
  const write = (s: string) => process.stdout.write(`${s}\n`);
  for (const r of results) {
    const errors = r.issues.filter((i) => i.severity === "error");
    const warnings = r.issues.filter((i) => i.severity === "warning");
    const mark = r.status === "failed" ? "✗" : "✓";
    const what =
      r.status === "failed"
        ? `${errors.length} error${errors.length === 1 ? "" : "s"}${command === "build" ? ", previous output kept" : ""}`
        : command === "build"
          ? `${r.packs.join(" + ")}${r.reused ? " (unchanged, kept)" : ""}`
          : "valid";
    write(
      `${mark} ${r.slug} — ${what}${warnings.length ? `, ${warnings.length} warning${warnings.length === 1 ? "" : "s"}` : ""}`,
    );
    for (const line of mapped.get(r.slug) ?? []) write(`    map      ${line}`);
    for (const issue of [...errors, ...warnings])
      write(`    ${issue.severity === "error" ? "error" : "warning"}  ${formatIssue(issue)}`);
  }
  const ok = results.filter((r) => r.status !== "failed").length;
  const reused = results.filter((r) => r.reused).length;
  const verb = command === "build" ? "Built" : "Validated";
  write(
    `\n${verb} ${ok} of ${results.length} customer${results.length === 1 ? "" : "s"}${reused ? ` (${reused} unchanged, reused)` : ""} in ${duration(seconds)}${command === "build" && ok ? ` → ${out}/` : ""}`,
  );
}

function reportError(err: unknown, debug: boolean): number {
  const write = (s: string) => process.stderr.write(`${s}\n`);
  if (err instanceof UsageError) {
    write(`milepost: ${err.message}\n  ${err.hint}`);
    return 2;
  }
  if (err instanceof MilepostError) {
    write(`${err.title}\n${err.message}\n  ${err.hint}`);
    if (debug && err.cause) write(String((err.cause as Error).stack ?? err.cause));
    return 1;
  }
  if (typeof err === "object" && err && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS")) {
    write(`milepost: ${(err as unknown as Error).message}\n  see milepost --help`);
    return 2;
  }
  // A disk error no stage named (e.g. share rotate writing customer.json to a read-only disk).
  const disk = diskError(err, "a file", { full: "run it on another disk", denied: "run it on a folder you may write" });
  if (disk) {
    write(`${disk.title}\n${disk.message}\n  ${disk.hint}`);
    return 1;
  }
  write(`Unexpected error: ${(err as Error)?.message ?? String(err)}`);
  write(
    debug
      ? String((err as Error)?.stack)
      : "  run again with --debug to see where it happened, and report it with the command you ran",
  );
  return 1;
}

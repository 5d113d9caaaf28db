// `milepost dev <slug>`: the customer's site on 127.0.0.1, built again on every change to its data,
// its narrative or the templates; open pages reload themselves, and data errors show in the page.
import { execFile } from "node:child_process";
import { watch, type FSWatcher } from "node:fs";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { promisify } from "node:util";
import { contentType, TYPES } from "./serve.ts";

/** Asks the server every second whether the site was built again, and reloads when it was. */
const RELOAD = `let seen;
setInterval(async () => {
  try {
    const { version } = await (await fetch("/__milepost/state")).json();
    if (seen !== undefined && version !== seen) location.reload();
    seen = version;
  } catch {}
}, 1000);
`;

/** The state of the preview: how many builds so far, and the errors of the last one (as the CLI prints them). */
export interface DevState {
  version: number;
  building: boolean;
  errors: string[];
}

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

function errorPage(slug: string, errors: string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(slug)}: data errors</title>
<script src="/__milepost/reload.js" defer></script></head>
<body style="font: 15px/1.5 system-ui, sans-serif; margin: 2rem; max-width: 70rem">
<h1>${escape(slug)} has ${errors.length} data error${errors.length === 1 ? "" : "s"}</h1>
<p>Fix them and save: this page reloads by itself.</p>
<pre style="white-space: pre-wrap">${errors.map(escape).join("\n")}</pre></body></html>`;
}

const BIN = join(import.meta.dirname, "..", "bin", "milepost.js");

/**
 * Builds the site in a fresh process, as `milepost build` would (a long-lived process would keep
 * the templates it compiled first); returns its error lines, worded as the CLI prints them.
 */
async function buildOnce(opts: DevOptions, outDir: string, signal: AbortSignal): Promise<string[]> {
  const dates = opts.period ? ["--period", opts.period, "--as-of", opts.asOf] : ["--as-of", opts.asOf];
  const args = [
    BIN,
    "build",
    opts.slug,
    "--no-pdf",
    "--out",
    outDir,
    "--data",
    opts.dataDir,
    "--content",
    opts.contentDir,
    "--pack",
    opts.pack,
    ...dates,
  ];
  try {
    await promisify(execFile)(process.execPath, args, { maxBuffer: 64 * 1024 * 1024, signal });
    return [];
  } catch (err) {
    if (signal.aborted) return []; // stopped: the build was told to stop (SIGTERM), and removes its working folder
    const { stdout = "", stderr = "" } = err as { stdout?: string; stderr?: string };
    const errors = stdout
      .split("\n")
      .filter((l) => l.startsWith("    error  "))
      .map((l) => l.trim());
    return errors.length ? errors : stderr.trim().split("\n");
  }
}

/** What to preview: one customer, its folders, and the date of its figures. */
export interface DevOptions {
  slug: string;
  dataDir: string;
  contentDir: string;
  templatesDir: string;
  pack: string;
  asOf: string;
  period: string | null;
  port?: number;
  /** Stops a build under way (e.g. when a signal arrives while the first build runs). */
  signal?: AbortSignal;
}

/** Starts the preview; resolves once the first build is done. */
export async function startDev(opts: DevOptions) {
  const outDir = await mkdtemp(join(tmpdir(), "milepost-dev-"));
  const stopping = new AbortController();
  opts.signal?.addEventListener("abort", () => stopping.abort(), { once: true });
  const state: DevState = { version: 0, building: false, errors: [] };
  let again = false;
  let running: Promise<void> = Promise.resolve();

  const rebuild = (): Promise<void> => {
    if (state.building) {
      again = true;
      return running;
    }
    state.building = true;
    running = (async () => {
      do {
        again = false;
        state.errors = await buildOnce(opts, outDir, stopping.signal);
      } while (again);
      state.building = false;
      state.version++;
    })();
    return running;
  };

  const site = join(outDir, opts.slug);
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (path === "/__milepost/state")
      return void res
        .writeHead(200, { "content-type": "application/json", "cache-control": "no-store" })
        .end(JSON.stringify(state));
    if (path === "/__milepost/reload.js") return void res.writeHead(200, { "content-type": TYPES[".js"] }).end(RELOAD);
    let file = join(site, path);
    if (!file.startsWith(site + sep) && file !== site) return void res.writeHead(403).end();
    if (
      await stat(file).then(
        (s) => s.isDirectory(),
        () => false,
      )
    )
      file = join(file, "index.html");
    const html = extname(file) === ".html";
    if (html && state.errors.length)
      return void res
        .writeHead(200, { "content-type": TYPES[".html"], "cache-control": "no-store" })
        .end(errorPage(opts.slug, state.errors));
    const body = await readFile(file).catch(() => null);
    if (!body)
      return void res
        .writeHead(404, { "content-type": TYPES[".html"] })
        .end(errorPage(opts.slug, [`not found: ${path}`]));
    res.writeHead(200, { "content-type": contentType(file), "cache-control": "no-store" });
    res.end(
      html
        ? body.toString("utf8").replace("</head>", '<script src="/__milepost/reload.js" defer></script></head>')
        : body,
    );
  });

  await rebuild();
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), 150);
  };
  const watchers: FSWatcher[] = [
    join(opts.dataDir, opts.slug),
    join(opts.contentDir, opts.slug),
    opts.templatesDir,
  ].flatMap((dir) => {
    try {
      return [watch(dir, { recursive: true }, changed)];
    } catch {
      return []; // no narrative folder for this customer
    }
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    state,
    async close() {
      stopping.abort();
      clearTimeout(timer);
      for (const w of watchers) w.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await running;
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

// `milepost dev <slug>`: the customer's site on 127.0.0.1, built again on every change to its data,
// its narrative or the templates; open pages reload themselves, and data errors show in the page.
import { watch, type FSWatcher } from "node:fs";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import type { Pack } from "./documents.ts";
import { formatIssue, MilepostError } from "./errors.ts";
import { createProgress } from "./progress.ts";
import { contentType, TYPES } from "./serve.ts";

/** Listens for the server's word that the site was built again (an event stream), and reloads when it was. */
const RELOAD = `let seen;
new EventSource("/__milepost/events").onmessage = (event) => {
  const { version } = JSON.parse(event.data);
  if (seen !== undefined && version !== seen) location.reload();
  seen = version;
};
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

/**
 * Builds the site in this process, as `milepost build --no-pdf` would: the templates' bundle stays loaded
 * (src/engine.ts), so a saved data file costs one customer's render; an edited template or narrative is another
 * engine, bundled once. Returns the build's error lines, worded as the CLI prints them.
 */
async function buildOnce(opts: DevOptions, outDir: string): Promise<string[]> {
  try {
    const { build, defaultEffects } = await import("./build.ts");
    const results = await build(
      {
        dataDir: opts.dataDir,
        contentDir: opts.contentDir,
        outDir,
        customers: [opts.slug],
        pack: opts.pack as Pack | "all",
        asOf: opts.asOf,
        period: opts.period,
        pdf: false,
        configDir: resolve("."),
      },
      { ...defaultEffects, progress: createProgress("silent", process.stderr) },
    );
    return results
      .flatMap((r) => r.issues.filter((i) => i.severity === "error"))
      .map((i) => `error  ${formatIssue(i)}`);
  } catch (err) {
    if (err instanceof MilepostError) return [err.title, ...err.message.split("\n"), err.hint];
    return [`Unexpected error: ${(err as Error)?.message ?? String(err)}`];
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
  /** Stops the preview's builds: none starts after it is aborted (one under way ends as it would). */
  signal?: AbortSignal;
}

/** Starts the preview; resolves once the first build is done. */
export async function startDev(opts: DevOptions) {
  const outDir = await mkdtemp(join(tmpdir(), "milepost-dev-"));
  const stopping = new AbortController();
  opts.signal?.addEventListener("abort", () => stopping.abort(), { once: true });
  const state: DevState = { version: 0, building: false, errors: [] };
  /** The open pages' event streams: each is told the new version when a build ends. */
  const listeners = new Set<ServerResponse>();
  const tell = (listener: ServerResponse) => listener.write(`data: ${JSON.stringify({ version: state.version })}\n\n`);
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
        state.errors = await buildOnce(opts, outDir);
      } while (again && !stopping.signal.aborted);
      state.building = false;
      state.version++;
      for (const listener of listeners) tell(listener);
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
    if (path === "/__milepost/events") {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
      tell(res);
      listeners.add(res);
      return void req.once("close", () => listeners.delete(res));
    }
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
      for (const listener of listeners) listener.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await running;
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

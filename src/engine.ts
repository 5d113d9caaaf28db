// The warm engine: the templates bundled once per engine version, kept in `.milepost/engine/<key>/`, so that
// rendering a customer's pages is a function call instead of an Astro build. The first build of a key is
// Astro's own static build, whose prerender bundle src/engine-capture.ts keeps; later renders load that bundle
// and ask it for every page and file the static build would write, and write the same bytes.
import { createHash } from "node:crypto";
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import type { Capture } from "./engine-capture.ts";
import { engineDigest } from "./incremental.ts";
import { alive } from "./publish.ts";
import type { SiteCustomer } from "./site-customer.ts";

/** `<engine>/engine.json`, written last: an engine folder without it is never used. */
const READY = "engine.json";

/** The folder of the kept engines: `.milepost/engine` in the package, or MILEPOST_ENGINE_DIR. */
export function engineRoot(root: string): string {
  return process.env.MILEPOST_ENGINE_DIR ?? join(root, ".milepost", "engine");
}

/**
 * The engine's key: milepost's code, templates, Astro configuration and package versions (engineDigest), and
 * the narrative MDX files compiled into the bundle (their names as errors show them, and their bytes). A
 * customer without narrative adds nothing, so such customers share the plain bundle.
 */
export async function engineKey(root: string, customers: SiteCustomer[], cwd = process.cwd()): Promise<string> {
  const narratives = await Promise.all(
    customers
      .flatMap((c) => Object.entries(c.content).map(([name, path]) => ({ id: `${c.slug}/${name}`, path })))
      .sort((a, b) => a.id.localeCompare(b.id))
      .map(async ({ id, path }) => [id, relative(cwd, path), sha256(await readFile(path))]),
  );
  return sha256(JSON.stringify({ engine: await engineDigest(root, null), node: process.versions.modules, narratives }));
}

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex").slice(0, 24);

/** The engine kept under `key`, or null when none is ready. */
export async function findEngine(root: string, key: string): Promise<string | null> {
  const dir = join(engineRoot(root), key);
  return (await stat(join(dir, READY)).then(
    () => true,
    () => false,
  ))
    ? dir
    : null;
}

/**
 * A folder to build a new engine in: `<engines>/.new-<pid>-<time>`; folders of builds that were killed are
 * removed first.
 */
export async function newEngineFolder(root: string): Promise<string> {
  const engines = engineRoot(root);
  await mkdir(engines, { recursive: true });
  for (const name of await readdir(engines)) {
    const pid = /^\.new-(\d+)-/.exec(name)?.[1];
    if (pid && !alive(Number(pid))) await rm(join(engines, name), { recursive: true, force: true });
  }
  const dir = join(engines, `.new-${process.pid}-${Date.now()}`);
  await mkdir(dir);
  return dir;
}

/**
 * Completes an engine built into `dir` (src/engine-capture.ts wrote its bundle): keeps the client files of the
 * build's site folder `siteDir` (its `_astro/`, before anything rewrites them), marks it ready and moves it to its
 * key's place in one rename. When another build got there first, its engine stays and this one is removed.
 */
export async function keepEngine(root: string, key: string, dir: string, siteDir: string): Promise<void> {
  try {
    const capture = JSON.parse(await readFile(join(dir, "capture.json"), "utf8")) as Capture;
    await cp(join(siteDir, "_astro"), join(dir, "client", "_astro"), { recursive: true }).catch((err: unknown) => {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    });
    await writeFile(join(dir, READY), JSON.stringify({ key, entry: capture.entry }));
    await rename(dir, join(engineRoot(root), key));
  } catch {
    // No engine this time (the capture did not run, or another process kept one first): the next build tries again.
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The parts of Astro's prerender app (astro's core/build/app.js) the engine calls. */
interface PrerenderApp {
  manifest: unknown;
  routeCache: { clearAll(): void };
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
  render(request: Request, options: { routeData: RouteData }): Promise<Response>;
}

interface RouteData {
  type: string;
}

interface StaticPath {
  pathname: string;
  route: RouteData;
}

const apps = new Map<string, Promise<PrerenderApp>>();

/** A kept engine that cannot be loaded (a file of it gone): the caller bundles the templates again. */
export class EngineUnusable extends Error {
  constructor(dir: string, cause: unknown) {
    super(`The engine in ${dir} cannot be loaded`, { cause });
  }
}

/**
 * After renderWithEngine failed: for an engine that cannot be loaded, takes it out of use (one rename, then
 * removed) and returns false; any other error (a template's or a narrative's) is thrown again.
 */
export async function dropUnusable(err: unknown, dir: string): Promise<false> {
  if (!(err instanceof EngineUnusable)) throw err;
  const gone = join(dir, "..", `.new-${process.pid}-${Date.now()}-unusable`);
  await rename(dir, gone).catch(() => undefined);
  await rm(gone, { recursive: true, force: true });
  return false;
}

async function load(dir: string, debug: boolean): Promise<PrerenderApp> {
  const capture = JSON.parse(await readFile(join(dir, "capture.json"), "utf8")) as Capture;
  const { app } = (await import(pathToFileURL(join(dir, "server", capture.entry)).href)) as { app: PrerenderApp };
  const pagesByKeys = new Map(capture.pages.map((p) => [p.key, p]));
  app.setInternals({ pagesByKeys, entrySpecifierToBundleMap: new Map() });
  app.setOptions({
    settings: { scripts: capture.scripts },
    logger: {
      options: {
        destination: {
          write: (event: { message: string }) => (debug ? process.stderr.write(`${event.message}\n`) : true),
        },
      },
    },
  });
  return app;
}

/** Astro's URL of a prerendered path with build.format "preserve" (core/build/generate.js, getUrlForPath). */
const ORIGIN = "http://localhost:4321";

/** The file a path is written to under the output folder: a page as `<path>.html`, an endpoint as its path. */
export function outFile(pathname: string, type: string): string {
  return type === "endpoint" ? pathname : `${pathname}.html`;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Renders every page and file of the customers in the site file MILEPOST_SITE names (set by the caller) with the
 * engine in `dir`, into `outDir`, as Astro's static build would: the same paths, the same bytes, and its client
 * files in `outDir/_astro/`. One render at a time in a process (the site file is process-wide).
 */
export function renderWithEngine(dir: string, outDir: string, options: { debug?: boolean } = {}): Promise<void> {
  const run = queue.then(async () => {
    if (!apps.has(dir)) apps.set(dir, load(dir, options.debug ?? false));
    const app = await apps.get(dir)!.catch((err: unknown) => {
      apps.delete(dir);
      throw new EngineUnusable(dir, err);
    });
    app.routeCache.clearAll();
    // Astro's own list of every prerendered path and its route, as its static build takes it.
    const { StaticPaths } = (await import("astro/runtime/prerender/static-paths.js")) as unknown as {
      StaticPaths: new (app: PrerenderApp) => { getAll(): Promise<StaticPath[]> };
    };
    const paths = await new StaticPaths(app).getAll();
    await mkdir(outDir, { recursive: true });
    await cp(join(dir, "client", "_astro"), join(outDir, "_astro"), { recursive: true }).catch((err: unknown) => {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    });
    for (const { pathname, route } of paths) {
      const response = await app.render(new Request(new URL(outFile(pathname, route.type), ORIGIN)), {
        routeData: route,
      });
      const file = join(outDir, outFile(pathname, route.type));
      await mkdir(join(file, ".."), { recursive: true });
      await writeFile(file, Buffer.from(await response.arrayBuffer()));
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

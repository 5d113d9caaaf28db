// An Astro integration that keeps what a static build bundled, so later renders skip the build (src/engine.ts):
// when MILEPOST_ENGINE_INTO names a folder, the build's prerender bundle (the pages compiled for Node) is copied
// there before Astro deletes it, with what its pages put in their <head> (their stylesheets). Without the variable
// it does nothing.
import { cp, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** What the engine keeps of one page route: the key Astro's build knows it by, and its stylesheets. */
export interface CapturedPage {
  key: string;
  styles: unknown[];
}

/** `<engine>/capture.json`: the bundle's entry (in `server/`), the pages' stylesheets and the build's head scripts. */
export interface Capture {
  entry: string;
  pages: CapturedPage[];
  scripts: { stage: string; content: string }[];
}

/** The parts of Astro's prerenderer and build app this capture calls (astro's build/default-prerenderer.js). */
interface Prerenderer {
  name: string;
  app?: BuildApp;
  setup?: () => Promise<void>;
  getStaticPaths: () => Promise<unknown[]>;
  render: (request: Request, options: unknown) => Promise<unknown>;
  teardown?: () => Promise<void>;
}

interface BuildApp {
  getSettings(): { config: { outDir: URL }; scripts: { stage: string; content: string }[] };
  getOptions(): { allPages: Record<string, { key: string; styles: unknown[] }> };
}

/** Where Astro writes the prerender bundle: `<outDir>/.prerender/`, or `<cwd>/.astro/.prerender/` for an outDir outside the working directory. */
function prerenderDir(outDir: URL): string {
  const out = fileURLToPath(outDir);
  const within = out.startsWith(process.cwd()) ? outDir : new URL("./.astro/", pathToFileURL(process.cwd() + "/"));
  return fileURLToPath(new URL("./.prerender/", within));
}

async function capture(app: BuildApp, into: string): Promise<void> {
  const settings = app.getSettings();
  const from = prerenderDir(settings.config.outDir);
  const entry = (await readdir(from)).find((name) => name.startsWith("prerender-entry") && name.endsWith(".mjs"));
  if (!entry) throw new Error(`No prerender entry in ${from}`);
  // A script every page loads from a bundle (stage "page") would need the build's bundle map: none is used.
  if (settings.scripts.some((s) => s.stage === "page")) throw new Error("page scripts are not kept by the engine");
  await cp(from, join(into, "server"), { recursive: true });
  const pages = Object.values(app.getOptions().allPages).map(({ key, styles }) => ({ key, styles }));
  const scripts = settings.scripts
    .filter((s) => s.stage === "head-inline")
    .map(({ stage, content }) => ({ stage, content }));
  await writeFile(join(into, "capture.json"), JSON.stringify({ entry, pages, scripts } satisfies Capture));
}

/** The integration astro.config.mjs adds. */
export function engineCapture() {
  return {
    name: "milepost:engine",
    hooks: {
      "astro:build:start": ({
        setPrerenderer,
      }: {
        setPrerenderer: (p: (base: Prerenderer) => Prerenderer) => void;
      }) => {
        const into = process.env.MILEPOST_ENGINE_INTO;
        if (!into) return;
        setPrerenderer((base) => ({
          name: "milepost:engine",
          async setup() {
            await base.setup?.();
            // A capture that fails (Astro's build internals changed) keeps no engine; the build goes on.
            await capture(base.app!, into).catch(() => undefined);
          },
          getStaticPaths: () => base.getStaticPaths(),
          render: (request, options) => base.render(request, options),
          teardown: async () => base.teardown?.(),
        }));
      },
    },
  };
}

// Narrative MDX (content/<slug>/*.mdx) in the one Astro build: a Vite plugin serving a virtual module that imports the
// files of the customers being built, and stamping source locations on every figure tag (src/narrative-tags.ts).
import { readFileSync } from "node:fs";
import { isAbsolute, relative } from "node:path";
import { stampSources } from "./narrative-tags.ts";
import type { SiteFile } from "./render.ts";

/** The virtual module templates import: `{ "acme/summary": () => import("/abs/content/acme/summary.mdx") }`. */
export const CONTENT_MODULE = "virtual:milepost/content";

/** A file as an error names it: relative to `cwd` when inside it, else absolute. e.g. "content/acme/summary.mdx" */
function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

/** A Vite plugin: serves CONTENT_MODULE from the site file (MILEPOST_SITE) and stamps sources on .mdx files. */
export function narrativePlugin(cwd = process.cwd()) {
  const resolved = `\0${CONTENT_MODULE}`;
  return {
    name: "milepost:narrative",
    enforce: "pre" as const,
    resolveId(id: string) {
      return id === CONTENT_MODULE ? resolved : undefined;
    },
    load(id: string) {
      if (id === resolved) {
        const file = process.env.MILEPOST_SITE;
        const site: SiteFile = file ? JSON.parse(readFileSync(file, "utf8")) : { customers: [] };
        const entries = site.customers.flatMap((c) =>
          Object.entries(c.content).map(
            ([name, path]) => `  ${JSON.stringify(`${c.slug}/${name}`)}: () => import(${JSON.stringify(path)}),`,
          ),
        );
        return `export default {\n${entries.join("\n")}\n};\n`;
      }
      const path = id.split("?")[0];
      if (path.endsWith(".mdx")) return stampSources(readFileSync(path, "utf8"), shown(path, cwd));
      return undefined;
    },
  };
}

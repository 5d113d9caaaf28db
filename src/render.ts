// Stage 4: one Astro build renders the sites of every requested customer, then each
// customer's folder is made self-contained (its own copy of the scripts, relative paths, its
// fonts cut down to the characters of its pages).
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { dropUnusable, engineKey, findEngine, keepEngine, newEngineFolder, renderWithEngine } from "./engine.ts";
import { diskError, MilepostError } from "./errors.ts";
import { langOf } from "../templates/i18n/index.ts";
import { SCRIPT_FONTS, usedCharacters, writeFonts } from "./fonts.ts";
import { IMAGE_TYPES, inertBytes } from "./inert.ts";
import { fitLogo } from "./logo.ts";
import type { SiteCustomer, SiteFile } from "./site-customer.ts";

/** The package root, where astro.config.mjs and templates/ live. */
export const PACKAGE_ROOT = fileURLToPath(new URL("..", import.meta.url));

export type { SiteCustomer, SiteFile };

let renders = 0;

/**
 * Renders the sites of `customers` into `<stage>/site/<slug>/` and returns that site folder.
 * `dataDirs` maps slug → data folder (for logos and evidence).
 */
export async function renderSites(
  customers: SiteCustomer[],
  dataDirs: Map<string, string>,
  stage: string,
  options: { debug?: boolean } = {},
): Promise<string> {
  const outDir = join(stage, "site");
  const work = join(stage, "work");
  await mkdir(work, { recursive: true });
  // A file of its own per render: a warm engine's pages keep the customers of the file they read last.
  const siteFile = join(work, `site-${++renders}.json`);
  await writeFile(siteFile, JSON.stringify({ customers } satisfies SiteFile));

  const previous = process.env.MILEPOST_SITE;
  process.env.MILEPOST_SITE = siteFile;
  // Astro writes its prerender chunks into outDir when outDir lies under the working directory,
  // else into <cwd>/.astro; either way they must resolve Astro's packages from node_modules.
  const cwd = process.cwd();
  const key = await engineKey(PACKAGE_ROOT, customers, cwd);
  const engine = await findEngine(PACKAGE_ROOT, key);
  let into: string | null = null;
  try {
    if (engine && options.debug) process.stderr.write(`milepost: the pages rendered by the engine kept in ${engine}\n`);
    const rendered =
      engine !== null &&
      (await renderWithEngine(engine, outDir, options).then(
        () => true,
        (err: unknown) => dropUnusable(err, engine),
      ));
    if (!rendered) {
      into = await newEngineFolder(PACKAGE_ROOT).catch(() => null);
      const { build } = await import("astro");
      if (into) process.env.MILEPOST_ENGINE_INTO = into;
      process.chdir(PACKAGE_ROOT);
      await build({
        root: PACKAGE_ROOT,
        outDir,
        cacheDir: join(work, "cache"),
        logLevel: options.debug ? "info" : "silent",
      });
      process.chdir(cwd);
      if (into) await keepEngine(PACKAGE_ROOT, key, into, outDir);
    }
  } catch (err) {
    // Name files as the person typed them: relative to where milepost was run.
    throw (
      diskError(err, `the pages in milepost's working folder ${stage}`) ??
      new MilepostError(
        "The pages could not be rendered",
        (err as Error).message.replaceAll(`${cwd}/`, ""),
        "This is a problem in milepost's templates or in content/*.mdx, not in the data. Run again with --debug for details.",
        { cause: err },
      )
    );
  } finally {
    process.chdir(cwd);
    delete process.env.MILEPOST_ENGINE_INTO;
    if (into) await rm(into, { recursive: true, force: true });
    if (previous === undefined) delete process.env.MILEPOST_SITE;
    else process.env.MILEPOST_SITE = previous;
  }

  const shared = join(outDir, "_astro");
  const classic = await classicScripts(shared);
  await relativizeStylesheets(shared);
  for (const c of customers) {
    const dir = join(outDir, c.slug);
    for (const name of await usedAssets(dir, shared)) await copyAsset(shared, name, join(dir, "_astro"), c.slug);
    const texts = await relativize(dir, classic);
    await copyCustomerFiles(c, dataDirs.get(c.slug)!, join(dir, "files"));
    const { locale } = c.data.customer;
    await writeFonts(join(dir, "fonts"), usedCharacters(texts, locale), cjkFont(locale));
  }
  await rm(work, { recursive: true, force: true });
  return outDir;
}

/**
 * The web font of a locale's script (SCRIPT_FONTS), or null for one the Latin faces draw.
 * Debian's Noto CJK is CFF-based, which Chromium embeds in PDFs as Type 3 outlines; these
 * TrueType-outline webfonts embed as real fonts.
 */
export function cjkFont(locale: string): string | null {
  return SCRIPT_FONTS[langOf(locale)] ?? null;
}

/**
 * Turns Astro's self-contained script bundles (no import or export) into classic scripts, so
 * the pages draw their charts when opened from disk too: browsers refuse module scripts over
 * file://. Returns the bundles turned.
 */
async function classicScripts(shared: string): Promise<Set<string>> {
  const turned = new Set<string>();
  const names = await readdir(shared).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith(".js"))) {
    const file = join(shared, name);
    const code = await readFile(file, "utf8");
    // A bundle's static imports open the file and its exports close it.
    const module =
      /^import[\s{*"']/.test(code) ||
      /\bexport\s*\{[^}]*\}\s*;?$/.test(code.trimEnd()) ||
      code.includes("import(") ||
      code.includes("import.meta");
    if (module) continue;
    await writeFile(file, `(()=>{"use strict";\n${code}\n})();\n`);
    turned.add(name);
  }
  return turned;
}

/** Font URLs in Astro's stylesheets point at /_astro/; the fonts sit beside the stylesheets. */
async function relativizeStylesheets(shared: string): Promise<void> {
  for (const name of (await readdir(shared).catch(() => [] as string[])).filter((n) => n.endsWith(".css"))) {
    const file = join(shared, name);
    await writeFile(file, (await readFile(file, "utf8")).replaceAll(/url\((["']?)\/_astro\//g, "url($1"));
  }
}

/**
 * The files of the shared `_astro/` folder one customer's pages use: those its HTML and CSS name, and
 * those these name in turn. Only they are copied into its folder: an image one customer's
 * narrative imports never reaches another customer.
 */
async function usedAssets(dir: string, shared: string): Promise<Set<string>> {
  const names = await readdir(shared).catch(() => [] as string[]);
  const used = new Set<string>();
  const scan = (text: string) => names.filter((n) => !used.has(n) && text.includes(n));
  let found: string[] = [];
  for (const page of (await readdir(dir)).filter((n) => /\.(html|css)$/.test(n)))
    found.push(...scan(await readFile(join(dir, page), "utf8")));
  while (found.length) {
    const next: string[] = [];
    for (const name of found) {
      if (used.has(name)) continue;
      used.add(name);
      if (/\.(js|mjs|css)$/.test(name)) next.push(...scan(await readFile(join(shared, name), "utf8")));
    }
    found = next;
  }
  return used;
}

/**
 * Rewrites Astro's root-absolute asset URLs so the folder works alone under any path prefix.
 * Returns the text of its pages and stylesheets (the characters its fonts must draw).
 */
async function relativize(dir: string, classic: Set<string>): Promise<string[]> {
  const texts: string[] = [];
  for (const name of await readdir(dir)) {
    if (name.endsWith(".css")) texts.push(await readFile(join(dir, name), "utf8"));
    if (!name.endsWith(".html")) continue;
    const file = join(dir, name);
    const html = (await readFile(file, "utf8"))
      .replaceAll(/(["'(])\/_astro\//g, "$1_astro/")
      .replaceAll(/<script type="module" src="_astro\/([^"]+)"><\/script>/g, (tag, bundle: string) =>
        classic.has(bundle) ? `<script defer src="_astro/${bundle}"></script>` : tag,
      );
    await writeFile(file, html);
    texts.push(html);
  }
  return texts;
}

/**
 * Copies one file of Astro's shared folder into a customer's; an image (a narrative's, e.g.
 * "chart.B2x9.svg") as inert as evidence: SVG without scripts or handlers, other bytes matching their type.
 */
async function copyAsset(shared: string, name: string, into: string, slug: string): Promise<void> {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1].toLowerCase() ?? "";
  if (!IMAGE_TYPES.includes(ext)) return cp(join(shared, name), join(into, name));
  await mkdir(into, { recursive: true });
  try {
    await writeFile(join(into, name), inertBytes(name, await readFile(join(shared, name))));
  } catch (err) {
    throw new MilepostError(
      `${slug}/_astro/${name} cannot be published`,
      (err as Error).message.startsWith("is ") ? `${name} ${(err as Error).message}` : (err as Error).message,
      "replace the image the narrative shows with a real PNG, JPEG, WebP, GIF or SVG",
      { cause: err },
    );
  }
}

/** Copies the logo and evidence files the pages show: only files the data names, nothing else of the folder. */
async function copyCustomerFiles(c: SiteCustomer, dataDir: string, into: string): Promise<void> {
  const names = new Set<string>();
  const { brand, provider } = c.data.customer;
  if (brand?.logo) names.add(brand.logo);
  if (provider?.logo) names.add(provider.logo);
  for (const m of c.data.milestones) for (const e of m.evidence ?? []) if (!/^https?:/i.test(e)) names.add(e);
  const logos = new Set([brand?.logo, provider?.logo]);
  for (const name of names) {
    const to = join(into, name);
    await mkdir(dirname(to), { recursive: true });
    try {
      const bytes = inertBytes(name, await readFile(c.assets?.[name] ?? join(dataDir, name)));
      // A logo is shown in a box that holds its drawing (src/logo.ts): its text is never cut off.
      const fitted = logos.has(name) && /\.svg$/i.test(name) ? await fitLogo(new TextDecoder().decode(bytes)) : bytes;
      await writeFile(to, fitted);
    } catch (err) {
      throw new MilepostError(
        `${c.slug}/${name} cannot be published`,
        (err as Error).message,
        "replace the file with a real image or PDF, or remove it from the data",
        { cause: err },
      );
    }
  }
}

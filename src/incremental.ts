// Incremental builds: a customer whose inputs did not change keeps its folder as it is. Its key
// digests everything its output is made from — its data folder, its narrative folder, milepost's
// engine (code, templates, the versions of the packages and the browser that render and print),
// and the options (as-of date, period, pack, PDFs or not, the config…); the key is kept in the
// customer's folder (KEY_FILE) with what the build said about it, and swapped in with the folder.
import { createHash } from "node:crypto";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { Config } from "./config.ts";
import type { DataIssue } from "./errors.ts";

/** The key and the result of a customer's last build, in its output folder (left out of every publish: a .json). */
export const KEY_FILE = ".milepost-key.json";

/** What KEY_FILE holds. */
export interface KeyRecord {
  key: string;
  packs: string[];
  /** The files of the build, relative to the output folder (e.g. "acme/index.html"). */
  files: string[];
  issues: DataIssue[];
  /** documentInputs() of this build. */
  inputs?: string;
  /** Each PDF of the period in the folder: the documentInputs() of the build that printed it. */
  made?: Record<string, string>;
}

/**
 * The options of a build that do not change what a customer's folder holds; every other one is part of the key.
 * `today` only adds a warning for a row dated after it (row-after-today): a key that changed every day would
 * rebuild every customer every day, so a kept folder keeps the warnings of the build that made it.
 */
const NOT_IN_KEY = new Set([
  "today",
  "dataDir",
  "contentDir",
  "configDir",
  "outDir",
  "customers",
  "debug",
  "dryRun",
  "force",
  "clean",
  "shard",
  "book",
]);

/** What goes into one customer's key. */
export interface KeyInputs {
  /** engineDigest(): the same for every customer of a run. */
  engine: string;
  /** folderDigest() of data/<slug> and of content/<slug>. */
  data: string;
  content: string;
  /** configDigest() of milepost.config.json as read: the same for every customer of a run. */
  config: string;
  /** The build options (see NOT_IN_KEY for those left out). */
  options: object;
  /** How the pages name the data folder, e.g. "data/acme/". */
  shownDir: string;
  /** The PDFs of other periods in the customer's folder, which its site links. */
  otherPeriods: string[];
}

/** The customer's key: a SHA-256 of its inputs. */
export function inputKey(inputs: KeyInputs): string {
  const options = Object.fromEntries(
    Object.entries(inputs.options)
      .filter(([name, value]) => !NOT_IN_KEY.has(name) && value !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  return sha256(JSON.stringify({ ...inputs, options, otherPeriods: [...inputs.otherPeriods].sort() }));
}

/**
 * What a customer's documents are made from: its data and narrative folders (folderDigest), the
 * project's config (configDigest), the as-of date, the period and the copy. A PDF kept from a build
 * of other inputs is stale (not: the engine, the pack, --no-pdf, --audience, which change what is
 * printed, not what a printed page says).
 */
export function documentInputs(inputs: {
  data: string;
  content: string;
  config: string;
  options: { asOf: string; period: string | null; copy?: string };
}): string {
  const { asOf, period, copy } = inputs.options;
  return sha256(JSON.stringify({ ...inputs, options: { asOf, period, copy: copy ?? "customer" } }));
}

/** A digest of the project's config: its settings and the bytes of the files it names (the logo, the custom sections). */
export async function configDigest(config: Config): Promise<string> {
  const files = [
    config.provider?.logo ? join(config.dir, config.provider.logo) : null,
    ...config.custom.map((s) => s.file),
  ];
  const bytes = await Promise.all(files.map((f) => (f ? readFile(f).then(sha256, () => "missing") : "none")));
  const { dir: _dir, baseUrl: _publishOnly, ...settings } = config;
  return sha256(
    JSON.stringify({ settings: { ...settings, custom: settings.custom.map(({ file: _f, ...s }) => s) }, bytes }),
  );
}

/** A digest of every file under `dir` (names and bytes); "none" when there is no such folder. */
export async function folderDigest(dir: string): Promise<string> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return "none";
  }
  const hash = createHash("sha256");
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(sha256(await readFile(join(dir, file))));
  }
  return hash.digest("hex");
}

/**
 * A digest of what renders and prints: milepost's version, code and templates (`root`'s package.json,
 * src/, templates/, astro.config.mjs), the installed version of each of its dependencies, and the
 * browser that prints (its path, size and date), when PDFs are printed.
 */
export async function engineDigest(root: string, browser: string | null): Promise<string> {
  const pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as {
    version: string;
    dependencies?: Record<string, string>;
  };
  const versions: Record<string, string> = {};
  for (const name of Object.keys(pkg.dependencies ?? {}).sort()) {
    const dep = await readFile(join(root, "node_modules", name, "package.json"), "utf8").catch(() => null);
    versions[name] = dep ? (JSON.parse(dep) as { version: string }).version : "missing";
  }
  const chrome = browser
    ? await stat(browser).then(
        (s) => `${browser} ${s.size} ${s.mtimeMs}`,
        () => browser,
      )
    : null;
  return sha256(
    JSON.stringify({
      version: pkg.version,
      versions,
      chrome,
      src: await folderDigest(join(root, "src")),
      templates: await folderDigest(join(root, "templates")),
      astro: await readFile(join(root, "astro.config.mjs"), "utf8").catch(() => ""),
    }),
  );
}

/** The record of `folder`'s last build when its key is `key` and every file it lists is still there; else null. */
export async function reusable(outDir: string, slug: string, key: string): Promise<KeyRecord | null> {
  try {
    const record = JSON.parse(await readFile(join(outDir, slug, KEY_FILE), "utf8")) as KeyRecord;
    if (record.key !== key) return null;
    await Promise.all(record.files.map((f) => stat(join(outDir, f))));
    return record;
  } catch {
    return null;
  }
}

/** Writes the key record into a customer's staged folder, so it is swapped in with the files it describes. */
export async function writeKey(folder: string, record: KeyRecord): Promise<void> {
  await writeFile(join(folder, KEY_FILE), `${JSON.stringify(record, null, 2)}\n`);
}

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

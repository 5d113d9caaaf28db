// milepost.config.json: the project's settings, validated like the data (file, line, field, value, fix).
// The provider's branding once, each pack's sections in order and which are off, custom MDX sections
// with their place, and the sections of each audience's short PDF. Every default lives here.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import {
  AUDIENCE_DEFS,
  AUDIENCE_PACK,
  AUDIENCE_PDFS,
  PACK_DEFS,
  PACKS,
  SECTIONS as REGISTRY,
  type AudiencePdf,
  type Layout,
  type Pack,
  type SectionId,
} from "./documents.ts";
import type { DataIssue } from "./errors.ts";
import { readJsonDocument } from "./load.ts";
import { audienceSectionsSchema, hexColor, packSectionsSchema, perPack, type Customer } from "./schema.ts";
import { lineOf as docLine, validateDocument } from "./validate.ts";

export const CONFIG_FILE = "milepost.config.json";

/** `fill(pack)` for every pack of the registry. */
function eachPack<T>(fill: (pack: Pack) => T): Record<Pack, T> {
  return Object.fromEntries(PACKS.map((p) => [p, fill(p)])) as Record<Pack, T>;
}

/** A section the config places: not page one's brief (always on the cover) nor the internal copy's notes (always last). */
const placed = (id: string) => !REGISTRY[id as SectionId].cover && REGISTRY[id as SectionId].audience !== "internal";

/** The built-in sections of each pack's first print document, in their default order (src/documents.ts). */
export const SECTIONS: Record<Pack, readonly string[]> = eachPack((p) => PACK_DEFS[p].print[0].sections.filter(placed));
export type ConfigPack = Pack;

export { AUDIENCE_PDFS, type AudiencePdf };

const text = z.string().trim().min(1);

export const configSchema = z.object({
  $schema: z.string().optional(),
  provider: z.object({ name: text, logo: z.string().optional(), color: hexColor.optional() }).optional(),
  packs: perPack(packSectionsSchema).optional(),
  sections: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z][a-z0-9-]*$/, { message: "is not a section id" }),
        pack: z.enum(PACKS as [Pack, ...Pack[]]),
        file: text,
        title: text,
        after: z.string(),
      }),
    )
    .default([]),
  audiences: audienceSectionsSchema.optional(),
  /** Every QBR also as a 16:9 deck (the deck.html page and <slug>-qbr-deck-<period>.pdf), as --deck does. */
  deck: z.boolean().optional(),
  /** What the links of `milepost publish` start with, when --base-url is not given. */
  baseUrl: text.optional(),
  /** Also write the close-out and handoff documents as Word files, as --office does. */
  office: z.boolean().optional(),
});
export type ConfigFile = z.infer<typeof configSchema>;

/** A custom MDX section: its file (absolute) and where it prints. */
export interface CustomSection {
  id: string;
  pack: ConfigPack;
  file: string;
  title: string;
  after: string;
}

/** The project's settings with every default filled in. */
export interface Config {
  /** The folder the config was read from (where custom sections and the logo are found). */
  dir: string;
  provider: { name: string; logo: string | null; color: string | null } | null;
  /** Each pack's section ids in print order, built-in and custom, without the ones turned off. */
  sections: Record<ConfigPack, string[]>;
  custom: CustomSection[];
  audiences: Record<AudiencePdf, string[]>;
  /** Every QBR also as a 16:9 deck (--deck). */
  deck: boolean;
  /** What published links start with (publish's --base-url wins); null: links are the target's local paths. */
  baseUrl: string | null;
  /** Whether a build writes the editable Office files (--office switches them on too). */
  office: boolean;
}

/** The settings when there is no config file. */
export function defaultConfig(dir: string): Config {
  return {
    dir,
    provider: null,
    sections: eachPack((p) => [...SECTIONS[p]]),
    custom: [],
    deck: false,
    baseUrl: null,
    office: false,
    audiences: Object.fromEntries(AUDIENCE_PDFS.map((a) => [a, [...AUDIENCE_DEFS[a].sections]])) as Record<
      AudiencePdf,
      string[]
    >,
  };
}

/** Reads `dir`/milepost.config.json; without one, the defaults. Every problem is returned, located. */
export async function loadConfig(dir: string, shown = "."): Promise<{ config: Config | null; issues: DataIssue[] }> {
  const issues: DataIssue[] = [];
  if (!existsSync(join(dir, CONFIG_FILE))) return { config: defaultConfig(dir), issues };
  const at = (f: string) => (shown === "." ? f : `${shown}/${f}`);
  const doc = await readJsonDocument(dir, CONFIG_FILE, at, issues);
  const file = doc ? validateDocument(doc, configSchema, at, issues) : null;
  if (!doc || !file) return { config: null, issues };
  const rules: DataIssue[] = [];
  const config = resolveConfig(file, dir, (path, value, problem, fix) =>
    rules.push({
      severity: "error",
      code: "bad-config",
      file: at(CONFIG_FILE),
      line: lineOf(doc.text, path),
      field: path.map((p, i) => (typeof p === "number" ? `[${p}]` : i ? `.${p}` : p)).join(""),
      value,
      problem,
      fix,
    }),
  );
  issues.push(...rules.toSorted((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  return { config: issues.some((i) => i.severity === "error") ? null : config, issues };
}

type Report = (path: (string | number)[], value: unknown, problem: string, fix: string) => void;

/** The config's cross-field rules: known section ids, custom sections placed after a section of their pack, files that exist. */
export function resolveConfig(file: ConfigFile, dir: string, report: Report): Config {
  const config = defaultConfig(dir);
  if (file.provider) {
    const logo = file.provider.logo ?? null;
    if (logo && !existsSync(join(dir, logo)))
      report(
        ["provider", "logo"],
        logo,
        `is not a file in ${dir === "." ? "this folder" : dir}`,
        "put the image there, or give its path from the folder of milepost.config.json",
      );
    // A colour near a status's hue is kept: it dresses the chrome and stays off every mark (theme.css's --mark).
    const color = file.provider.color ?? null;
    config.provider = { name: file.provider.name, logo, color };
  }
  const builtIn = new Set<string>(PACKS.flatMap((p) => SECTIONS[p]));
  for (const [i, s] of file.sections.entries()) {
    if (builtIn.has(s.id) || file.sections.findIndex((o) => o.id === s.id) < i)
      report(
        ["sections", i, "id"],
        s.id,
        "is already the id of a section",
        "give each custom section an id of its own",
      );
    if (!s.file.endsWith(".mdx"))
      report(
        ["sections", i, "file"],
        s.file,
        "is not an MDX file",
        "write the section in a .mdx file and name it here",
      );
    else if (!existsSync(join(dir, s.file)))
      report(
        ["sections", i, "file"],
        s.file,
        "is not a file",
        "give the MDX file's path from the folder of milepost.config.json",
      );
  }
  for (const pack of PACKS) {
    const custom = file.sections.filter((s) => s.pack === pack);
    const known = [...new Set([...SECTIONS[pack], ...custom.map((s) => s.id)])];
    const check = (path: (string | number)[], ids: readonly string[]) => {
      for (const [i, id] of ids.entries())
        if (!known.includes(id))
          report([...path, i], id, `is not a section of the ${pack} pack`, `write one of: ${known.join(", ")}`);
    };
    const settings = file.packs?.[pack];
    check(["packs", pack, "order"], settings?.order ?? []);
    check(["packs", pack, "off"], settings?.off ?? []);
    for (const s of custom) {
      if (!(SECTIONS[pack] as readonly string[]).includes(s.after) && !custom.some((o) => o.id === s.after))
        report(
          ["sections", file.sections.indexOf(s), "after"],
          s.after,
          `is not a section of the ${pack} pack`,
          `write one of: ${known.filter((k) => k !== s.id || builtIn.has(k)).join(", ")}`,
        );
    }
    config.sections[pack] = sectionOrder(SECTIONS[pack], custom, settings ?? {});
  }
  config.deck = file.deck ?? false;
  config.custom = file.sections.map((s) => ({ ...s, file: join(dir, s.file) }));
  for (const audience of AUDIENCE_PDFS) {
    const ids = file.audiences?.[audience];
    if (!ids) continue;
    const ofPack = file.sections.filter((s) => s.pack === AUDIENCE_PACK).map((s) => s.id);
    const known = [...new Set([...SECTIONS[AUDIENCE_PACK], ...ofPack])];
    for (const [i, id] of ids.entries())
      if (!known.includes(id))
        report(
          ["audiences", audience, i],
          id,
          `is not a section of the ${AUDIENCE_PACK} pack`,
          `write one of: ${known.join(", ")}`,
        );
    config.audiences[audience] = ids;
  }
  if (file.baseUrl !== undefined) {
    if (/^https?:\/\//.test(file.baseUrl)) config.baseUrl = file.baseUrl;
    else
      report(
        ["baseUrl"],
        file.baseUrl,
        "is not a web address",
        "write it with https://, e.g. https://packs.example.com/q3/",
      );
  }
  config.office = file.office ?? false;
  return config;
}

/**
 * A pack's sections in print order: `order` first (as given), then every other section in its default place,
 * custom ones (unless `order` places them) right after their `after` section wherever it went; `off` removed.
 */
export function sectionOrder(
  builtIn: readonly string[],
  custom: readonly { id: string; after: string }[],
  settings: { order?: string[]; off?: string[] },
): string[] {
  const known = new Set([...builtIn, ...custom.map((s) => s.id)]);
  const order = [...new Set(settings.order ?? [])].filter((id) => known.has(id));
  const all = [...order, ...builtIn.filter((id) => !order.includes(id))];
  for (const s of custom.filter((c) => !order.includes(c.id))) {
    const at = all.indexOf(s.after);
    all.splice(at < 0 ? all.length : at + 1, 0, s.id);
  }
  const off = new Set(settings.off ?? []);
  return all.filter((id) => !off.has(id));
}

/** A customer's sections: the project's order with customer.json's `sections` applied on top. */
export function customerSections(
  config: Config,
  pack: ConfigPack,
  override: { order?: string[]; off?: string[] } | undefined,
): string[] {
  if (!override) return config.sections[pack];
  const custom = config.custom.filter((s) => s.pack === pack && config.sections[pack].includes(s.id));
  const builtIn = config.sections[pack].filter((id) => !custom.some((s) => s.id === id));
  return sectionOrder(builtIn, custom, override);
}

/**
 * One customer's layout: the project's sections with customer.json's `sections` over them, the custom sections, and
 * the short PDFs asked for (--audience), each with its sections in the QBR's order, those turned off left out.
 */
export function layoutFor(config: Config, customer: Customer, audiences: readonly AudiencePdf[]): Layout {
  const sections = eachPack((p) => customerSections(config, p, customer.sections?.[p]));
  const wanted = { ...config.audiences, ...customer.audiences };
  return {
    sections,
    custom: config.custom.map(({ id, pack, title }) => ({ id, pack, title })),
    audiences: audiences.map((id) => ({ id, sections: sections[AUDIENCE_PACK].filter((s) => wanted[id].includes(s)) })),
  };
}

/** customer.json's `sections` and `audiences` checked against the project's sections: each id it does not know, located. */
export function overrideIssues(
  config: Config,
  customer: Customer,
  doc: { text: string; lines?: Map<string, number> },
  file: string,
): DataIssue[] {
  const issues: DataIssue[] = [];
  const check = (pack: ConfigPack, path: string[], ids: readonly string[] | undefined) => {
    const known = [...SECTIONS[pack], ...config.custom.filter((s) => s.pack === pack).map((s) => s.id)];
    for (const [i, id] of (ids ?? []).entries())
      if (!known.includes(id))
        issues.push({
          severity: "error",
          code: "unknown-section",
          file,
          line: docLine(doc, [...path, i]),
          field: `${path.join(".")}[${i}]`,
          value: id,
          problem: `is not a section of the ${pack} pack`,
          fix: `write one of: ${known.join(", ")}`,
        });
  };
  for (const pack of PACKS)
    for (const key of ["order", "off"] as const) check(pack, ["sections", pack, key], customer.sections?.[pack]?.[key]);
  for (const audience of AUDIENCE_PDFS) check(AUDIENCE_PACK, ["audiences", audience], customer.audiences?.[audience]);
  return issues;
}

/** The line of the last key of `path` in a JSON text: each key searched after its parent, the n-th element's key found n times on. */
function lineOf(text: string, path: (string | number)[]): number | undefined {
  let from = 0;
  let skip = 0;
  for (const key of path) {
    if (typeof key === "number") {
      skip = key;
      continue;
    }
    let i = text.indexOf(`"${key}"`, from);
    for (; skip > 0 && i >= 0; skip--) i = text.indexOf(`"${key}"`, i + 1);
    if (i < 0) return undefined;
    from = i;
  }
  return text.slice(0, from).split("\n").length;
}

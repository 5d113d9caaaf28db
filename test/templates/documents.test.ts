// The document registry (src/documents.ts) holds together: every section it names exists, has its component and
// its labels in every language, and every page and print document has its template.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  HANDOFF_PARTS,
  PACK_DEFS,
  PACKS,
  pagesOf,
  PRINT_DEFS,
  printDocsOf,
  SECTIONS,
  type Pack,
} from "../../src/documents.ts";
import type { SiteCustomer } from "../../src/render.ts";
import { dictionaries, LANGS } from "../../templates/i18n/index.ts";

const TEMPLATES = join(import.meta.dirname, "..", "..", "templates");
const packs = PACKS.map((p) => PACK_DEFS[p]);
const pages = packs.flatMap((p) => p.pages);
const prints = packs.flatMap((p) => p.print);

describe("the document registry", () => {
  it("names only sections it defines, each with its component", () => {
    for (const doc of [...pages, ...prints])
      for (const id of doc.sections) expect(Object.keys(SECTIONS), `${doc.file} lists ${id}`).toContain(id);
    for (const s of Object.values(SECTIONS))
      expect(existsSync(join(TEMPLATES, "sections", `${s.component}.astro`)), s.component).toBe(true);
  });

  it("gives every page and print document a file name of its own and a template", () => {
    const files = [...pages, ...prints].map((d) => d.file);
    expect(new Set(files).size).toBe(files.length);
    for (const file of files)
      expect(existsSync(join(TEMPLATES, "pages", "[slug]", file.replace(/\.html$/, ".astro"))), file).toBe(true);
    expect(Object.keys(PRINT_DEFS)).toEqual(prints.map((d) => d.id));
  });

  it("has every label it names in every language", () => {
    const keys = [
      ...packs.map((p) => p.title),
      ...pages.flatMap((p) => [p.nav, p.title]),
      ...prints.map((d) => d.title),
      ...Object.values(SECTIONS).flatMap((s) => [s.title, ...(s.missing ? [s.missing] : [])]),
      ...HANDOFF_PARTS.map((p) => p.title),
      "handoff.overview",
    ];
    for (const lang of LANGS) {
      const labels: Record<string, string> = dictionaries[lang];
      for (const key of keys) expect(labels[key], `${lang} ${key}`).toBeTypeOf("string");
    }
  });

  it("orders a customer's pages and print documents by pack, leaving out a page its data does not fill", () => {
    const customer = (packs: Pack[], audiences: number) =>
      ({ packs, report: { audiences: Array(audiences).fill({}) } }) as unknown as SiteCustomer;
    expect(pagesOf(customer(["qbr", "closeout"], 1)).map((p) => p.file)).toEqual([
      "index.html",
      "milestones.html",
      "review.html",
      "audiences.html",
      "closeout.html",
      "closeout-tracker.html",
      "handoff.html",
      "retrospective.html",
      "next-steps.html",
    ]);
    expect(pagesOf(customer(["qbr"], 0)).map((p) => p.file)).toEqual(["index.html", "milestones.html", "review.html"]);
    expect(printDocsOf(["closeout", "qbr"]).map((d) => d.pdf("acme", "2026-Q3"))).toEqual([
      "acme-qbr-2026-Q3.pdf",
      "acme-closeout-2026-Q3.pdf",
      "acme-handoff.pdf",
    ]);
  });
});

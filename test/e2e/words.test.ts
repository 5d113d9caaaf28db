// The words of each language as its reader meets them: one sample customer per language built
// (real Astro, its site and print pages as HTML), its email draft and the unlock page of its
// share, each read against the language's glossary (templates/i18n/glossary/). The customer's own
// words (its data: milestone names, definitions, checklist items) are theirs and left out.
import { existsSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, defaultEffects } from "../../src/build.ts";
import type { Report } from "../../src/model/contract.ts";
import { draftText } from "../../src/share/drafts.ts";
import { rotate } from "../../src/share/rotate.ts";
import { unlockPage } from "../../src/share/words.ts";
import { glossaries, offences, termPattern } from "../../templates/i18n/glossary.ts";
import { translator, type Lang } from "../../templates/i18n/index.ts";
import { portfolioOptions } from "../support/portfolio.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const SAMPLES: Record<Lang, string> = {
  en: "northwind-logistics",
  ja: "sakura-seimitsu",
  "zh-TW": "formosa-health",
  ms: "harimau-retail",
  de: "nordwerk",
  fr: "atelier-lumiere",
  es: "grupo-alcazar",
  "pt-BR": "serra-verde",
  "zh-CN": "huadong-jingmi",
  ko: "hanbit-logis",
};
/** A sample's data folder: the sample portfolio's, or test/fixtures/langs for the languages issue 22 added. */
const dataOf = (slug: string) =>
  existsSync(join(ROOT, "data", slug)) ? join(ROOT, "data", slug) : join(ROOT, "test", "fixtures", "langs", slug);
let out = "";

beforeAll(async () => {
  out = await mkdtemp(join(ROOT, ".milepost", "words-"));
  const data = join(out, ".data");
  for (const slug of Object.values(SAMPLES)) {
    await cp(dataOf(slug), join(data, slug), { recursive: true });
    // A copy of a sample customer is another folder: it needs its own share token (the sample's is refused outside data/).
    await rotate(data, slug);
  }
  const results = await build(
    portfolioOptions(ROOT, join(out, "dist"), { dataDir: data, customers: Object.values(SAMPLES), pdf: false }),
    defaultEffects,
  );
  expect(results.map((r) => r.status)).toEqual(Object.values(SAMPLES).map(() => "built"));
}, 600_000);

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"' })[e] ?? "'");
/** A page's text as read: scripts and styles out, tags as spaces. */
const pageText = (html: string) =>
  decode(html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, " ").replace(/<[^>]+>/g, " "));

/** Every text the customer wrote: the strings of its data files (JSON values, CSV cells) and of its report.json. */
async function customerWords(slug: string): Promise<string[]> {
  const words = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === "string") words.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(JSON.parse(await readFile(join(out, "dist", slug, "report.json"), "utf8")));
  const dir = dataOf(slug);
  for (const file of await readdir(dir)) {
    const text = await readFile(join(dir, file), "utf8").catch(() => "");
    if (file.endsWith(".json")) walk(JSON.parse(text));
    if (file.endsWith(".csv"))
      for (const [, quoted, plain] of text.matchAll(/"((?:[^"]|"")*)"|([^,\n]+)/g))
        words.add((quoted ?? plain)!.replaceAll('""', '"'));
  }
  // Their sentences and names (a space or a CJK character in them), not the one-word enumerations of report.json.
  return [...words].filter((w) => /\S\s+\S|[\u3040-\u9fff]/u.test(w)).sort((a, b) => b.length - a.length);
}

/** `text` with the customer's own words taken out. */
const withoutTheirs = (text: string, theirs: string[]) =>
  theirs.reduce((t, w) => t.replaceAll(w, " "), text.replace(/\s+/g, " ")).replace(/\s+/g, " ");

describe.each(Object.entries(SAMPLES) as [Lang, string][])("%s: %s", (lang, slug) => {
  const glossary = glossaries[lang];
  const read = async () => {
    const report = JSON.parse(await readFile(join(out, "dist", slug, "report.json"), "utf8")) as Report;
    const customer = JSON.parse(await readFile(join(dataOf(slug), "customer.json"), "utf8")) as {
      stakeholders: { name: string }[];
      provider?: { name: string };
    };
    const t = translator(report.customer.locale);
    return { report, customer, t, theirs: await customerWords(slug), health: t(`health.${report.health.rag}`) };
  };

  it("its pages use the glossary's terms and none it rules out", async () => {
    const { report, t, theirs, health } = await read();
    const pages = (await readdir(join(out, "dist", slug))).filter((f) => f.endsWith(".html"));
    expect(pages).toContain("index.html");
    for (const page of pages) {
      const text = withoutTheirs(pageText(await readFile(join(out, "dist", slug, page), "utf8")), theirs);
      expect(offences(glossary, text), page).toEqual([]);
    }
    const home = withoutTheirs(pageText(await readFile(join(out, "dist", slug, "index.html"), "utf8")), theirs);
    expect(home).toMatch(termPattern(glossary.milestone.term));
    expect(home).toMatch(termPattern(glossary.health.term));
    expect(home).toContain(health);
    expect(health).toMatch(termPattern(glossary[`status.${report.health.rag}`].term));
    expect(home).toContain(t("brief.title"));
  });

  it("its email draft says the health as the pages do, in the glossary's words, with its formalities", async () => {
    const { report, customer, t, theirs, health } = await read();
    const names = customer.stakeholders.map((s) => s.name);
    const { subject, text } = draftText(
      report,
      { link: "https://packs.example.com/q3/token/", protected: true },
      names,
      customer.provider?.name ?? null,
    );
    const mine = withoutTheirs(`${subject}\n${text}`, theirs);
    expect(offences(glossary, mine)).toEqual([]);
    expect(text).toContain(t("email.health", { health }));
    expect(text).toMatch(termPattern(glossary.health.term));
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toContain(names[0]);
    expect(lines).toContain(t("email.closing").split("\n").at(-1));
    expect(lines).toContain(t("email.signOff"));
    expect(lines.at(-1)).toBe(customer.provider?.name);
    // Each paragraph opens as a sentence does: never in lower case after the greeting — but a German
    // letter goes on in lower case after "Guten Tag …," (DIN 5008).
    for (const line of lines.slice(lang === "de" ? 3 : 1).filter(Boolean)) expect(line[0], line).not.toMatch(/\p{Ll}/u);
    if (lang === "ja") expect(text).toContain("貴社");
    if (lang === "zh-TW") expect(text).toContain("貴公司");
  });

  it("its unlock page is in the same words", async () => {
    const { report } = await read();
    expect(offences(glossary, pageText(unlockPage(report.customer.locale)))).toEqual([]);
  });
});

// Ten languages, each whole: a customer written in each language added beside en, ja, zh-TW and ms
// (test/fixtures/langs, its data in that language) builds its QBR and close-out with real Astro and
// Chromium. No page shows an English label, the pages carry the locale and the fonts of their
// script, and every PDF draws every glyph from an embedded font.
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, defaultEffects } from "../../src/build.ts";
import { parseRanges } from "../../src/fonts.ts";
import { draftText } from "../../src/share/drafts.ts";
import { unlockPage } from "../../src/share/words.ts";
import en from "../../templates/i18n/en.ts";
import { choosePlurals, dictionaries, labelVars, langOf, translator, type Lang } from "../../templates/i18n/index.ts";
import { pdfFonts, readPdf, readPdfPages } from "../support/pdf.ts";
import { FIXTURES, portfolioOptions } from "../support/portfolio.ts";

/** The customers of test/fixtures/langs: slug, locale and the webfont family its script needs. */
const CUSTOMERS = [
  { slug: "nordwerk", locale: "de-DE", lang: "de", font: null },
  { slug: "atelier-lumiere", locale: "fr-FR", lang: "fr", font: null },
  { slug: "grupo-alcazar", locale: "es-ES", lang: "es", font: null },
  { slug: "serra-verde", locale: "pt-BR", lang: "pt-BR", font: null },
  { slug: "huadong-jingmi", locale: "zh-CN", lang: "zh-CN", font: "Noto Sans SC" },
  { slug: "hanbit-logis", locale: "ko-KR", lang: "ko", font: "Noto Sans KR" },
] as const;

let out = "";

beforeAll(async () => {
  const scratch = join(import.meta.dirname, "..", "..", ".milepost");
  await mkdir(scratch, { recursive: true });
  out = await mkdtemp(join(scratch, "langs-"));
  const results = await build(portfolioOptions(FIXTURES, out, { dataDir: join(FIXTURES, "langs") }), defaultEffects);
  expect(results.map((r) => [r.slug, r.status, r.packs])).toEqual(
    CUSTOMERS.map((c) => [c.slug, "built", ["qbr", "closeout"]]).sort(([a], [b]) => String(a).localeCompare(String(b))),
  );
}, 900_000);

afterAll(() => rm(out, { recursive: true, force: true }));

/** A page's visible text: scripts and styles dropped, tags turned into breaks, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, "\n")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&nbsp;/g, "\u00a0")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"');
}

/**
 * The English words of the labels that a page in `lang` must not show: each label's text with its
 * plurals chosen and its placeholders cut out, in runs between punctuation of four letters or more,
 * leaving out runs the language's own labels use too (PDF, CSAT, customer.json, Status…).
 */
function englishRuns(lang: Lang): Map<string, string> {
  const own = Object.values(dictionaries[lang]).join("\n");
  const rules = new Intl.PluralRules("en");
  const runs = new Map<string, string>();
  for (const [key, text] of Object.entries(en)) {
    const counts = Object.fromEntries(labelVars(text).map((name) => [name, 2]));
    const chosen = choosePlurals(key, text, counts, rules);
    for (const run of chosen.split(/\{\w+\}|[:.,;()“”"—–·×÷=→\n]|\d/)) {
      const words = run.trim();
      if ((words.match(/[A-Za-z]/g) ?? []).length < 4 || own.includes(words)) continue;
      runs.set(words, key);
    }
  }
  return runs;
}

/** Each English run of `runs` that `text` holds, as a whole phrase. */
function englishIn(text: string, runs: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [run, key] of runs) {
    const at = new RegExp(`(?<![\\p{L}])${run.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "u");
    if (at.test(text)) found.push(`"${run}" (${key})`);
  }
  return found;
}

async function pages(slug: string): Promise<[string, string][]> {
  const dir = join(out, slug);
  const names = (await readdir(dir)).filter((name) => name.endsWith(".html")).sort();
  return Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), "utf8")] as [string, string]));
}

it("finds English labels on a page that shows them", () => {
  const english = Object.values(en).join("\n");
  for (const { lang } of CUSTOMERS) expect(englishIn(english, englishRuns(lang)).length, lang).toBeGreaterThan(300);
  expect(englishIn("Gesamtstatus: Off track", englishRuns("de"))).toEqual([expect.stringContaining('"Off track"')]);
});

describe.each(CUSTOMERS)("$slug ($locale)", ({ slug, locale, lang, font }) => {
  it("is read as its language: the labels of " + lang, () => {
    expect(langOf(locale)).toBe(lang);
  });

  it("builds its QBR and close-out, every page in its locale, and shows no English label", async () => {
    const files = await pages(slug);
    expect(files.map(([name]) => name)).toEqual(
      expect.arrayContaining(["index.html", "closeout.html", "handoff.html", "print-qbr.html", "print-closeout.html"]),
    );
    const runs = englishRuns(lang);
    const found: string[] = [];
    for (const [name, html] of files) {
      expect(html, name).toContain(`<html lang="${locale}"`);
      found.push(...englishIn(visibleText(html), runs).map((hit) => `${name}: ${hit}`));
    }
    expect(found).toEqual([]);
  });

  it("writes its email draft and the unlock page of its share in its language", async () => {
    const report = JSON.parse(await readFile(join(out, slug, "report.json"), "utf8"));
    const customer = JSON.parse(await readFile(join(FIXTURES, "langs", slug, "customer.json"), "utf8"));
    const names = customer.stakeholders.slice(0, 2).map((s: { name: string }) => s.name);
    const draft = draftText(
      report,
      { link: "https://packs.example/p/", protected: true },
      names,
      customer.provider.name,
    );
    const t = translator(locale);
    expect(draft.subject).toContain(t("pack.closeout"));
    expect(draft.text).toContain(t("email.signOff"));
    expect(draft.text).toContain(t("health.yellow"));
    const unlock = unlockPage(locale);
    expect(unlock).toContain(`<html lang="${locale}">`);
    const runs = englishRuns(lang);
    expect([...englishIn(`${draft.subject}\n${draft.text}`, runs), ...englishIn(visibleText(unlock), runs)]).toEqual(
      [],
    );
  });

  it("carries a font for every character its pages draw" + (font ? `, ${font} for its script` : ""), async () => {
    const css = await readFile(join(out, slug, "fonts", "fonts.css"), "utf8");
    const faces = [...css.matchAll(/font-family: '([^']+)'.*?unicode-range: ([^;]+);/g)].map(([, family, range]) => ({
      family,
      ranges: parseRanges(range!),
    }));
    if (font) expect(faces.map((f) => f.family)).toContain(font);
    else expect(faces.every((f) => ["Inter", "Source Serif 4"].includes(f.family))).toBe(true);
    const missing = new Set<string>();
    for (const [, html] of await pages(slug)) {
      for (const ch of visibleText(html)) {
        const c = ch.codePointAt(0)!;
        // → is drawn by the system font in every language (the Latin faces have no arrows).
        if (c < 0x80 || /\s/.test(ch) || ch === "→") continue;
        if (!faces.some((f) => f.ranges.some(([a, b]) => c >= a && c <= b))) missing.add(ch);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it("prints PDFs in its language that embed real fonts and draw no missing glyph", async () => {
    const pdfs = (await readdir(join(out, slug))).filter((name) => name.endsWith(".pdf")).sort();
    expect(pdfs).toEqual([`${slug}-closeout-2026-Q3.pdf`, `${slug}-handoff.pdf`, `${slug}-qbr-2026-Q3.pdf`]);
    const title = { qbr: "pack.qbr", closeout: "pack.closeout", handoff: "pack.handoff" } as const;
    for (const name of pdfs) {
      const path = join(out, slug, name);
      const { info, pages: texts } = await readPdf(path);
      expect(info.Language, name).toBe(locale);
      const pack = title[name.replace(`${slug}-`, "").split(/[-.]/)[0] as keyof typeof title];
      expect(texts[0]!.replace(/\s+/g, ""), name).toContain(dictionaries[lang][pack].replace(/\s+/g, ""));
      for (const [i, page] of (await readPdfPages(path)).entries()) {
        expect(page.notdef, `${name} page ${i + 1}`).toBe(0);
        expect(
          page.fonts.filter((f) => f.type3),
          `${name} page ${i + 1}`,
        ).toEqual([]);
      }
      const fonts = await pdfFonts(path);
      if (font) expect(fonts.names.join(" "), name).toContain(font.replaceAll(" ", ""));
      // → alone comes from the system's sans (the Latin faces have no arrows), in every language.
      expect(
        fonts.fallback.filter((ch) => ch !== "→"),
        name,
      ).toEqual([]);
    }
  });
});

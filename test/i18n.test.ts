import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATEGORIES, MILESTONE_STATUSES, PERIODS, PHASES } from "../src/schema.ts";
import { dictionaries, LANGS, langOf, translator } from "../templates/i18n/index.ts";

const TEMPLATES = join(import.meta.dirname, "..", "templates");

async function templateSources(): Promise<string> {
  const files = await readdir(TEMPLATES, { recursive: true });
  const texts = await Promise.all(
    files.filter((f) => /\.(astro|ts)$/.test(f)).map((f) => readFile(join(TEMPLATES, f), "utf8")),
  );
  return texts.join("\n");
}

describe("dictionaries", () => {
  it.each(LANGS.filter((l) => l !== "en"))("%s has exactly the keys of en", (lang) => {
    expect(Object.keys(dictionaries[lang]).sort()).toEqual(Object.keys(dictionaries.en).sort());
  });

  it.each(LANGS)("%s has no empty label and keeps every {placeholder} of en", (lang) => {
    for (const [key, text] of Object.entries(dictionaries.en)) {
      const translated = dictionaries[lang][key];
      expect(translated, key).toBeTruthy();
      const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(holes(translated), `${lang} ${key}`).toEqual(holes(text));
    }
  });

  it("has every key the templates name literally", async () => {
    const source = await templateSources();
    const used = [...source.matchAll(/\bt\(\s*"([\w.]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((key) => !(key in dictionaries.en))).toEqual([]);
  });

  it("has a label for every value of the enumerations the templates spell out", () => {
    const keys = [
      ...PHASES.map((p) => `phase.${p}`),
      ...MILESTONE_STATUSES.map((s) => `status.${s}`),
      ...CATEGORIES.map((c) => `category.${c}`),
      ...["once", ...PERIODS].map((p) => `per.${p}`),
      ...["reached", "on_track", "behind", "not_converging", "insufficient_data"].map((s) => `forecast.${s}`),
      ...["exceeded", "met", "progressing", "regressed"].map((s) => `state.${s}`),
      ...["green", "yellow", "red"].map((s) => `health.${s}`),
      ...["none_due", "all_due_achieved", "some_due_missed", "none_due_achieved"].map((s) => `health.rule.${s}`),
    ];
    expect(keys.filter((key) => !(key in dictionaries.en))).toEqual([]);
  });
});

describe("translator(locale)", () => {
  it("chooses the language from the locale and fills placeholders", () => {
    expect(langOf("ja-JP")).toBe("ja");
    expect(langOf("zh-Hant-TW")).toBe("zh-TW");
    expect(langOf("ms-MY")).toBe("ms");
    expect(langOf("en-GB")).toBe("en");
    expect(translator("ja-JP")("meta.asOf", { date: "2026年9月30日" })).toBe("2026年9月30日 時点の数値");
  });

  it("fails loudly on a key no language has", () => {
    expect(() => translator("en-US")("no.such.key")).toThrow('No label "no.such.key"');
  });
});

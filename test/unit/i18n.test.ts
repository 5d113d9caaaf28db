import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import { CATEGORIES, MILESTONE_STATUSES, PERIODS, PHASES } from "../../src/schema.ts";
import {
  choosePlurals,
  dictionaries,
  labelVars,
  LANGS,
  langOf,
  supportedLang,
  translator,
  type LabelVars,
  type PlainLabel,
} from "../../templates/i18n/index.ts";

const TEMPLATES = join(import.meta.dirname, "..", "..", "templates");
const en: Record<string, string> = dictionaries.en;

async function templateSources(): Promise<string> {
  const files = await readdir(TEMPLATES, { recursive: true });
  const texts = await Promise.all(
    files.filter((f) => /\.(astro|ts)$/.test(f)).map((f) => readFile(join(TEMPLATES, f), "utf8")),
  );
  return texts.join("\n");
}

/** The variables a language may leave out of a label: a letter names the addressee's company as 貴社, 貴公司. */
const MAY_OMIT: Record<string, string[]> = { "email.lead": ["customer"] };

/** Every variable of label `key` set to `value`. */
function every(key: string, value: number | string): Record<string, number | string> {
  return Object.fromEntries(labelVars(en[key]!).map((name) => [name, value]));
}

describe("dictionaries", () => {
  it.each(LANGS.filter((l) => l !== "en"))("%s has exactly the keys of en", (lang) => {
    expect(Object.keys(dictionaries[lang]).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(LANGS)("%s has no empty label and needs exactly the variables of en", (lang) => {
    const labels: Record<string, string> = dictionaries[lang];
    for (const [key, text] of Object.entries(en)) {
      expect(labels[key], key).toBeTruthy();
      const omitted = MAY_OMIT[key]?.filter((name) => !labelVars(labels[key]!).includes(name)) ?? [];
      expect(labelVars(labels[key]!), `${lang} ${key}`).toEqual(labelVars(text).filter((n) => !omitted.includes(n)));
    }
  });

  it.each(LANGS)("%s: every plural has an other form, and no brace is left once the forms are chosen", (lang) => {
    const rules = new Intl.PluralRules(lang);
    for (const [key, text] of Object.entries(dictionaries[lang])) {
      for (const n of [0, 1, 2, 5, 21]) {
        const chosen = choosePlurals(key, text, every(key, n), rules);
        expect(chosen.replace(/\{\w+\}/g, ""), `${lang} ${key}`).not.toMatch(/[{}#]/);
      }
    }
  });

  it("has every key the templates name literally", async () => {
    const source = await templateSources();
    const used = [...source.matchAll(/\bt\(\s*"([\w.]+)"/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((key) => !(key in en))).toEqual([]);
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
    expect(keys.filter((key) => !(key in en))).toEqual([]);
  });
});

describe("translator(locale)", () => {
  it("chooses the language from the locale and fills placeholders", () => {
    expect(langOf("ja-JP")).toBe("ja");
    expect(langOf("zh-Hant-TW")).toBe("zh-TW");
    expect(langOf("ms-MY")).toBe("ms");
    expect(langOf("en-GB")).toBe("en");
    expect(translator("ja-JP")("meta.asOf", { date: "2026年9月30日" })).toBe("2026年9月30日時点の数値");
  });

  it("matches a locale to its language by language and script, and has none for a language milepost lacks", () => {
    const cases: [string, string | null][] = [
      ["de-DE", "de"],
      ["de-AT", "de"],
      ["de-CH", "de"],
      ["fr-FR", "fr"],
      ["fr-CA", "fr"],
      ["es-ES", "es"],
      ["es-MX", "es"],
      ["pt-BR", "pt-BR"],
      ["pt-PT", "pt-BR"],
      ["zh-CN", "zh-CN"],
      ["zh-Hans", "zh-CN"],
      ["zh-SG", "zh-CN"],
      ["zh-TW", "zh-TW"],
      ["zh-HK", "zh-TW"],
      ["zh-Hant", "zh-TW"],
      ["ko-KR", "ko"],
      ["ko", "ko"],
      ["it-IT", null],
      ["nl-NL", null],
      ["xx", null],
    ];
    expect(cases.map(([locale]) => [locale, supportedLang(locale)])).toEqual(cases);
    expect(LANGS).toEqual(["en", "ja", "zh-TW", "ms", "de", "fr", "es", "pt-BR", "zh-CN", "ko"]);
    expect(() => langOf("it-IT")).toThrow(
      "milepost has no labels for the locale it-IT (it has en, ja, zh-TW, ms, de, fr, es, pt-BR, zh-CN, ko)",
    );
  });

  it("writes counts with the forms each new language has, in its own digits", () => {
    expect(translator("de-DE")("calc.days", { n: 1 })).toBe("1 Tag");
    expect(translator("de-DE")("calc.days", { n: 1200 })).toBe("1.200 Tage");
    expect(translator("fr-FR")("milestones.count", { n: 1 })).toBe("1 jalon");
    expect(translator("fr-FR")("milestones.count", { n: 3 })).toBe("3 jalons");
    expect(translator("es-ES")("glance.responses", { n: 1 })).toBe("1 respuesta");
    expect(translator("pt-BR")("glance.responses", { n: 2 })).toBe("2 respostas");
    expect(translator("zh-CN")("milestones.count", { n: 3 })).toBe("共3个");
    expect(translator("ko-KR")("milestones.count", { n: 3 })).toBe("총 3개");
  });

  it("writes a count in the singular or the plural as Intl.PluralRules chooses", () => {
    const t = translator("en-US");
    expect(t("milestones.count", { n: 1 })).toBe("1 milestone");
    expect(t("milestones.count", { n: 0 })).toBe("0 milestones");
    expect(t("milestones.count", { n: 1200 })).toBe("1,200 milestones");
    expect(t("criteria.rule.all_metrics_met", { total: 1 })).toBe("Its only metric reached its target.");
    expect(t("criteria.rule.all_metrics_met", { total: 3 })).toBe("All 3 of its metrics reached their target.");
    expect(t("criteria.rule.some_progress", { met: 0, total: 1 })).toBe(
      "0 of 1 metric reached its target, and the goal moved forward.",
    );
    expect(t("csat.npsNote", { promoters: 2, passives: 1, detractors: 0 })).toBe(
      "2 promoters · 1 passive · 0 detractors",
    );
    expect(t("health.rule.some_due_missed", { achieved: 1, due: 3, milestones: 2, metrics: 1 })).toBe(
      "Met so far: 1 of the 3 items due (2 milestones, 1 metric target).",
    );
    expect(translator("ms-MY")("glance.responses", { n: 1 })).toBe("1 maklum balas");
    expect(translator("ja-JP")("milestones.count", { n: 1 })).toBe("全1件");
  });

  it("never writes a count of one with a plural noun, nor 'All 1', in any English label", () => {
    const t = translator("en-US") as (key: string, vars: object) => string;
    const names = new Set(["customer", "engagement", "names"]); // the variables that are not numbers
    for (const key of Object.keys(en)) {
      const vars = Object.fromEntries(labelVars(en[key]!).map((name) => [name, names.has(name) ? "Acme" : 1]));
      const text = t(key, vars);
      expect(text, key).not.toMatch(/\b1 (?!× |access )[a-z]+s\b|\bAll 1\b|\bNone of (the|its) 1\b/);
    }
  });

  it("fails loudly on a key no language has and on a missing variable, never writing {name}", () => {
    const t = translator("en-US");
    // @ts-expect-error: not a label
    expect(() => t("no.such.key")).toThrow('No label "no.such.key"');
    // @ts-expect-error: {date} is missing
    expect(() => t("meta.asOf")).toThrow('The label "meta.asOf" needs {date}');
    // @ts-expect-error: {name} is missing
    expect(() => t("summary.decision.delayed", { date: "1 Oct 2026" })).toThrow("needs {name}");
    // @ts-expect-error: a count must be a number, to choose its plural form
    expect(() => t("milestones.count", { n: "1" })).toThrow(
      'The label "milestones.count" needs the count {n} as a number',
    );
    expect(() => choosePlurals("x", "{n, plural, one {# day}}", { n: 2 }, new Intl.PluralRules("en"))).toThrow(
      'The label "x" has no "other" form for {n}',
    );
  });

  it("types each label's variables from its English text", () => {
    expectTypeOf<LabelVars<"meta.asOf">>().toEqualTypeOf<{ date: string | number }>();
    expectTypeOf<LabelVars<"milestones.count">>().toEqualTypeOf<{ n: number }>();
    expectTypeOf<LabelVars<"criteria.rule.some_progress">>().toEqualTypeOf<{ total: number; met: string | number }>();
    expectTypeOf<LabelVars<"health.rule.some_due_missed">>().toEqualTypeOf<{
      due: number;
      milestones: number;
      metrics: number;
      achieved: string | number;
    }>();
    expectTypeOf<LabelVars<"health.rule.some_due_unverified">>().toEqualTypeOf<{
      due: number;
      unverified: string | number;
    }>();
    expectTypeOf<"status.achieved">().toExtend<PlainLabel>();
    expectTypeOf<"meta.asOf">().not.toExtend<PlainLabel>();
  });

  it("leaves the placeholders in for a template that places a figure in each, plural forms chosen", () => {
    const t = translator("en-US");
    expect(t.template("calc.days", { n: 1 })).toBe("{n} day");
    expect(t.template("meta.pageOf")).toBe("Page {n} of {total}");
  });
});

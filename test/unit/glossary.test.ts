// The glossary of each language (templates/i18n/glossary/): one word per concept, and no label
// of the language holding a word its glossary rules out.
import { describe, expect, it } from "vitest";
import {
  CONCEPTS,
  glossaries,
  labelWords,
  offences,
  termPattern,
  wordPattern,
  type Concept,
} from "../../templates/i18n/glossary.ts";
import { dictionaries, LANGS } from "../../templates/i18n/index.ts";

/** The labels that name a concept outright, so each must hold the language's term for it. */
const NAMED_BY: Record<Concept, string[]> = {
  milestone: ["milestones.title", "milestone.name", "summary.next"],
  outcome: ["outcomes.title", "summary.outcomes"],
  deliverable: ["signoff.deliverable", "signoff.title"],
  handover: ["pack.handoff", "handoff.title"],
  health: ["health.title", "email.health"],
  "status.green": ["health.green"],
  "status.yellow": ["health.yellow"],
  "status.red": ["health.red"],
  delayed: ["status.delayed"],
  value: ["roi.valueToDate", "brief.value"],
  cost: ["roi.costToDate", "brief.value"],
  roi: ["roi.roi", "brief.value"],
  payback: ["roi.payback", "brief.breakEven"],
  runRate: ["roi.runRate", "calc.runRateNote"],
  decision: ["summary.decisions", "brief.decisions"],
  action: ["actions.title", "actions.commitment"],
  engagement: ["handoff.intro", "tracker.intro"],
};

describe.each(LANGS)("the %s glossary", (lang) => {
  const glossary = glossaries[lang];
  const labels: Record<string, string> = dictionaries[lang];

  it("names every concept", () => {
    expect(CONCEPTS.filter((c) => !glossary[c]?.term)).toEqual([]);
  });

  it("is kept by every label: none holds a word it rules out", () => {
    const broken = Object.entries(labels).flatMap(([key, text]) =>
      offences(glossary, labelWords(text)).map((offence) => `${key} — ${offence}`),
    );
    expect(broken).toEqual([]);
  });

  it("writes each concept with its term where a label names it, and a word kept for one meaning nowhere else", () => {
    const missing = Object.entries(NAMED_BY).flatMap(([concept, keys]) =>
      keys.filter((key) => !termPattern(glossary[concept]!.term).test(labels[key]!)).map((key) => `${concept}: ${key}`),
    );
    expect(missing).toEqual([]);
    for (const [concept, { term, only }] of Object.entries(glossary)) {
      const holders = Object.keys(labels).filter((key) => termPattern(term).test(labels[key]!));
      expect(holders.length, `${concept} (${term}) is in no label`).toBeGreaterThan(0);
      if (only)
        expect(
          holders.filter((key) => !only.test(key)),
          `${concept}: ${term}`,
        ).toEqual([]);
    }
  });

  it("rules out no term it uses", () => {
    const terms = Object.values(glossary).map((t) => t.term);
    for (const [concept, { avoid }] of Object.entries(glossary))
      for (const word of avoid)
        expect(
          terms.filter((term) => wordPattern(word).test(term)),
          `${concept}: ${word}`,
        ).toEqual([]);
  });
});

describe("wordPattern(word)", () => {
  it("matches a word in Latin letters whole and in any case, any other as written", () => {
    expect(wordPattern("anda").test("Sudikah Anda berkongsi")).toBe(true);
    expect(wordPattern("anda").test("andaian nilai")).toBe(false);
    expect(wordPattern("kadar larian").test("Kadar larian tahunan")).toBe(true);
    expect(wordPattern("遅延").test("{date} から遅延しています")).toBe(true);
    expect(wordPattern("檢討").test("季度業務回顧")).toBe(false);
  });

  it("reads a label as its reader sees it, placeholders and plural syntax left out", () => {
    expect(labelWords("{n, plural, one {# milestone} other {# milestones}} by {date}")).not.toMatch(/[{}#]|date/);
    expect(offences(glossaries.ms, "Hubungan anda selepas penutupan")).toEqual(["contact: hubungan", "reader: anda"]);
  });
});

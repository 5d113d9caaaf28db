// The glossary of each language: the one word the packs use for each concept they name, chosen as
// a local finance or operations executive would write it in a formal report, and the synonyms it
// rules out. One file per language in glossary/, beside that language's labels; a language gets
// its glossary before its labels. test/unit/i18n.test.ts fails when a label of a language holds a word
// its glossary rules out, and test/e2e/words.test.ts reads the built pages and email drafts for them.
import de from "./glossary/de.ts";
import en from "./glossary/en.ts";
import es from "./glossary/es.ts";
import fr from "./glossary/fr.ts";
import ja from "./glossary/ja.ts";
import ko from "./glossary/ko.ts";
import ms from "./glossary/ms.ts";
import ptBR from "./glossary/pt-BR.ts";
import zhCN from "./glossary/zh-CN.ts";
import zhTW from "./glossary/zh-TW.ts";
import type { Lang } from "./index.ts";

/** The concepts every glossary names. */
export const CONCEPTS = [
  "milestone",
  "outcome",
  "deliverable",
  "handover",
  "health",
  "status.green",
  "status.yellow",
  "status.red",
  "delayed",
  "value",
  "cost",
  "roi",
  "payback",
  "runRate",
  "decision",
  "action",
  "engagement",
] as const;
export type Concept = (typeof CONCEPTS)[number];

export interface Term {
  /** The word the labels use, as it appears in them (any case). */
  term: string;
  /**
   * Words that mean the same, or that readers mistake for it, which no label of the language may
   * hold. A word of Latin letters matches as a whole word, in any case; any other, as written.
   */
  avoid: readonly string[];
  /** The labels that alone may hold the term (a word kept for one meaning), when it is kept. */
  only?: RegExp;
  /** Why this word, when it is not the obvious choice. */
  why?: string;
}

/** A language's glossary: every concept, and any the language adds (e.g. Malay's "revenue"). */
export type Glossary = Record<Concept, Term> & Record<string, Term>;

export const glossaries: Record<Lang, Glossary> = {
  en,
  ja,
  "zh-TW": zhTW,
  ms,
  de,
  fr,
  es,
  "pt-BR": ptBR,
  "zh-CN": zhCN,
  ko,
};

const LATIN = /^[\p{Script=Latin}\s'’-]+$/u;

/** A matcher for `word`: a whole word, in any case, when it is written in Latin letters; else as written. */
export function wordPattern(word: string): RegExp {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return LATIN.test(word) ? new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, "iu") : new RegExp(escaped, "u");
}

/** A matcher for `term` where a label names it: in Latin letters, at the start of a word (milestone, milestones). */
export function termPattern(term: string): RegExp {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return LATIN.test(term) ? new RegExp(`(?<![\\p{L}])${escaped}`, "iu") : new RegExp(escaped, "u");
}

/** The text of a label a reader sees: its `{placeholders}` and plural syntax left out. */
export function labelWords(text: string): string {
  return text
    .replace(/\{\w+, plural,/g, " ")
    .replace(/\{\w+\}/g, " ")
    .replace(/[{}#]/g, " ");
}

/** Where `text` breaks `glossary`: each ruled-out word it holds, as "concept: word". */
export function offences(glossary: Glossary, text: string): string[] {
  const found: string[] = [];
  for (const [concept, { avoid }] of Object.entries(glossary))
    for (const word of avoid) if (wordPattern(word).test(text)) found.push(`${concept}: ${word}`);
  return found;
}

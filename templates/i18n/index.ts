// Labels of the templates in every supported language: one file per language. en.ts defines the
// keys; every other language `satisfies Labels`, so a missing or extra key fails to compile.
//
// A label holds `{name}` placeholders and, where a count changes the words, plural forms chosen by
// Intl.PluralRules: `{n, plural, one {# day} other {# days}}` (categories zero, one, two, few, many,
// other or an exact `=0`; `#` is the count; a form may hold `{name}` placeholders but no plural).
// The variables a label needs are read from its English text by the types below, so a missing
// one is a compile error; the translator also throws rather than print "{name}".
import de from "./de.ts";
import en from "./en.ts";
import es from "./es.ts";
import fr from "./fr.ts";
import ja from "./ja.ts";
import ko from "./ko.ts";
import ms from "./ms.ts";
import ptBR from "./pt-BR.ts";
import zhCN from "./zh-CN.ts";
import zhTW from "./zh-TW.ts";

/**
 * Every language's labels by its tag: a language is its labels file and its line here. A tag
 * names a language (de) or, where its regions write differently, a language and region (pt-BR,
 * zh-TW, zh-CN); `langOf` matches a customer's locale to a tag by language and script.
 */
export const dictionaries = {
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
} as const satisfies Record<string, Labels>;

export type Lang = keyof typeof dictionaries;
export const LANGS = Object.keys(dictionaries) as Lang[];
export type LabelKey = keyof typeof en;
/** A language's labels: exactly the keys of en.ts. */
export type Labels = { [K in LabelKey]: string };

type Space = " " | "\n";
type TrimStart<S extends string> = S extends `${Space}${infer R}` ? TrimStart<R> : S;
/** `N` when it is a variable name (no space, comma, brace or #), else never. */
type Name<N extends string> = N extends "" | `${string}${Space | "," | "{" | "}" | "#"}${string}` ? never : N;

/** [placeholder names, count names] of a label's text. */
type Scan<S extends string, P extends string = never, C extends string = never> = S extends `${string}{${infer R}`
  ? R extends `${infer N}}${infer Rest}`
    ? N extends Name<N>
      ? Scan<Rest, P | N, C>
      : R extends `${infer M}, plural,${infer F}`
        ? M extends Name<M>
          ? Forms<F, P, C | M>
          : Scan<R, P, C>
        : Scan<R, P, C>
    : Scan<R, P, C>
  : [P, C];
/** The forms of a plural after "plural,": `one {…} other {…}}`, then the rest of the label. */
type Forms<S extends string, P extends string, C extends string> = S extends `${string}{${infer Body}`
  ? Form<Body, P, C>
  : [P, C];
/** One form's text up to its closing brace; a `{name}` in it is a placeholder. */
type Form<S extends string, P extends string, C extends string> = S extends `${infer T}}${infer After}`
  ? T extends `${string}{${infer N}`
    ? Form<After, P | N, C>
    : TrimStart<After> extends `}${infer Rest}`
      ? Scan<Rest, P, C>
      : Forms<After, P, C>
  : [P, C];

type Text<K extends LabelKey> = (typeof en)[K];
/** The variables of label `K` (of every key, when K is a union): counts are numbers. */
export type LabelVars<K extends LabelKey> = Flat<
  { [N in Scan<Text<K>>[1]]: number } & { [N in Exclude<Scan<Text<K>>[0], Scan<Text<K>>[1]>]: string | number }
>;
type Flat<T> = { [P in keyof T]: T[P] };
/** The labels that need no variable, e.g. for a key made from data ("status." + a status). */
export type PlainLabel = { [K in LabelKey]: [keyof LabelVars<K>] extends [never] ? K : never }[LabelKey];
type VarsArg<K extends LabelKey> = [keyof LabelVars<K>] extends [never]
  ? [vars?: Record<string, never>]
  : [vars: LabelVars<K>];

export interface Translate {
  /** Label `key` with its variables filled; a number is written in the locale's digits. */
  <K extends LabelKey>(key: K, ...vars: VarsArg<K>): string;
  /**
   * Label `key` with its plural forms chosen by `counts` and its `{name}` placeholders (and each
   * form's `#`, as `{count name}`) left in, for a template that places a component in each.
   */
  template(key: LabelKey, counts?: Record<string, number>): string;
}

/** A locale's language and script, its likely subtags added: zh-TW → zh Hant, zh → zh Hans, pt-PT → pt Latn. */
function languageScript(locale: string): { language: string; script: string; region: string } | null {
  try {
    const { language, script = "", region = "" } = new Intl.Locale(locale).maximize();
    return { language, script, region };
  } catch {
    return null;
  }
}

/**
 * The label language of a BCP 47 locale, or null when milepost has none: the tag of the same
 * language and script, the one of the same region first (ja-JP → ja, de-AT → de, pt-PT → pt-BR,
 * zh-TW / zh-HK / zh-Hant → zh-TW, zh-CN / zh-SG / zh-Hans → zh-CN, ko-KR → ko).
 */
export function supportedLang(locale: string): Lang | null {
  const want = languageScript(locale);
  if (!want) return null;
  const same = LANGS.filter((lang) => {
    const have = languageScript(lang)!;
    return have.language === want.language && have.script === want.script;
  });
  return same.find((lang) => languageScript(lang)!.region === want.region) ?? same[0] ?? null;
}

/** The languages milepost has, as a sentence's list: "en, ja, zh-TW, ms, de, fr, es, pt-BR, zh-CN, ko". */
export const LANGUAGE_LIST = LANGS.join(", ");

/** The label language of a locale validation accepted (see `supportedLang`); it throws on one milepost has no labels for. */
export function langOf(locale: string): Lang {
  const lang = supportedLang(locale);
  if (!lang) throw new Error(`milepost has no labels for the locale ${locale} (it has ${LANGUAGE_LIST})`);
  return lang;
}

const FORM = String.raw`\s*(=\d+|zero|one|two|few|many|other)\s*\{((?:[^{}]|\{\w+\})*)\}`;
const PLURAL = new RegExp(String.raw`\{(\w+), plural,((?:${FORM})+)\s*\}`, "g");
const PLACEHOLDER = /\{(\w+)\}/g;

/** The names of a label's variables: its placeholders and its counts. */
export function labelVars(text: string): string[] {
  const names = new Set<string>();
  const rest = text.replace(PLURAL, (_, name: string, forms: string) => {
    names.add(name);
    return forms;
  });
  for (const [, name] of rest.matchAll(PLACEHOLDER)) names.add(name!);
  return [...names].sort();
}

/** Label `key`'s `text` with each plural replaced by the form `rules` choose for its count, `#` as `{count name}`. */
export function choosePlurals(key: string, text: string, counts: Record<string, unknown>, rules: Intl.PluralRules) {
  return text.replace(PLURAL, (_, name: string, forms: string) => {
    const n = counts[name];
    if (typeof n !== "number") throw new Error(`The label "${key}" needs the count {${name}} as a number`);
    const form = new Map([...forms.matchAll(new RegExp(FORM, "g"))].map(([, which, body]) => [which!, body!]));
    const chosen = form.get(`=${n}`) ?? form.get(rules.select(n)) ?? form.get("other");
    if (chosen === undefined) throw new Error(`The label "${key}" has no "other" form for {${name}}`);
    return chosen.replaceAll("#", `{${name}}`);
  });
}

/** A translate function for `locale`. It throws on a key no language has and on a missing variable. */
export function translator(locale: string): Translate {
  const dict = dictionaries[langOf(locale)];
  const rules = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const template = (key: LabelKey, counts: Record<string, unknown> = {}) => {
    const text = (dict[key] as string | undefined) ?? (dictionaries.en[key] as string | undefined);
    if (text === undefined) throw new Error(`No label "${key}" in templates/i18n`);
    return choosePlurals(key, text, counts, rules);
  };
  const t = (key: LabelKey, vars: Record<string, string | number> = {}) =>
    template(key, vars).replace(PLACEHOLDER, (_, name: string) => {
      const value = vars[name];
      if (value === undefined) throw new Error(`The label "${key}" needs {${name}}`);
      return typeof value === "number" ? numbers.format(value) : value;
    });
  return Object.assign(t, { template }) as Translate;
}

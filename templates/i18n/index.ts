// Labels of the templates in every supported language. Each file holds one area's labels in
// all four languages; test/i18n.test.ts fails when a language lacks a key another one has.
import closeout from "./closeout.ts";
import common from "./common.ts";
import qbr from "./qbr.ts";

export const LANGS = ["en", "ja", "zh-TW", "ms"] as const;
export type Lang = (typeof LANGS)[number];
export type Dictionary = Record<string, string>;
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export const dictionaries: Record<Lang, Dictionary> = Object.fromEntries(
  LANGS.map((lang) => [lang, { ...common[lang], ...qbr[lang], ...closeout[lang] }]),
) as unknown as Record<Lang, Dictionary>;

/** The label language of a BCP 47 locale: ja-JP → ja, zh-TW / zh-Hant → zh-TW, ms-MY → ms, else en. */
export function langOf(locale: string): Lang {
  const l = locale.toLowerCase();
  if (l.startsWith("ja")) return "ja";
  if (l.startsWith("zh")) return "zh-TW";
  if (l.startsWith("ms")) return "ms";
  return "en";
}

/** A translate function for `locale`; `{name}` placeholders are filled from `vars`. */
export function translator(locale: string): Translate {
  const dict = dictionaries[langOf(locale)];
  return (key, vars) => {
    const text = dict[key] ?? dictionaries.en[key];
    if (text === undefined) throw new Error(`No label "${key}" in templates/i18n`);
    return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : text;
  };
}

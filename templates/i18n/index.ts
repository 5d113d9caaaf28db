// Labels of the templates in every supported language: one file per language. en.ts defines the
// keys; every other language `satisfies Labels`, so a missing or extra key fails to compile.
import en from "./en.ts";
import ja from "./ja.ts";
import ms from "./ms.ts";
import zhTW from "./zh-TW.ts";

export const LANGS = ["en", "ja", "zh-TW", "ms"] as const;
export type Lang = (typeof LANGS)[number];
export type LabelKey = keyof typeof en;
/** A language's labels: exactly the keys of en.ts. */
export type Labels = { [K in LabelKey]: string };
export type Dictionary = Record<string, string>;
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export const dictionaries: Record<Lang, Dictionary> = { en, ja, "zh-TW": zhTW, ms };

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

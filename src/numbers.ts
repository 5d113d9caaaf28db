// Numbers as a customer's spreadsheets write them: the customer's numberFormat says which mark
// groups thousands and which is the decimal mark. A value that does not fit it is refused with
// the reading(s) it would have; a currency symbol or % sign is taken off only where the column's
// unit is that currency or percent.

/** How a customer writes 1234.5: comma thousands, dot thousands, space thousands, apostrophe thousands. */
export const NUMBER_FORMATS = ["1,234.5", "1.234,5", "1 234,5", "1'234.5"] as const;
export type NumberFormat = (typeof NUMBER_FORMATS)[number];

/** The two formats most spreadsheets use; a value read differently by them is ambiguous. */
const COMMON: readonly NumberFormat[] = ["1,234.5", "1.234,5"];

/** The thousands marks and decimal mark of a format (a space may be any of the spaces Excel and Intl write). */
const MARKS: Record<NumberFormat, { group: string; decimal: string }> = {
  "1,234.5": { group: ",", decimal: "." },
  "1.234,5": { group: ".", decimal: "," },
  "1 234,5": { group: " \u00a0\u202f", decimal: "," },
  "1'234.5": { group: "'\u2019", decimal: "." },
};

/** The number format people of a locale write, from Intl: `de-DE` → "1.234,5", `fr-FR` → "1 234,5", `de-CH` → "1'234.5". */
export function numberFormatOf(locale: string): NumberFormat {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  } catch {
    return "1,234.5";
  }
  const group = parts.find((p) => p.type === "group")?.value ?? ",";
  const decimal = parts.find((p) => p.type === "decimal")?.value ?? ".";
  return (
    NUMBER_FORMATS.find((f) => MARKS[f].decimal === decimal && MARKS[f].group.includes(group)) ??
    (decimal === "," ? "1.234,5" : "1,234.5")
  );
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const patterns = new Map<NumberFormat, { number: RegExp; groups: RegExp }>();

/** A number as `format` writes it, and its group marks: made once per format. */
function patternsOf(format: NumberFormat): { number: RegExp; groups: RegExp } {
  let made = patterns.get(format);
  if (!made) {
    const { group, decimal } = MARKS[format];
    const g = `[${escape(group)}]`;
    made = {
      number: new RegExp(`^([+-]?)(\\d{1,3}(?:${g}\\d{3})+|\\d*)(?:${escape(decimal)}(\\d+))?$`),
      groups: new RegExp(g, "g"),
    };
    patterns.set(format, made);
  }
  return made;
}

/** `text` read in `format`, or null when it is not written that way. e.g. ("1.234,5", "1.234,5") → 1234.5 */
export function readIn(text: string, format: NumberFormat): number | null {
  const { decimal } = MARKS[format];
  const { number, groups } = patternsOf(format);
  const written = number.exec(text);
  if (written && (written[2] || written[3])) {
    const n = Number(`${written[1]}${written[2].replace(groups, "") || "0"}.${written[3] ?? "0"}`);
    return Number.isFinite(n) ? n : null;
  }
  // 1.5e3: only where the dot is the decimal mark.
  if (decimal === "." && /^[+-]?(\d+\.?\d*|\.\d+)e[+-]?\d+$/i.test(text) && Number.isFinite(Number(text)))
    return Number(text);
  return null;
}

/** How a value reads, or why it cannot: `problem` and `fix` word the error. */
export type NumberReading = { value: number } | { problem: string; fix: string };

/** Plain digits as the format writes them, e.g. (1234.5, "1.234,5") → "1234,5". */
function plain(n: number, format: NumberFormat): string {
  return String(n).replace(".", MARKS[format].decimal);
}

/**
 * Reads a number cell written in the customer's `format`. A value that does not fit it is an error
 * naming how it would read in the common formats, so the person can say which they meant.
 */
export function readNumber(raw: string | number, format: NumberFormat): NumberReading {
  if (typeof raw === "number")
    return Number.isFinite(raw)
      ? { value: raw }
      : { problem: "is not a number", fix: "write a plain decimal such as 12.5" };
  const s = raw.trim();
  const value = readIn(s, format);
  if (value !== null) return { value };
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s) && !Number.isFinite(Number(s)))
    return { problem: "is too large to be a number", fix: "check the value and write it in plain digits" };
  const others = [...new Set([...COMMON, ...NUMBER_FORMATS])].filter((f) => f !== format);
  const readings = new Map<number, NumberFormat>();
  for (const f of others) {
    const n = readIn(s, f);
    if (n !== null && !readings.has(n)) readings.set(n, f);
  }
  const setIt = (f: NumberFormat) => `or set "numberFormat": "${f}" for the customer`;
  if (readings.size > 1) {
    const both = [...readings].map(([n, f]) => `${n} in ${f}`).join(", ");
    return {
      problem: `is not written in numberFormat ${format}, and reads differently in the other formats (${both})`,
      fix: `write the number you mean as ${format} writes it, e.g. ${[...readings.keys()].map((n) => plain(n, format)).join(" or ")}`,
    };
  }
  if (readings.size === 1) {
    const [[n, f]] = [...readings];
    return { problem: `is not written in numberFormat ${format}`, fix: `write ${plain(n, format)} (${setIt(f)})` };
  }
  return { problem: "is not a number", fix: `write ${suggestNumber(s, format)}` };
}

/** What to write instead of `written`, a value no format reads: the plain number a person most likely meant. */
export function suggestNumber(written: string, format: NumberFormat = "1,234.5"): string {
  const s = written.normalize("NFKC");
  if (/^[+-]?0x/i.test(s.trim())) return "a plain decimal number such as 12.5";
  const digits = s.replace(/[^\d.,'+\- \u00a0\u202f-]/g, "").trim();
  const symbols =
    digits.replace(/\s/g, "") !== s.replace(/\s/g, "")
      ? ` (without ${describeSymbols(s)})`
      : s !== written
        ? " (in plain digits)"
        : "";
  const n = readIn(digits, format) ?? COMMON.map((f) => readIn(digits, f)).find((x) => x !== null);
  if (n !== null && n !== undefined) return `${plain(n, format)}${symbols}`;
  return `a plain decimal number such as ${plain(12.5, format)}`;
}

function describeSymbols(s: string): string {
  if (s.includes("%")) return "the % sign";
  if (CURRENCY_MARK.test(s)) return "the currency symbol";
  return "the unit";
}

const CURRENCY_MARK = /[$€£¥￥₩₹円元]|RM|NT|[A-Z]{3}/i;

const marksOf = new Map<string, string[]>();

/** The marks a currency is written with, besides its ISO code: `USD` → ["$", "US$"]. */
function currencyMarks(currency: string): string[] {
  const known = marksOf.get(currency);
  if (known) return known;
  const marks = new Set([currency]);
  for (const locale of ["en-US", "en", "de-DE", "ja-JP", "zh-TW", "zh-CN", "ko-KR", "ms-MY", "fr-FR", "pt-BR"])
    for (const display of ["symbol", "narrowSymbol"] as const) {
      const part = new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay: display })
        .formatToParts(1)
        .find((p) => p.type === "currency");
      if (part) marks.add(part.value);
    }
  if (currency === "JPY" || currency === "CNY") marks.add(currency === "JPY" ? "円" : "元");
  if (currency === "TWD") marks.add("元");
  const sorted = [...marks].sort((a, b) => b.length - a.length);
  marksOf.set(currency, sorted);
  return sorted;
}

/** What a numeric column's unit makes unambiguous: money in the customer's currency, or a percentage. */
export type UnitMark = { currency: string } | { percent: true };

/** `text` without the mark its column's unit allows (e.g. "$2,000" in a USD column → "2,000"), and the mark taken off; null when there is none. */
export function withoutMark(text: string, unit: UnitMark): { text: string; mark: string } | null {
  const s = text.trim();
  if ("percent" in unit) {
    const m = /^(.*?\d)\s*%$/.exec(s);
    return m ? { text: m[1], mark: "%" } : null;
  }
  for (const mark of currencyMarks(unit.currency)) {
    const m = mark.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const found = new RegExp(
      `^([+-]?)\\s*${m}\\s*([\\d.,'\\s\u00a0\u202f]+)$|^([+-]?[\\d.,'\\s\u00a0\u202f]+?)\\s*${m}$`,
    ).exec(s);
    if (found) return { text: found[3] ?? `${found[1]}${found[2]}`, mark };
  }
  return null;
}

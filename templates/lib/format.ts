// Locale-aware formatting for the templates: numbers, money, percentages and dates via Intl.
// Formatting only; every figure arrives computed in report.json.

/** The formatters of one customer's locale and currency. */
export interface Format {
  number(n: number | null, digits?: number): string;
  /** Money rounded to whole units, with an unambiguous symbol (US$, NT$, RM, ¥) and the minus sign −; yen in Japanese as 1,535万6,659円 and 9,800円. */
  money(n: number | null, compact?: boolean): string;
  /** A money axis's tick: every tick compact when the largest is 100,000 or more ("US$50K" beside "US$150K"), else in full. */
  moneyTick(n: number, largest: number): string;
  /** Money with its cents when it has any, for operands of a printed calculation. */
  moneyExact(n: number | null): string;
  /** A fraction as a percentage: 0.462 → "46%". */
  percent(fraction: number | null, digits?: number): string;
  /** A fraction as a magnitude with no sign: −0.87 → "87%". */
  magnitude(fraction: number | null): string;
  date(iso: string | null): string;
  shortDate(iso: string | null): string;
  /** A value with its unit, e.g. "15 hours/week", "96%", "120時間/週". */
  value(n: number | null, unit: string): string;
  /** The currency as the money figures write it, e.g. "US$", "RM", "€", and "円" in Japanese: a money axis's unit. */
  currencySign(): string;
  /** A chart axis's number for a quantity in `unit`: yen amounts in Japanese in 万 as the text writes them (40万), else as number(). */
  axis(n: number, unit: string): string;
}

const DASH = "—";
/** Money from this amount on is written compact where a short figure is asked for: "US$150K". */
const COMPACT_FROM = 100_000;
/** The minus sign, not the hyphen Intl writes. */
const MINUS = "\u2212";

/** Currency symbols that say which dollar or yen they are, whatever the locale. */
const SYMBOLS: Record<string, string> = {
  USD: "US$",
  TWD: "NT$",
  MYR: "RM",
  JPY: "¥",
  CNY: "CN¥",
  AUD: "A$",
  SGD: "S$",
  HKD: "HK$",
  CAD: "CA$",
  NZD: "NZ$",
};

/** How a language's local reports write what Intl writes otherwise. */
interface Local {
  /** Short month names Intl cuts where local reports do not: Malay "Ogos", not "Ogo". */
  months?: Record<string, string>;
  /** No space between the currency symbol and the amount: RM686,780. */
  tightCurrency?: boolean;
  /** The words of compact amounts: RM686.8 ribu, not RM 686.8K. */
  compact?: Record<string, string>;
}
const LOCAL: Record<string, Local> = {
  ms: { months: { Ogo: "Ogos" }, tightCurrency: true, compact: { K: " ribu", J: " juta", B: " bilion" } },
};
const localOf = (locale: string): Local => LOCAL[locale.toLowerCase().split("-")[0]!] ?? {};

/**
 * Formats with Intl, then writes the minus sign as − and the currency as its unambiguous symbol,
 * and what `local` changes.
 */
function written(nf: Intl.NumberFormat, n: number, currency?: string, local: Local = {}): string {
  const parts = nf.formatToParts(n);
  return parts
    .map((p, i) => {
      if (p.type === "minusSign") return MINUS;
      if (p.type === "currency" && currency) return SYMBOLS[currency] ?? p.value;
      if (p.type === "literal" && local.tightCurrency && [parts[i - 1]?.type, parts[i + 1]?.type].includes("currency"))
        return "";
      if (p.type === "compact") return local.compact?.[p.value] ?? p.value;
      return p.value;
    })
    .join("");
}

/** A date written by `dtf`, with the month names `local` writes in full. */
function writtenDate(dtf: Intl.DateTimeFormat, d: Date, local: Local): string {
  if (!local.months) return dtf.format(d);
  return dtf
    .formatToParts(d)
    .map((p) => (p.type === "month" ? (local.months![p.value] ?? p.value) : p.value))
    .join("");
}

/** Locales whose readers count large amounts in 万 (10⁴) and 億 (10⁸), by the currency's unit word. */
const MAN_OKU: Record<string, Record<string, string>> = { ja: { JPY: "円" } };

/**
 * A whole amount in 万/億, exact, with the unit word after it, as the pages write every amount in that currency
 * (one notation in a document): 15356659 → "1,535万6,659円", 120000000 → "1億2,000万円", 9800 → "9,800円".
 * null when the locale or currency does not count that way.
 */
function manOku(n: number, locale: string, currency: string, nf: Intl.NumberFormat): string | null {
  const unit = MAN_OKU[locale.split("-")[0]]?.[currency];
  const whole = Math.round(Math.abs(n));
  if (!unit) return null;
  if (whole < 10_000) return `${n <= -0.5 ? MINUS : ""}${nf.format(whole)}${unit}`;
  const parts = [
    [Math.floor(whole / 1e8), "億"],
    [Math.floor(whole / 1e4) % 1e4, "万"],
    [whole % 1e4, ""],
  ] as const;
  const text = parts.map(([v, word]) => (v > 0 ? `${nf.format(v)}${word}` : "")).join("");
  return `${n < 0 ? MINUS : ""}${text}${unit}`;
}

export function formatter(locale: string, currency: string): Format {
  const local = localOf(locale);
  const nf = new Map<number, Intl.NumberFormat>();
  const num = (digits: number) => {
    // "negative": a value that rounds to zero is written 0, never −0.
    if (!nf.has(digits))
      nf.set(digits, new Intl.NumberFormat(locale, { maximumFractionDigits: digits, signDisplay: "negative" }));
    return nf.get(digits)!;
  };
  const money = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    maximumFractionDigits: 0,
    signDisplay: "negative",
  });
  const moneyCompact = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    notation: "compact",
    maximumFractionDigits: 1,
    signDisplay: "negative",
  });
  const pct = (digits: number) =>
    new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: digits, signDisplay: "negative" });
  // A value in % is written as the locale writes a percentage: "91%" in English, "91 %" in German and French.
  const pctParts = pct(0).formatToParts(0.5);
  const percentSign = pctParts
    .slice(pctParts.findIndex((p) => p.type === "integer") + 1)
    .map((p) => p.value)
    .join("");
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const short = new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" });
  const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const moneyExact = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    maximumFractionDigits: 2,
    signDisplay: "negative",
  });
  return {
    number: (n, digits = 1) => (n === null ? DASH : written(num(digits), n)),
    money: (n, compact = false) =>
      n === null
        ? DASH
        : (manOku(n, locale, currency, num(0)) ??
          written(compact && Math.abs(n) >= COMPACT_FROM ? moneyCompact : money, n, currency, local)),
    moneyTick: (n, largest) =>
      manOku(n, locale, currency, num(0)) ??
      written(Math.abs(largest) >= COMPACT_FROM ? moneyCompact : money, n, currency, local),
    moneyExact: (n) =>
      n === null
        ? DASH
        : Number.isInteger(n)
          ? (manOku(n, locale, currency, num(0)) ?? written(money, n, currency, local))
          : written(moneyExact, n, currency, local),
    percent: (f, digits = 0) => (f === null ? DASH : written(pct(digits), f)),
    magnitude: (f) => (f === null ? DASH : written(pct(0), Math.abs(f))),
    date: (iso) => (iso ? writtenDate(date, toDate(iso), local) : DASH),
    shortDate: (iso) => (iso ? writtenDate(short, toDate(iso), local) : DASH),
    currencySign: () =>
      (manOku(10_000, locale, currency, num(0)) ?? written(money, 10_000, currency, local)).replace(
        /[\d\s.,'\u00a0\u202f万億]+/gu,
        "",
      ),
    axis: (n, unit) => {
      const word = MAN_OKU[locale.split("-")[0]]?.[currency];
      if (word && unit.startsWith(word) && Math.abs(n) >= 10_000 && n % 10_000 === 0)
        return `${written(num(0), n / 10_000)}万`;
      return written(num(1), n);
    },
    value: (n, unit) => {
      if (n === null) return DASH;
      const s = written(num(n !== 0 && Math.abs(n) < 10 ? 2 : 1), n);
      // No space before a unit written in CJK characters or Hangul, as Japanese, Chinese and Korean
      // reports write it (120時間/週, 30시간/주), nor before Korean percentage points (%p).
      return unit === "%"
        ? `${s}${percentSign}`
        : /^([\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|%p$)/u.test(unit)
          ? `${s}${unit}`
          : `${s} ${unit}`;
    },
  };
}

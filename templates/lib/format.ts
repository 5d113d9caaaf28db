// Locale-aware formatting for the templates: numbers, money, percentages and dates via Intl.
// Formatting only; every figure arrives computed in report.json.

/** The formatters of one customer's locale and currency. */
export interface Format {
  number(n: number | null, digits?: number): string;
  /** Money rounded to whole units, with an unambiguous symbol (US$, NT$, RM, ¥) and the minus sign −; yen in Japanese as 1,535万6,659円. */
  money(n: number | null, compact?: boolean): string;
  /** Money with its cents when it has any, for operands of a printed calculation. */
  moneyExact(n: number | null): string;
  /** A fraction as a percentage: 0.462 → "46%". */
  percent(fraction: number | null, digits?: number): string;
  /** A fraction as a magnitude with no sign: −0.87 → "87%". */
  magnitude(fraction: number | null): string;
  date(iso: string | null): string;
  shortDate(iso: string | null): string;
  /** A value with its unit, e.g. "15 hours/week", "96 %". */
  value(n: number | null, unit: string): string;
}

const DASH = "—";
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

/** Formats with Intl, then writes the minus sign as − and the currency as its unambiguous symbol. */
function written(nf: Intl.NumberFormat, n: number, currency?: string): string {
  return nf
    .formatToParts(n)
    .map((p) =>
      p.type === "minusSign" ? MINUS : p.type === "currency" && currency ? (SYMBOLS[currency] ?? p.value) : p.value,
    )
    .join("");
}

/** Locales whose readers count large amounts in 万 (10⁴) and 億 (10⁸), by the currency's unit word. */
const MAN_OKU: Record<string, Record<string, string>> = { ja: { JPY: "円" } };

/**
 * A whole amount of ≥ 1万 in 万/億, exact: 15356659 → "1,535万6,659円", 120000000 → "1億2,000万円".
 * null when the locale or currency does not count that way.
 */
function manOku(n: number, locale: string, currency: string, nf: Intl.NumberFormat): string | null {
  const unit = MAN_OKU[locale.split("-")[0]]?.[currency];
  const whole = Math.round(Math.abs(n));
  if (!unit || whole < 10_000) return null;
  const parts = [
    [Math.floor(whole / 1e8), "億"],
    [Math.floor(whole / 1e4) % 1e4, "万"],
    [whole % 1e4, ""],
  ] as const;
  const text = parts.map(([v, word]) => (v > 0 ? `${nf.format(v)}${word}` : "")).join("");
  return `${n < 0 ? MINUS : ""}${text}${unit}`;
}

export function formatter(locale: string, currency: string): Format {
  const nf = new Map<number, Intl.NumberFormat>();
  const num = (digits: number) => {
    if (!nf.has(digits)) nf.set(digits, new Intl.NumberFormat(locale, { maximumFractionDigits: digits }));
    return nf.get(digits)!;
  };
  const money = new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 0 });
  const moneyCompact = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    notation: "compact",
    maximumFractionDigits: 1,
  });
  const pct = (digits: number) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: digits });
  // A value in % is written as the locale writes a percentage: "91%" in English, "91 %" in German and French.
  const pctParts = pct(0).formatToParts(0.5);
  const percentSign = pctParts
    .slice(pctParts.findIndex((p) => p.type === "integer") + 1)
    .map((p) => p.value)
    .join("");
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const short = new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" });
  const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const moneyExact = new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 2 });
  return {
    number: (n, digits = 1) => (n === null ? DASH : written(num(digits), n)),
    money: (n, compact = false) =>
      n === null
        ? DASH
        : (manOku(n, locale, currency, num(0)) ??
          written(compact && Math.abs(n) >= 100_000 ? moneyCompact : money, n, currency)),
    moneyExact: (n) => (n === null ? DASH : written(Number.isInteger(n) ? money : moneyExact, n, currency)),
    percent: (f, digits = 0) => (f === null ? DASH : written(pct(digits), f)),
    magnitude: (f) => (f === null ? DASH : written(pct(0), Math.abs(f))),
    date: (iso) => (iso ? date.format(toDate(iso)) : DASH),
    shortDate: (iso) => (iso ? short.format(toDate(iso)) : DASH),
    value: (n, unit) => {
      if (n === null) return DASH;
      const s = written(num(n !== 0 && Math.abs(n) < 10 ? 2 : 1), n);
      return unit === "%" ? `${s}${percentSign}` : `${s} ${unit}`;
    },
  };
}

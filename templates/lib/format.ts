// Locale-aware formatting for the templates: numbers, money, percentages and dates via Intl.
// Formatting only; every figure arrives computed in report.json.

/** The formatters of one customer's locale and currency. */
export interface Format {
  number(n: number | null, digits?: number): string;
  money(n: number | null, compact?: boolean): string;
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

export function formatter(locale: string, currency: string): Format {
  const nf = new Map<number, Intl.NumberFormat>();
  const num = (digits: number) => {
    if (!nf.has(digits)) nf.set(digits, new Intl.NumberFormat(locale, { maximumFractionDigits: digits }));
    return nf.get(digits)!;
  };
  const money = new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 0 });
  const moneyCompact = new Intl.NumberFormat(locale, { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 });
  const pct = (digits: number) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: digits });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const short = new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" });
  const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
  return {
    number: (n, digits = 1) => (n === null ? DASH : num(digits).format(n)),
    money: (n, compact = false) => (n === null ? DASH : (compact && Math.abs(n) >= 100_000 ? moneyCompact : money).format(n)),
    percent: (f, digits = 0) => (f === null ? DASH : pct(digits).format(f)),
    magnitude: (f) => (f === null ? DASH : pct(0).format(Math.abs(f))),
    date: (iso) => (iso ? date.format(toDate(iso)) : DASH),
    shortDate: (iso) => (iso ? short.format(toDate(iso)) : DASH),
    value: (n, unit) => {
      if (n === null) return DASH;
      const s = num(n !== 0 && Math.abs(n) < 10 ? 2 : 1).format(n);
      return unit === "%" ? `${s}%` : `${s} ${unit}`;
    },
  };
}

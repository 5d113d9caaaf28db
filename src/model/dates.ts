// Calendar arithmetic on ISO dates ("YYYY-MM-DD") in whole UTC days. No clock, no time zones.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PERIOD = /^(\d{4})-Q([1-4])$/;

/** A calendar quarter. e.g. {id: "2026-Q3", start: "2026-07-01", end: "2026-09-30"} */
export interface Period {
  id: string;
  start: string;
  end: string;
}

/** The day number of an ISO date (days since 1970-01-01); throws on anything else. */
export function toDay(iso: string): number {
  // The model asks for the same few hundred days again and again (a metric's every measurement, every step).
  const known = days.get(iso);
  if (known !== undefined) return known;
  const day = dayOf(iso);
  if (days.size >= 65_536) days.clear();
  days.set(iso, day);
  return day;
}

const days = new Map<string, number>();

function dayOf(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${JSON.stringify(iso)}`);
  const [year, month, day] = [+m[1], +m[2], +m[3]];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    throw new RangeError(`not a calendar day: ${iso}`);
  return daysFromCivil(year, month, day);
}

/** The ISO date of a day number. */
export function fromDay(day: number): string {
  const [year, month, d] = civilFromDays(day);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Whole days from `from` to `to` (end-exclusive: the same day is 0, the next day 1; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDay(to) - toDay(from);
}

/** The date `days` days after `iso` (before it when negative). */
export function addDays(iso: string, days: number): string {
  return fromDay(toDay(iso) + days);
}

/** The quarter written "YYYY-Qn", or null when `id` is not written that way. */
export function parsePeriod(id: string): Period | null {
  const m = PERIOD.exec(id);
  if (!m) return null;
  return quarter(+m[1], +m[2]);
}

/** The quarter after `period`. */
export function nextPeriod(period: Period): Period {
  const [year, q] = period.id.split("-Q").map(Number);
  return q === 4 ? quarter(year + 1, 1) : quarter(year, q + 1);
}

/** The quarter a date lies in. */
export function periodOf(iso: string): Period {
  toDay(iso);
  return quarter(+iso.slice(0, 4), Math.floor((+iso.slice(5, 7) - 1) / 3) + 1);
}

/** True when `iso` lies in `period`, both ends included. */
export function inPeriod(iso: string, period: Period): boolean {
  return iso >= period.start && iso <= period.end;
}

function quarter(year: number, q: number): Period {
  const month = (q - 1) * 3 + 1;
  const last = month + 2;
  return {
    id: `${String(year).padStart(4, "0")}-Q${q}`,
    start: fromDay(daysFromCivil(year, month, 1)),
    end: fromDay(daysFromCivil(year, last, daysInMonth(year, last))),
  };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Proleptic Gregorian day arithmetic without Date (H. Hinnant, "chrono-compatible low-level date algorithms").
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

// Calendar arithmetic on ISO dates ("YYYY-MM-DD") in whole UTC days. No clock, no time zones.

const MS_PER_DAY = 86_400_000;
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
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${JSON.stringify(iso)}`);
  const day = dayOf(+m[1], +m[2] - 1, +m[3]);
  if (fromDay(day) !== iso) throw new RangeError(`not a calendar day: ${iso}`);
  return day;
}

/** The ISO date of a day number. */
export function fromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (end-exclusive: the same day is 0, the next day 1; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDay(to) - toDay(from);
}

/** The date `days` days after `iso` (before it when negative). */
export function addDays(iso: string, days: number): string {
  return fromDay(toDay(iso) + days);
}

/** The earlier of two ISO dates. */
export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
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
  const startMonth = (q - 1) * 3; // 0-based
  const start = fromDay(dayOf(year, startMonth, 1));
  const end = fromDay(dayOf(year, startMonth + 3, 0)); // day 0 of the next quarter = last day of this one
  return { id: `${start.slice(0, 4)}-Q${q}`, start, end };
}

/** Day number of a year, 0-based month and day; months and days out of range roll over. Years 0–99 are taken as written. */
function dayOf(year: number, month0: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month0, day);
  return d.getTime() / MS_PER_DAY;
}

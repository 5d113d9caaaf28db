// The command line's flags turned into what the engine takes: dates and folders, refused in the words of the flags
// that set them. With cli.ts, the only place that names a flag.
import { statSync } from "node:fs";
import { UsageError } from "./errors.ts";
import { parsePeriod, periodOf, toDay } from "./model/dates.ts";
import { monthEnd } from "./model/monthly.ts";

/**
 * Resolves --period / --as-of into the as-of date and the QBR period. `today` is the user's local date. A date that
 * does not exist, or one after today, is a usage error; the current quarter is computed quarter-to-date (as of today).
 */
export function resolveDates(opts: { period?: string; asOf?: string; today: string }): {
  asOf: string;
  period: string;
} {
  const { today } = opts;
  if (opts.asOf !== undefined) {
    if (!isCalendarDay(opts.asOf))
      throw new UsageError(
        `--as-of ${opts.asOf} is not a date`,
        "write a day that exists as YYYY-MM-DD, e.g. --as-of 2026-09-30",
      );
    if (opts.asOf > today)
      throw new UsageError(
        `--as-of ${opts.asOf} is after today (${today})`,
        `figures can only be computed up to today: write --as-of ${today} or an earlier day`,
      );
  }
  const month = opts.period !== undefined ? /^(\d{4})-(0[1-9]|1[0-2])$/.exec(opts.period) : null;
  if (month) {
    const start = `${month[1]}-${month[2]}-01`;
    if (start > today)
      throw new UsageError(
        `--period ${opts.period} has not started yet (today is ${today})`,
        `write the current month, --period ${today.slice(0, 7)}, for figures to date`,
      );
    const end = monthEnd(opts.period!);
    const asOf = opts.asOf ?? (end > today ? today : end);
    return { asOf, period: periodOf(asOf).id };
  }
  if (opts.period) {
    const period = parsePeriod(opts.period);
    if (!period)
      throw new UsageError(
        `--period ${opts.period} is not a quarter or a month`,
        "write the quarter as YYYY-Qn, e.g. --period 2026-Q3, or the month as YYYY-MM, e.g. --period 2026-10",
      );
    if (period.start > today)
      throw new UsageError(
        `--period ${period.id} has not started yet (today is ${today})`,
        `write the current quarter, --period ${periodOf(today).id}, for figures to date`,
      );
    return { asOf: opts.asOf ?? (period.end > today ? today : period.end), period: period.id };
  }
  const asOf = opts.asOf ?? today;
  return { asOf, period: periodOf(asOf).id };
}

/** The user's local date (not UTC's) as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  return `${String(now.getFullYear()).padStart(4, "0")}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

function isCalendarDay(iso: string): boolean {
  try {
    toDay(iso);
    return true;
  } catch {
    return false;
  }
}

/** Refuses a --data folder that does not exist; `dataDir` is resolved. */
export function requireDataFolder(dataDir: string): void {
  if (!statSync(dataDir, { throwIfNoEntry: false })?.isDirectory())
    throw new UsageError(
      `There is no data folder at ${dataDir}`,
      "run milepost where your data/ folder is, or name it with --data <folder>",
    );
}

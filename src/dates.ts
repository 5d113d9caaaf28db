// Dates as a customer's spreadsheets write them: YYYY-MM-DD always, day-first or month-first as the
// customer's dateFormat says, and the calendars Taiwanese and Japanese exports use (Minguo years,
// Japanese eras) recognised, so the message can say which day they stand for. One reader for the
// tables, customer.json and the workbook's customer sheet.

/** How a customer's spreadsheets write dates besides YYYY-MM-DD: day first, month first, or only year first. */
export const DATE_FORMATS = ["DMY", "MDY", "YMD"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** The date format people of a locale write: month first in the US and the Philippines, year first in East Asia, else day first. */
export function dateFormatOf(locale: string): DateFormat {
  const [lang, region] = locale.split("-").map((p) => p.toUpperCase());
  if (["US", "PH"].includes(region)) return "MDY";
  if (["JA", "ZH", "KO", "HU", "LT", "MN"].includes(lang)) return "YMD";
  return "DMY";
}

export type DateReading = { date: string } | { problem: string; fix: string };

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** `2026-02-30` → null; `2026-3-5` → "2026-03-05". */
function calendarDay(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
    ? t.toISOString().slice(0, 10)
    : null;
}

/** Japanese eras by their first Gregorian year, by name and by the letter exports abbreviate them to. */
const ERAS: { names: string[]; first: number }[] = [
  { names: ["令和", "R"], first: 2019 },
  { names: ["平成", "H"], first: 1989 },
  { names: ["昭和", "S"], first: 1926 },
  { names: ["大正", "T"], first: 1912 },
  { names: ["明治", "M"], first: 1868 },
];

/** The day a Minguo (`115/11/22`, `民國115年11月22日`) or Japanese era (`令和8年11月22日`, `R8.11.22`) date stands for, with the calendar's name; null for other dates. */
export function calendarDate(written: string): { date: string | null; calendar: string } | null {
  const s = written.normalize("NFKC").replace(/\s+/g, "");
  const minguo = /^(?:民國|民国)?(\d{2,3})(?:([/.-])(\d{1,2})\2(\d{1,2})|年(\d{1,2})月(\d{1,2})日)$/.exec(s);
  if (minguo && (minguo[1].length === 3 || s.startsWith("民")))
    return {
      date: calendarDay(+minguo[1] + 1911, +(minguo[3] ?? minguo[5]), +(minguo[4] ?? minguo[6])),
      calendar: "a Minguo (ROC) date",
    };
  const japanese =
    /^(\p{Script=Han}{2}|[RHSTM])(元|\d{1,2})(?:年(\d{1,2})月(\d{1,2})日|[./-](\d{1,2})[./-](\d{1,2}))$/iu.exec(s);
  const era = japanese && ERAS.find((e) => e.names.includes(japanese[1].toUpperCase()));
  if (japanese && era) {
    const year = era.first + (japanese[2] === "元" ? 1 : +japanese[2]) - 1;
    return {
      date: calendarDay(year, +(japanese[3] ?? japanese[5]), +(japanese[4] ?? japanese[6])),
      calendar: `a Japanese era date (${era.names[0]})`,
    };
  }
  return null;
}

/** Reads a date cell: YYYY-MM-DD (or YYYY/MM/DD) always, D/M/YYYY or M/D/YYYY in the customer's `format`; otherwise what to write. */
export function readDate(raw: string | number, format: DateFormat): DateReading {
  const s = String(raw).trim();
  const other = calendarDate(s);
  if (other)
    return other.date
      ? { problem: `is ${other.calendar}`, fix: `write the day it stands for as YYYY-MM-DD: ${other.date}` }
      : {
          problem: `is ${other.calendar}, but not a day in the calendar`,
          fix: "check the month and day, and write it as YYYY-MM-DD",
        };
  const ymd = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(s);
  if (ymd) {
    const date = calendarDay(+ymd[1], +ymd[3], +ymd[4]);
    return date ? { date } : { problem: "is not a day in the calendar", fix: "check the month and day" };
  }
  if (/^\d{5}(\.\d+)?$/.test(s) && +s >= 20000 && +s < 80000) {
    const meant = new Date(EXCEL_EPOCH + Math.floor(+s) * 86_400_000).toISOString().slice(0, 10);
    return {
      problem: "is an Excel date serial number, not a date",
      fix: `write ${meant} (the day it stands for), and format the column as YYYY-MM-DD in Excel`,
    };
  }
  const dm = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/.exec(s);
  if (!dm) return { problem: "is not a date", fix: "write it as YYYY-MM-DD, e.g. 2026-09-30" };
  const [a, b, y] = [+dm[1], +dm[3], dm[4].length === 2 ? 2000 + +dm[4] : +dm[4]];
  const dayFirst = calendarDay(y, b, a);
  const monthFirst = calendarDay(y, a, b);
  if (dm[4].length === 2) {
    const meant = (format === "MDY" ? (monthFirst ?? dayFirst) : (dayFirst ?? monthFirst)) ?? `${y}-01-31`;
    return { problem: "has a two-digit year", fix: `write it as YYYY-MM-DD with the whole year, e.g. ${meant}` };
  }
  if (format === "DMY" && dayFirst) return { date: dayFirst };
  if (format === "MDY" && monthFirst) return { date: monthFirst };
  const spell = (iso: string) => `${+iso.slice(8)} ${MONTHS[+iso.slice(5, 7) - 1]}`;
  const readings = [...new Set([dayFirst, monthFirst].filter((d): d is string => d !== null))];
  if (readings.length === 0)
    return {
      problem: "is not a day in the calendar",
      fix: "check the day and month, and write the date as YYYY-MM-DD",
    };
  if (format !== "YMD") {
    const order = format === "DMY" ? "day first" : "month first";
    return {
      problem: `is not a day in the calendar read ${order} (dateFormat ${format})`,
      fix: `if it is ${format === "DMY" ? "month" : "day"} first, write ${readings[0]}`,
    };
  }
  if (readings.length === 1) return { problem: "is not a date", fix: `write it as YYYY-MM-DD: ${readings[0]}` };
  return {
    problem: "is not a date",
    fix: `write it as YYYY-MM-DD: ${readings[0]} (${spell(readings[0])}) or ${readings[1]} (${spell(readings[1])}), or set "dateFormat" for the customer`,
  };
}

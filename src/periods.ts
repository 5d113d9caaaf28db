// Every period's PDFs stay in the customer's folder: acme-qbr-2026-Q3.pdf beside acme-qbr-2026-Q4.pdf.
// What a file name says about its period, and which of a folder's PDFs belong to earlier periods.
import { parsePeriod } from "./model/dates.ts";

/** The PDFs of one period: label ("2026-Q3", or a date with --as-of) and file names. */
export interface PeriodPdfs {
  period: string;
  pdfs: string[];
}

/** The period part of PDF names: the quarter when figures are as of its last day, else the date. */
export function fileLabel(asOf: string, period: string | null): string {
  return period && asOf === parsePeriod(period)?.end ? period : asOf;
}

/** A quarter, a date, or a month (the monthly report's: acme-monthly-2026-09.pdf), then the internal copy's mark. */
const LABEL = /-(\d{4}-(?:Q[1-4]|\d{2}-\d{2}|\d{2}))(?:-internal)?\.(pdf|pptx|docx)$/;

/**
 * The period of one of `slug`'s PDFs (acme-qbr-2026-Q3.pdf, acme-qbr-2026-Q3-internal.pdf → "2026-Q3"); null for a
 * PDF of no period (the handoff) or another file. With `office`, of its Word and PowerPoint files too
 * (acme-closeout-2026-Q3.docx).
 */
export function pdfPeriod(slug: string, name: string, office = false): string | null {
  const found = name.startsWith(`${slug}-`) ? LABEL.exec(name) : null;
  return found && (office || found[2] === "pdf") ? found[1] : null;
}

/** The month a file label names, as the monthly report names its PDF: a quarter's label is its last month ("2026-Q3" → "2026-09"), a date's its own ("2026-10-31" → "2026-10"). */
export function monthOfLabel(label: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(label);
  return q ? `${q[1]}-${String(Number(q[2]) * 3).padStart(2, "0")}` : label.slice(0, 7);
}

/** Whether a PDF named for `period` (pdfPeriod) belongs to the build labelled `label`: the same label, or its month. */
export function ofLabel(period: string | null, label: string): boolean {
  return period === label || period === monthOfLabel(label);
}

/** The PDFs among `names` (and with `office` their Word and PowerPoint files) of periods other than `current`, grouped by period, the latest first. */
export function otherPeriods(slug: string, names: string[], current: string, office = false): PeriodPdfs[] {
  const byPeriod = new Map<string, string[]>();
  for (const name of [...names].sort()) {
    const period = pdfPeriod(slug, name, office);
    if (period && !ofLabel(period, current)) byPeriod.set(period, [...(byPeriod.get(period) ?? []), name]);
  }
  return [...byPeriod]
    .map(([period, pdfs]) => ({ period, pdfs }))
    .sort((a, b) => periodEnd(b.period).localeCompare(periodEnd(a.period)) || b.period.localeCompare(a.period));
}

/** The day a label's figures are as of: a quarter's last day, a month's ("2026-09" sorts as its last day), or the date itself. */
const periodEnd = (label: string) => parsePeriod(label)?.end ?? (label.length === 7 ? `${label}-31` : label);

// The error vocabulary: every problem milepost reports to a person is one of these.
// Messages follow one pattern: where, what was found, what is wrong, what to write instead.

/** Where a problem is. e.g. {file: "data/acme/metrics.csv", line: 4, field: "baseline"} */
export interface Location {
  file: string;
  line?: number;
  field?: string;
}

/** One problem in a customer's data. `fix` says what to write instead. */
export interface DataIssue extends Location {
  severity: "error" | "warning";
  code: string;
  value?: unknown;
  problem: string;
  fix: string;
}

/** `data/acme/metrics.csv:4 baseline: "12,5" is not a number — write 12.5` */
export function formatIssue(issue: DataIssue): string {
  // A workbook's sheet is named as "data/acme/customer.xlsx[metrics]": say "…customer.xlsx, sheet metrics, row 4".
  const sheet = /^(.*\.xlsx)\[(.+)\]$/.exec(issue.file);
  const where = sheet
    ? `${sheet[1]}, sheet ${sheet[2]}${issue.line ? `, row ${issue.line}` : ""}`
    : issue.line ? `${issue.file}:${issue.line}` : issue.file;
  const field = issue.field ? ` ${issue.field}:` : "";
  const value = issue.value === undefined ? "" : ` ${quote(issue.value)}`;
  return `${where}${field}${value} ${issue.problem} — ${issue.fix}`;
}

function quote(value: unknown): string {
  const s = typeof value === "string" ? value : JSON.stringify(value);
  const short = s.length > 60 ? `${s.slice(0, 57)}…` : s;
  return JSON.stringify(short);
}

/** A mistake in how milepost was called (exit 2). */
export class UsageError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.name = "UsageError";
    this.hint = hint;
  }
}

/** A known failure that is not the data's fault and not a usage mistake: no browser, a failed Astro build (exit 1). */
export class MilepostError extends Error {
  readonly title: string;
  readonly hint: string;
  constructor(title: string, message: string, hint: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MilepostError";
    this.title = title;
    this.hint = hint;
  }
}

/** Chromium could not be found or started. */
export function browserNotFound(tried: string[]): MilepostError {
  return new MilepostError(
    "No Chromium or Chrome found",
    `milepost prints PDFs with a Chromium-based browser and found none. Looked in:\n${tried.map((p) => `  ${p}`).join("\n")}`,
    "Install one (Debian/Ubuntu: sudo apt-get install chromium fonts-noto-cjk), or point MILEPOST_CHROME at the browser's executable, or build the sites alone with --no-pdf.",
  );
}

// The error vocabulary: every problem milepost reports to a person is one of these.
// Messages follow one pattern: where, what was found, what is wrong, what to write instead.
// Each issue's code is one of the catalogue in errors-data.ts (docs/errors.md).
import { accessSync, constants, existsSync } from "node:fs";
import { dirname } from "node:path";
import type { ErrorCode } from "./errors-data.ts";

/** Where a problem is. e.g. {file: "data/acme/metrics.csv", line: 4, field: "baseline"} */
export interface Location {
  file: string;
  line?: number;
  /** In narrative MDX, where on the line. */
  column?: number;
  field?: string;
}

/** One problem in a customer's data. `fix` says what to write instead. */
export interface DataIssue extends Location {
  severity: "error" | "warning";
  code: ErrorCode;
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
    : issue.line
      ? `${issue.file}:${issue.line}${issue.column ? `:${issue.column}` : ""}`
      : issue.file;
  const field = issue.field ? ` ${issue.field}:` : "";
  const value = issue.value === undefined ? "" : ` ${quote(issue.value)}`;
  return `${where}${field}${value} ${issue.problem} — ${issue.fix}`;
}

/** What a place in a file is called: "row" on a sheet of a workbook ("customer.xlsx[metrics]"), else "line". */
export const lineWord = (file: string) => (/\.xlsx\[.+\]$/.test(file) ? "row" : "line");

/** A place in a file as a message names it: "metrics.csv:4", or "customer.xlsx, sheet metrics, row 4". */
export function placeIn(file: string, line: number): string {
  const sheet = /^(.*\.xlsx)\[(.+)\]$/.exec(file);
  return sheet ? `${sheet[1]}, sheet ${sheet[2]}, row ${line}` : `${file}:${line}`;
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

/**
 * A failure of the disk rather than of the data or of milepost, in words: no permission, a
 * read-only folder, a full disk. Null for any other error. `what` names what was being written.
 */
export function diskError(
  err: unknown,
  what: string,
  elsewhere: { full: string; denied: string; kept?: string } = {
    full: "build into a folder on another disk with --out",
    denied: "build into another folder with --out",
  },
): MilepostError | null {
  const e = unmasked(err as NodeJS.ErrnoException | undefined);
  const code = e?.code ?? /\b(ENOSPC|EDQUOT|EACCES|EPERM|EROFS)\b/.exec(String(e?.message))?.[1];
  const at = e?.path ? ` (${e.path})` : "";
  switch (code) {
    case "ENOSPC":
    case "EDQUOT":
      return new MilepostError(
        "The disk is full",
        `milepost ran out of space writing ${what}${at}. ${elsewhere.kept ?? "What was not written keeps its previous version."}`,
        `Free some space on that disk, or ${elsewhere.full}.`,
        { cause: err },
      );
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return new MilepostError(
        "No permission to write",
        `milepost may not write ${what}${at}${code === "EROFS" ? ": the disk is mounted read-only" : ""}. Nothing there was changed.`,
        `Make the folder writable for you, or ${elsewhere.denied}.`,
        { cause: err },
      );
    default:
      return null;
  }
}

/**
 * A recursive mkdir on a read-only disk fails with ENOENT for the folder it could not make; the
 * nearest folder that exists says why (EROFS, EACCES). Any other error is returned as it is.
 */
function unmasked(e: NodeJS.ErrnoException | undefined): NodeJS.ErrnoException | undefined {
  if (e?.code !== "ENOENT" || e.syscall !== "mkdir" || !e.path) return e;
  let dir = dirname(e.path);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  try {
    accessSync(dir, constants.W_OK);
    return e;
  } catch (denied) {
    return Object.assign(denied as NodeJS.ErrnoException, { path: e.path });
  }
}

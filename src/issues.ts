// The words of the issues the build itself finds, for the person who owns the data or runs the build: the model's
// structured warnings, a pack the data cannot fill, a PDF not printed, a folder not written. The stages return
// facts; these turn them into DataIssues (file, problem, fix).
import type { DataIssue } from "./errors.ts";
import type { Report } from "./model/contract.ts";
import type { ExampleRow } from "./model/examples.ts";
import { BrowserStopped } from "./pdf.ts";

/** Words the model's structured warnings; `dir` is the customer's folder as messages name it, e.g. "data/acme". */
export function reportWarnings(report: Report, dir: string): DataIssue[] {
  return report.warnings.map((w) => {
    const [file, line] = w.source.split(":");
    const at = {
      severity: "warning" as const,
      code: w.code,
      file: `${dir}/${file}`,
      line: line ? Number(line) : undefined,
      field: w.field,
    };
    switch (w.code) {
      case "milestone-status-contradicted":
        return {
          ...at,
          value: w.value,
          problem: `contradicts the data, which says ${w.status} as of ${report.asOf}; the pages show ${w.status}`,
          fix: "update the status, or check achieved_date and the measurements",
        };
      case "milestone-unverified":
        return {
          ...at,
          problem: `milestone ${w.milestoneId} is achieved without evidence; the pages mark it unverified`,
          fix: `add a link or a file under ${dir}/evidence/ to its evidence column`,
        };
      case "csat-late":
        return w.value
          ? {
              ...at,
              value: w.value,
              problem: `is ${w.days} days after the engagement ended (${w.engagementEnd}): the first satisfaction response came later than 48 hours`,
              fix: "send the survey within 48 hours of the end; the close-out pack notes the delay",
            }
          : {
              ...at,
              problem: `has no satisfaction response ${w.days} days after the engagement ended (${w.engagementEnd})`,
              fix: "send the survey now; it is due within 48 hours of the end",
            };
      case "metric-stale":
        return {
          ...at,
          value: w.value,
          problem: `is the latest measurement of ${w.metricId}, ${w.days} days before ${report.asOf}: the pages show its figures as of ${w.value}`,
          fix: `add a measurement of ${w.metricId} dated closer to ${report.asOf} to measurements`,
        };
      case "cost-ledger-disagrees":
        return {
          ...at,
          value: String(w.actual),
          problem: `differs from the cost "${w.item}" in customer.json, which comes to ${w.costTotal} from its start up to its end (the end day not counted: end is exclusive); the packs use the actual, ${w.actual}`,
          fix: "correct whichever is wrong, so that the cost in customer.json and the financials row agree (a cost's end is the first day it no longer runs: one through 30 September 2026 ends 2026-10-01)",
        };
    }
  });
}

/**
 * The example rows `milepost init` wrote that are still in the data, one issue each: errors when `refuse` (building
 * the customer's copy), warnings otherwise (the internal copy, validate).
 */
export function exampleIssues(rows: ExampleRow[], dir: string, refuse: boolean): DataIssue[] {
  return rows.map((row) => ({
    severity: refuse ? "error" : "warning",
    code: "example-row",
    file: `${dir}/${row.file}`,
    ...(row.line === null ? {} : { line: row.line }),
    field: row.field,
    value: row.value,
    problem: refuse
      ? "is an example milepost init wrote; the customer's copy is not built while one remains"
      : "is an example milepost init wrote; the customer's copy will refuse it",
    fix: "replace it with the customer's data, or delete it",
  }));
}

/** A pack the customer's data cannot fill: an error when it was asked for by name, a warning when every pack was. */
export function packNeedsData(
  pack: { name: string },
  missing: { tables: string[]; engagementEnd: boolean },
  dir: string,
  requested: "one" | "all",
): DataIssue {
  const what = [
    ...missing.tables.map((t) => `${t}.csv (or ${t}.json)`),
    ...(missing.engagementEnd ? ["engagement.end in customer.json"] : []),
  ].join(" and ");
  return {
    severity: requested === "all" ? "warning" : "error",
    code: "pack-needs-data",
    file: dir,
    problem: `has no ${pack.name} pack: it needs ${what}`,
    fix: requested === "all" ? "add it to build this pack" : `add it, or build another pack with --pack`,
  };
}

/** A pack asked for with --pack on a date outside its window in the engagement (src/documents.ts, `due`). */
export function packNotDue(
  pack: { name: string; due?: { window: string } },
  start: string,
  asOf: string,
  dir: string,
  requested: "one" | "several" = "one",
): DataIssue {
  return {
    severity: requested === "one" ? "error" : "warning",
    code: "pack-not-due",
    file: dir,
    problem: `has no ${pack.name} pack as of ${asOf}: it is built ${pack.due?.window} (${start})`,
    fix:
      requested === "one"
        ? "build it with --as-of a date in that window, or build another pack with --pack"
        : "the other packs asked for are built",
  };
}

/** A build of every pack on a date no pack is due: the engagement starts more than 30 days after it. */
export function noPackDue(
  packs: { name: string; due?: { window: string } }[],
  start: string,
  asOf: string,
  dir: string,
): DataIssue {
  const windows = packs.filter((p) => p.due).map((p) => `the ${p.name} pack ${p.due!.window}`);
  const listed = windows.length > 1 ? `${windows.slice(0, -1).join(", ")} and ${windows.at(-1)}` : windows[0];
  return {
    severity: "error",
    code: "no-pack-due",
    file: dir,
    problem: `has no pack to build as of ${asOf}: the engagement starts ${start}; ${listed.replace(" pack ", " pack is built ")}`,
    fix: "build with --as-of a date in one of these windows, or correct engagement.start in customer.json",
  };
}

/** A pack asked for with --pack whose document this customer's report has nothing for (src/documents.ts, `applies`). */
export function packNotApplicable(
  pack: { name: string; applies?: { needs: string } },
  dir: string,
  requested: "one" | "several",
): DataIssue {
  return {
    severity: requested === "one" ? "error" : "warning",
    code: "pack-not-applicable",
    file: dir,
    problem: `has no ${pack.name} pack: it is written for ${pack.applies?.needs}`,
    fix: requested === "one" ? "build another pack with --pack" : "the other packs asked for are built",
  };
}

/** A PDF Chromium did not print; `pdf` is its path in the output, e.g. "acme/acme-qbr-2026-Q3.pdf". */
export function printFailed(slug: string, pdf: string, err: Error): DataIssue {
  return err instanceof BrowserStopped
    ? {
        severity: "error",
        code: "browser-stopped",
        file: pdf,
        problem: "was not printed: Chromium stopped while printing it",
        fix: `${slug} keeps its previous output; build ${slug} again, and if Chromium stops again, run with --debug`,
      }
    : {
        severity: "error",
        code: "pdf-failed",
        file: pdf,
        problem: `could not be printed (${err.message})`,
        fix: "run again with --debug; if it persists, report it with the data folder",
      };
}

/** A customer's output folder the disk refused. */
export function notWritten(folder: string, disk: { title: string; hint: string }): DataIssue {
  return {
    severity: "error",
    code: "not-written",
    file: folder,
    problem: `could not be written: ${disk.title.toLowerCase()}`,
    fix: disk.hint,
  };
}

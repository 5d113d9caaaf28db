// Writes the book of business into <out>/portfolio/ after a build of every customer: index.html (the sortable
// table), portfolio.css and portfolio.js (its script, bundled here), portfolio.csv, print.html and portfolio.pdf
// (the CS lead's one page). It reads manifest.json and each customer's report.json, nothing else; it is internal,
// and milepost publish refuses it (book-of-business). Swapped in whole, like a customer's folder.
import { copyFile, link, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { MilepostError } from "../errors.ts";
import type { PrintJob } from "../pdf.ts";
import { readManifest } from "../publish.ts";
import { portfolioPage, portfolioPrint } from "./page.ts";
import { portfolioCsv, portfolioRow, type PortfolioReport, type PortfolioRow } from "./rows.ts";

/** The book's folder in the output folder. */
export const PORTFOLIO_DIR = "portfolio";
/** The files of the book. */
export const PORTFOLIO_FILES = ["index.html", "portfolio.csv", "portfolio.pdf"] as const;

/** Prints one job of the folder `root`; resolves to the error when it was not printed. */
export type PrintOne = (root: string, job: PrintJob) => Promise<Error | null>;

let script: Promise<string> | undefined;

/** portfolio.js: src/portfolio/script.ts and what it imports, bundled once per process. */
function bundle(): Promise<string> {
  script ??= import("esbuild").then(async ({ build }) => {
    const out = await build({
      entryPoints: [join(import.meta.dirname, "script.ts")],
      bundle: true,
      format: "iife",
      target: "es2022",
      minify: true,
      write: false,
      legalComments: "none",
    });
    return out.outputFiles[0].text;
  });
  return script;
}

/** Every customer of `outDir`'s manifest, in slug order, with the figures of its report.json. */
export async function portfolioRows(outDir: string): Promise<PortfolioRow[]> {
  const rows: PortfolioRow[] = [];
  for (const entry of await readManifest(outDir)) {
    const report = entry.report
      ? await readFile(join(outDir, entry.report), "utf8").then(
          (text) => JSON.parse(text) as PortfolioReport,
          () => null,
        )
      : null;
    rows.push(portfolioRow(entry, report));
  }
  return rows.sort((a, b) => a.slug.localeCompare(b.slug));
}

/**
 * Writes `outDir/portfolio/`. The PDF is printed with `print` unless the one-page brief is the same as the
 * folder's already (its print.html unchanged): then the PDF is kept and no browser starts. Without `print`
 * (--no-pdf) a PDF of another brief is not kept.
 */
export async function writePortfolio(outDir: string, print: PrintOne | null): Promise<PortfolioRow[]> {
  const rows = await portfolioRows(outDir);
  if (rows.some((r) => r.slug === PORTFOLIO_DIR))
    throw new MilepostError(
      "A customer is named portfolio",
      `${join(outDir, PORTFOLIO_DIR)} is the book of business, so a customer folder cannot have that name.`,
      "rename the customer's data folder (e.g. portfolio-inc) and build again",
    );
  const target = join(outDir, PORTFOLIO_DIR);
  const stage = join(outDir, `.new-${PORTFOLIO_DIR}-${process.pid}`);
  await rm(stage, { recursive: true, force: true });
  await mkdir(stage);
  try {
    const brief = portfolioPrint(rows);
    const before = await readFile(join(target, "print.html"), "utf8").catch(() => null);
    const kept =
      before === brief &&
      (await link(join(target, "portfolio.pdf"), join(stage, "portfolio.pdf"))
        .catch(() => copyFile(join(target, "portfolio.pdf"), join(stage, "portfolio.pdf")))
        .then(
          () => true,
          () => false,
        ));
    await writeFile(join(stage, "print.html"), brief);
    await writeFile(join(stage, "portfolio.css"), await readFile(join(import.meta.dirname, "portfolio.css")));
    await writeFile(join(stage, "portfolio.js"), await bundle());
    await writeFile(join(stage, "portfolio.csv"), portfolioCsv(rows));
    const asOf = rows.reduce((a, r) => (r.asOf && r.asOf > a ? r.asOf : a), "1970-01-01");
    let pdf = kept;
    if (!kept && print) {
      const job = { path: "print.html", out: join(stage, "portfolio.pdf"), paper: "a4" as const, date: asOf };
      const err = await print(stage, job);
      if (err)
        throw new MilepostError(
          "The book of business was not printed",
          `${join(target, "portfolio.pdf")}: ${err.message}`,
          "build again with --all; the customers' folders are written already",
          { cause: err },
        );
      pdf = true;
    }
    await writeFile(join(stage, "index.html"), portfolioPage(rows, pdf));
    const old = join(outDir, `.old-${PORTFOLIO_DIR}-${process.pid}`);
    await rename(target, old).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== "ENOENT") throw err;
    });
    await rename(stage, target);
    await rm(old, { recursive: true, force: true });
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
  return rows;
}

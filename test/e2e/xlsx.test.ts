// The XLSX corpus: the acme customer's metrics and measurements as a workbook, written by exceljs
// and again by LibreOffice (the same cells saved by Calc), read cell by cell type and format:
// percent cells in % columns × 100, date cells as dates, formulas by their saved result, Excel
// errors located, text that looks like a number read in the customer's numberFormat.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.ts";
import { formatIssue } from "../../src/errors.ts";
import { initCustomer } from "../../src/init.ts";

const ACME = join(import.meta.dirname, "..", "fixtures", "data", "acme");
const roots: string[] = [];
afterAll(() => Promise.all(roots.map((r) => rm(r, { recursive: true, force: true }))));

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A CSV of the acme fixture as rows of strings, header first. */
async function acmeRows(table: string): Promise<string[][]> {
  return (await readFile(join(ACME, `${table}.csv`), "utf8"))
    .trim()
    .split("\n")
    .map((l) => l.split(","));
}

type Cell = ExcelJS.CellValue | { value: ExcelJS.CellValue; numFmt: string };

/** Writes `sheets` (name → rows of cells; a cell may carry its number format) as an exceljs workbook. */
async function writeBook(file: string, sheets: Record<string, Cell[][]>) {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const target = sheet.getCell(r + 1, c + 1);
        if (cell && typeof cell === "object" && "numFmt" in cell) {
          target.value = cell.value;
          target.numFmt = cell.numFmt;
        } else {
          target.value = cell as ExcelJS.CellValue;
          if (cell instanceof Date) target.numFmt = "yyyy-mm-dd";
        }
      }),
    );
  }
  await book.xlsx.writeFile(file);
}

/** The same workbook saved again by LibreOffice Calc (scripts/setup-tests.sh installs it). */
async function throughLibreOffice(file: string): Promise<string> {
  const out = join(file, "..", "libreoffice");
  await mkdir(out, { recursive: true });
  await promisify(execFile)(
    "soffice",
    [`-env:UserInstallation=file://${out}/profile`, "--headless", "--convert-to", "xlsx", "--outdir", out, file],
    { timeout: 120_000 },
  );
  return join(out, "customer.xlsx");
}

/** The acme workbook with `metrics` and `measurements` sheets: the good cells, or each kind of bad one. */
async function acmeSheets(bad: boolean): Promise<Record<string, Cell[][]>> {
  const metrics: Cell[][] = (await acmeRows("metrics")).map((row, i) => {
    if (i === 0) return row;
    const cells: Cell[] = row.map((v) => (/^\d+(\.\d+)?$/.test(v) ? Number(v) : v));
    cells[6] = day(row[6]); // baseline_date: a date cell
    cells[8] = day(row[8]);
    if (row[0] === "m2") {
      cells[5] = { value: 0.71, numFmt: "0%" }; // 71 % typed in a percent cell: stored 0.71
      cells[7] = { value: 0.9, numFmt: "0.0%" };
    }
    if (row[0] === "m1") cells[7] = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
    if (row[0] === "m1" && bad) cells[5] = { value: 0.15, numFmt: "0%" }; // a percent cell in an hours column
    if (row[0] === "m3" && bad) cells[5] = "1.234,5"; // text in another number format
    return cells;
  });
  const measurements: Cell[][] = (await acmeRows("measurements")).map((row, i) => {
    if (i === 0) return row;
    const cells: Cell[] = [row[0], day(row[1]), Number(row[2]), row[3], row[4] ?? ""];
    if (row[0] === "m2") cells[2] = { value: Number(row[2]) / 100, numFmt: "0.0%" };
    if (row[0] === "m3" && row[1] === "2025-12-01") cells[2] = "34"; // a number stored as text
    if (bad && row[0] === "m3" && row[1] === "2026-02-01")
      cells[2] = { formula: "#REF!+1", result: { error: "#REF!" } } as ExcelJS.CellFormulaValue;
    if (bad && row[0] === "m3" && row[1] === "2026-04-01")
      cells[2] = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    return cells;
  });
  return { metrics, measurements };
}

/** Validates acme with its metrics and measurements from `workbook`. */
async function validateWith(workbook: (file: string) => Promise<string>, bad: boolean) {
  const root = await mkdtemp(join(tmpdir(), "milepost-xlsx-"));
  roots.push(root);
  const dir = join(root, "data", "acme");
  await cp(ACME, dir, { recursive: true });
  await rm(join(dir, "metrics.csv"));
  await rm(join(dir, "measurements.csv"));
  const written = join(root, "customer.xlsx");
  await writeBook(written, await acmeSheets(bad));
  await cp(await workbook(written), join(dir, "customer.xlsx"));
  const [result] = await build({
    dataDir: join(root, "data"),
    contentDir: join(root, "content"),
    outDir: join(root, "dist"),
    customers: ["acme"],
    pack: "all",
    asOf: "2026-09-30",
    period: "2026-Q3",
    pdf: false,
    dryRun: true,
  });
  const shown = relative(process.cwd(), join(root, "data"));
  return { result, lines: result.issues.map((i) => `${i.severity}  ${formatIssue(i)}`.replaceAll(shown, "data")) };
}

const writers = {
  exceljs: async (file: string) => file,
  LibreOffice: throughLibreOffice,
};

describe.each(Object.entries(writers))("a workbook written by %s", (_, writer) => {
  it("reads percent, date, formula and text-number cells as meant", async () => {
    const { result, lines } = await validateWith(writer, false);
    expect(result.status, lines.join("\n")).toBe("built");
    const m = (id: string) => result.report!.metrics.find((x) => x.id === id)!;
    expect(m("m2")).toMatchObject({ baseline: 71, target: 90, current: 80.5, currentDate: "2026-09-01" });
    expect(m("m1")).toMatchObject({ target: 2, baselineDate: "2025-10-01" });
    expect(m("m3").series.map((p) => p.value)).toContain(34);
    expect(lines.filter((l) => l.startsWith("error"))).toEqual([]);
    expect(lines).toContain(
      'warning  data/acme/customer.xlsx, sheet metrics, row 3 baseline: "71%" was read as 71, without its % — nothing to do if that is right; write plain numbers to leave the % sign out',
    );
  });

  it("locates error cells, a percent cell outside a % column and a number in another format", async () => {
    const { result, lines } = await validateWith(writer, true);
    expect(result.status).toBe("failed");
    expect(lines.filter((l) => l.startsWith("error"))).toEqual([
      'error  data/acme/customer.xlsx, sheet measurements, row 18 value: "#REF!" is an Excel error, not a value (a formula that cannot be worked out) — correct the formula in Excel, or type the value, and save the workbook again',
      'error  data/acme/customer.xlsx, sheet measurements, row 19 value: "#DIV/0!" is an Excel error, not a value (a formula that cannot be worked out) — correct the formula in Excel, or type the value, and save the workbook again',
      'error  data/acme/customer.xlsx, sheet metrics, row 2 baseline: "15%" is not a number — write 15 (without the % sign)',
      'error  data/acme/customer.xlsx, sheet metrics, row 4 baseline: "1.234,5" is not written in numberFormat 1,234.5 — write 1234.5 (or set "numberFormat": "1.234,5" for the customer)',
    ]);
  });
});

describe("a workbook's customer sheet and its list sheets", () => {
  it("reads dates in the sheet's dateFormat and names the sheet and row each value is on", async () => {
    const root = await mkdtemp(join(tmpdir(), "milepost-xlsx-customer-"));
    roots.push(root);
    const dataDir = join(root, "data");
    await initCustomer({ dataDir, slug: "us-co", locale: "en-US", xlsx: true, today: "2026-09-30" });
    const file = join(dataDir, "us-co", "customer.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const customer = book.getWorksheet("customer")!;
    const rowOf = (field: string) => {
      let found = 0;
      customer.eachRow((row, n) => {
        if (row.getCell(1).value === field) found = n;
      });
      return found || customer.rowCount + 1;
    };
    customer.getRow(rowOf("dateFormat")).values = ["dateFormat", "MDY"];
    customer.getRow(rowOf("engagement.end")).values = ["engagement.end", "03/31/2027"];
    const costs = book.getWorksheet("costs")!;
    costs.getRow(2).getCell(2).value = "twelve";
    await book.xlsx.writeFile(file);
    const [result] = await build({
      dataDir,
      contentDir: join(root, "content"),
      outDir: join(root, "dist"),
      customers: ["us-co"],
      pack: "all",
      asOf: "2026-09-30",
      period: null,
      pdf: false,
      dryRun: true,
    });
    const shown = relative(process.cwd(), dataDir);
    expect(
      result.issues.filter((i) => i.severity === "error").map((i) => formatIssue(i).replaceAll(shown, "data")),
    ).toEqual([
      'data/us-co/customer.xlsx, sheet costs, row 2 costs[0].amount: "twelve" is not a number — write a plain decimal number such as 12.5',
    ]);
  });
});

// milepost init: a new customer, as a folder of CSV files or one workbook, that validates as written;
// workbook errors name the workbook, sheet and row. Also --version and validate's folder flags.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.ts";
import { formatIssue } from "../../src/errors.ts";
import { initCustomer } from "../../src/init.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const BIN = join(ROOT, "bin", "milepost.js");
const TODAY = "2026-09-30";

async function milepost(args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function validate(dataDir: string, slug: string) {
  const [result] = await build(
    {
      dataDir,
      contentDir: join(dataDir, "..", "content"),
      outDir: join(dataDir, "..", "dist"),
      customers: [slug],
      pack: "all",
      asOf: TODAY,
      period: null,
      pdf: false,
      dryRun: true,
    },
    undefined,
  );
  return {
    result,
    lines: result.issues.map(formatIssue).map((l) => l.replace(relative(process.cwd(), dataDir), "data")),
  };
}

describe("initCustomer({dataDir, slug, locale, xlsx})", () => {
  it("writes every table with its header and one example row, which validates as written", async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), "milepost-init-")), "data");
    const written = await initCustomer({ dataDir, slug: "acme-au", locale: "en-AU", xlsx: false, today: TODAY });
    expect(written.map((f) => f.split("/").pop()).sort()).toEqual([
      "README.md",
      "actions.csv",
      "closeout.csv",
      "csat.csv",
      "customer.json",
      "deliverables.csv",
      "financials.csv",
      "handoff.json",
      "health.csv",
      "measurements.csv",
      "metrics.csv",
      "milestones.csv",
      "opportunities.csv",
      "retrospective.csv",
      "support.csv",
      "training.csv",
      "usage.csv",
    ]);
    const { result, lines } = await validate(dataDir, "acme-au");
    // Every example is marked, and validate names each (support.csv has no words to mark: its headers only).
    expect(result.issues.map((i) => [i.code, i.severity])).toEqual(Array(22).fill(["example-row", "warning"]));
    expect(lines[7]).toBe(
      "data/acme-au/milestones.csv:2 name: \"Weekly report under 6 hours [example]\" is an example milepost init wrote; the customer's copy will refuse it — replace it with the customer's data, or delete it",
    );
    expect(result.status).toBe("built");
    expect(result.report).toMatchObject({
      customer: { name: "Acme Au", locale: "en-AU", currency: "AUD" },
      metrics: [{ id: "m1", current: 8 }],
    });
    const dir = join(dataDir, "acme-au");
    const customer = JSON.parse(await readFile(join(dir, "customer.json"), "utf8"));
    expect(customer).toMatchObject({ dateFormat: "DMY", engagement: { start: "2026-08-01" } });
    expect(resolve(dir, customer.$schema)).toBe(join(ROOT, "schemas", "customer.schema.json"));
    expect(await readFile(join(dir, "metrics.csv"), "utf8")).toBe(
      "id,name,category,unit,direction,baseline,baseline_date,target,target_date,revised_target_date,value_per_unit,per,method,source,confirmed_by\nm1,Weekly report preparation [example],time,hours/week,down,12,2026-08-01,2,2027-01-28,,50,week,,,\n",
    );
    const readme = await readFile(join(dir, "README.md"), "utf8");
    expect(readme).toContain(
      "- `metrics.csv`: the outcomes you measure: one row per metric, with its baseline and target\n  - `id`: required\n",
    );
    expect(readme).toContain("  - `direction`: required; write one of: down, up\n");
  });

  it("writes one workbook with a sheet per table and notes on the headers; it validates, and its errors name workbook, sheet and row", async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), "milepost-init-")), "data");
    await initCustomer({ dataDir, slug: "taiwan-precision", locale: "zh-TW", xlsx: true, today: TODAY });
    const dir = join(dataDir, "taiwan-precision");
    expect((await readdir(dir)).sort()).toEqual(["README.md", "customer.xlsx", "evidence", "handoff.json"]);
    expect((await validate(dataDir, "taiwan-precision")).result.issues.map((i) => i.code)).toEqual(
      Array(22).fill("example-row"),
    );

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, "customer.xlsx"));
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "customer",
      "costs",
      "stakeholders",
      "goals",
      "metrics",
      "measurements",
      "milestones",
      "deliverables",
      "closeout",
      "training",
      "retrospective",
      "csat",
      "opportunities",
      "financials",
      "usage",
      "support",
      "actions",
      "health",
    ]);
    expect(book.getWorksheet("metrics")!.getCell("G1").note).toBe("required; a date, YYYY-MM-DD");
    // A spreadsheet owner's mistakes: a decimal comma, a word not allowed, a date typed as text, a bad customer field.
    const metrics = book.getWorksheet("metrics")!;
    metrics.getCell("F2").value = "12,5";
    metrics.getCell("E2").value = "sideways";
    metrics.addRow(["m2", "Defect rate", "quality", "%", "down", 4, "31/10/2026", 1, new Date("2027-06-30T00:00:00Z")]);
    const customer = book.getWorksheet("customer")!;
    customer.getCell("B5").value = "dd/mm";
    await book.xlsx.writeFile(join(dir, "customer.xlsx"));
    const { result, lines } = await validate(dataDir, "taiwan-precision");
    expect(result.status).toBe("failed");
    expect(lines).toEqual([
      'data/taiwan-precision/customer.xlsx, sheet customer, row 5 dateFormat: "dd/mm" is not one of the allowed values — write one of: DMY, MDY, YMD',
      'data/taiwan-precision/customer.xlsx, sheet metrics, row 2 direction: "sideways" is not one of the allowed values — write one of: down, up',
      'data/taiwan-precision/customer.xlsx, sheet metrics, row 2 baseline: "12,5" is not written in numberFormat 1,234.5 — write 12.5 (or set "numberFormat": "1.234,5" for the customer)',
      'data/taiwan-precision/customer.xlsx, sheet metrics, row 3 baseline_date: "31/10/2026" is not a date — write it as YYYY-MM-DD: 2026-10-31',
    ]);
  });
});

describe("milepost init, --version and validate's folders (CLI)", () => {
  it("starts a customer, refuses a folder that exists or a name that is no slug", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "milepost-init-cli-"));
    await mkdir(join(cwd, "data"));
    const first = await milepost(["init", "formosa", "--locale", "zh-TW"], cwd);
    expect(first).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("Wrote 17 files:\n  data/formosa/README.md\n"),
    });
    expect(await milepost(["validate", "formosa"], cwd)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("✓ formosa — valid"),
    });
    expect(await milepost(["init", "formosa"], cwd)).toMatchObject({
      code: 2,
      stderr: `milepost: ${join(cwd, "data", "formosa")} already exists\n  choose another slug, or delete the folder first\n`,
    });
    expect(await milepost(["init", "Acme Corp"], cwd)).toMatchObject({
      code: 2,
      stderr:
        'milepost: "Acme Corp" is not a customer slug\n  a slug is lowercase letters, digits and hyphens, e.g. milepost init acme-corp\n',
    });
  });

  it("starts a customer in a new language, and refuses a locale whose language milepost does not have", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "milepost-init-locale-"));
    await mkdir(join(cwd, "data"));
    expect(await milepost(["init", "nordwerk", "--locale", "de-DE"], cwd)).toMatchObject({ code: 0 });
    expect(JSON.parse(await readFile(join(cwd, "data", "nordwerk", "customer.json"), "utf8"))).toMatchObject({
      locale: "de-DE",
      currency: "EUR",
    });
    const languages =
      "write a locale of one of milepost's languages (en, ja, zh-TW, ms, de, fr, es, pt-BR, zh-CN, ko), e.g. en-GB, de-DE, fr-FR, es-ES, pt-BR, zh-CN, ko-KR";
    expect(await milepost(["init", "roma", "--locale", "it-IT"], cwd)).toMatchObject({
      code: 2,
      stderr: `milepost: --locale it-IT is a language milepost has no labels for\n  ${languages}\n`,
    });
    const file = join(cwd, "data", "nordwerk", "customer.json");
    await writeFile(file, (await readFile(file, "utf8")).replace('"de-DE"', '"it-IT"'));
    const run = await milepost(["validate", "nordwerk"], cwd);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `error  data/nordwerk/customer.json:4 locale: "it-IT" is a language milepost has no labels for — ${languages}`,
    );
  });

  it("prints its version", async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8"));
    expect(await milepost(["--version"], ROOT)).toMatchObject({
      code: 0,
      stdout: `milepost ${pkg.version}\nlanguages: en, ja, zh-TW, ms, de, fr, es, pt-BR, zh-CN, ko\n`,
    });
  });

  it("validates the folders given with --data and --as-of, naming them in every message", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "milepost-flags-"));
    await cp(join(ROOT, "test", "fixtures", "data", "acme"), join(cwd, "exports", "acme"), { recursive: true });
    const run = await milepost(
      ["validate", "--data", "exports", "--content", "narrative", "--as-of", "2026-09-30"],
      cwd,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "warning  exports/acme/milestones.csv:4 evidence: milestone ms3 is achieved without evidence; the pages mark it unverified — add a link or a file under exports/acme/evidence/ to its evidence column",
    );
    expect(run.stdout).not.toMatch(/\bdata\//);
    expect(dirname(BIN)).toBe(join(ROOT, "bin"));
  });
});

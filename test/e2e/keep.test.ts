// A build never removes output it was not asked to make (src/publish.ts, keepEarlierPdfs): a --no-pdf
// or narrower rebuild of the same period keeps the PDFs there, listed in manifest.json and marked
// stale once the customer's data changed since they were printed; --clean removes them.
import { cp, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { milepost, type Run } from "../support/cli.ts";
import { FIXTURES } from "../support/portfolio.ts";

let cwd: string;
const build = async (extra: string[]) => {
  const run: Run = await milepost(["build", "acme", "--pack", "qbr", "--period", "2026-Q3", ...extra], cwd);
  expect(run.code, run.stdout + run.stderr).toBe(0);
};
const entry = async () => JSON.parse(await readFile(join(cwd, "dist", "manifest.json"), "utf8")).customers[0];
const pdfsInFolder = async () => (await readdir(join(cwd, "dist", "acme"))).filter((n) => n.endsWith(".pdf")).sort();

const QBR = "acme-qbr-2026-Q3.pdf";
const FINANCE = "acme-qbr-finance-2026-Q3.pdf";

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), "milepost-keep-"));
  await cp(join(FIXTURES, "data", "acme"), join(cwd, "data", "acme"), { recursive: true });
});

it("keeps the period's PDFs through --no-pdf and narrower rebuilds, marks them stale when the data changed, and --clean removes them", async () => {
  await build(["--audience", "finance"]);
  expect(await pdfsInFolder()).toEqual([QBR, FINANCE]);
  const printed = await readFile(join(cwd, "dist", "acme", QBR));
  expect(await entry()).toMatchObject({ pdfs: [`acme/${QBR}`, `acme/${FINANCE}`] });
  expect((await entry()).stale).toBeUndefined();

  // The site alone, the data as it was: the PDFs stay, as they were, and are current.
  await build(["--no-pdf"]);
  expect(await pdfsInFolder()).toEqual([QBR, FINANCE]);
  expect(await readFile(join(cwd, "dist", "acme", QBR))).toEqual(printed);
  expect(await entry()).toMatchObject({ pdfs: [`acme/${QBR}`, `acme/${FINANCE}`] });
  expect((await entry()).stale).toBeUndefined();

  // The data changed, the site alone rebuilt: the PDFs stay, stale.
  const metrics = join(cwd, "data", "acme", "metrics.csv");
  await writeFile(
    metrics,
    (await readFile(metrics, "utf8")).replace("Weekly report preparation", "Monday pack preparation"),
  );
  await build(["--no-pdf"]);
  expect(await pdfsInFolder()).toEqual([QBR, FINANCE]);
  expect(await entry()).toMatchObject({
    pdfs: [`acme/${QBR}`, `acme/${FINANCE}`],
    stale: [`acme/${QBR}`, `acme/${FINANCE}`],
  });

  // Printed again without --audience: the QBR is new and current, the finance PDF kept and stale.
  await build([]);
  expect(await pdfsInFolder()).toEqual([QBR, FINANCE]);
  expect(await entry()).toMatchObject({ pdfs: [`acme/${QBR}`, `acme/${FINANCE}`], stale: [`acme/${FINANCE}`] });

  // --clean: the folder holds what this build made, nothing of this period besides.
  await build(["--no-pdf", "--clean"]);
  expect(await pdfsInFolder()).toEqual([]);
  expect(await entry()).toMatchObject({ pdfs: [] });
  expect((await entry()).stale).toBeUndefined();
});

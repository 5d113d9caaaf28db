import { mkdtemp, readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { earlierReport, keepEarlierReports, keptReports, reportsKeptFor } from "../../src/earlier.ts";

const report = (asOf: string, period: string | null) =>
  JSON.stringify({
    asOf,
    period,
    metrics: [],
    milestones: [],
    qbr: null,
    brief: { decisions: [], plan: { actions: [] } },
    actions: null,
  });

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "milepost-earlier-"));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe("keptReports(names)", () => {
  it("lists report-<period>.json and report-<date>.json only", () => {
    expect(
      keptReports(["report.json", "report-2026-Q2.json", "report-2026-05-15.json", "report-x.json", "a.pdf"]),
    ).toEqual(["report-2026-05-15.json", "report-2026-Q2.json"]);
  });
});

describe("earlierReport(folder, period)", () => {
  it("reads the latest report of a quarter before the one built: report.json itself, or a kept one", async () => {
    const dir = await folder({
      "report.json": report("2026-09-30", "2026-Q3"),
      "report-2026-Q1.json": report("2026-03-31", "2026-Q1"),
      "report-2026-Q2.json": report("2026-06-30", "2026-Q2"),
      "report-2026-12-31.json": "not json",
    });
    expect((await earlierReport(dir, "2026-Q4"))?.period).toBe("2026-Q3");
    expect((await earlierReport(dir, "2026-Q3"))?.period).toBe("2026-Q2");
    expect(await earlierReport(dir, "2026-Q1")).toBeNull();
    expect(await earlierReport(dir, null)).toBeNull();
    expect(await earlierReport(join(dir, "missing"), "2026-Q4")).toBeNull();
  });
});

describe("keepEarlierReports(target, incoming, label)", () => {
  it("keeps the old report.json under its period, and the kept ones, never one of the period built", async () => {
    const target = await folder({
      "report.json": report("2026-06-30", "2026-Q2"),
      "report-2026-Q1.json": report("2026-03-31", "2026-Q1"),
      "report-2026-Q3.json": report("2026-09-30", "2026-Q3"),
    });
    const incoming = await mkdtemp(join(tmpdir(), "milepost-incoming-"));
    await mkdir(incoming, { recursive: true });
    await writeFile(join(incoming, "report.json"), report("2026-09-30", "2026-Q3"));
    expect(await reportsKeptFor(target, await readdir(target), "2026-Q3")).toEqual([
      "report-2026-Q1.json",
      "report-2026-Q2.json",
    ]);
    await keepEarlierReports(target, incoming, "2026-Q3");
    expect((await readdir(incoming)).sort()).toEqual(["report-2026-Q1.json", "report-2026-Q2.json", "report.json"]);
    expect(JSON.parse(await readFile(join(incoming, "report-2026-Q2.json"), "utf8")).asOf).toBe("2026-06-30");
  });
});

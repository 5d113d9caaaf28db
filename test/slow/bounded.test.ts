// A metric measured 200,000 times: the pages stay the size of a normal customer's, the figures
// are those of every row, a warning says what the charts show, and report.json has every point
// only when asked.
import { cp, mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build, defaultEffects } from "../../src/build.ts";
import type { Report } from "../../src/model/contract.ts";
import { milepost } from "../support/cli.ts";
import { FIXTURES } from "../support/portfolio.ts";

const COUNT = 200_000;

describe("a metric with 200,000 measurements", { timeout: 300_000 }, () => {
  it("is drawn from one point a week, with a warning; its figures are computed from every row", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "milepost-bounded-"));
    await cp(join(FIXTURES, "data", "acme"), join(cwd, "data", "acme"), { recursive: true });
    const file = join(cwd, "data", "acme", "measurements.csv");
    const rows = (await readFile(file, "utf8"))
      .trimEnd()
      .split("\n")
      .filter((line) => !line.startsWith("m1,"));
    const start = Date.UTC(2025, 9, 2);
    const days = 363; // 2025-10-02 to 2026-09-29
    for (let i = 0; i < COUNT; i++) {
      const date = new Date(start + Math.floor((i * days) / COUNT) * 86_400_000).toISOString().slice(0, 10);
      rows.push(`m1,${date},${(15 - (13 * i) / COUNT + ((i * 7919) % 200) / 100 - 1).toFixed(2)},Timesheets,`);
    }
    await writeFile(file, `${rows.join("\n")}\n`);

    const run = await milepost(["build", "acme", "--pack", "qbr", "--as-of", "2026-09-30", "--no-pdf"], cwd);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(
      `    warning  data/acme/measurements.csv metric_id: "m1" has 200,000 measurements: the charts and tables show the last of each week (53 points); every figure is computed from all of them — report.json lists every measurement with --full-series\n`,
    );
    const shown = JSON.parse(await readFile(join(cwd, "dist", "acme", "report.json"), "utf8")) as Report;
    expect(shown.metrics[0].series).toHaveLength(53);
    expect(shown.metrics[0].sources).toEqual(["metrics.csv:2", expect.stringMatching(/^measurements\.csv:[\d–, ]+$/)]);
    for (const page of ["index.html", "review.html", "print-qbr.html"])
      expect((await stat(join(cwd, "dist", "acme", page))).size, page).toBeLessThan(1_000_000);
    expect((await stat(join(cwd, "dist", "acme", "report.json"))).size).toBeLessThan(200_000);

    // The figures are those of every row: the same as computed with the full series.
    const [full] = await build(
      {
        dataDir: join(cwd, "data"),
        contentDir: join(cwd, "content"),
        outDir: join(cwd, "unused"),
        customers: ["acme"],
        pack: "qbr",
        asOf: "2026-09-30",
        period: null,
        pdf: false,
        dryRun: true,
        fullSeries: true,
      },
      { ...defaultEffects },
    );
    const figures = ({ series, sources, ...rest }: Report["metrics"][number]) => rest;
    expect(full.report!.metrics[0].series).toHaveLength(COUNT);
    expect(shown.metrics.map(figures)).toEqual(full.report!.metrics.map(figures));
    expect({ ...shown.roi, sources: [] }).toEqual({ ...full.report!.roi, sources: [] });

    const asked = await milepost(
      ["build", "acme", "--pack", "qbr", "--as-of", "2026-09-30", "--no-pdf", "--full-series", "--out", "full"],
      cwd,
    );
    expect(asked.code, asked.stdout + asked.stderr).toBe(0);
    expect(
      (JSON.parse(await readFile(join(cwd, "full", "acme", "report.json"), "utf8")) as Report).metrics[0].series,
    ).toHaveLength(COUNT);
  });
});

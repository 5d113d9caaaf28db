// The command line as a person runs it: exit codes, messages, and earlier output left intact.
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { milepost } from "../support/cli.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "data");

async function workspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "milepost-cli-"));
  await cp(join(FIXTURES, "acme"), join(dir, "data", "acme"), { recursive: true });
  return dir;
}

describe("milepost (CLI)", () => {
  it("prints help and exits 0; exits 2 on a usage mistake with a hint", async () => {
    const cwd = await workspace();
    expect(await milepost(["--help"], cwd)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("milepost build [slug…|--all]"),
    });
    expect(await milepost(["bild"], cwd)).toMatchObject({
      code: 2,
      stderr:
        'milepost: "bild" is not a milepost command\n  the commands are: validate, build, init, dev, merge, publish, share (see milepost --help)\n',
    });
    expect(await milepost(["build", "--all", "--period", "2026-Q5"], cwd)).toMatchObject({
      code: 2,
      stderr:
        "milepost: --period 2026-Q5 is not a quarter or a month\n  write the quarter as YYYY-Qn, e.g. --period 2026-Q3, or the month as YYYY-MM, e.g. --period 2026-10\n",
    });
    expect(await milepost(["build", "nobody"], cwd)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("There is no customer folder"),
    });
    expect(await milepost(["build"], cwd)).toMatchObject({ code: 2, stderr: expect.stringContaining("--all") });
    expect(await milepost(["build", "--all", "--frobnicate"], cwd)).toMatchObject({ code: 2 });
  });

  it("validates, and on a bad cell exits 1 naming file, line, field, value and fix", async () => {
    const cwd = await workspace();
    expect(await milepost(["validate", "--as-of", "2026-09-30"], cwd)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("✓ acme — valid"),
    });
    const metrics = join(cwd, "data", "acme", "metrics.csv");
    const lines = (await readFile(metrics, "utf8")).split("\n");
    lines[3] = lines[3].replace(",40,", ',"12,5",');
    await writeFile(metrics, lines.join("\n"));
    const run = await milepost(["validate", "acme"], cwd);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'error  data/acme/metrics.csv:4 baseline: "12,5" is not written in numberFormat 1,234.5 — write 12.5 (or set "numberFormat": "1.234,5" for the customer)',
    );
  });

  it("keeps the previous output of a customer whose data fails, and exits 1", async () => {
    const cwd = await workspace();
    const first = await milepost(["build", "acme", "--period", "2026-Q3", "--no-pdf"], cwd);
    expect(first.code, first.stderr + first.stdout).toBe(0);
    const before = await readFile(join(cwd, "dist", "acme", "report.json"), "utf8");
    const html = await readFile(join(cwd, "dist", "acme", "index.html"), "utf8");

    const measurements = join(cwd, "data", "acme", "measurements.csv");
    const rows = (await readFile(measurements, "utf8")).split("\n");
    rows[1] = rows[1].replace(",13,", ",12.5h,");
    await writeFile(measurements, rows.join("\n"));
    const second = await milepost(["build", "acme", "--period", "2026-Q3", "--no-pdf"], cwd);
    expect(second.code).toBe(1);
    expect(second.stdout).toContain("✗ acme — 1 error, previous output kept");
    expect(second.stdout).toContain(
      'data/acme/measurements.csv:2 value: "12.5h" is not a number — write 12.5 (without the unit)',
    );
    expect(await readFile(join(cwd, "dist", "acme", "report.json"), "utf8")).toBe(before);
    expect(await readFile(join(cwd, "dist", "acme", "index.html"), "utf8")).toBe(html);
  });

  it("refuses a day that does not exist as a usage mistake, with a hint (issue 12)", async () => {
    const cwd = await workspace();
    expect(await milepost(["build", "acme", "--as-of", "2026-02-31", "--no-pdf"], cwd)).toMatchObject({
      code: 2,
      stderr:
        "milepost: --as-of 2026-02-31 is not a date\n  write a day that exists as YYYY-MM-DD, e.g. --as-of 2026-09-30\n",
    });
  });

  it("refuses an as-of date after today and a quarter that has not started (issue 8)", async () => {
    const cwd = await workspace();
    const future = await milepost(["build", "acme", "--as-of", "2999-01-01", "--no-pdf"], cwd);
    expect(future.code).toBe(2);
    expect(future.stderr).toMatch(
      /^milepost: --as-of 2999-01-01 is after today \(\d{4}-\d{2}-\d{2}\)\n {2}figures can only be computed up to today: write --as-of \d{4}-\d{2}-\d{2} or an earlier day\n$/,
    );
    const quarter = await milepost(["build", "acme", "--period", "2999-Q1", "--no-pdf"], cwd);
    expect(quarter.code).toBe(2);
    expect(quarter.stderr).toContain("milepost: --period 2999-Q1 has not started yet");
  });

  it("takes today as the user's local date, not UTC's (issue 12)", async () => {
    const cwd = await workspace();
    // UTC+14 and UTC−11: at any hour of the day at least one of them is on another date than UTC.
    for (const zone of ["Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
      const run = await milepost(["validate", "acme", "--json"], cwd, { ...process.env, TZ: zone });
      const local = new Intl.DateTimeFormat("en-CA", {
        timeZone: zone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      }).format(new Date());
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).asOf, zone).toBe(local);
    }
  });
});

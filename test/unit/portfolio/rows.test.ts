import { describe, expect, it } from "vitest";
import { copyOf } from "../../../src/model/copy.ts";
import { buildReport } from "../../../src/model/report.ts";
import { CSV_COLUMNS, portfolioCsv, portfolioRow } from "../../../src/portfolio/rows.ts";
import type { ManifestEntry } from "../../../src/publish.ts";
import { cost, customer, customerData, measurement, metric, milestone } from "../model/factories.ts";

const entry = (over: Partial<ManifestEntry> = {}): ManifestEntry => ({
  slug: "acme",
  name: "Acme Corp",
  status: "built",
  asOf: "2026-09-30",
  period: "2026-Q3",
  health: "yellow",
  site: "acme/index.html",
  report: "acme/report.json",
  pdfs: [],
  earlier: [],
  ...over,
});

const line = (file: string, n: number) => ({ file, line: n });

/** Acme as of 2026-09-30: a monetized metric, a milestone, a contract with seats, an overdue action. */
const report = copyOf(
  buildReport(
    customerData({
      customer: customer({
        csm: { name: "Jordan Hale" },
        costs: [cost({ amount: 1000, per: "month", start: "2026-01-01" })],
        contract: { start: "2026-01-01", end: "2026-12-31", seats: 50 },
      }),
      metrics: [metric({ value_per_unit: 100, per: "week" })],
      measurements: [measurement("2026-03-31", 10, { source: "ops log" }), measurement("2026-08-31", 4)],
      milestones: [milestone({ metric_id: "M1", threshold: 10, target_date: "2026-04-30" })],
      usage: [{ date: "2026-09-01", measure: "active users", value: 40, src: line("usage.csv", 2) }],
      actions: [
        {
          commitment: "Send the export",
          owner: "Dana",
          side: "customer",
          due: "2026-09-01",
          status: "open",
          src: line("actions.csv", 2),
        },
      ],
      present: ["metrics", "measurements", "milestones", "usage", "actions"],
    }),
    { asOf: "2026-09-30", period: "2026-Q3" },
  ),
  "customer",
);

describe("portfolioRow(entry, report)", () => {
  const row = portfolioRow(entry(), report);

  it("reads each figure from report.json and its ledger", () => {
    const verdict = (item: string) => report.verdicts.find((v) => v.item === item)?.verdict;
    expect(row).toMatchObject({
      slug: "acme",
      name: "Acme Corp",
      csm: "Jordan Hale",
      status: "built",
      currency: "USD",
      health: verdict("health"),
      valueClaimed: report.roi.valueToDate,
      valueVerified: report.roi.verifiedValueToDate,
      roi: report.roi.roi,
      payback: verdict("payback"),
      renewalDate: "2026-12-31",
      daysToRenewal: report.contract!.daysToRenewal,
      seatUse: 0.8,
      seatsUsed: 40,
      seats: 50,
      overdueActions: 1,
      asOf: "2026-09-30",
      latestData: "2026-08-31",
      warnings: report.warnings.length,
    });
  });

  it("counts page one's decisions and gives the earliest decide-by date of the ledger", () => {
    const decideBy = report.verdicts.filter((v) => v.item.startsWith("decide-by:")).map((v) => v.verdict);
    expect(row.decisions).toBe(report.verdicts.filter((v) => v.item.startsWith("decision:")).length);
    expect(row.decideBy).toBe(decideBy.length ? [...decideBy].sort()[0] : null);
  });

  it("keeps only the name and status of a customer whose build failed", () => {
    const failed = portfolioRow(entry({ status: "failed", asOf: null, report: null, site: null }), null);
    expect(failed).toMatchObject({ name: "Acme Corp", status: "failed", health: null, valueClaimed: null, asOf: null });
  });
});

describe("portfolioCsv(rows)", () => {
  it("writes a header and one line per customer, empty where a figure does not exist", () => {
    const failed = portfolioRow(entry({ slug: "bare", name: "Bare, Inc.", status: "failed", asOf: null }), null);
    const lines = portfolioCsv([failed]).split("\r\n");
    expect(lines[0]).toBe(CSV_COLUMNS.join(","));
    expect(lines[1]).toBe(`bare,"Bare, Inc.",,failed${",".repeat(CSV_COLUMNS.length - 4)}`);
    expect(lines[2]).toBe("");
  });

  it("keeps a spreadsheet from reading a name as a formula", () => {
    const row = portfolioRow(entry({ name: "=HYPERLINK(1)" }), null);
    expect(portfolioCsv([row]).split("\r\n")[1]).toMatch(/^acme,'=HYPERLINK\(1\),/);
  });
});

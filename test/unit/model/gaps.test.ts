import { describe, expect, it } from "vitest";
import { EXAMPLE_MARK, exampleRows } from "../../../src/model/examples.ts";
import { dataGaps } from "../../../src/model/gaps.ts";
import { buildReport } from "../../../src/model/report.ts";
import { closeoutItem, customer, customerData, metric, milestone } from "./factories.ts";

describe("exampleRows(data, customerFile)", () => {
  it("finds every value marked [example], in customer.json (or the workbook), the tables and handoff.json", () => {
    const data = customerData({
      customer: customer({
        stakeholders: [{ name: `Alex Example ${EXAMPLE_MARK}`, role: "COO", audience: "executive" }],
      }),
      milestones: [
        milestone(),
        milestone({ id: "MS2", name: `Weekly report ${EXAMPLE_MARK}`, src: { file: "milestones.csv", line: 3 } }),
      ],
      handoff: {
        systems: [{ name: "CRM", owner: `Help desk ${EXAMPLE_MARK}` }],
        documentation: [],
        access: [],
        known_issues: [],
      },
    });
    expect(exampleRows(data)).toEqual([
      { file: "customer.json", line: null, field: "stakeholders[0].name", value: "Alex Example [example]" },
      { file: "milestones.csv", line: 3, field: "name", value: "Weekly report [example]" },
      { file: "handoff.json", line: null, field: "systems[0].owner", value: "Help desk [example]" },
    ]);
    expect(exampleRows(data, "customer.xlsx[customer]")[0].file).toBe("customer.xlsx[customer]");
    expect(exampleRows(customerData({ milestones: [milestone()] }))).toEqual([]);
  });
});

describe("dataGaps(data, report)", () => {
  const asOf = { asOf: "2026-09-30", period: "2026-Q3" };

  it("names each missing table and each empty milestone field by file, line and field", () => {
    const data = customerData({
      metrics: [metric()],
      milestones: [milestone({ owner: "Kim", confidence: "high", definition: "Done.", measurement: "Seen." })],
      present: ["metrics", "milestones"],
    });
    const gaps = dataGaps(data, buildReport(data, asOf));
    expect(gaps.map((g) => [g.kind, g.pack, g.file, g.line, g.field, g.item])).toEqual([
      ["table", "qbr", "measurements.csv", null, null, null],
      ["table", "qbr", "customer.json", null, "costs", null],
      ["table", "qbr", "customer.json", null, "stakeholders", null],
      ["field", "qbr", "milestones.csv", 2, "business_impact", "Reporting automated"],
      ["field", "qbr", "milestones.csv", 2, "next_steps", "Reporting automated"],
    ]);
  });

  it("adds the close-out's once the engagement has an end: goals, the standard checklist, handoff, tables, owners", () => {
    const ended = customer({
      engagement: { name: "Rollout", start: "2026-01-01", end: "2026-08-31", closeoutDays: 30 },
      costs: [{ item: "Fee", amount: 100, per: "once", start: "2026-01-01" }],
      stakeholders: [{ name: "Kim", role: "CFO", audience: "finance" }],
    });
    const withTable = customerData({
      customer: ended,
      closeout: [closeoutItem(), closeoutItem({ item: "Retro", owner: "Kim", src: { file: "closeout.csv", line: 3 } })],
      present: ["metrics", "measurements", "milestones", "closeout", "training", "retrospective", "csat", "financials"],
    });
    expect(
      dataGaps(withTable, buildReport(withTable, asOf)).map((g) => [g.kind, g.pack, g.file, g.line, g.field]),
    ).toEqual([
      ["table", "closeout", "customer.json", null, "goals"],
      ["field", "closeout", "closeout.csv", 2, "owner"],
      ["table", "closeout", "handoff.json", null, null],
      ["table", "closeout", "opportunities.csv", null, null],
    ]);
    const standard = customerData({ customer: ended, present: ["metrics", "measurements", "milestones"] });
    expect(dataGaps(standard, buildReport(standard, asOf)).filter((g) => g.kind === "standard")).toEqual([
      { kind: "standard", pack: "closeout", file: "closeout.csv", line: null, field: null, item: null },
    ]);
  });

  it("lists init's example rows first", () => {
    const data = customerData({
      metrics: [metric({ name: `Report time ${EXAMPLE_MARK}` })],
      present: ["metrics", "measurements", "milestones"],
    });
    expect(dataGaps(data, buildReport(data, asOf))[0]).toEqual({
      kind: "example",
      pack: "qbr",
      file: "metrics.csv",
      line: 2,
      field: "name",
      item: "Report time [example]",
    });
  });
});

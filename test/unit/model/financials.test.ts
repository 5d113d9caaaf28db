import { describe, expect, it } from "vitest";
import { reconcile } from "../../../src/model/financials.ts";
import { financial } from "./factories.ts";

describe("reconcile(rows)", () => {
  it("gives variance = actual − budget and outstanding = invoiced − paid, with totals", () => {
    const f = reconcile([
      financial({
        item: "Build",
        budget: 10000,
        actual: 11000,
        invoiced: 11000,
        paid: 8000,
        src: { file: "financials.csv", line: 2 },
      }),
      financial({ item: "Training", budget: 2000, actual: 1500, invoiced: 1500 }),
      financial({ item: "Travel", budget: 500, actual: 400 }),
    ]);
    expect(f.lines[0]).toEqual({
      item: "Build",
      budget: 10000,
      actual: 11000,
      variance: 1000,
      invoiced: 11000,
      paid: 8000,
      outstanding: 3000,
      source: "financials.csv:2",
    });
    expect(f.lines[1]).toMatchObject({ variance: -500, outstanding: null });
    expect(f.lines[2]).toMatchObject({ variance: -100, invoiced: null, paid: null, outstanding: null });
    expect(f.totals).toEqual({
      budget: 12500,
      actual: 12900,
      variance: 400,
      invoiced: 12500,
      paid: 8000,
      outstanding: 3000,
    });
  });

  it("has null totals for columns no line gives", () => {
    expect(reconcile([financial()]).totals).toMatchObject({ invoiced: null, paid: null, outstanding: null });
    expect(reconcile([]).totals).toEqual({
      budget: 0,
      actual: 0,
      variance: 0,
      invoiced: null,
      paid: null,
      outstanding: null,
    });
  });
});

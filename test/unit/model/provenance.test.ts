import { describe, expect, it } from "vitest";
import { compactSources } from "../../../src/model/provenance.ts";

describe("compactSources(refs)", () => {
  it("groups rows by file in first-seen order, consecutive lines as ranges", () => {
    expect(
      compactSources([
        "metrics.csv:2",
        "measurements.csv:4",
        "measurements.csv:2",
        "measurements.csv:3",
        "measurements.csv:9",
      ]),
    ).toEqual(["metrics.csv:2", "measurements.csv:2–4, 9"]);
  });

  it("keeps a file reference without a line, and drops repeats", () => {
    expect(compactSources(["customer.json", "metrics.csv:2", "metrics.csv:2", "customer.json"])).toEqual([
      "customer.json",
      "metrics.csv:2",
    ]);
  });

  it("is empty for no rows", () => {
    expect(compactSources([])).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { figureProblem, narrativeError, stampSources } from "../../src/narrative-tags.ts";

describe("stampSources(text, file)", () => {
  it("stamps each figure tag with its file and line", () => {
    const mdx = 'Hours are <Metric id="m1" />.\n\n<Milestone id="ms3"/> and <Roi show="roi" />\n<Metric\n  id="m2" />';
    expect(stampSources(mdx, "content/acme/summary.mdx")).toBe(
      'Hours are <Metric source="content/acme/summary.mdx:1" id="m1" />.\n\n' +
        '<Milestone source="content/acme/summary.mdx:3" id="ms3"/> and <Roi source="content/acme/summary.mdx:3" show="roi" />\n' +
        '<Metric source="content/acme/summary.mdx:4"\n  id="m2" />',
    );
  });

  it("leaves fenced code and other tags alone", () => {
    const mdx = '```mdx\n<Metric id="m1" />\n```\n<Metrics id="x" /> <MetricCard />';
    expect(stampSources(mdx, "a.mdx")).toBe(mdx);
  });
});

describe("figureProblem(tag, attributes, report) and narrativeError(source, problem)", () => {
  const report = {
    customer: { name: "Acme" },
    metrics: [
      { id: "m1", monetized: true },
      { id: "m2", monetized: false },
    ],
    milestones: [{ id: "ms1" }],
  } as unknown as Parameters<typeof figureProblem>[2];

  it("says where, what the tag names, and what to write instead", () => {
    expect(narrativeError("content/acme/summary.mdx:7", figureProblem("Metric", { id: "m9" }, report)!).message).toBe(
      'content/acme/summary.mdx:7: <Metric id="m9" /> names no metric of Acme — write one of: m1, m2',
    );
  });

  it("says which attribute is missing", () => {
    expect(narrativeError("a.mdx:1", figureProblem("Milestone", {}, report)!).message).toBe(
      'a.mdx:1: <Milestone /> needs id="…" — write one of: ms1',
    );
  });

  it("accepts the figures that exist and refuses a show= that does not", () => {
    expect(figureProblem("Metric", { id: "m1", show: "value" }, report)).toBeNull();
    expect(figureProblem("Roi", {}, report)).toBeNull();
    expect(figureProblem("Metric", { id: "m2", show: "value" }, report)).toEqual({
      written: '<Metric id="m2" show="value" />',
      problem: "names no money figure: m2 is not monetized",
      fix: "write one of: change, current, baseline, target, progress, name",
    });
    expect(figureProblem("Roi", { show: "npv" }, report)?.fix).toBe("write one of: value, cost, roi, payback, runRate");
  });
});

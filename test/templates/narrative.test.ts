import { describe, expect, it } from "vitest";
import { narrativeError, stampSources } from "../../templates/lib/narrative.ts";

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

describe("narrativeError(source, tag, attribute, value, what, choices)", () => {
  it("says where, what the tag names, and what to write instead", () => {
    expect(narrativeError("content/acme/summary.mdx:7", "Metric", "id", "m9", "metric of Acme", ["m1", "m2"]).message)
      .toBe('content/acme/summary.mdx:7: <Metric id="m9" /> names no metric of Acme — write one of: m1, m2');
  });

  it("says which attribute is missing", () => {
    expect(narrativeError("a.mdx:1", "Milestone", "id", undefined, "milestone", ["ms1"]).message).toBe('a.mdx:1: <Milestone /> needs id="…" — write one of: ms1');
  });
});

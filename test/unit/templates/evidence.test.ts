import { describe, expect, it } from "vitest";
import { evidenceItems } from "../../../templates/lib/evidence.ts";

describe("evidenceItems(entries)", () => {
  it("shows images, links other files and keeps web links as links, in the order given", () => {
    expect(evidenceItems(["evidence/chart.SVG", "https://wiki.example/ops/", "evidence/timesheets.xlsx"])).toEqual([
      { kind: "image", href: "files/evidence/chart.SVG", label: "chart.SVG" },
      { kind: "link", href: "https://wiki.example/ops/", label: "wiki.example/ops" },
      { kind: "file", href: "files/evidence/timesheets.xlsx", label: "timesheets.xlsx" },
    ]);
  });
});

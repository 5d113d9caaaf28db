import { describe, expect, it } from "vitest";
import { contrast, readable } from "../../../templates/lib/contrast.ts";

describe("contrast(a, b) and readable(colour)", () => {
  it("measures WCAG contrast", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it("darkens a light brand colour until links read at 4.5:1, and keeps a dark one", () => {
    for (const brand of ["#d9730d", "#0f8b8d", "#b83b5e", "#1f5fa8", "#ffe600"]) {
      const link = readable(brand);
      expect(contrast(link, "#f5f7fa"), brand).toBeGreaterThanOrEqual(4.5);
      expect(contrast(link, "#ffffff"), brand).toBeGreaterThanOrEqual(4.5);
    }
    expect(readable("#1f4e79")).toBe("#1f4e79");
  });
});

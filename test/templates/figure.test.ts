import { describe, expect, it } from "vitest";
import { translator } from "../../templates/i18n/index.ts";
import { figureAt, formatFigure } from "../../templates/lib/figure.ts";
import { formatter } from "../../templates/lib/format.ts";

const f = formatter("en-US", "USD");
const t = translator("en-US");

describe("formatFigure(f, t, format, value, options)", () => {
  it("writes numbers, money, percentages, dates and values with units", () => {
    expect(formatFigure(f, t, "money", 40393.01)).toBe("$40,393");
    expect(formatFigure(f, t, "percent", 0.4674)).toBe("47%");
    expect(formatFigure(f, t, "decimal2", 473.785)).toBe("473.79");
    expect(formatFigure(f, t, "date", "2026-07-07")).toBe("Jul 7, 2026");
    expect(formatFigure(f, t, "month", "2026-07-07")).toBe("Jul 2026");
    expect(formatFigure(f, t, "value", 2, { unit: "hours/week" })).toBe("2 hours/week");
    expect(formatFigure(f, t, "value", 80.5, { unit: "%" })).toBe("80.5%");
  });

  it("words a change vs baseline by its sign", () => {
    expect(formatFigure(f, t, "change", -0.8667)).toBe("down 87%");
    expect(formatFigure(f, t, "change", 0.1338)).toBe("up 13%");
    expect(formatFigure(f, t, "change", 0)).toBe("unchanged");
  });

  it("writes a label from its key prefix, and a dash for null", () => {
    expect(formatFigure(f, t, "label", "achieved", { label: "status" })).toBe("Achieved");
    expect(formatFigure(f, t, "label", null, { label: "status" })).toBe("—");
    expect(formatFigure(f, t, "date", null)).toBe("—");
  });
});

describe("figureAt(report, path)", () => {
  it("follows a dotted path, array items by index", () => {
    const report = { roi: { costs: [{ toDate: 1 }, { toDate: 2 }] }, nothing: null };
    expect(figureAt(report, "roi.costs.1.toDate")).toBe(2);
    expect(figureAt(report, "nothing")).toBeNull();
    expect(figureAt(report, "roi.missing")).toBeUndefined();
    expect(figureAt(report, "nothing.deeper")).toBeUndefined();
  });
});

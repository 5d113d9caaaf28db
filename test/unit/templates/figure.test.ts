import { describe, expect, it } from "vitest";
import { translator } from "../../../templates/i18n/index.ts";
import type { MetricFigures, MilestoneFigures } from "../../../src/model/contract.ts";
import { figureAt, formatFigure, lookup } from "../../../templates/lib/figure.ts";
import { formatter } from "../../../templates/lib/format.ts";

const f = formatter("en-US", "USD");
const t = translator("en-US");

describe("formatFigure(f, t, format, value, options)", () => {
  it("writes numbers, money, percentages, dates and values with units", () => {
    expect(formatFigure(f, t, "money", 40393.01)).toBe("US$40,393");
    expect(formatFigure(f, t, "moneyExact", 12.5)).toBe("US$12.50");
    expect(formatFigure(f, t, "moneyExact", 80)).toBe("US$80");
    expect(formatFigure(f, t, "percent", 0.4674)).toBe("47%");
    expect(formatFigure(f, t, "decimal2", 473.785)).toBe("473.79");
    expect(formatFigure(f, t, "date", "2026-07-07")).toBe("Jul 7, 2026");
    expect(formatFigure(f, t, "month", "2026-07-07")).toBe("Jul 2026");
    expect(formatFigure(f, t, "value", 2, { unit: "hours/week" })).toBe("2 hours/week");
    expect(formatFigure(f, t, "value", 80.5, { unit: "%" })).toBe("80.5%");
  });

  it("writes currencies unambiguously in each customer's locale, and negatives with the minus sign", () => {
    expect(formatter("zh-TW", "TWD").money(-1234)).toBe("\u2212NT$1,234");
    expect(formatter("ms-MY", "MYR").money(354288)).toBe("RM354,288"); // as Malaysian reports write it
    expect(formatter("ms-MY", "MYR").money(-686780, true)).toBe("\u2212RM686.8 ribu");
    expect(formatter("ja-JP", "JPY").money(4783573)).toBe("478万3,573円");
    expect(formatter("ja-JP", "JPY").money(-120_000_000)).toBe("\u22121億2,000万円");
    // One notation in a document: small amounts in 円 too, as the 万円 totals beside them, in the calculation's operands too.
    expect(formatter("ja-JP", "JPY").money(9800)).toBe("9,800円");
    expect(formatter("ja-JP", "JPY").moneyExact(4500)).toBe("4,500円");
    expect(formatter("ja-JP", "JPY").moneyExact(1_500_000)).toBe("150万円");
    expect(formatter("en-US", "JPY").money(4783573)).toBe("¥4,783,573");
    expect(formatter("en-US", "USD").money(-5)).toBe("\u2212US$5");
    expect(formatFigure(f, t, "percent", -0.35)).toBe("\u221235%");
    expect(formatFigure(f, t, "value", -3.5, { unit: "%" })).toBe("\u22123.5%");
  });

  it("writes months and units as local reports do: Malay Ogos where Intl writes Ogo, 120時間/週", () => {
    expect(formatter("ms-MY", "MYR").date("2026-08-31")).toBe("31 Ogos 2026");
    expect(formatter("ms-MY", "MYR").shortDate("2026-08-01")).toBe("Ogos 2026");
    expect(formatter("ms-MY", "MYR").date("2026-03-02")).toBe("2 Mac 2026");
    expect(formatter("ja-JP", "JPY").value(120, "時間/週")).toBe("120時間/週");
    expect(formatter("ja-JP", "JPY").value(3.5, "kg")).toBe("3.5 kg");
  });

  it("words a % metric's change in percentage points and a large rise as a multiple", () => {
    expect(formatFigure(f, t, "metricChange", { change: 0.1083, changePoints: 9.1, factor: null })).toBe("up 9.1 pp");
    expect(
      formatFigure(formatter("ja-JP", "JPY"), translator("ja-JP"), "metricChange", {
        change: 4.5333,
        changePoints: 68,
        factor: 5.5333,
      }),
    ).toBe("68ポイント増加");
    expect(formatFigure(f, t, "metricChange", { change: 4.5, changePoints: null, factor: 5.5 })).toBe("×5.5");
    expect(formatFigure(f, t, "metricChange", { change: -0.8667, changePoints: null, factor: null })).toBe("down 87%");
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

const report = {
  metrics: [{ id: "m1" }, { id: "m2" }, { id: "m1" }] as MetricFigures[],
  milestones: [{ id: "ms1" }, { id: "ms2" }] as MilestoneFigures[],
};

describe("lookup(report)", () => {
  it("finds a metric's and a milestone's index by id, the first when an id repeats", () => {
    const { metricAt, milestoneAt } = lookup(report);
    expect([metricAt("m1"), metricAt("m2"), milestoneAt("ms2")]).toEqual([0, 1, 1]);
  });

  it("is -1 for an id the report does not hold", () => {
    expect(lookup(report).metricAt("m9")).toBe(-1);
    expect(lookup(report).milestoneAt("m1")).toBe(-1);
  });

  it("gives the figures themselves, and the same lookups for the same report", () => {
    expect(lookup(report).milestone("ms2")).toBe(report.milestones[1]);
    expect(lookup(report).metric("m2")).toBe(report.metrics[1]);
    expect(lookup(report)).toBe(lookup(report));
  });
});

describe("formatter(locale, currency).currencySign()", () => {
  it("is the currency as the money figures write it, so a money axis names it the same way", () => {
    const sign = (locale: string, currency: string) => formatter(locale, currency).currencySign();
    expect(sign("en-US", "USD")).toBe("US$");
    expect(sign("ms-MY", "MYR")).toBe("RM");
    expect(sign("zh-TW", "TWD")).toBe("NT$");
    expect(sign("ja-JP", "JPY")).toBe("円");
    expect(sign("de-DE", "EUR")).toBe("€");
  });
});

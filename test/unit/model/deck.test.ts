// The deck's slide model over the golden report.json of every fixture and sample customer: slides in deck order,
// every figure the one at its path in report.json, every verdict the ledger's, long tables continued by one rule.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CopyReport } from "../../../src/model/copy.ts";
import { deckOf, fitParts, linesOf, parts, ROWS_PER_SLIDE, SLIDE_KINDS, type Slide } from "../../../src/model/deck.ts";
import { figureAt } from "../../../templates/lib/figure.ts";

const GOLDEN = join(import.meta.dirname, "..", "..", "golden");
const reports: { name: string; report: CopyReport }[] = ["sample", "fixtures"].flatMap((dir) =>
  readdirSync(join(GOLDEN, dir))
    .filter((f) => f.endsWith(".report.json"))
    .map((f) => ({
      name: `${dir}/${f}`,
      report: JSON.parse(readFileSync(join(GOLDEN, dir, f), "utf8")) as CopyReport,
    })),
);
const northwind = reports.find((r) => r.name === "sample/northwind-logistics.report.json")!.report;

/** Every {path, value} figure anywhere in `x`. */
function figures(x: unknown, out: { path: string; value: unknown }[] = []) {
  if (x === null || typeof x !== "object") return out;
  if ("path" in x && "value" in x && typeof x.path === "string") out.push({ path: x.path, value: x.value });
  for (const v of Object.values(x)) figures(v, out);
  return out;
}

/** Every {item, verdict} anywhere in `x`. */
function verdicts(x: unknown, out: { item: string; verdict: string }[] = []) {
  if (x === null || typeof x !== "object") return out;
  if ("item" in x && "verdict" in x && typeof x.item === "string")
    out.push({ item: x.item, verdict: x.verdict as string });
  for (const v of Object.values(x)) verdicts(v, out);
  return out;
}

const rowsOf = (s: Slide): number =>
  s.kind === "dashboard"
    ? s.milestones.length
    : "rows" in s
      ? s.rows.length
      : s.kind === "renewal"
        ? s.adoption.length
        : 0;

describe("parts(rows, max)", () => {
  it("splits a table over as few slides as hold it, balanced, the earlier slides taking the odd row", () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => i);
    expect(parts(rows(0), 3)).toEqual([]);
    expect(parts(rows(3), 3)).toEqual([[0, 1, 2]]);
    expect(parts(rows(4), 3)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(parts(rows(11), 10).map((p) => p.length)).toEqual([6, 5]);
    expect(parts(rows(23), 10).map((p) => p.length)).toEqual([8, 8, 7]);
    expect(parts(rows(23), 10).flat()).toEqual(rows(23));
  });
});

describe("linesOf(text, chars)", () => {
  it("counts the lines a text wraps to, between words, a wide character counting two", () => {
    expect(linesOf("", 10)).toBe(1);
    expect(linesOf("Shipment record accuracy at 95%", 36)).toBe(1);
    expect(linesOf("Shipment record accuracy at 95%", 20)).toBe(2);
    // A word longer than the line breaks where it must.
    expect(linesOf("Pembentangan", 5)).toBe(3);
    expect(linesOf("検査工数の削減", 10)).toBe(2);
    expect(linesOf("検査工数の削減", 14)).toBe(1);
  });
});

describe("fitParts(rows, max, cost, budget)", () => {
  it("adds a slide until each slide's rows fit the budget, and gives a row too big for any its own", () => {
    const id = (n: number) => n;
    expect(fitParts([1, 1, 1, 1], 10, id, 4)).toEqual([[1, 1, 1, 1]]);
    expect(fitParts([2, 2, 2, 2], 10, id, 4)).toEqual([
      [2, 2],
      [2, 2],
    ]);
    expect(fitParts([1, 1, 1, 5], 10, id, 4)).toEqual([[1], [1], [1], [5]]);
    expect(fitParts([1, 1, 1], 2, id, 10)).toEqual([[1, 1], [1]]);
  });
});

describe("deckOf(report)", () => {
  it("has no deck without a QBR period", () => {
    expect(deckOf({ ...northwind, period: null, qbr: null })).toBeNull();
  });

  it("lays northwind-logistics out as the issue lists: title, agenda, brief, value, one dashboard, one slide per headline outcome, risks, decisions, next quarter, voice, sources", () => {
    const deck = deckOf(northwind)!;
    expect(deck.period).toBe("2026-Q3");
    expect(deck.slides.map((s) => s.kind)).toEqual([
      "title",
      "agenda",
      "brief",
      "value",
      "dashboard",
      "outcome",
      "outcome",
      "outcome",
      "outcome",
      "outcome",
      "risks",
      "risks",
      "decisions",
      "next",
      "voice",
      "sources",
    ]);
    const agenda = deck.slides[1];
    expect(agenda.kind === "agenda" && agenda.items).toEqual([
      "brief",
      "value",
      "dashboard",
      "outcome",
      "risks",
      "decisions",
      "next",
      "voice",
    ]);
    const dashboard = deck.slides.find((s) => s.kind === "dashboard")!;
    if (dashboard.kind !== "dashboard") throw new Error("no dashboard");
    // Every milestone, by phase: early_win, foundation ×2, growth ×2, maturity ×2, strategic ×2.
    expect(dashboard.milestones.map((m) => m.id)).toEqual([
      "ms1",
      "ms2",
      "ms3",
      "ms4",
      "ms5",
      "ms6",
      "ms7",
      "ms8",
      "ms9",
    ]);
    expect(dashboard.milestones.find((m) => m.id === "ms5")).toMatchObject({
      status: "delayed",
      date: { path: "milestones.4.revisedTargetDate", value: "2026-12-15", kind: "revised" },
      verdict: { item: "milestone:ms5", verdict: "delayed" },
    });
    expect(dashboard.outcomes.map((o) => [o.id, o.target?.verdict])).toEqual([
      ["m1", "met"],
      ["m2", "missed"],
      ["m3", "open"],
      ["m4", "met"],
      ["m5", "missed"],
    ]);
    const risks = deck.slides.filter((s) => s.kind === "risks");
    expect(risks.map((s) => [s.part, s.parts, s.rows.length])).toEqual([
      [1, 2, 2],
      [2, 2, 2],
    ]);
    const m3 = risks.flatMap((s) => s.rows).find((r) => r.kind === "metric" && r.metric.id === "m3");
    expect(m3).toMatchObject({ status: "behind", verdict: { item: "forecast:m3", verdict: "behind" } });
    const decisions = deck.slides.find((s) => s.kind === "decisions")!;
    if (decisions.kind !== "decisions") throw new Error("no decisions");
    expect(decisions.rows.map((d) => [d.decision.kind, d.subject, d.by.value, d.decideBy?.verdict])).toEqual([
      ["expansion", northwind.opportunities[0].title, "2026-10-01", "2026-10-01"],
      ["milestone", "Marketing team active on the shared workspace", "2026-10-30", "2026-10-30"],
      ["metric", "Shipment record accuracy", "2026-10-30", "2026-10-30"],
    ]);
    const value = deck.slides.find((s) => s.kind === "value")!;
    expect(value).toMatchObject({ payback: { item: "payback", verdict: "claimed" }, chart: "payback" });
  });

  for (const { name, report } of reports) {
    const deck = deckOf(report);
    if (!deck) continue;

    it(`${name}: every figure is report.json's at its path, every verdict the ledger's`, () => {
      const figs = figures(deck.slides);
      expect(figs.length).toBeGreaterThan(0);
      for (const f of figs) expect(figureAt(report, f.path), f.path).toEqual(f.value);
      const ledger = new Map(report.verdicts.map((v) => [v.item, v.verdict]));
      for (const v of verdicts(deck.slides)) expect(v.verdict, v.item).toBe(ledger.get(v.item));
    });

    it(`${name}: slides in deck order, each table within its rows per slide, continued parts numbered`, () => {
      const order = deck.slides.map((s) => SLIDE_KINDS.indexOf(s.kind));
      expect(order).toEqual(order.toSorted((a, b) => a - b));
      expect(deck.slides.filter((s) => s.kind === "title" || s.kind === "agenda" || s.kind === "brief")).toHaveLength(
        3,
      );
      const max: Partial<Record<Slide["kind"], number>> = {
        dashboard: ROWS_PER_SLIDE.dashboard,
        risks: ROWS_PER_SLIDE.risks,
        decisions: ROWS_PER_SLIDE.decisions,
        next: ROWS_PER_SLIDE.next,
        renewal: ROWS_PER_SLIDE.adoption,
        sources: ROWS_PER_SLIDE.sources,
      };
      for (const s of deck.slides) {
        if (max[s.kind] !== undefined) expect(rowsOf(s), s.kind).toBeLessThanOrEqual(max[s.kind]!);
        if ("part" in s) {
          const same = deck.slides.filter((x) => x.kind === s.kind);
          expect(same.map((x) => ("part" in x ? x.part : 0))).toEqual(same.map((_, k) => k + 1));
          expect(s.parts).toBe(same.length);
        }
      }
      const outcomes = deck.slides.filter((s) => s.kind === "outcome").map((s) => s.metric.id);
      expect(outcomes).toEqual(report.headline);
      const dashboard = deck.slides.filter((s) => s.kind === "dashboard").flatMap((s) => s.milestones.map((m) => m.id));
      expect(dashboard.toSorted()).toEqual(report.milestones.map((m) => m.id).toSorted());
    });
  }

  it("continues a dashboard of 23 milestones over three slides, the outcomes' bars on the first", () => {
    const extra = Array.from({ length: 14 }, (_, i) => ({ ...northwind.milestones[i % 9], id: `x${i}` }));
    const many = [...northwind.milestones, ...extra];
    const deck = deckOf({ ...northwind, milestones: many, verdicts: [] })!;
    const dashboards = deck.slides.filter((s) => s.kind === "dashboard");
    expect(dashboards.map((s) => [s.part, s.parts, s.milestones.length, s.outcomes.length])).toEqual([
      [1, 3, 8, 5],
      [2, 3, 8, 0],
      [3, 3, 7, 0],
    ]);
  });
});

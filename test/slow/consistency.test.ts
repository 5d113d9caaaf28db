// What a CFO checks (issue 8): a quantity shown in the QBR and in the close-out is the same number, and every
// calculation printed step by step multiplies out from the operands as printed. Read from the fixture
// portfolio (test/support/portfolio.ts, as of 2026-09-30).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import type { Report } from "../../src/model/contract.ts";
import { readPdf } from "../support/pdf.ts";
import { decode } from "../support/files.ts";

const out = inject("portfolio");
const html = (slug: string, page: string) => readFile(join(out, slug, page), "utf8");
const report = async (slug: string) => JSON.parse(await html(slug, "report.json")) as Report;

interface Shown {
  path: string;
  format: string;
  classes: string[];
  text: string;
}

/** Every figure placed by Fig.astro in `page`, in page order. */
function figures(page: string): Shown[] {
  return [...page.matchAll(/<span([^>]*\sdata-figure="[^"]+"[^>]*)>([^<]*)<\/span>/g)].map(([, attrs, text]) => {
    const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
    return {
      path: attr("data-figure")!,
      format: attr("data-format")!,
      classes: (attr("class") ?? "").split(/\s+/).filter(Boolean),
      text: decode(text),
    };
  });
}

/** The number a figure shows: "−US$1,234.5" → −1234.5, "2,757 hours/week" → 2757, "15%" → 15. */
function number(text: string): number {
  // Large yen amounts are written in 億 and 万: "433万6,071円" → 4336071.
  const yen = /(?:(\d[\d,]*)億)?(?:(\d[\d,]*)万)?(\d[\d,]*)?円/.exec(text);
  if (yen && /[億万]/.test(yen[0])) {
    const [oku, man, rest] = yen.slice(1).map((d) => Number((d ?? "0").replace(/,/g, "")));
    const value = oku * 1e8 + man * 1e4 + rest;
    return /[−-]/.test(text.slice(0, yen.index)) ? -value : value;
  }
  const m = /\d[\d,]*(\.\d+)?/.exec(text);
  if (!m) throw new Error(`no number in ${JSON.stringify(text)}`);
  const value = Number(m[0].replace(/,/g, ""));
  return /[−-]/.test(text.slice(0, m.index)) ? -value : value;
}

/** Half a unit of the last digit a figure shows: "US$31,509" → 0.5, "12.5" → 0.05, "15%" → 0.5 (percentage points). */
function halfUlp(text: string): number {
  const m = /\d[\d,]*(\.(\d+))?/.exec(text)!;
  return 0.5 * 10 ** -(m[2]?.length ?? 0);
}

/** The blocks of a page marked data-calc="…", each with its kind and its figures. */
function calculations(page: string): { kind: string; figures: Shown[] }[] {
  const blocks: { kind: string; figures: Shown[] }[] = [];
  const re = /<(tr|li)([^>]*\sdata-calc="(\w+)"[^>]*)>([\s\S]*?)<\/\1>/g;
  for (const [, , , kind, body] of page.matchAll(re)) blocks.push({ kind, figures: figures(body) });
  return blocks;
}

describe("the QBR and the close-out state the same figures (acme, both packs as of 2026-09-30)", () => {
  it("prints every figure the two documents share identically", async () => {
    const qbr = figures(await html("acme", "print-qbr.html"));
    const closeout = figures(await html("acme", "print-closeout.html"));
    const byPath = new Map(qbr.map((f) => [`${f.path}|${f.format}`, f.text]));
    const shared = closeout.filter((f) => byPath.has(`${f.path}|${f.format}`));
    expect(shared.map((f) => f.path)).toContain("roi.costToDate");
    for (const f of shared) expect(f.text, f.path).toBe(byPath.get(`${f.path}|${f.format}`));
  });

  it("gives each goal's metrics the QBR's current value, date and progress", async () => {
    const r = await report("acme");
    const qbr = figures(await html("acme", "print-qbr.html"));
    const closeout = figures(await html("acme", "print-closeout.html"));
    const shownAt = (list: Shown[], path: string) => list.find((f) => f.path === path)?.text;
    let compared = 0;
    r.goalOutcomes!.goals.forEach((g, gi) =>
      g.metrics.forEach((gm, mi) => {
        const i = r.metrics.findIndex((m) => m.id === gm.id);
        expect([gm.value, gm.date, gm.progress]).toEqual([
          r.metrics[i].current,
          r.metrics[i].currentDate,
          r.metrics[i].progress,
        ]);
        const value = shownAt(closeout, `goalOutcomes.goals.${gi}.metrics.${mi}.value`);
        if (value !== undefined) {
          expect(value).toBe(shownAt(qbr, `metrics.${i}.current`));
          compared++;
        }
      }),
    );
    expect(compared).toBeGreaterThan(0);
  });

  it("states the QBR's total cost to date in the close-out's financial section, from one cost ledger", async () => {
    const r = await report("acme");
    const financials = (await html("acme", "print-closeout.html")).split('id="financials"')[1].split("</section>")[0];
    const ledger = figures(financials).filter((f) => f.path.startsWith("roi.costs."));
    expect(ledger.length).toBe(r.roi.costs.length);
    expect(figures(financials).find((f) => f.path === "roi.costToDate")?.text).toBe("US$35,027");
    // Every financials row is in the ledger: matched to its cost, or a one-off cost of its own.
    for (const line of r.financials!.lines)
      expect(r.roi.costs.some((c) => c.item === line.item && c.basis !== "cost")).toBe(true);
    const [qbrPdf, closeoutPdf] = await Promise.all([
      readPdf(join(out, "acme", "acme-qbr-2026-Q3.pdf")),
      readPdf(join(out, "acme", "acme-closeout-2026-Q3.pdf")),
    ]);
    expect(qbrPdf.pages.join("\n")).toContain("US$35,027");
    expect(closeoutPdf.pages.join("\n")).toContain("US$35,027");
  });
});

describe("every printed calculation multiplies out from its printed operands", () => {
  it.each(["acme", "kiso-kogyo", "closeout-triage"])("%s", async (slug) => {
    const page = await html(slug, "print-qbr.html");
    const blocks = calculations(page);
    expect(blocks.length, "calculation rows").toBeGreaterThan(0);
    for (const block of blocks) {
      if (block.kind === "once") continue;
      const operands = block.figures.filter((f) => f.classes.includes("operand"));
      const divisors = block.figures.filter((f) => f.classes.includes("divisor"));
      const result = block.figures.find((f) => f.classes.includes("result"))!;
      expect(
        operands.length + divisors.length,
        `${block.kind}: ${block.figures.map((f) => f.text).join(" ")}`,
      ).toBeGreaterThanOrEqual(3);
      const product = operands.filter((f) => !f.classes.includes("divisor")).reduce((p, f) => p * number(f.text), 1);
      const computed = divisors.reduce((p, f) => p / number(f.text), product);
      expect(
        Math.abs(computed - number(result.text)),
        `${block.kind}: ${block.figures.map((f) => f.text).join(" ")} (computed ${computed})`,
      ).toBeLessThanOrEqual(halfUlp(result.text) + 1e-9);
    }
  });

  it.each(["acme", "kiso-kogyo", "closeout-triage"])(
    "%s: totals add up and ROI = (value − cost) ÷ cost as printed",
    async (slug) => {
      const page = await html(slug, "print-qbr.html");
      const calc = page.split('id="roi-calculation"')[1];
      const shown = figures(calc);
      const at = (path: string) => shown.find((f) => f.path === path)!;
      const rows = calculations(calc);
      const results = (kind: string[]) =>
        rows.filter((b) => kind.includes(b.kind)).map((b) => number(b.figures.at(-1)!.text));
      const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
      const value = number(at("roi.valueToDate").text);
      const cost = number(at("roi.costToDate").text);
      expect(Math.abs(sum(results(["value"])) - value)).toBeLessThanOrEqual(0.5 * (results(["value"]).length + 1));
      expect(Math.abs(sum(results(["cost", "once"])) - cost)).toBeLessThanOrEqual(
        0.5 * (results(["cost", "once"]).length + 1),
      );
      const net = number(at("roiCalculation.net").text);
      expect(Math.abs(value - cost - net)).toBeLessThanOrEqual(1.5);
      const roi = number(at("roi.roi").text) / 100;
      expect(Math.abs(roi - net / cost)).toBeLessThanOrEqual(0.005 + 1.5 / cost);
    },
  );
});

// Issue 23, items 4–6, on real builds of the sample portfolio: 2026-Q2 built first, then 2026-Q3 into the same folder
// (with PDFs), so each customer's Q2 report.json is kept and the Q3 pages compare with it. Read back: the close-out's
// page one (in the PDF and its page) names what is delivered, open and owed, the check-ins and who signs; the
// payback chart stands where payback is stated; the QBR shows each headline outcome's change since the last QBR and
// last quarter's commitments scored, every verdict as the ledger states it.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, defaultEffects, type CustomerResult } from "../../src/build.ts";
import type { CopyReport } from "../../src/model/contract.ts";
import { translator } from "../../templates/i18n/index.ts";
import { formatter } from "../../templates/lib/format.ts";
import { readPdf } from "../support/pdf.ts";
import { portfolioOptions } from "../support/portfolio.ts";
import { decode } from "../support/files.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const CUSTOMERS = ["harimau-retail", "southern-cross-water", "northwind-logistics"];
let out = "";
let again: CustomerResult[] = [];

const read = (slug: string, file: string) => readFile(join(out, slug, file), "utf8");
const report = async (slug: string) => JSON.parse(await read(slug, "report.json")) as CopyReport;
/** The page's text, tags dropped, whitespace collapsed. */
const text = (html: string) =>
  decode(html.replace(/<(script|style)[\s\S]*?<\/\1>/g, " ").replace(/<[^>]+>/g, " "))
    .replace(/\s+/g, " ")
    .trim();
/** The HTML of one section of a page, by its data-section. */
function section(html: string, id: string): string {
  const start = html.indexOf(`data-section="${id}"`);
  expect(start, id).toBeGreaterThan(-1);
  const end = html.indexOf("</section>", start);
  return html.slice(start, end);
}
/** Every data-verdict mark of a piece of HTML. */
const marks = (html: string) => [...html.matchAll(/data-verdict="([^"]+)"/g)].map((m) => m[1]);
/** Each mark names a verdict report.json's ledger holds: "deliverable:D7:overdue". */
function expectLedger(r: CopyReport, found: string[]) {
  const ledger = new Set(r.verdicts.map((v) => `${v.item}:${v.verdict}`));
  for (const m of found) expect(ledger, m).toContain(m);
}

beforeAll(async () => {
  out = await mkdtemp(join(ROOT, ".milepost", "page-one-"));
  const options = { customers: CUSTOMERS };
  await build(
    portfolioOptions(ROOT, out, { ...options, asOf: "2026-06-30", period: "2026-Q2", pdf: false }),
    defaultEffects,
  );
  const q3 = await build(portfolioOptions(ROOT, out, options), defaultEffects);
  expect(q3.map((r) => [r.slug, r.status])).toEqual(CUSTOMERS.map((s) => [s, "built"]));
  // The same build again: its inputs, the kept Q2 report among them, are unchanged.
  again = await build(portfolioOptions(ROOT, out, options), defaultEffects);
}, 600_000);

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe("the close-out's page one", () => {
  it("names in the PDF's first page what is delivered, what is open and what each side owes, with the check-ins and who signs", async () => {
    const r = await report("harimau-retail");
    const b = r.closeoutBrief!;
    const t = translator(r.customer.locale);
    const f = formatter(r.customer.locale, r.customer.currency);
    const [one] = (await readPdf(join(out, "harimau-retail", "harimau-retail-closeout-2026-Q3.pdf"))).pages;
    const deliverable = (id: string) => r.closeout!.deliverables!.items.find((d) => d.id === id)!;
    expect(b.delivered!.open).toEqual(["D7"]);
    expect(one).toContain(t("cobrief.title"));
    expect(one).toContain(t("cobrief.accepted", { n: "6", total: 7 }));
    // Open and owed: the deliverable still to accept (overdue), the money invoiced and unpaid, the open checklist items.
    expect(one).toContain(deliverable("D7").name);
    expect(one).toContain(t("cobrief.deliverable.overdue"));
    const money = b.owed.find((o) => o.kind === "money")!;
    expect(money).toMatchObject({ side: "customer", amount: 4500 });
    if (money.kind === "money") expect(one).toContain(t("cobrief.money", { item: money.item, amount: f.money(4500) }));
    for (const o of b.owed.filter((o) => o.kind === "closeout"))
      if (o.kind === "closeout") expect(one).toContain(r.closeout!.items[o.index].item!);
    expect(one).toContain(t("cobrief.owedBy", { name: r.customer.name }));
    // No post-close plan in the data: the 30/60/90-day check-ins proposed from the end date.
    expect(b.checkins.map((c) => [c.days, c.proposed])).toEqual([
      [30, true],
      [60, true],
      [90, true],
    ]);
    for (const c of b.checkins) expect(one).toContain(f.date(c.date));
    expect(one).toContain(t("cobrief.proposed"));
    expect(one).toContain(t("cobrief.signBy", { date: f.date(b.signBy) }));
  });

  it("places every verdict from the ledger, and the payback chart", async () => {
    for (const slug of ["harimau-retail", "southern-cross-water"]) {
      const r = await report(slug);
      for (const page of ["print-closeout.html", "closeout.html"]) {
        const brief = section(await read(slug, page), "co-brief");
        const found = marks(brief);
        expectLedger(r, found);
        const kinds = new Set(found.map((m) => m.split(":")[0]));
        for (const kind of ["deliverable", "goal", "checkin", "payback"])
          expect(kinds, `${slug} ${page}`).toContain(kind);
        expect(brief).toContain("data-payback-chart");
        expect(brief).toContain('class="payback-mark"');
      }
    }
  });

  it("names the post-close owner, the agreed check-ins and the actions owed by each side when the data has them", async () => {
    const r = await report("southern-cross-water");
    const page = text(section(await read("southern-cross-water", "closeout.html"), "co-brief"));
    const t = translator(r.customer.locale);
    expect(page).toContain(r.closeoutBrief!.owner!.name);
    expect(r.closeoutBrief!.checkins.every((c) => !c.proposed)).toBe(true);
    expect(page).not.toContain(t("cobrief.proposed"));
    for (const o of r.closeoutBrief!.owed)
      if (o.kind === "action") expect(page).toContain(decode(r.actions!.actions[o.action].commitment));
    expect(page).toContain(t("cobrief.owedBy", { name: r.customer.name }));
    expect(page).toContain(t("cobrief.signed"));
  });
});

describe("the payback chart", () => {
  it("stands beside the payback of the QBR's calculation, site and print, its table the curve's figures", async () => {
    const r = await report("northwind-logistics");
    expect(r.paybackCurve!.points.at(-1)).toMatchObject({
      date: r.asOf,
      value: r.roi.valueToDate,
      cost: r.roi.costToDate,
    });
    for (const page of ["review.html", "print-qbr.html"]) {
      const summary = section(await read("northwind-logistics", page), "review");
      expect(summary).toContain("data-payback-chart");
      expect(summary).toContain(`data-figure="paybackCurve.points.${r.paybackCurve!.points.length - 1}.cost"`);
    }
    // The site's chart goes live from the same configuration; print keeps the SVG alone.
    expect(await read("northwind-logistics", "review.html")).toMatch(/data-chart-kind="payback" data-chart="/);
    expect(await read("northwind-logistics", "print-qbr.html")).not.toMatch(/data-chart-kind="payback" data-chart="/);
  });
});

describe("since the last QBR", () => {
  it("keeps the earlier period's report.json, and builds unchanged inputs again as unchanged", async () => {
    for (const slug of CUSTOMERS) expect(await readdir(join(out, slug))).toContain("report-2026-Q2.json");
    expect(again.map((r) => [r.slug, r.reused])).toEqual(CUSTOMERS.map((s) => [s, true]));
  });

  it("shows each headline outcome's change since then on the summary", async () => {
    for (const slug of CUSTOMERS) {
      const r = await report(slug);
      const earlier = JSON.parse(await read(slug, "report-2026-Q2.json")) as CopyReport;
      const s = r.sinceLastQbr!;
      expect(s.period).toBe("2026-Q2");
      expect(s.outcomes.map((o) => o.id)).toEqual(r.headline);
      for (const o of s.outcomes) {
        expect(o.before).toBe(earlier.metrics.find((m) => m.id === o.id)!.current);
        expect(o.now).toBe(r.metrics.find((m) => m.id === o.id)!.current);
      }
      const page = await read(slug, "index.html");
      for (const o of s.outcomes) expect(page, `${slug} ${o.id}`).toContain(`data-since-change="${o.id}"`);
    }
  });

  it("scores last quarter's commitments kept, late or missed, for a customer with an actions table and for one without", async () => {
    const scored: Record<string, string[]> = {};
    for (const slug of CUSTOMERS) {
      const r = await report(slug);
      const s = r.sinceLastQbr!;
      expect(s.commitments.length, slug).toBeGreaterThan(0);
      expect(s.kept + s.late + s.missed + s.open).toBe(s.commitments.length);
      const html = await read(slug, "print-qbr.html");
      const found = marks(html).filter((m) => m.startsWith("commitment:"));
      expectLedger(r, found);
      expect(found.sort()).toEqual(s.commitments.map((c) => `${c.item}:${c.verdict}`).sort());
      scored[slug] = s.commitments.map((c) => c.kind);
    }
    expect(scored["southern-cross-water"]).toContain("action");
    expect(scored["northwind-logistics"]).toContain("milestone");
    // southern-cross-water's Q2 plan: one action kept late, one missed (actions.csv).
    const s = (await report("southern-cross-water")).sinceLastQbr!;
    expect([s.late, s.missed]).toEqual([1, 2]);
  });
});

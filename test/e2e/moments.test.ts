// Issue 24 items 3–5, built with real Astro and Chromium from the sample portfolio: the monthly report (one or two
// pages), a one-page PDF per milestone celebrated and its email draft to the sponsor, the case-study draft in the
// internal copy only (and as a Word file, which LibreOffice opens) — each read back from its PDF, its page and its .eml.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, defaultEffects, type CustomerResult } from "../../src/build.ts";
import { readCustomer } from "../../src/customer.ts";
import type { CopyReport } from "../../src/model/contract.ts";
import { writeCelebrationDrafts } from "../../src/share/celebrations.ts";
import { portfolioOptions } from "../support/portfolio.ts";
import { libreOffice } from "../support/office.ts";
import { readPdf } from "../support/pdf.ts";

const ROOT = join(import.meta.dirname, "..", "..");
let scratch = "";
let customerCopy: CustomerResult[] = [];
let internalCopy: CustomerResult[] = [];
const dir = (copy: string, slug: string) => join(scratch, copy, slug);
const report = async (copy: string, slug: string) =>
  JSON.parse(await readFile(join(dir(copy, slug), "report.json"), "utf8")) as CopyReport;

beforeAll(async () => {
  scratch = await mkdtemp(join(ROOT, ".milepost", "moments-"));
  const customers = ["harimau-retail", "sakura-seimitsu", "southern-cross-water"];
  customerCopy = await build(
    portfolioOptions(ROOT, join(scratch, "customer"), { customers, pack: "monthly", also: ["celebrate"] }),
    defaultEffects,
  );
  internalCopy = await build(
    portfolioOptions(ROOT, join(scratch, "internal"), {
      customers,
      pack: "all",
      also: ["monthly", "celebrate", "casestudy"],
      copy: "internal",
      pdf: false,
    }),
    defaultEffects,
  );
}, 600_000);

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe("the monthly report", () => {
  it("prints the month in one or two pages, in the customer's language", async () => {
    expect(customerCopy.map((r) => r.status)).toEqual(["built", "built", "built"]);
    const ms = await readPdf(join(dir("customer", "harimau-retail"), "harimau-retail-monthly-2026-09.pdf"));
    expect(ms.pages.length).toBeLessThanOrEqual(2);
    expect(ms.pages[0]).toContain("Laporan Kemajuan Bulanan");
    expect(ms.pages[0]).toContain("Dicapai bulan ini");
    expect(ms.pages.join(" ")).toContain("Batu tanda seterusnya");
    const ja = await readPdf(join(dir("customer", "sakura-seimitsu"), "sakura-seimitsu-monthly-2026-09.pdf"));
    expect(ja.pages.length).toBeLessThanOrEqual(2);
    // pdf.js splits Japanese runs: read the page without the spaces between them.
    expect(ja.pages[0].replace(/\s+/g, "")).toContain("月次進捗報告書");
  });

  it("names the milestone achieved this month with the QBR's verdict", async () => {
    const r = await report("customer", "harimau-retail");
    expect(r.monthly.reached).toEqual(["ms8"]);
    const page = await readFile(join(dir("customer", "harimau-retail"), "monthly.html"), "utf8");
    const verdict = r.verdicts.find((v) => v.item === "milestone:ms8")!.verdict;
    expect(page).toContain(`data-verdict="milestone:ms8:${verdict}"`);
  });
});

describe("milestone celebrations", () => {
  it("prints one page per milestone achieved with evidence in the quarter, and none for one without", async () => {
    const r = await report("customer", "harimau-retail");
    const files = (await readdir(dir("customer", "harimau-retail"))).filter((f) => f.includes("-celebrate-"));
    expect(files.filter((f) => f.endsWith(".pdf")).sort()).toEqual(
      r.celebrations.items.map((c) => `harimau-retail-celebrate-${c.milestone}.pdf`).sort(),
    );
    for (const c of r.celebrations.items) {
      const pdf = await readPdf(join(dir("customer", "harimau-retail"), `harimau-retail-celebrate-${c.milestone}.pdf`));
      expect(pdf.pages).toHaveLength(1);
      expect(pdf.pages[0]).toContain("Tahniah");
      expect(pdf.pages[0]).toContain(r.milestones.find((m) => m.id === c.milestone)!.name);
    }
    const ja = await readPdf(join(dir("customer", "sakura-seimitsu"), "sakura-seimitsu-celebrate-ms6.pdf"));
    expect(ja.pages).toHaveLength(1);
    expect(ja.pages[0]).toContain("おめでとうございます");
  });

  it("lists the achievements waiting for evidence in the internal copy only", async () => {
    const internal = await report("internal", "harimau-retail");
    const customer = await report("customer", "harimau-retail");
    expect(customer.celebrations.waiting).toEqual([]);
    const page = await readFile(join(dir("customer", "harimau-retail"), "celebrate.html"), "utf8");
    expect(page).not.toContain("Menunggu bukti");
    if (internal.celebrations.waiting.length > 0) {
      const inside = await readFile(join(dir("internal", "harimau-retail"), "celebrate.html"), "utf8");
      expect(inside).toContain("Menunggu bukti");
    }
  });

  it("drafts an email to the sponsor in the customer's language with the one-pager attached", async () => {
    const r = await report("customer", "harimau-retail");
    const { customer } = await readCustomer(join(ROOT, "data"), "harimau-retail");
    const manifest = JSON.parse(await readFile(join(scratch, "customer", "manifest.json"), "utf8")) as {
      customers: { slug: string; pdfs: string[] }[];
    };
    const pdfs = manifest.customers.find((c) => c.slug === "harimau-retail")!.pdfs;
    const written = await writeCelebrationDrafts(r, customer, pdfs, {
      from: join(scratch, "customer"),
      into: scratch,
    });
    expect(written).toHaveLength(r.celebrations.items.length);
    const mail = await simpleParser(await readFile(written.at(-1)!));
    const last = r.celebrations.items.at(-1)!;
    expect(mail.subject).toContain(r.milestones.find((m) => m.id === last.milestone)!.name);
    expect(mail.text).toContain("Tahniah!");
    expect(mail.attachments.map((a) => a.filename)).toEqual([`harimau-retail-celebrate-${last.milestone}.pdf`]);
    const sponsor = customer.stakeholders.filter((s) => s.audience === "executive" && s.email);
    if (sponsor.length) expect(mail.to).toBeTruthy();
  });
});

describe("the case-study draft", () => {
  it("is written in the internal copy for the customer with a reference ask, with its quote and verified outcomes", async () => {
    const scw = internalCopy.find((r) => r.slug === "southern-cross-water")!;
    expect(scw.packs).toContain("casestudy");
    const r = await report("internal", "southern-cross-water");
    const cs = r.internal!.caseStudy!;
    expect(cs.reason).toBe("reference_ask");
    expect(cs.quote?.name).toBe("Helen Markovic");
    for (const id of cs.results) expect(r.roi.unverifiedMetrics).not.toContain(id);
    const page = await readFile(join(dir("internal", "southern-cross-water"), "casestudy.html"), "utf8");
    expect(page).toContain("Case study draft");
    expect(page).toContain("Crews now reach a burst main");
  });

  it("is written as a Word file too, which LibreOffice opens with the page's words and verified figures", async () => {
    const folder = dir("internal", "southern-cross-water");
    const files = await readdir(folder);
    expect(files).toContain("southern-cross-water-casestudy-2026-Q3-internal.docx");
    await libreOffice(
      [join(folder, "southern-cross-water-casestudy-2026-Q3-internal.docx")],
      "txt:Text",
      join(scratch, "txt"),
      scratch,
    );
    const word = (await readFile(join(scratch, "txt", "southern-cross-water-casestudy-2026-Q3-internal.txt"), "utf8"))
      .replace(/^\uFEFF/, "")
      .replace(/\s+/g, " ");
    const page = (await readFile(join(folder, "casestudy.html"), "utf8"))
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .replace(/ ([:.]) /g, "$1 ");
    for (const line of [
      "Work orders scheduled by hand: 68% → 11% · down 57 pp",
      "Crew travel time per job: 52 minutes → 37 minutes · down 29%",
      "Verified value to date: A$680,336. Verified ROI: 90%.",
      "Helen Markovic · General Manager, Operations",
    ]) {
      expect(word).toContain(line);
      expect(page).toContain(line);
    }
    for (const heading of [
      "The challenge",
      "The approach",
      "Milestones achieved",
      "Quantified outcomes",
      "In their words",
    ])
      expect(word).toContain(heading);
  });

  it("is left out, with a warning, where it does not apply; never in the customer's copy", async () => {
    const sakura = internalCopy.find((r) => r.slug === "sakura-seimitsu")!;
    expect(sakura.status).toBe("built");
    expect(sakura.packs).not.toContain("casestudy");
    expect(sakura.issues.map((i) => [i.code, i.severity])).toContainEqual(["pack-not-applicable", "warning"]);
    expect(await readdir(dir("customer", "southern-cross-water"))).not.toContain("casestudy.html");
  });
});

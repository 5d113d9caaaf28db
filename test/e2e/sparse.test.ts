// The customer's copy of a sparse customer — customer.json, metrics, measurements and milestones, as a new user
// writes them — shows no template text in any language; the internal copy lists what is missing on its Data gaps
// page, by file and field; init's example rows are refused by the customer's copy. Real Astro and Chromium builds
// of test/fixtures/sparse in both copies, the PDFs read back with pdfjs-dist.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, defaultEffects } from "../../src/build.ts";
import { formatIssue } from "../../src/errors.ts";
import { initCustomer } from "../../src/init.ts";
import type { CopyReport } from "../../src/model/contract.ts";
import { AUTHOR_LABELS } from "../../templates/i18n/author.ts";
import { LANGS, translator } from "../../templates/i18n/index.ts";
import { readPdf } from "../support/pdf.ts";
import { portfolioOptions } from "../support/portfolio.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const SPARSE = join(import.meta.dirname, "..", "fixtures", "sparse");
const SLUGS = ["sparse-en", "sparse-ja", "sparse-ms", "sparse-zh"];
let scratch = "";
const dir = (copy: string) => join(scratch, copy);

beforeAll(async () => {
  scratch = await mkdtemp(join(ROOT, ".milepost", "sparse-"));
  for (const copy of ["customer", "internal"] as const) {
    const results = await build(portfolioOptions(SPARSE, dir(copy), { copy }), defaultEffects);
    expect(results.map((r) => [r.slug, r.status])).toEqual(SLUGS.map((s) => [s, "built"]));
  }
}, 600_000);

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const squeeze = (s: string) => s.replace(/\s+/g, "");
const report = async (copy: string, slug: string) =>
  JSON.parse(await readFile(join(dir(copy), slug, "report.json"), "utf8")) as CopyReport;
const files = async (copy: string, slug: string) => (await readdir(join(dir(copy), slug))).sort();
/** A page's words: its HTML without scripts, styles and tags. */
const words = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&[a-z#0-9]+;/g, " ");

/** Every page of a built customer as words: its HTML pages and each page of its PDFs. */
async function pages(copy: string, slug: string): Promise<{ file: string; text: string }[]> {
  const folder = join(dir(copy), slug);
  const out: { file: string; text: string }[] = [];
  for (const file of await files(copy, slug)) {
    if (file.endsWith(".html")) out.push({ file, text: words(await readFile(join(folder, file), "utf8")) });
    if (file.endsWith(".pdf"))
      out.push(...(await readPdf(join(folder, file))).pages.map((text, i) => ({ file: `${file} p${i + 1}`, text })));
  }
  return out;
}

/**
 * The template phrases, derived from the label files: each author-facing label's fixed parts (between its
 * {placeholders}) in every language, those long enough to mean something on their own.
 */
const PHRASES = [
  ...new Set(
    LANGS.flatMap((lang) => {
      const t = translator(lang === "en" ? "en-GB" : lang);
      return AUTHOR_LABELS.flatMap((key) =>
        t
          .template(key, { n: 2, days: 2, total: 2 })
          .split(/\{[^}]*\}/)
          .map(squeeze)
          .filter((part) => part.length >= (/[\u3000-\u9fff\uac00-\ud7af]/.test(part) ? 3 : 6)),
      );
    }),
  ),
];

describe("the customer's copy of a sparse customer", () => {
  it("derives its template phrases from the label files, in each language", () => {
    for (const lang of LANGS)
      expect(PHRASES).toContain(squeeze(translator(lang === "en" ? "en-GB" : lang)("milestone.notStated")));
    expect(PHRASES).toContain(squeeze("No owner yet"));
    expect(PHRASES.length).toBeGreaterThan(100);
  });

  it.each(SLUGS)(
    "%s: no page or PDF holds template text, milepost's name, the data folder or an example",
    async (slug) => {
      const all = await pages("customer", slug);
      expect(all.some((p) => p.file.endsWith(".pdf p1"))).toBe(true);
      for (const { file, text } of all) {
        const flat = squeeze(text);
        for (const phrase of PHRASES) expect(flat, `${file}: ${phrase}`).not.toContain(phrase);
        expect(text.toLowerCase(), file).not.toContain("milepost");
        // The rows behind a figure are named (metrics.csv:2); the files to add and the folder they are in, never.
        expect(text, file).not.toMatch(/fixtures|sparse\/data|handoff\.json|closeout\.csv|\[example\]/);
      }
      // The same check finds them in the internal copy, where they belong.
      const inside = squeeze((await pages("internal", slug)).map((p) => p.text).join(" "));
      expect(PHRASES.filter((p) => inside.includes(p)).length).toBeGreaterThan(2);
    },
  );

  it("leaves out a section, a page and a PDF whose data is absent: the handoff, the standard checklist, the sentiment", async () => {
    const documents = async (copy: string) => (await files(copy, "sparse-en")).filter((f) => /\.(html|pdf)$/.test(f));
    expect(await documents("customer")).toEqual(
      [
        "closeout.html",
        "index.html",
        "milestones.html",
        "print-closeout.html",
        "print-qbr.html",
        "closeout-tracker.html",
        "review.html",
        "sparse-en-closeout-2026-Q3.pdf",
        "sparse-en-qbr-2026-Q3.pdf",
        "account.html",
        "audiences.html",
      ].sort(),
    );
    const internal = await documents("internal");
    expect(internal).toContain("handoff.html");
    expect(internal).toContain("closeout-tracker.html");
    expect(internal).toContain("sparse-en-handoff-internal.pdf");
    // There, milepost's standard checklist stands in for the closeout table, and the handoff says what to add.
    const en = translator("en-GB");
    const tracker = words(await readFile(join(dir("internal"), "sparse-en", "closeout-tracker.html"), "utf8"));
    expect(squeeze(tracker)).toContain(squeeze(en("tracker.standardBody")));
    expect(squeeze(tracker)).toContain(squeeze(en("std.sign_off")));
    const handoff = (await readPdf(join(dir("internal"), "sparse-en", "sparse-en-handoff-internal.pdf"))).pages.join(
      " ",
    );
    expect(squeeze(handoff)).toContain(squeeze(en("handoff.missing")));
    // Sentiment is the account team's: neither the pages nor report.json of the customer's copy hold it.
    const r = await report("customer", "sparse-en");
    expect(r.stakeholderMap!.map((p) => [p.name, p.influence, p.sentiment, p.change])).toEqual([
      ["Priya Nair", "high", null, null],
      ["Tom Okafor", "medium", null, null],
    ]);
    const account = words(await readFile(join(dir("customer"), "sparse-en", "account.html"), "utf8"));
    expect(account).toContain("Priya Nair");
    expect(account).not.toMatch(/Neutral|Detractor|Cooler|Sentiment/);
    const inside = words(await readFile(join(dir("internal"), "sparse-en", "account.html"), "utf8"));
    expect(inside).toMatch(/Detractor[\s\S]*Cooler/);
  });
});

describe("the internal copy's Data gaps page", () => {
  it("names each gap's file, line and field, in the QBR and the close-out", async () => {
    const r = await report("internal", "sparse-en");
    const fields = ["owner", "confidence", "definition", "measurement", "business_impact", "next_steps"];
    expect(
      r.internal!.gaps.map((g) => [g.kind, g.pack, g.line === null ? g.file : `${g.file}:${g.line}`, g.field]),
    ).toEqual([
      ["table", "qbr", "customer.json", "costs"],
      ...[2, 3].flatMap((line) => fields.map((f) => ["field", "qbr", `milestones.csv:${line}`, f])),
      ["table", "closeout", "customer.json", "goals"],
      ["standard", "closeout", "closeout.csv", null],
      ["table", "closeout", "handoff.json", null],
      ...["training", "retrospective", "csat", "financials", "opportunities"].map((t) => [
        "table",
        "closeout",
        `${t}.csv`,
        null,
      ]),
    ]);
    const html = await readFile(join(dir("internal"), "sparse-en", "index.html"), "utf8");
    const gaps = html.match(/<section class="doc-section internal-notes data-gaps"[\s\S]*?<\/section>/)![0];
    expect(words(gaps).replace(/\s+/g, " ")).toContain(
      "milestones.csv:2 owner Dispatch plan built automatically Empty: fill it in. The customer's copy leaves the field out.",
    );
    expect(words(gaps)).toContain("test/fixtures/sparse/data/sparse-en/");
    const qbr = (await readPdf(join(dir("internal"), "sparse-en", "sparse-en-qbr-2026-Q3-internal.pdf"))).pages.join(
      " ",
    );
    expect(squeeze(qbr)).toContain(squeeze("Data gaps"));
    expect(squeeze(qbr)).toContain(squeeze("milestones.csv:3 business_impact"));
    const closeout = (
      await readPdf(join(dir("internal"), "sparse-en", "sparse-en-closeout-2026-Q3-internal.pdf"))
    ).pages.join(" ");
    expect(squeeze(closeout)).toContain(squeeze("closeout.csv"));
    expect(squeeze(closeout)).toContain(squeeze(translator("en-GB")("gaps.kind.standard")));
    // In Japanese too: the page's words are the language's, the file and field as written.
    const ja = (await readPdf(join(dir("internal"), "sparse-ja", "sparse-ja-qbr-2026-Q3-internal.pdf"))).pages.join(
      " ",
    );
    expect(squeeze(ja)).toContain(squeeze(translator("ja-JP")("gaps.title")));
    expect(squeeze(ja)).toContain(squeeze("milestones.csv:2 owner"));
  });
});

describe("the voice of the customer in the QBR", () => {
  it("gives CSAT and NPS with their change since the quarter began, and two quotes (sparse-ms)", async () => {
    const r = await report("customer", "sparse-ms");
    expect(r.voice).toEqual({
      beforeDate: "2026-06-30",
      csat: { now: 4.3333, before: 4, change: 0.3333, count: 3 },
      nps: { now: 50, before: 0, change: 50, count: 2 },
      quotes: [
        {
          text: "Kami mahu meluaskan sistem ini ke gudang Johor.",
          respondent: "Daniel Tan",
          role: "Ketua Operasi",
          date: "2026-09-08",
          source: "csat.csv:5",
        },
        {
          text: "Pesanan kini diproses dalam beberapa minit sahaja.",
          respondent: "Aisyah Rahman",
          role: "Pengurus Gudang",
          date: "2026-09-05",
          source: "csat.csv:4",
        },
      ],
    });
    const t = translator("ms-MY");
    const pdf = squeeze(
      (await readPdf(join(dir("customer"), "sparse-ms", "sparse-ms-qbr-2026-Q3.pdf"))).pages.join(" "),
    );
    for (const part of [
      t("voice.title"),
      t("voice.quotes"),
      "4.3",
      t("voice.trend.up", { change: "0.3", date: "30 Jun 2026" }),
      t("voice.trend.up", { change: "50", date: "30 Jun 2026" }),
      "Kami mahu meluaskan sistem ini ke gudang Johor.",
      "Pesanan kini diproses dalam beberapa minit sahaja.",
    ])
      expect(pdf, part).toContain(squeeze(part));
    expect(pdf).not.toContain(squeeze("Pasukan responsif."));
    // No survey answers, no voice: the section is left out.
    expect((await report("customer", "sparse-en")).voice).toBeNull();
  });
});

describe("init's example rows", () => {
  it("are refused by the customer's copy, each named where it is; the internal copy and validate warn", async () => {
    const root = await mkdtemp(join(scratch, "init-"));
    const dataDir = join(root, "data");
    await initCustomer({ dataDir, slug: "new-co", locale: "en-GB", xlsx: false, today: "2026-09-30" });
    const options = portfolioOptions(root, join(root, "dist"), { customers: ["new-co"], pdf: false, period: null });
    const shown = (issues: Parameters<typeof formatIssue>[0][]) =>
      issues.map(formatIssue).map((l) => l.replace(`${dataDir}/`, "data/").replace(/^.*?data\/new-co/, "data/new-co"));
    const [refused] = await build({ ...options, copy: "customer" }, defaultEffects);
    expect(refused.status).toBe("failed");
    const lines = shown(refused.issues);
    expect(lines).toContain(
      "data/new-co/milestones.csv:2 name: \"Weekly report under 6 hours [example]\" is an example milepost init wrote; the customer's copy is not built while one remains — replace it with the customer's data, or delete it",
    );
    expect(lines).toContain(
      "data/new-co/customer.json stakeholders[0].name: \"Alex Example [example]\" is an example milepost init wrote; the customer's copy is not built while one remains — replace it with the customer's data, or delete it",
    );
    expect(refused.issues.filter((i) => i.code === "example-row").map((i) => i.file.split("/").pop())).toEqual([
      "customer.json",
      "customer.json",
      "customer.json",
      "customer.json",
      "customer.json",
      "metrics.csv",
      "measurements.csv",
      "milestones.csv",
      "deliverables.csv",
      "closeout.csv",
      "training.csv",
      "retrospective.csv",
      "csat.csv",
      "opportunities.csv",
      "financials.csv",
      "usage.csv",
      "actions.csv",
      "health.csv",
      "handoff.json",
      "handoff.json",
      "handoff.json",
      "handoff.json",
    ]);
    expect(refused.issues.every((i) => i.code !== "example-row" || i.severity === "error")).toBe(true);
    const [validated] = await build({ ...options, copy: "customer", dryRun: true }, defaultEffects);
    expect(validated.status).toBe("built");
    expect(validated.issues.filter((i) => i.code === "example-row").map((i) => i.severity)).toEqual(
      Array(22).fill("warning"),
    );
    const [internal] = await build({ ...options, copy: "internal" }, defaultEffects);
    expect(internal.status).toBe("built");
    expect(shown(internal.issues)).toContain(
      "data/new-co/milestones.csv:2 name: \"Weekly report under 6 hours [example]\" is an example milepost init wrote; the customer's copy will refuse it — replace it with the customer's data, or delete it",
    );
    const page = await readFile(join(root, "dist", "new-co", "index.html"), "utf8");
    expect(page).toMatch(/data-gap="example" data-file="milestones.csv" data-field="name"/);
  });
});

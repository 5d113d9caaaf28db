// The editable Office files (--office): the close-out and handoff documents as Word files, built by a real build,
// unzipped and read as XML for report.json's figures, then converted by LibreOffice (scripts/setup-tests.sh
// installs Writer) and read back from its PDF. One customer per language: harimau-retail in Malay, and the same
// customer written in Japanese and Traditional Chinese; southern-cross-water in English.
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.ts";
import { deckOf, type Fig } from "../../src/model/deck.ts";
import type { CopyReport } from "../../src/model/contract.ts";
import { translator } from "../../templates/i18n/index.ts";
import { formatter } from "../../templates/lib/format.ts";
import { libreOffice } from "../support/office.ts";
import { readPdf } from "../support/pdf.ts";

const DATA = join(import.meta.dirname, "..", "..", "data");
let root: string;
let out: string;

/** Customers of the test: slug → the sample folder it is copied from, and the locale and currency it is written in. */
const CUSTOMERS: Record<string, { from: string; locale?: string; currency?: string }> = {
  "harimau-retail": { from: "harimau-retail" },
  "southern-cross-water": { from: "southern-cross-water" },
  "harimau-ja": { from: "harimau-retail", locale: "ja-JP", currency: "JPY" },
  "harimau-zh": { from: "harimau-retail", locale: "zh-TW", currency: "TWD" },
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "milepost-office-"));
  out = join(root, "dist");
  for (const [slug, { from, locale, currency }] of Object.entries(CUSTOMERS)) {
    const dir = join(root, "data", slug);
    await cp(join(DATA, from), dir, { recursive: true });
    const file = join(dir, "customer.json");
    const customer = JSON.parse(await readFile(file, "utf8"));
    // A copy in another language: its locale's formats. No share token: a sample's token is the sample folder's.
    if (locale) Object.assign(customer, { locale, currency, numberFormat: undefined, dateFormat: undefined });
    delete customer.share;
    await writeFile(file, JSON.stringify(customer, null, 2));
  }
  const results = await build({
    dataDir: join(root, "data"),
    contentDir: join(root, "content"),
    outDir: out,
    customers: "all",
    pack: "all",
    asOf: "2026-09-30",
    period: "2026-Q3",
    pdf: false,
    office: true,
    deck: true,
  });
  expect(results.map((r) => [r.slug, r.status]).sort()).toEqual(
    Object.keys(CUSTOMERS)
      .sort()
      .map((s) => [s, "built"]),
  );
  const docs = (await Promise.all(Object.keys(CUSTOMERS).map((s) => docxOf(s)))).flat();
  const decks = Object.keys(CUSTOMERS).map((s) => join(out, s, `${s}-qbr-deck-2026-Q3.pptx`));
  // Writer's files, then Impress's.
  for (const files of [docs, decks]) await libreOffice(files, "pdf", join(root, "pdf"), root);
}, 300_000);
afterAll(() => rm(root, { recursive: true, force: true }));

async function docxOf(slug: string): Promise<string[]> {
  const names = await readdir(join(out, slug));
  return names.filter((n) => n.endsWith(".docx")).map((n) => join(out, slug, n));
}

const report = async (slug: string): Promise<CopyReport> =>
  JSON.parse(await readFile(join(out, slug, "report.json"), "utf8"));

/** The document XML of a Word file, and its text: every w:t of each paragraph, paragraphs one per line. */
async function wordXml(file: string): Promise<{ xml: string; text: string; styles: string }> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const xml = await zip.file("word/document.xml")!.async("string");
  const styles = await zip.file("word/styles.xml")!.async("string");
  const text = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map(([p]) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(([, t]) => unescape(t!)).join(""))
    .join("\n");
  return { xml, text, styles };
}

const unescape = (s: string) =>
  s
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&amp;", "&");

/** The paragraphs of `xml` in heading style `style` (e.g. "Heading1"), as text. */
function headings(xml: string, style: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .filter(([p]) => p.includes(`<w:pStyle w:val="${style}"/>`))
    .map(([p]) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(([, t]) => unescape(t!)).join(""));
}

/** LibreOffice's PDF of a Word or PowerPoint file, as text with every space taken out (CJK text comes back spaced by pdf.js). */
async function converted(file: string): Promise<{ pages: number; text: string }> {
  const name = file
    .split("/")
    .at(-1)!
    .replace(/\.(docx|pptx)$/, ".pdf");
  const pdf = await readPdf(join(root, "pdf", name));
  return { pages: pdf.pages.length, text: pdf.pages.join(" ").replace(/\s+/g, "") };
}
const squeeze = (s: string) => s.replace(/\s+/g, "");

describe("milepost build --office", () => {
  it("writes the close-out and handoff documents as Word files beside the PDFs, for customers whose close-out is built", async () => {
    expect((await readdir(join(out, "harimau-retail"))).filter((n) => n.endsWith(".docx")).sort()).toEqual([
      "harimau-retail-closeout-2026-Q3.docx",
      "harimau-retail-handoff-2026-Q3.docx",
    ]);
    // southern-cross-water has no handoff.json: its close-out has no handoff section, and no handoff document.
    expect((await readdir(join(out, "southern-cross-water"))).filter((n) => n.endsWith(".docx"))).toEqual([
      "southern-cross-water-closeout-2026-Q3.docx",
    ]);
  });

  for (const slug of Object.keys(CUSTOMERS)) {
    it(`${slug}: the close-out's headings are Word heading styles, its tables real tables, and it carries report.json's figures`, async () => {
      const r = await report(slug);
      const t = translator(r.customer.locale);
      const f = formatter(r.customer.locale, r.customer.currency);
      const { xml, text, styles } = await wordXml(join(out, slug, `${slug}-closeout-2026-Q3.docx`));
      // The table of contents is Word's field over the heading styles, so it updates.
      const fields = [...xml.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map(([, f]) => unescape(f!));
      expect(fields[0]).toBe('TOC \\h \\o "1-2"');
      expect(headings(xml, "Title")).toEqual([t("pack.closeout")]);
      const h1 = headings(xml, "Heading1");
      expect(h1).toEqual(expect.arrayContaining([t("criteria.title"), t("signoff.title")]));
      // milepost's standard checklist is the account team's: the customer's copy has no tracker without its own.
      expect(h1.includes(t("tracker.title"))).toBe(!r.closeout!.standard);
      // Each goal is a heading of the criteria, with its verdict as the ledger gives it.
      expect(headings(xml, "Heading2")).toEqual(expect.arrayContaining(r.goalOutcomes!.goals.map((g) => g.statement)));
      for (const g of r.goalOutcomes!.goals) {
        const verdict = r.verdicts.find((v) => v.item === `goal:${g.id}`)!.verdict;
        expect(text).toContain(`${t(`level.${g.level}`)}${t("punct.sep")}${t(`verdict.${verdict as "met"}`)}`);
      }
      expect(xml.split("<w:tbl>").length - 1).toBeGreaterThanOrEqual(4);
      // Every deliverable, its status and its acceptance date.
      const d = r.closeout!.deliverables!;
      expect(text).toContain(`${f.number(d.accepted, 0)} / ${f.number(d.total, 0)} ${t("signoff.accepted")}`);
      for (const x of d.items) {
        expect(text).toContain(`${x.id} ${x.name}`);
        if (x.acceptedDate) expect(text).toContain(f.date(x.acceptedDate));
      }
      // The sign-off blocks: who accepts what, a line to sign on.
      for (const b of r.signoff?.blocks ?? []) {
        expect(text).toContain(`${t("signoff.accepts")} ${b.deliverables.join(", ")}`);
        if (b.name) expect(text).toContain(b.name);
      }
      if (r.financials) {
        expect(text).toContain(f.money(r.financials.totals.actual));
        expect(text).toContain(f.money(r.financials.totals.variance));
      }
      // The customer's language: CJK runs in their own face and language.
      const defaults = /<w:docDefaults>.*?<\/w:docDefaults>/.exec(styles)![0];
      const fonts = { "ja-JP": "Noto Sans CJK JP", "zh-TW": "Noto Sans CJK TC" }[r.customer.locale];
      expect(/<w:rFonts [^>]*>/.exec(defaults)![0]).toContain(`w:eastAsia="${fonts ?? "Arial"}"`);
      expect(/<w:lang [^>]*>/.exec(defaults)![0]).toBe(
        fonts ? `<w:lang w:val="en-US" w:eastAsia="${r.customer.locale}"/>` : `<w:lang w:val="${r.customer.locale}"/>`,
      );
    });
  }

  it("the handoff document: its parts as headings, every system, contact and known issue in tables", async () => {
    const { xml, text } = await wordXml(join(out, "harimau-retail", "harimau-retail-handoff-2026-Q3.docx"));
    const t = translator("ms-MY");
    const handoff = JSON.parse(await readFile(join(DATA, "harimau-retail", "handoff.json"), "utf8"));
    expect(headings(xml, "Title")).toEqual([t("pack.handoff")]);
    expect(headings(xml, "Heading1")).toEqual([
      t("handoff.overview"),
      t("handoff.built"),
      t("handoff.docs"),
      t("handoff.support"),
      t("handoff.access"),
      t("handoff.issues"),
      t("handoff.training"),
    ]);
    for (const s of handoff.systems) expect(text).toContain(s.name);
    for (const k of handoff.known_issues) expect(text).toContain(k.title);
    for (const c of handoff.support.contacts) expect(text).toContain(c.name);
    const r = await report("harimau-retail");
    expect(text).toContain(t("handoff.kpi.owned", { n: String(r.handoff!.systemsOwned) }));
  });

  for (const slug of Object.keys(CUSTOMERS)) {
    it(`${slug}: LibreOffice opens every Word file and its PDF reads back the headings and figures`, async () => {
      const r = await report(slug);
      const t = translator(r.customer.locale);
      const f = formatter(r.customer.locale, r.customer.currency);
      for (const file of await docxOf(slug)) {
        const pdf = await converted(file);
        expect(pdf.pages).toBeGreaterThan(1);
        expect(pdf.text).toContain(squeeze(r.customer.name));
        expect(pdf.text).toContain(squeeze(t("meta.asOf", { date: f.date(r.asOf) })));
        if (file.includes("-closeout-")) {
          expect(pdf.text).toContain(squeeze(t("signoff.title")));
          for (const x of r.closeout!.deliverables!.items) expect(pdf.text).toContain(squeeze(`${x.id} ${x.name}`));
          if (r.financials) expect(pdf.text).toContain(squeeze(f.money(r.financials.totals.actual)));
        } else {
          expect(pdf.text).toContain(squeeze(t("handoff.built")));
          expect(pdf.text).toContain(squeeze(t("handoff.issues")));
        }
      }
    });
  }
});

/** The text of each slide of a PowerPoint file (every a:t, runs joined), its notes, and its charts' kinds. */
async function slidesOf(file: string): Promise<{ text: string; notes: string; xml: string }[]> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const count = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length;
  const texts = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map(([, t]) => unescape(t!)).join("\n");
  const slides = [];
  for (let n = 1; n <= count; n++) {
    const xml = await zip.file(`ppt/slides/slide${n}.xml`)!.async("string");
    const rels = await zip.file(`ppt/slides/_rels/slide${n}.xml.rels`)!.async("string");
    const notesName = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1];
    const notes = notesName ? texts(await zip.file(`ppt/notesSlides/${notesName}`)!.async("string")) : "";
    const charts = [...rels.matchAll(/Target="(?:\/ppt|\.\.)\/charts\/(chart\d+\.xml)"/g)];
    const chartXml = (await Promise.all(charts.map(([, c]) => zip.file(`ppt/charts/${c}`)!.async("string")))).join("");
    slides.push({ text: texts(xml), notes, xml: xml + chartXml });
  }
  return slides;
}

/** Every figure a slide of the model holds. */
function figures(slide: unknown): Fig<unknown>[] {
  if (slide === null || typeof slide !== "object") return [];
  if ("path" in slide && "value" in slide) return [slide as Fig<unknown>];
  return Object.values(slide).flatMap(figures);
}

describe("milepost build --deck: the deck as a .pptx", () => {
  for (const slug of Object.keys(CUSTOMERS)) {
    it(`${slug}: one slide per slide of the deck model, its figures in the slide XML, native tables and charts, each figure's source in the notes`, async () => {
      const r = await report(slug);
      const t = translator(r.customer.locale);
      const f = formatter(r.customer.locale, r.customer.currency);
      const deck = deckOf(r)!;
      const slides = await slidesOf(join(out, slug, `${slug}-qbr-deck-2026-Q3.pptx`));
      expect(slides.length).toBe(deck.slides.length);
      deck.slides.forEach((model, i) => {
        const { text, notes, xml } = slides[i]!;
        // Every figure of the slide is named in its notes, with its value; metrics and ROI with their source rows.
        for (const fig of figures(model)) expect(notes).toContain(`${fig.path} = ${JSON.stringify(fig.value)}`);
        if (model.kind === "title") {
          expect(text).toContain(r.customer.name);
          expect(text).toContain(t("meta.asOf", { date: f.date(r.asOf) }));
        }
        if (model.kind === "value") {
          expect(text).toContain(f.money(r.roi.valueToDate));
          expect(text).toContain(f.money(r.roi.costToDate));
          expect(text).toContain(f.percent(r.roi.roi));
          expect(notes).toContain("(roi.valueToDate − roi.costToDate) ÷ roi.costToDate");
          expect(xml).toContain("<c:barChart>");
        }
        if (model.kind === "dashboard") {
          expect(xml).toContain("<a:tbl>");
          for (const m of model.milestones) {
            expect(text).toContain(m.name);
            expect(text).toContain(f.date(m.date.value));
          }
        }
        if (model.kind === "outcome") {
          const m = r.metrics[model.metric.at]!;
          expect(text).toContain(model.metric.name);
          expect(text).toContain(f.value(m.current, m.unit));
          expect(text).toContain(f.value(m.target, m.unit));
          // A native line chart of the metric's history, every measurement a point.
          expect(xml).toContain("<c:lineChart>");
          expect(xml.split("<c:pt ").length - 1).toBeGreaterThanOrEqual(2 * (m.series.length + 1));
          expect(notes).toContain(`← ${m.sources[0]!.split(":")[0]}`);
        }
      });
    });

    it(`${slug}: LibreOffice Impress opens the deck: one page per slide, the figures read back`, async () => {
      const r = await report(slug);
      const t = translator(r.customer.locale);
      const f = formatter(r.customer.locale, r.customer.currency);
      const pdf = await converted(join(out, slug, `${slug}-qbr-deck-2026-Q3.pptx`));
      expect(pdf.pages).toBe(deckOf(r)!.slides.length);
      expect(pdf.text).toContain(squeeze(r.customer.name));
      expect(pdf.text).toContain(squeeze(t("pack.qbr")));
      expect(pdf.text).toContain(squeeze(f.money(r.roi.valueToDate)));
      for (const m of r.milestones) expect(pdf.text).toContain(squeeze(m.name));
    });
  }
});

// The customer's copy and the internal copy (--copy), and page one's brief: the sample portfolio built in both
// copies with real Astro and Chromium, the PDFs read back with pdfjs-dist; the fixture close-outs in the internal copy.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { build, defaultEffects, type CustomerResult } from "../../src/build.ts";
import type { CopyReport } from "../../src/model/contract.ts";
import { formatFigure } from "../../templates/lib/figure.ts";
import { formatter } from "../../templates/lib/format.ts";
import { translator, type LabelKey } from "../../templates/i18n/index.ts";
import { milepost } from "../support/cli.ts";
import { readPdf } from "../support/pdf.ts";
import { FIXTURES, portfolioOptions } from "../support/portfolio.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const SAMPLES = [
  "formosa-health",
  "harimau-retail",
  "kestrel-foods",
  "northwind-logistics",
  "sakura-seimitsu",
  "southern-cross-water",
];
/** The samples past their kickoff: each has decisions to ask for and internal notes (kestrel-foods starts after the quarter). */
const UNDER_WAY = SAMPLES.filter((s) => s !== "kestrel-foods");
const TRIAGE = ["acme", "closeout-triage", "closeout-standard"];
let scratch = "";

/** The customer's copy is the sample portfolio the e2e global setup built (test/support/portfolio.ts); the others are built here. */
const dir = (copy: string) => (copy === "customer" ? inject("samples") : join(scratch, copy));

beforeAll(async () => {
  scratch = await mkdtemp(join(ROOT, ".milepost", "copy-"));
  const customer = JSON.parse(inject("samplesResults")) as CustomerResult[];
  expect(customer.map((r) => [r.slug, r.status])).toEqual(SAMPLES.map((s) => [s, "built"]));
  const internal = await build(portfolioOptions(ROOT, dir("internal"), { copy: "internal" }), defaultEffects);
  expect(internal.map((r) => [r.slug, r.status])).toEqual(SAMPLES.map((s) => [s, "built"]));
  const fixtures = portfolioOptions(FIXTURES, dir("fixtures"), {
    customers: TRIAGE,
    pdf: false,
    copy: "internal",
  });
  expect((await build(fixtures, defaultEffects)).map((r) => r.status)).toEqual(TRIAGE.map(() => "built"));
}, 1_200_000);

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const report = async (copy: string, slug: string) =>
  JSON.parse(await readFile(join(dir(copy), slug, "report.json"), "utf8")) as CopyReport;
const pdfs = async (copy: string, slug: string) =>
  (await readdir(join(dir(copy), slug))).filter((f) => f.endsWith(".pdf")).sort();
/** Text with every space taken out: pdfjs splits lines into runs, and CJK text has no spaces to keep. */
const squeeze = (s: string) => s.replace(/\s+/g, "");
const tools = (r: CopyReport) => {
  const t = translator(r.customer.locale);
  const f = formatter(r.customer.locale, r.customer.currency);
  return { t, f, date: (d: string | null) => formatFigure(f, t, "date", d) };
};
/** The longest fixed part of a label (between its {placeholders}): what a page holding it must show. */
const fixedPart = (t: ReturnType<typeof translator>, key: LabelKey) =>
  t
    .template(key, { n: 2 })
    .split(/\{[^}]*\}/)
    .reduce((a, b) => (b.trim().length > a.trim().length ? b : a), "")
    .trim();

describe("page one is the brief, in every language", () => {
  it.each(UNDER_WAY)("%s: the QBR's PDF opens with the story, the value, the decisions and the plan", async (slug) => {
    const r = await report("customer", slug);
    const { t, f, date } = tools(r);
    const b = r.brief;
    const names = new Map([...r.metrics, ...r.milestones].map((x) => [x.id, x.name]));
    const expected = [
      t("brief.title"),
      t(b.progress.achievedInPeriod > 0 ? "brief.progressInPeriod" : "brief.progress", {
        achieved: f.number(b.progress.achieved, 0),
        total: b.progress.milestones,
        inPeriod: f.number(b.progress.achievedInPeriod, 0),
        health: t(`health.${r.health.rag}`),
      }),
      ...(r.roi.roi === null
        ? []
        : [
            t("brief.value", {
              value: formatFigure(f, t, "money", r.roi.valueToDate),
              cost: formatFigure(f, t, "money", r.roi.costToDate),
              roi: formatFigure(f, t, "percent", r.roi.roi),
            }),
            r.roi.verifiedPaybackDate
              ? r.roi.paybackDate !== r.roi.verifiedPaybackDate
                ? t("brief.paybackBoth", {
                    date: date(r.roi.verifiedPaybackDate),
                    claimed: date(r.roi.paybackDate!),
                  })
                : t("brief.payback", { date: date(r.roi.verifiedPaybackDate) })
              : r.roi.paybackDate
                ? t("brief.paybackClaimed", { date: date(r.roi.paybackDate) })
                : b.breakEven
                  ? t("brief.breakEven", { date: date(b.breakEven) })
                  : t("brief.noBreakEven"),
          ]),
      ...(r.contract ? [t("brief.renewal", { date: date(r.contract.renewalDate) })] : []),
      ...b.decisions.flatMap((d) => [
        d.kind === "milestone" || d.kind === "metric" ? names.get(d.id)! : "",
        t(`brief.recommend.${d.recommend}`, { date: "date" in d ? date(d.date) : "" }),
        t("brief.decideBy", { date: date(d.by) }),
      ]),
      ...(b.plan.milestones.length + b.plan.actions.length > 0 ? [t("brief.plan")] : []),
      ...b.plan.milestones.map((id) => names.get(id)!),
      ...b.plan.actions.map((a) => r.actions!.actions[a].commitment),
    ].filter(Boolean);
    expect(b.decisions.length).toBeGreaterThan(0);
    // The close-out opens with its own page one (test/e2e/page-one.test.ts).
    // The QBR's PDFs, not its deck's (the slides open with a title slide: test/e2e/deck.test.ts).
    const docs = (await pdfs("customer", slug)).filter((p) => p.includes("-qbr-") && !p.includes("-qbr-deck-"));
    expect(docs.length).toBeGreaterThan(0);
    for (const pdf of docs) {
      const one = squeeze((await readPdf(join(dir("customer"), slug, pdf))).pages[0]);
      expect(one).toContain(squeeze(r.customer.name));
      for (const part of expected) expect(one, `${pdf}: ${part}`).toContain(squeeze(part));
    }
  });
});

/** What only the CSM reads, as each language writes it, and the placeholders no copy prints. */
function internalStrings(locale: string) {
  const t = translator(locale);
  return {
    mark: t("copy.internal"),
    notes: t("internal.title"),
    todo: fixedPart(t, "summary.decision.unverified"),
    // "Change request" also names costs in the data (harimau's "Permintaan perubahan CR-02"): its pill is checked instead.
    triage: (["noise", "defer", "propose_now"] as const).map((k) => t(`triage.${k}`)),
    coaching: fixedPart(t, "agenda.csat.on_time"),
  };
}
const PLACEHOLDERS = [
  "None recorded yet; agree on one in this review.",
  "まだ記録されていません。本レビューで合意させてください。",
  "尚無紀錄，請於本次回顧中商定。",
  "Belum direkodkan; persetujui satu dalam semakan ini.",
];

/** Every page of a built customer folder as text: its HTML pages, its report.json and each page of its PDFs. */
async function everything(copy: string, slug: string): Promise<{ file: string; text: string }[]> {
  const folder = join(dir(copy), slug);
  const files = (await readdir(folder)).filter((f) => /\.(html|json)$/.test(f));
  const texts = await Promise.all(
    files.map(async (file) => ({ file, text: await readFile(join(folder, file), "utf8") })),
  );
  for (const pdf of await pdfs(copy, slug))
    texts.push(...(await readPdf(join(folder, pdf))).pages.map((text, i) => ({ file: `${pdf} p${i + 1}`, text })));
  return texts;
}

describe("the customer's copy and the internal copy", () => {
  it.each(SAMPLES)("%s: the customer's copy holds no internal note, triage, coaching or placeholder", async (slug) => {
    const r = await report("customer", slug);
    expect(r.copy).toBe("customer");
    expect(r).not.toHaveProperty("internal");
    const s = internalStrings(r.customer.locale);
    for (const { file, text } of await everything("customer", slug)) {
      const flat = squeeze(text);
      for (const bad of [s.mark, s.notes, s.todo, ...s.triage, s.coaching, ...PLACEHOLDERS])
        expect(flat, `${file}: ${bad}`).not.toContain(squeeze(bad));
      expect(text, file).not.toMatch(/data-triage|"triage"|"internal"|pill (noise|defer|change_request)/);
    }
    expect((await pdfs("customer", slug)).some((p) => p.includes("internal"))).toBe(false);
  });

  it.each(UNDER_WAY)("%s: the internal copy adds them, marked on every page and in the PDF names", async (slug) => {
    const r = await report("internal", slug);
    expect(r.copy).toBe("internal");
    const s = internalStrings(r.customer.locale);
    const names = await pdfs("internal", slug);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((p) => p.endsWith("-internal.pdf"))).toBe(true);
    const all = await everything("internal", slug);
    for (const { file, text } of all.filter((p) => !p.file.endsWith(".json")))
      expect(squeeze(text), file).toContain(squeeze(s.mark));
    const joined = squeeze(all.map((p) => p.text).join(" "));
    const notes = r.internal!;
    expect(notes.todos.length + notes.triage.length).toBeGreaterThan(0);
    expect(joined).toContain(squeeze(s.notes));
    if (notes.todos.some((todo) => todo.kind === "confirm_evidence")) expect(joined).toContain(squeeze(s.todo));
    // Triage and coaching are the close-out's notes: only where the engagement has ended.
    const closeout = names.some((p) => p.includes("-closeout-"));
    if (closeout && notes.triage.some((o) => o.triage === "noise")) expect(joined).toContain(squeeze(s.triage[0]));
    if (closeout && notes.coaching.some((c) => c.topic === "csat" && c.timing === "on_time"))
      expect(joined).toContain(squeeze(s.coaching));
    for (const bad of PLACEHOLDERS) expect(joined).not.toContain(squeeze(bad));
  });

  it("shows the triage and the coaching in the internal copy's close-out (closeout-triage)", async () => {
    const page = await readFile(join(dir("fixtures"), "closeout-triage", "next-steps.html"), "utf8");
    const notes = page.match(/<section class="doc-section internal-notes"[\s\S]*?<\/section>/)![0];
    expect([...notes.matchAll(/data-triage="(\w+)"/g)].map((m) => m[1])).toEqual([
      "propose_now",
      "defer",
      "change_request",
      "noise",
    ]);
    const text = notes.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(text).toContain("Noise log it and revisit A distinct outcome, but not a priority for the customer now.");
    expect(text).toContain("Raise it once the current delivery is safe.");
    expect(text).toContain(
      "Satisfaction survey: Send the survey to the sponsor and the key stakeholders 24 to 48 hours after this meeting, between 1 Sept 2026 and 2 Sept 2026.",
    );
    expect(text).toMatch(
      /Propose now: Wholesale portal orders .*Mention for later, once the current delivery is safe: Delivery slot booking .*Route through change control: Extra column in the order export/,
    );
  });

  it("refuses to publish the internal copy", async () => {
    const run = await milepost(["publish", "--all", "--from", dir("internal"), "--to", join(scratch, "share")], ROOT);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("The internal copy is never published");
    expect(run.stderr).toContain("build the customer's copy first");
  });

  it("refuses a --copy that is neither", async () => {
    const run = await milepost(["build", "--all", "--copy", "secret", "--no-pdf", "--out", join(scratch, "x")], ROOT);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--copy secret is not a copy");
    expect(run.stderr).toContain("write --copy customer or --copy internal");
  });
});

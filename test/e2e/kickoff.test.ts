// The kickoff success plan (--pack kickoff) on the sample customer whose engagement starts five days after the
// as-of date (data/kestrel-foods): its site page and PDF in English and in Japanese, --pack all building it (and no
// QBR of a quarter before the start), and --pack kickoff refused for an engagement that started long before.
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { decode } from "../support/files.ts";
import { milepost } from "../support/cli.ts";
import { readPdf } from "../support/pdf.ts";
import { contradictions, pageClaims, reportClaims } from "../support/verdicts.ts";
import type { Report } from "../../src/model/contract.ts";

const ROOT = join(import.meta.dirname, "..", "..");
let out: string;
/** The sample portfolio as the e2e global setup built it (test/support/portfolio.ts): kestrel-foods in English. */
const samples = inject("samples");
let ja: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "milepost-kickoff-"));
  // The same customer written in Japanese, in a data folder of its own (without the sample's share token).
  ja = join(out, "data", "kestrel-ja");
  await cp(join(ROOT, "data", "kestrel-foods"), ja, { recursive: true });
  const customer = JSON.parse(await readFile(join(ja, "customer.json"), "utf8")) as Record<string, unknown>;
  delete customer.share;
  delete customer.$schema;
  await writeFile(join(ja, "customer.json"), JSON.stringify({ ...customer, locale: "ja-JP" }));
  const jaRun = await milepost(
    [
      "build",
      "kestrel-ja",
      "--data",
      join(out, "data"),
      "--period",
      "2026-Q3",
      "--pack",
      "kickoff",
      "--out",
      join(out, "ja"),
    ],
    ROOT,
  );
  expect(jaRun.code, jaRun.stderr).toBe(0);
}, 600_000);

const text = (html: string) => decode(html.replace(/<[^>]+>/g, " ")).replace(/\s+/g, " ");

describe("the kickoff plan (kestrel-foods, as of 2026-09-30)", () => {
  it("is built by --pack all while the engagement starts within 30 days, without a QBR of a quarter before it started", async () => {
    const manifest = JSON.parse(await readFile(join(samples, "manifest.json"), "utf8")) as {
      customers: { slug: string; pdfs: string[] }[];
    };
    expect(manifest.customers.find((c) => c.slug === "kestrel-foods")!.pdfs).toEqual([
      "kestrel-foods/kestrel-foods-kickoff-2026-Q3.pdf",
    ]);
    const index = await readFile(join(samples, "kestrel-foods", "index.html"), "utf8");
    expect(index).toContain('href="kickoff.html"');
  });

  it("shows the goals in the customer's words, the criteria, the plan by phase, the measurement, the owners and the agreement", async () => {
    const html = await readFile(join(samples, "kestrel-foods", "kickoff.html"), "utf8");
    expect([...html.matchAll(/data-section="([^"]+)"/g)].map((m) => m[1])).toEqual([
      "ko-goals",
      "ko-criteria",
      "ko-plan",
      "ko-measures",
      "ko-team",
      "ko-agreement",
    ]);
    expect(html).toContain("<q>Stop throwing away chilled stock we should never have made</q>");
    const page = text(html);
    expect(page).toContain("Chilled stock written off 4.8 % of volume 14 Sept 2026 3 % of volume 31 Mar 2027 week 26");
    expect([...html.matchAll(/data-phase="([^"]+)"/g)].map((m) => m[1])).toEqual([
      "early_win",
      "foundation",
      "growth",
      "maturity",
      "strategic",
    ]);
    expect(page).toContain("Two years of sales history loaded and reconciled");
    expect(page).toContain("16 Oct 2026 week 2 Gareth Price");
    expect(page).toContain(
      "Supermarket orders delivered in full Share of supermarket order lines delivered complete on the first delivery To agree at kickoff To agree at kickoff",
    );
    expect(page).toContain("Meridian Advisory Lee Wei Engagement lead, Meridian Advisory");
    expect(page).toContain("Check-ins every two weeks In the first 90 days: 19 Oct 2026 2 Nov 2026");
    expect(page).toContain("28 Dec 2026");
    expect([...html.matchAll(/<dd class="name">([^<]*)<\/dd>/g)].map((m) => m[1])).toEqual(["Harriet Cole", "Lee Wei"]);
  });

  it("prints the plan with its contents, in English and in Japanese", async () => {
    const en = await readPdf(join(samples, "kestrel-foods", "kestrel-foods-kickoff-2026-Q3.pdf"));
    expect(en.pages[0]).toContain("Kickoff Success Plan");
    expect(en.outline).toEqual([
      "Your goals",
      "Success criteria",
      "Milestone plan",
      "How each outcome will be measured and validated",
      "Owners and check-ins",
      "Agreement",
    ]);
    expect(en.pages.join(" ")).toContain("Signature");
    const jaPdf = await readPdf(join(out, "ja", "kestrel-ja", "kestrel-ja-kickoff-2026-Q3.pdf"));
    const jaText = jaPdf.pages.map((p) => p.replace(/\s+/g, ""));
    expect(jaText[0]).toContain("キックオフ成功計画書");
    expect(jaPdf.outline).toContain("成果の測定・検証方法");
    expect(jaText.join("")).toContain("「Stopthrowingawaychilledstockweshouldneverhavemade」");
    expect(jaText.join("")).toContain("2026/10/16第2週GarethPrice");
  });

  it("states the ledger's verdicts, the QBR's own, once started: a milestone past its date is delayed on both", async () => {
    // Fifteen days after the start: the first early win (due 16 Oct) is not achieved.
    const dir = join(out, "started");
    const run = await milepost(["build", "kestrel-foods", "--as-of", "2026-10-20", "--no-pdf", "--out", dir], ROOT);
    expect(run.code, run.stderr).toBe(0);
    const folder = join(dir, "kestrel-foods");
    const report = JSON.parse(await readFile(join(folder, "report.json"), "utf8")) as Report;
    const claims = reportClaims(report);
    for (const page of ["kickoff.html", "print-kickoff.html", "index.html", "milestones.html", "print-qbr.html"])
      claims.push(...pageClaims(await readFile(join(folder, page), "utf8"), page));
    const kickoff = claims.filter((c) => c.where.startsWith("kickoff.html"));
    expect(kickoff).toEqual([{ item: "milestone:ms1", verdict: "delayed", where: "kickoff.html" }]);
    expect(claims.filter((c) => c.item === "milestone:ms1" && c.where.endsWith(".html")).length).toBeGreaterThan(2);
    expect(contradictions(claims)).toEqual([]);
  });

  it("lists in the internal copy what the plan leaves to agree: a metric without its source or who confirms it", async () => {
    const dir = join(out, "internal");
    const run = await milepost(
      [
        "build",
        "kestrel-foods",
        "--period",
        "2026-Q3",
        "--pack",
        "kickoff",
        "--copy",
        "internal",
        "--no-pdf",
        "--out",
        dir,
      ],
      ROOT,
    );
    expect(run.code, run.stderr).toBe(0);
    const html = await readFile(join(dir, "kestrel-foods", "kickoff.html"), "utf8");
    expect(html).toContain('data-section="ko-gaps"');
    const rows = [
      ...html.matchAll(
        /<tr data-gap="(\w+)" data-file="([^"]+)" data-field="([^"]*)">\s*<td class="gap-file">([^<]*)</g,
      ),
    ];
    expect(rows.map((r) => `${r[1]} ${r[4]} ${r[3]}`)).toEqual([
      "field metrics.csv:4 source",
      "field metrics.csv:4 confirmed_by",
    ]);
  });

  it("is refused by --pack kickoff for an engagement that started more than 30 days before", async () => {
    const run = await milepost(
      [
        "build",
        "northwind-logistics",
        "--period",
        "2026-Q3",
        "--pack",
        "kickoff",
        "--no-pdf",
        "--out",
        join(out, "nw"),
      ],
      ROOT,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "error  data/northwind-logistics has no kickoff pack as of 2026-09-30: it is built within 30 days of the engagement's start (2025-09-01) — build it with --as-of a date in that window, or build another pack with --pack",
    );
  });

  it("refuses a QBR before the engagement's start, warns beside the packs built, and names the windows when none is due", async () => {
    const build = (...args: string[]) =>
      milepost(["build", "kestrel-foods", ...args, "--no-pdf", "--out", join(out, "early")], ROOT);
    const qbr = await build("--period", "2026-Q3", "--pack", "qbr");
    expect(qbr.code).toBe(1);
    expect(qbr.stdout).toContain(
      "error  data/kestrel-foods has no QBR pack as of 2026-09-30: it is built from the engagement's start (2026-10-05) — build it with --as-of a date in that window, or build another pack with --pack",
    );
    const several = await build("--period", "2026-Q3", "--pack", "all,monthly");
    expect(several.code, several.stderr).toBe(0);
    expect(several.stdout).toContain(
      "warning  data/kestrel-foods has no monthly pack as of 2026-09-30: it is built from the engagement's start (2026-10-05) — the other packs asked for are built",
    );
    const none = await build("--as-of", "2026-07-01");
    expect(none.code).toBe(1);
    expect(none.stdout).toContain(
      "error  data/kestrel-foods has no pack to build as of 2026-07-01: the engagement starts 2026-10-05; the QBR pack is built from the engagement's start and the kickoff pack within 30 days of the engagement's start — build with --as-of a date in one of these windows, or correct engagement.start in customer.json",
    );
  });
});

// The book of business (issue 24, item 6) end to end: written over a copy of the fixture portfolio (built by
// test/support/portfolio.ts) with a real Chromium, as `milepost build --all` writes it (test/e2e/isolation.test.ts runs
// that command): dist/portfolio/ holds the page, portfolio.csv and the one-page PDF, each agreeing with the
// customers' report.json; the page sorts and filters in headless Chromium from disk; publish refuses it.
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parse } from "csv-parse/sync";
import type { Browser, Page } from "puppeteer";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { defaultEffects } from "../../src/build.ts";
import type { CopyReport } from "../../src/model/contract.ts";
import { showMoney } from "../../src/portfolio/page.ts";
import { CSV_COLUMNS } from "../../src/portfolio/rows.ts";
import { writePortfolio } from "../../src/portfolio/write.ts";
import { readManifest, type ManifestEntry } from "../../src/publish.ts";
import { customerFiles } from "../../src/share/files.ts";
import { publish, type PublishOptions } from "../../src/share/publish.ts";
import { launchBrowser, watchedPage, type Watched } from "../support/browser.ts";
import { squash } from "../support/craft.ts";
import { readPdf } from "../support/pdf.ts";
import { shareScratch } from "../support/share.ts";

let portfolio: string;
let book: string;
let entries: ManifestEntry[];
const reports = new Map<string, CopyReport>();

beforeAll(async () => {
  portfolio = await mkdtemp(join(tmpdir(), "milepost-book-"));
  await cp(inject("portfolio"), portfolio, {
    recursive: true,
    filter: (p) => !/\.milepost-(lock|publishing-)/.test(p),
  });
  const work = await mkdtemp(join(tmpdir(), "milepost-book-work-"));
  const printer = defaultEffects.printer(work);
  try {
    await writePortfolio(portfolio, async (root, job) => (await printer.print(root, [job])).get(job) ?? null);
  } finally {
    await printer.close();
    await rm(work, { recursive: true, force: true });
  }
  book = join(portfolio, "portfolio");
  entries = await readManifest(portfolio);
  for (const e of entries)
    if (e.report) reports.set(e.slug, JSON.parse(await readFile(join(portfolio, e.report), "utf8")) as CopyReport);
});

afterAll(() => rm(portfolio, { recursive: true, force: true }));

const verdict = (r: CopyReport, item: string) => r.verdicts.find((v) => v.item === item)?.verdict;

describe("milepost build --all writes dist/portfolio/", () => {
  it("portfolio.csv holds one line per customer of manifest.json, each figure as its report.json holds it", async () => {
    const rows = parse(await readFile(join(book, "portfolio.csv"), "utf8"), { columns: true }) as Record<
      string,
      string
    >[];
    expect(Object.keys(rows[0])).toEqual([...CSV_COLUMNS]);
    expect(rows.map((r) => r.slug)).toEqual(entries.map((e) => e.slug));
    const num = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));
    for (const row of rows) {
      const r = reports.get(row.slug)!;
      expect(row).toMatchObject({
        name: r.customer.name,
        csm: r.customer.csm ?? "",
        status: "built",
        health: verdict(r, "health"),
        currency: r.customer.currency,
        valueClaimed: num(r.roi.valueToDate),
        valueVerified: num(r.roi.verifiedValueToDate),
        roi: num(r.roi.roi),
        payback: verdict(r, "payback"),
        renewalDate: r.contract?.renewalDate ?? "",
        seatUse: num(r.contract?.utilization),
        decisions: String(r.verdicts.filter((v) => v.item.startsWith("decision:")).length),
        asOf: r.asOf,
        warnings: String(r.warnings.length),
      });
    }
    expect(rows.find((r) => r.slug === "acme")!.csm).toBe("Jordan Hale");
  });

  it("prints a one-page PDF for the CS lead naming every customer that has a decision to take", async () => {
    const pdf = await readPdf(join(book, "portfolio.pdf"));
    expect(pdf.pages).toHaveLength(1);
    expect(pdf.pages[0]).toContain("Book of business");
    expect(pdf.pages[0]).toContain("Internal — do not forward.");
    for (const [slug, r] of reports)
      if (r.verdicts.some((v) => v.item.startsWith("decision:")))
        expect(squash(pdf.pages[0]), slug).toContain(squash(r.customer.name));
  });

  it("holds no customer detail beyond the book's figures: no metric, milestone or stakeholder is named", async () => {
    const page = await readFile(join(book, "index.html"), "utf8");
    for (const r of reports.values()) {
      for (const m of r.metrics) expect(page).not.toContain(m.name);
      for (const m of r.milestones) expect(page).not.toContain(m.name);
      for (const s of r.stakeholderMap ?? []) expect(page).not.toContain(s.name);
    }
  });
});

describe("the book's page in headless Chromium, from disk", () => {
  let browser: Browser;
  let w: Watched;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    w = await watchedPage(browser);
    page = w.page;
    await page.setViewport({ width: 1366, height: 900 });
    await page.goto(`file://${join(book, "index.html")}`, { waitUntil: "load" });
  });
  afterAll(() => browser?.close());

  const visible = () =>
    page.$$eval("table.book-table tbody tr", (rows) =>
      rows.filter((r) => !(r as HTMLElement).hidden).map((r) => r.querySelector("td .sub")!.textContent),
    );
  const column = (title: string) =>
    page.$$eval("table.book-table thead th", (ths, t) => ths.findIndex((th) => th.textContent === t), title);

  it("shows each customer's value claimed as its report.json has it, under the page's policy", async () => {
    const cells = await page.$$eval("table.book-table tbody tr", (rows) =>
      rows.map((r) => [r.querySelector("td .sub")!.textContent, r.cells[3].textContent]),
    );
    for (const [slug, text] of cells) {
      const r = reports.get(slug!)!;
      expect(text).toBe(showMoney(r.roi.valueToDate, r.customer.currency));
    }
    expect(w.violations).toEqual([]);
    expect(w.failed).toEqual([]);
  });

  it("sorts by a column when its heading is pressed, and the other way when pressed again", async () => {
    const col = await column("Value claimed");
    await page.click(`th button[data-col="${col}"]`);
    const values = (slugs: (string | null)[]) => slugs.map((s) => reports.get(s!)!.roi.valueToDate);
    const up = values(await visible());
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(await page.$eval(`th:nth-child(${col + 1})`, (th) => th.getAttribute("aria-sort"))).toBe("ascending");
    await page.click(`th button[data-col="${col}"]`);
    const down = values(await visible());
    expect(down).toEqual([...up].reverse());
    const name = await column("Customer");
    await page.click(`th button[data-col="${name}"]`);
    const names = (await visible()).map((s) => reports.get(s!)!.customer.name.toLowerCase());
    expect(names).toEqual([...names].sort());
  });

  it("is cards on a 360 or 390 px phone, every figure beside its column's name, nothing wider than the screen", async () => {
    for (const width of [360, 390]) {
      await page.setViewport({ width, height: 800 });
      const wide = await page.evaluate(() => {
        const vw = document.documentElement.clientWidth;
        return [...document.body.querySelectorAll("*")]
          .filter((el) => el.getBoundingClientRect().right > vw + 0.5)
          .map((el) => el.outerHTML.slice(0, 60));
      });
      expect(wide, String(width)).toEqual([]);
    }
    const label = await page.$eval(
      "table.book-table tbody td:nth-child(4)",
      (td) => getComputedStyle(td, "::before").content,
    );
    expect(label).toBe('"Value claimed"');
    await page.setViewport({ width: 1366, height: 900 });
  });

  it("filters by CSM, health and renewal window, and counts what it shows", async () => {
    await page.select('select[data-filter="csm"]', "Jordan Hale");
    const jordan = [...reports.values()].filter((r) => r.customer.csm === "Jordan Hale").map((r) => r.customer.slug);
    expect((await visible()).sort()).toEqual(jordan.sort());
    expect(await page.$eval("output[data-count]", (o) => o.textContent)).toBe(
      `${jordan.length} of ${reports.size} customers`,
    );
    await page.select('select[data-filter="csm"]', "-");
    const none = [...reports.values()].filter((r) => !r.customer.csm).map((r) => r.customer.slug);
    expect((await visible()).sort()).toEqual(none.sort());
    await page.select('select[data-filter="csm"]', "");
    for (const rag of ["red", "yellow", "green"]) {
      await page.select('select[data-filter="health"]', rag);
      const want = [...reports.values()].filter((r) => verdict(r, "health") === rag).map((r) => r.customer.slug);
      expect((await visible()).sort(), rag).toEqual(want.sort());
    }
    await page.select('select[data-filter="health"]', "");
    await page.select('select[data-filter="renewal"]', "180");
    const soon = [...reports.values()]
      .filter((r) => r.contract && r.contract.daysToRenewal >= 0 && r.contract.daysToRenewal <= 180)
      .map((r) => r.customer.slug);
    expect((await visible()).sort()).toEqual(soon.sort());
    await page.select('select[data-filter="renewal"]', "");
    expect(await visible()).toHaveLength(reports.size);
  });
});

describe("milepost publish refuses the book of business", () => {
  let scratch: { dir: string; data: string };
  let from: string;
  const options = (over: Partial<PublishOptions>): PublishOptions => ({
    from,
    dataDir: scratch.data,
    to: join(scratch.dir, "public"),
    customers: ["acme"],
    protect: false,
    expires: null,
    prune: false,
    sharesFile: join(scratch.dir, "shares.csv"),
    today: "2026-10-01",
    ...over,
  });
  beforeAll(async () => {
    scratch = await shareScratch();
    from = join(scratch.dir, "dist");
    await cp(portfolio, from, { recursive: true });
  });

  it("named as a customer: the folder is the book", async () => {
    const result = await publish(options({ customers: ["portfolio"] }));
    expect(result.shares[0].issues.map((i) => [i.code, i.file, i.problem, i.fix])).toEqual([
      [
        "book-of-business",
        `${relative(process.cwd(), from)}/portfolio`,
        "is the book of business: every customer's figures, for the account team only; it is never published",
        "publish each customer's own folder (milepost publish <slug>, or --all); keep the book inside the team",
      ],
    ]);
  });

  it("a customer's folder that holds a copy of it", async () => {
    await cp(book, join(from, "acme", "portfolio"), { recursive: true });
    const result = await publish(options({}));
    expect(result.shares[0].status).toBe("failed");
    expect(result.shares[0].issues.map((i) => [i.code, i.file, i.problem])).toEqual([
      [
        "book-of-business",
        `${relative(process.cwd(), from)}/acme/portfolio/index.html`,
        "is the book of business: every customer's figures, for the account team only; it is never published",
      ],
    ]);
  });

  it("publishing every customer sends none of it, and no print page", async () => {
    const files = (await customerFiles(join(portfolio, "acme"))).map((f) => f.path);
    expect(files).toContain("index.html");
    expect(files.filter((f) => /portfolio|^print-/.test(f))).toEqual([]);
  });
});

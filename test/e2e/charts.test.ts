// The charts of the fixture portfolio (built once for the run) as a reader meets them: in the PDF as
// vector lines and real text (each chart's axis labels and unit read back with pdfjs), and on the site
// live with chart.js under the share's Content-Security-Policy, served by Caddy with the README's headers.
import { cp, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Report } from "../../src/model/contract.ts";
import { formatter } from "../../templates/lib/format.ts";
import { launchBrowser, watchedPage } from "../support/browser.ts";
import { milepost } from "../support/cli.ts";
import { readPdf } from "../support/pdf.ts";
import { FIXTURES } from "../support/portfolio.ts";
import { startCaddy } from "../support/share.ts";

const out = inject("portfolio");

/** Each chart of a page: the text of its axis title, x and y ticks, and target label. */
function chartsOf(page: string): { unit: string; ticks: string[]; target: string }[] {
  const texts = (svg: string, role: string) =>
    [...(new RegExp(`<g class="${role}">(.*?)</g>`).exec(svg)?.[1] ?? "").matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(
      (m) => m[1].replace(/&amp;/g, "&"),
    );
  return [...page.matchAll(/<svg class="chart-svg".*?<\/svg>/g)].map(([svg]) => ({
    unit: texts(svg, "axis-title").join(" "),
    ticks: [...texts(svg, "x-ticks"), ...texts(svg, "y-ticks")],
    target: texts(svg, "target-label").join(" "),
  }));
}

describe("charts in print", () => {
  it("keep each chart's axis labels, unit and target label as text in the PDF", async () => {
    let charts = 0;
    for (const slug of await readdir(out)) {
      const files = await readdir(join(out, slug)).catch(() => [] as string[]);
      for (const pdfFile of files.filter((f) => f.endsWith(".pdf"))) {
        const print = files.find((f) => f.startsWith("print-") && pdfFile.includes(f.slice(6, -5)));
        if (!print) continue;
        const found = chartsOf(await readFile(join(out, slug, print), "utf8"));
        if (!found.length) continue;
        const text = (await readPdf(join(out, slug, pdfFile))).pages.join(" ");
        const squash = (s: string) => s.replace(/\s+/g, "");
        for (const c of found) {
          charts++;
          expect(c.unit, `${pdfFile}: a chart without a unit`).not.toBe("");
          expect(c.ticks.length, pdfFile).toBeGreaterThanOrEqual(4);
          for (const label of [c.unit, c.target, ...c.ticks])
            expect(squash(text), `${pdfFile}: "${label}"`).toContain(squash(label));
        }
      }
    }
    expect(charts).toBeGreaterThan(3);
  });
});

describe("charts on the site", () => {
  let browser: Browser;
  let caddy: Awaited<ReturnType<typeof startCaddy>>;
  beforeAll(async () => {
    browser = await launchBrowser();
    caddy = await startCaddy(out, await mkdtemp(join(tmpdir(), "milepost-charts-")));
  });
  afterAll(async () => {
    await browser?.close();
    await caddy?.stop();
  });

  it("go live with chart.js: a hover over the chart shows a measurement's value, date and source row, and the CSP holds", async () => {
    const report = JSON.parse(await readFile(join(out, "acme", "report.json"), "utf8")) as Report;
    const f = formatter("en-US", "USD");
    const w = await watchedPage(browser);
    await w.page.setViewport({ width: 1366, height: 900 });
    await w.page.goto(`${caddy.origin}/acme/milestones.html`, { waitUntil: "load" });
    await w.page.waitForSelector("figure.chart.live canvas");
    const figure = (await w.page.$(`figure.chart.live[data-chart-for="${report.metrics[0].id}"]`))!;
    expect(figure).not.toBeNull();
    expect(await figure.$eval("svg.chart-svg", (svg) => getComputedStyle(svg).display)).toBe("none");
    // A short series has no range picker.
    expect(await figure.$(".chart-range")).toBeNull();
    await figure.scrollIntoView();
    const box = (await figure
      .$eval("canvas", (c) => JSON.stringify(c.getBoundingClientRect().toJSON()))
      .then(JSON.parse)) as DOMRect;
    const m = report.metrics[0];
    const said = new Set<string>();
    for (const at of [0.2, 0.35, 0.5, 0.65]) {
      await w.page.mouse.move(box.x + box.width * at, box.y + box.height * 0.5);
      await w.page.waitForFunction((el) => (el.querySelector(".chart-tip")?.textContent ?? "") !== "", {}, figure);
      said.add(await figure.$eval(".chart-tip", (p) => p.textContent ?? ""));
    }
    const matched = [...said].filter((words) =>
      m.series.some(
        (p) =>
          words.startsWith(f.date(p.date)) &&
          words.includes(f.value(p.value, m.unit)) &&
          words.includes(`Source: ${p.source}`),
      ),
    );
    expect(matched.length, [...said].join("\n")).toBeGreaterThan(0);
    expect(w.violations).toEqual([]);
    expect(w.failed).toEqual([]);
  });

  it("give a long series a range picker: a key press on 3 months rescales the x axis, all draws every point shown, and the CSP holds", async () => {
    // acme with m1 measured 300 times over two years and more: more than 150, so the pages draw the last of each week.
    const cwd = await mkdtemp(join(tmpdir(), "milepost-charts-long-"));
    await cp(join(FIXTURES, "data", "acme"), join(cwd, "data", "acme"), { recursive: true });
    const metrics = join(cwd, "data", "acme", "metrics.csv");
    await writeFile(
      metrics,
      (await readFile(metrics, "utf8")).replace(/^(m1,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,)2025-10-01,/m, "$12024-07-01,"),
    );
    const file = join(cwd, "data", "acme", "measurements.csv");
    const rows = (await readFile(file, "utf8"))
      .trimEnd()
      .split("\n")
      .filter((line) => !line.startsWith("m1,"));
    const start = Date.UTC(2024, 6, 2);
    const COUNT = 300;
    const days = 819; // 2024-07-02 to 2026-09-28
    for (let i = 0; i < COUNT; i++) {
      const date = new Date(start + Math.floor((i * days) / COUNT) * 86_400_000).toISOString().slice(0, 10);
      rows.push(`m1,${date},${(15 - (14 * i) / COUNT + ((i * 7919) % 50) / 100).toFixed(2)},Timesheets,`);
    }
    await writeFile(file, `${rows.join("\n")}\n`);
    const run = await milepost(["build", "acme", "--pack", "qbr", "--as-of", "2026-09-30", "--no-pdf"], cwd);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('"m1" has 300 measurements: the charts and tables show the last of each week');
    const report = JSON.parse(await readFile(join(cwd, "dist", "acme", "report.json"), "utf8")) as Report;
    const m1 = report.metrics.find((m) => m.id === "m1")!;

    const long = await startCaddy(join(cwd, "dist"), await mkdtemp(join(tmpdir(), "milepost-charts-caddy-")));
    try {
      const f = formatter("en-US", "USD");
      const w = await watchedPage(browser);
      await w.page.setViewport({ width: 1366, height: 900 });
      let figure = null;
      for (const name of await readdir(join(cwd, "dist", "acme"))) {
        if (!name.endsWith(".html") || name.startsWith("print-")) continue;
        await w.page.goto(`${long.origin}/acme/${name}`, { waitUntil: "load" });
        if (!(await w.page.$('figure.chart[data-chart-for="m1"]'))) continue;
        await w.page.waitForSelector('figure.chart.live[data-chart-for="m1"] .chart-range button');
        figure = (await w.page.$('figure.chart.live[data-chart-for="m1"]'))!;
        break;
      }
      expect(figure, "a site page with m1's chart").not.toBeNull();
      const box = () =>
        figure!.$eval(".chart-live-box", (b) => ({
          range: b.getAttribute("data-range"),
          from: b.getAttribute("data-from"),
          to: b.getAttribute("data-to"),
          shown: b.querySelector(".chart-range-shown")?.textContent ?? "",
          pressed: [...b.querySelectorAll(".chart-range button")].map(
            (x) => `${x.textContent}:${x.getAttribute("aria-pressed")}`,
          ),
          pixels: b.querySelector("canvas")!.toDataURL(),
        }));
      const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
      const all = await box();
      expect(all.range).toBe("all");
      expect(all.from).toBe(m1.baselineDate);
      expect(all.pressed).toEqual(["3 months:false", "1 year:false", "All:true"]);
      // "All" draws every point the page shows (the last of each week), and says how many, from when to when.
      expect(all.shown).toBe(
        `${m1.series.length} measurements drawn, ${f.date(m1.series[0].date)} – ${f.date(m1.series.at(-1)!.date)}`,
      );

      // Keyboard: Tab to "3 months" and press Enter.
      await figure!.$eval(".chart-range button", (b) => (b as HTMLButtonElement).focus());
      await w.page.keyboard.press("Enter");
      await w.page.waitForFunction(
        (el) => el.querySelector(".chart-live-box")?.getAttribute("data-range") === "months3",
        {},
        figure!,
      );
      const months3 = await box();
      expect(months3.pressed).toEqual(["3 months:true", "1 year:false", "All:false"]);
      expect(days(months3.from!, m1.series.at(-1)!.date)).toBe(92);
      expect(days(months3.from!, months3.to!)).toBeLessThan(110);
      expect(months3.pixels).not.toBe(all.pixels);
      const inRange = m1.series.filter((p) => p.date >= months3.from! && p.date <= months3.to!);
      expect(months3.shown).toBe(
        `${inRange.length} measurements drawn, ${f.date(inRange[0].date)} – ${f.date(inRange.at(-1)!.date)}`,
      );
      expect(inRange.length).toBeLessThan(m1.series.length / 4);

      // And back to all with a space on the focused "All".
      await figure!.$eval(".chart-range button:last-child", (b) => (b as HTMLButtonElement).focus());
      await w.page.keyboard.press("Space");
      await w.page.waitForFunction(
        (el) => el.querySelector(".chart-live-box")?.getAttribute("data-range") === "all",
        {},
        figure!,
      );
      const back = await box();
      expect([back.from, back.to, back.shown]).toEqual([all.from, all.to, all.shown]);
      expect(back.pressed).toEqual(all.pressed);
      expect(w.violations).toEqual([]);
      expect(w.failed).toEqual([]);
    } finally {
      await long.stop();
    }
  });
});

// The charts of the fixture portfolio (built once for the run) as a reader meets them: in the PDF as
// vector lines and real text (each chart's axis labels and unit read back with pdfjs), and on the site
// live with chart.js under the share's Content-Security-Policy, served by Caddy with the README's headers.
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Report } from "../src/model/contract.ts";
import { formatter } from "../templates/lib/format.ts";
import { launchBrowser, watchedPage } from "./support/browser.ts";
import { readPdf } from "./support/pdf.ts";
import { startCaddy } from "./support/share.ts";

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
});

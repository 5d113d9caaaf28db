// A headless Chromium for tests that open pages as a reader would, recording what the page
// reports: console messages, Content-Security-Policy violations and every request it makes.
import puppeteer, { type Browser, type Page } from "puppeteer";
import { CHROME_ARGS, findChrome } from "../../src/pdf.ts";

export interface Watched {
  page: Page;
  console: string[];
  violations: string[];
  requests: string[];
  /** Requests that failed or were answered with an error status. e.g. "404 http://…/font.woff2" */
  failed: string[];
}

export function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({ executablePath: findChrome(), headless: true, args: CHROME_ARGS });
}

/** A new page that records console messages, CSP violations (as the page's own event sees them) and requests. */
export async function watchedPage(browser: Browser): Promise<Watched> {
  const page = await browser.newPage();
  const w: Watched = { page, console: [], violations: [], requests: [], failed: [] };
  page.on("console", (m) => w.console.push(`${m.type()}: ${m.text()}`));
  page.on("request", (r) => w.requests.push(r.url()));
  page.on("requestfailed", (r) => w.failed.push(`${r.failure()?.errorText} ${r.url()}`));
  page.on("response", (r) => {
    if (r.status() >= 400) w.failed.push(`${r.status()} ${r.url()}`);
  });
  await page.exposeFunction("__violation", (v: string) => w.violations.push(v));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __violation: (v: string) => void }).__violation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return w;
}

/** Whether the first chart of the page is drawn: live by chart.js on a canvas with a size, or its build-time SVG's measurement line. */
export async function chartDrawn(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>("figure.chart.live canvas.chart-live");
    if (canvas) return canvas.getBoundingClientRect().width > 0 && canvas.width > 0;
    const line = document.querySelector<SVGPathElement>("svg.chart-svg .measured path");
    if (!line || (line.getAttribute("d")?.match(/[ML]/g)?.length ?? 0) < 2) return false;
    const box = line.getBoundingClientRect();
    return box.width > 0 || box.height > 0;
  });
}

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

/** Whether the first chart canvas of the page has been drawn (some pixel neither white nor transparent). */
export async function chartDrawn(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const canvas = document.querySelector("canvas");
    if (!canvas || canvas.width === 0) return false;
    const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 0; i < data.length; i += 4)
      if (data[i + 3] > 0 && (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200)) return true;
    return false;
  });
}

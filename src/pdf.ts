// Stage 5: print PDFs with one system Chromium and a small pool of pages, over 127.0.0.1.
import { existsSync } from "node:fs";
import { execFile } from "node:child_process";
import { rename, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { availableParallelism } from "node:os";
import puppeteer, { type Browser, type Page } from "puppeteer";
import { browserNotFound, MilepostError } from "./errors.ts";
import { finishPdf, type Bookmark } from "./pdfinfo.ts";

/** One PDF to print: the page at `path` (site-relative, e.g. "acme/print-qbr.html") into `out`. */
export interface PrintJob {
  path: string;
  out: string;
  paper: "a4" | "letter";
}

const run = promisify(execFile);

const KNOWN_PATHS: Record<string, string[]> = {
  linux: ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/snap/bin/chromium"],
  darwin: [
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
  ],
  win32: [
    "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
    "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
    "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
  ],
};

/** The browser to print with: MILEPOST_CHROME, then PUPPETEER_EXECUTABLE_PATH, then well-known install paths. */
export function findChrome(env: NodeJS.ProcessEnv = process.env, platform = process.platform, exists = existsSync): string {
  const tried: string[] = [];
  for (const name of ["MILEPOST_CHROME", "PUPPETEER_EXECUTABLE_PATH"]) {
    const path = env[name];
    if (!path) continue;
    if (exists(path)) return path;
    tried.push(`${path} (from ${name}: no such file)`);
  }
  for (const path of KNOWN_PATHS[platform] ?? KNOWN_PATHS.linux) {
    if (exists(path)) return path;
    tried.push(path);
  }
  throw browserNotFound(tried);
}

const CHROME_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--font-render-hinting=none",
];

/** Prints every job through one browser and `concurrency` reusable pages. Returns the failures by job. */
export async function printAll(
  origin: string,
  jobs: PrintJob[],
  options: { chrome?: string; concurrency?: number } = {},
): Promise<Map<PrintJob, Error>> {
  const failures = new Map<PrintJob, Error>();
  if (jobs.length === 0) return failures;
  const executablePath = options.chrome ?? findChrome();
  let browser: Browser;
  try {
    browser = await puppeteer.launch({ executablePath, headless: true, args: CHROME_ARGS });
  } catch (err) {
    throw new MilepostError("Chromium did not start", `${executablePath} could not be started: ${(err as Error).message}`,
      "Check that the browser runs on this machine, or point MILEPOST_CHROME at another one.", { cause: err });
  }
  try {
    const concurrency = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), jobs.length, 4));
    const queue = jobs.values();
    const worker = async () => {
      const page = await browser.newPage();
      for (const job of queue) {
        try {
          await printOne(page, `${origin}/${job.path}`, job);
        } catch (err) {
          failures.set(job, err as Error);
        }
      }
      await page.close();
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    await browser.close();
  }
  return failures;
}

async function printOne(page: Page, url: string, job: PrintJob): Promise<void> {
  const response = await page.goto(url, { waitUntil: "load" });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
  // The page sets data-print-ready once fonts are loaded and every chart is drawn.
  await page.waitForSelector("html[data-print-ready]", { timeout: 30_000 });
  const options = {
    format: job.paper === "letter" ? "Letter" : "A4",
    printBackground: true,
    preferCSSPageSize: true,
    waitForFonts: true,
    timeout: 60_000,
  } as const;
  // Sections listed in the table of contents: their ids and titles.
  const sections = await page.$$eval("[data-toc-for]", (cells) =>
    cells.map((cell) => ({ id: (cell as HTMLElement).dataset.tocFor!, title: cell.closest("li")?.querySelector("span")?.textContent?.trim() ?? "" })),
  );
  let bookmarks: Bookmark[] = [];
  if (sections.length > 0) {
    // First pass: print with a marker at the top of each section, find the page each lands on.
    await page.evaluate((ids: string[]) => {
      ids.forEach((id, i) => {
        const marker = document.createElement("span");
        marker.className = "toc-marker";
        marker.textContent = `MPTOC${i}MPTOC`;
        document.getElementById(id)?.prepend(marker);
      });
    }, sections.map((s) => s.id));
    const pages = await markerPages(await page.pdf({ ...options, tagged: false }), sections.length);
    await page.evaluate((ids: string[], found: (number | null)[]) => {
      document.querySelectorAll(".toc-marker").forEach((m) => m.remove());
      ids.forEach((id, i) => {
        const cell = document.querySelector(`[data-toc-for="${id}"]`);
        if (cell && found[i] !== null) cell.textContent = String(found[i]);
      });
    }, sections.map((s) => s.id), pages);
    bookmarks = sections.flatMap((s, i) => (pages[i] === null ? [] : [{ title: s.title, page: pages[i]! }]));
  }
  const info = await page.evaluate(() => ({
    title: document.title,
    author: document.querySelector<HTMLMetaElement>('meta[name="author"]')?.content ?? "",
    subject: document.querySelector<HTMLMetaElement>('meta[name="description"]')?.content ?? "",
    keywords: document.querySelector<HTMLMetaElement>('meta[name="keywords"]')?.content ?? "",
  }));
  const pdf = await page.pdf({ ...options, outline: false, tagged: true });
  const tmp = `${job.out}.partial`;
  await writeFile(tmp, finishPdf(pdf, info, bookmarks));
  await compact(tmp);
  await rename(tmp, job.out);
}

let qpdf: boolean | undefined;

/**
 * Packs the PDF's many small objects (a tagged PDF has thousands of structure elements, which
 * Chromium writes uncompressed) into compressed object streams with qpdf, when it is installed:
 * about a third smaller. Without qpdf the PDF stays as Chromium wrote it.
 */
async function compact(path: string): Promise<void> {
  qpdf ??= await run("qpdf", ["--version"]).then(() => true, () => false);
  if (!qpdf) return;
  await run("qpdf", ["--object-streams=generate", "--compression-level=9", "--replace-input", path]);
}

/** The 1-based page on which each marker "MPTOC<i>MPTOC" appears, or null. */
async function markerPages(pdf: Uint8Array, count: number): Promise<(number | null)[]> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = getDocument({ data: pdf, verbosity: 0 });
  const doc = await task.promise;
  const found: (number | null)[] = Array(count).fill(null);
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      const text = content.items.map((item) => ("str" in item ? item.str : "")).join("").replace(/\s+/g, "");
      for (const m of text.matchAll(/MPTOC(\d+)MPTOC/g)) found[Number(m[1])] ??= p;
    }
  } finally {
    await task.destroy();
  }
  return found;
}

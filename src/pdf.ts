// Stage 5: print PDFs with one system Chromium and a small pool of pages, over 127.0.0.1.
import { existsSync } from "node:fs";
import { execFile, type ChildProcess } from "node:child_process";
import { rename, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { availableParallelism } from "node:os";
import puppeteer, { type Page } from "puppeteer";
import { checkpoint } from "./checkpoint.ts";
import { browserNotFound, MilepostError } from "./errors.ts";
import { destinationPages, finishPdf, pageCount, type Bookmark } from "./pdfinfo.ts";

/** One PDF to print: the page at `path` (site-relative, e.g. "acme/print-qbr.html") into `out`. */
export interface PrintJob {
  path: string;
  out: string;
  paper: "a4" | "letter";
  /** The as-of date: the PDF's creation date, so the same data gives the same bytes. */
  date: string;
}

/** Chromium stopped (crashed or was killed) while printing a job. */
export class BrowserStopped extends Error {}

const run = promisify(execFile);

const KNOWN_PATHS: Record<string, string[]> = {
  linux: [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/snap/bin/chromium",
  ],
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

/**
 * The browser to print with: the one MILEPOST_CHROME (else PUPPETEER_EXECUTABLE_PATH) names —
 * an error when it is not there, never another browser instead — else a well-known install path.
 */
export function findChrome(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
  exists: (path: string) => boolean = existsSync,
): string {
  for (const name of ["MILEPOST_CHROME", "PUPPETEER_EXECUTABLE_PATH"]) {
    const path = env[name];
    if (!path) continue;
    if (exists(path)) return path;
    throw new MilepostError(
      "No browser where you pointed",
      `${name} names ${path}, and there is no such file.`,
      `Write the path of Chrome or Chromium in ${name} (e.g. export ${name}=/usr/bin/chromium), or unset it to let milepost look in the usual places.`,
    );
  }
  const tried: string[] = [];
  for (const path of KNOWN_PATHS[platform] ?? KNOWN_PATHS.linux) {
    if (exists(path)) return path;
    tried.push(path);
  }
  throw browserNotFound(tried);
}

/** Chromium's flags: root needs --no-sandbox; the rest keep a headless print quiet and offline. */
export const CHROME_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--font-render-hinting=none",
];

/** A Chromium that prints; started as soon as it is created so it warms up while pages render. */
export interface Printer {
  /** Prints every job of the site served at `origin`, calling `printed` as each ends. Returns the failures by job. */
  print(origin: string, jobs: PrintJob[], printed?: (job: PrintJob) => void): Promise<Map<PrintJob, Error>>;
  close(): Promise<void>;
}

/**
 * Launches one Chromium (found as findChrome says) with a pool of up to `concurrency` pages. It
 * talks over a pipe, so it exits with milepost even when milepost is killed, and keeps its
 * profile in `profile` (inside the run's working folder). A Chromium that stopped is started
 * again for the next print.
 */
export function openPrinter(options: { chrome?: string; concurrency?: number; profile?: string } = {}): Printer {
  const executablePath = options.chrome ?? findChrome();
  const launch = () => {
    const launching = puppeteer
      .launch({ executablePath, headless: true, pipe: true, userDataDir: options.profile, args: CHROME_ARGS })
      .catch((err: Error) => {
        throw new MilepostError(
          "Chromium did not start",
          `${executablePath} could not be started: ${err.message.split("\n")[0]}`,
          "Check that the browser runs on this machine (run it with --version), or point MILEPOST_CHROME at another one, or build the sites alone with --no-pdf.",
          { cause: err },
        );
      });
    launching.catch(() => {}); // reported by print()
    return launching;
  };
  let launching = launch();
  return {
    async print(origin, jobs, printed) {
      let browser = await launching;
      if (!browser.connected) browser = await (launching = launch());
      const failures = new Map<PrintJob, Error>();
      const concurrency = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), jobs.length, 4));
      const queue = jobs.values();
      const worker = async () => {
        const page = await browser.newPage().catch(() => null);
        for (const job of queue) {
          try {
            if (!page) throw new Error("Chromium could not open a page");
            await printOne(page, `${origin}/${job.path}`, job, browser.process());
          } catch (err) {
            failures.set(
              job,
              browser.connected
                ? (err as Error)
                : new BrowserStopped("Chromium stopped while printing", { cause: err }),
            );
          }
          printed?.(job);
        }
        await page?.close().catch(() => {});
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      return failures;
    },
    async close() {
      await (await launching.catch(() => null))?.close().catch(() => {});
    },
  };
}

/** Pages (cover included) up to which a document goes without a contents page. */
const SHORT_DOCUMENT = 4;

/** The width of the printed column in CSS pixels (paper less 16 mm margins each side), per paper. */
const COLUMN_PX = { a4: Math.round(((210 - 32) * 96) / 25.4), letter: Math.round(((215.9 - 32) * 96) / 25.4) };

async function printOne(page: Page, url: string, job: PrintJob, browser: ChildProcess | null): Promise<void> {
  // Lay the page out as it will print, so each chart is drawn at its printed size.
  await page.emulateMediaType("print");
  await page.setViewport({ width: COLUMN_PX[job.paper], height: 1000 });
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
    cells.map((cell) => ({
      id: (cell as HTMLElement).dataset.tocFor!,
      title: cell.closest("li")?.querySelector("span")?.textContent?.trim() ?? "",
    })),
  );
  const ids = sections.map((s) => s.id);
  let bookmarks: Bookmark[] = [];
  if (sections.length > 0) {
    // First pass: the contents link to each section, so Chromium writes a named destination
    // for it: the page each section starts on. Fill the numbers in, then print for real.
    // A document of four pages or fewer without its contents page has none: it is taken out.
    const draft = await page.pdf({ ...options, tagged: false });
    const short = pageCount(draft) - 1 <= SHORT_DOCUMENT;
    const pages = destinationPages(draft, ids).map((n) => (n !== null && short ? n - 1 : n));
    checkpoint("printing", browser);
    await page.evaluate(
      (ids: string[], found: (number | null)[], short: boolean) => {
        if (short) return document.querySelector("nav.toc")?.remove();
        ids.forEach((id, i) => {
          const cell = document.querySelector(`[data-toc-for="${id}"]`);
          if (cell && found[i] !== null) cell.textContent = String(found[i]);
        });
      },
      ids,
      pages,
      short,
    );
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
  await writeFile(tmp, finishPdf(pdf, { ...info, date: job.date }, bookmarks));
  await compact(tmp);
  await rename(tmp, job.out);
}

let qpdf: boolean | undefined;

/**
 * Packs the PDF's many small objects (a tagged PDF has thousands of structure elements, which
 * Chromium writes uncompressed) into compressed object streams with qpdf, when it is installed:
 * about a third smaller. Without qpdf the PDF stays as finishPdf wrote it. Either way its /ID
 * is computed from its content, so the same pages give the same bytes.
 */
async function compact(path: string): Promise<void> {
  qpdf ??= await run("qpdf", ["--version"]).then(
    () => true,
    () => false,
  );
  if (!qpdf) return;
  await run("qpdf", [
    "--object-streams=generate",
    "--compression-level=9",
    "--deterministic-id",
    "--replace-input",
    path,
  ]);
}

// Stage 5: print PDFs with one system Chromium and a small pool of pages, over 127.0.0.1.
import { existsSync } from "node:fs";
import type { ChildProcess } from "node:child_process";
import { rename, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import type { Browser, BrowserContext, Page } from "puppeteer";
import { checkpoint } from "./checkpoint.ts";
import { browserNotFound, MilepostError } from "./errors.ts";
import { destinationPages, pageCount, type Bookmark, type PdfInfo } from "./pdfinfo.ts";
import { openFinisher, type Finisher } from "./pdf-worker.ts";
import { SLIDE_PX } from "./slides.ts";

/** One PDF to print: the page at `path` (site-relative, e.g. "acme/print-qbr.html") into `out`. */
export interface PrintJob {
  path: string;
  out: string;
  /** "slide": a 16:9 deck, one slide a page (src/slides.ts). */
  paper: "a4" | "letter" | "slide";
  /** The as-of date: the PDF's creation date, so the same data gives the same bytes. */
  date: string;
}

/** Chromium stopped (crashed or was killed) while printing a job. */
export class BrowserStopped extends Error {}

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
  /**
   * Prints every job of the site served at `origin`. Returns the failures by job. Calls may
   * overlap: their jobs join one queue, so Chromium never waits between one batch and the next.
   */
  print(origin: string, jobs: PrintJob[], printed?: (job: PrintJob) => void): Promise<Map<PrintJob, Error>>;
  /** What the printer did so far: Chromiums started, the customers of each browser context, documents printed twice, seconds per step. */
  readonly stats: { browsers: number; contexts: string[][]; reprinted: number; steps: Steps };
  close(): Promise<void>;
}

/** How many printed PDFs may wait for the finishing thread at once (src/pdf-worker.ts). */
const FINISHING = 2;

/** Seconds spent in each step of printing, summed over the documents (bench/steps.ts shows them per document). */
export interface Steps {
  /** Opening a customer's browser context and page. */
  context: number;
  /** Loading a page until it is ready to print (fonts, charts). */
  load: number;
  /** The layout-only pass that finds the page of each section in the contents. */
  layout: number;
  /** The tagged print (and any print again). */
  print: number;
  /** Finishing the PDF (src/pdf-worker.ts) and packing it, beside the next print. */
  finish: number;
}

/** Documents one Chromium prints before it is replaced by a fresh one, so its memory stays flat. */
export const RESTART_EVERY = 200;

/** One running Chromium, how many documents it was given, and how many it is printing now. */
interface Chromium {
  browser: Promise<Browser>;
  given: number;
  busy: number;
  retired: boolean;
}

/** A customer's browser context in one Chromium, with the page its documents print in. */
interface Session {
  slug: string;
  chromium: Chromium;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** The customer of each document printed in this context. */
  served: string[];
}

interface Queued {
  origin: string;
  job: PrintJob;
  done: (err: Error | null) => void;
}

/**
 * Launches one Chromium (found as findChrome says) with a pool of up to `concurrency` pages. It
 * talks over a pipe, so it exits with milepost even when milepost is killed, and keeps its
 * profile in `profile` (inside the run's working folder). Each customer's documents are printed
 * in a browser context of their own; every `restartEvery` documents a fresh Chromium takes over.
 * A Chromium that stopped is started again for the next document.
 */
export function openPrinter(
  options: { chrome?: string; concurrency?: number; profile?: string; restartEvery?: number } = {},
): Printer {
  const executablePath = options.chrome ?? findChrome();
  const restartEvery = options.restartEvery ?? RESTART_EVERY;
  let launches = 0;
  const launch = (): Chromium => {
    const profile = options.profile && `${options.profile}-${launches}`;
    stats.browsers = ++launches;
    // Loaded on first use: a build without PDFs never needs it.
    const browser = import("puppeteer")
      .then(({ default: puppeteer }) =>
        // No default viewport: each document sets its own (printOne), so a new page needs no emulation of its own.
        puppeteer.launch({
          executablePath,
          headless: true,
          pipe: true,
          userDataDir: profile,
          args: CHROME_ARGS,
          defaultViewport: null,
        }),
      )
      .catch((err: Error) => {
        throw new MilepostError(
          "Chromium did not start",
          `${executablePath} could not be started: ${err.message.split("\n")[0]}`,
          "Check that the browser runs on this machine (run it with --version), or point MILEPOST_CHROME at another one, or build the sites alone with --no-pdf.",
          { cause: err },
        );
      });
    browser.catch(() => {}); // reported by print()
    return { browser, given: 0, busy: 0, retired: false };
  };
  const queue: Queued[] = [];
  let workers = 0;
  const finishing = new Set<Promise<void>>();
  // PDFs are finished in a thread of their own: this one serves Chromium the pages it prints.
  const finisher = openFinisher();
  const stats = {
    browsers: 0,
    contexts: [] as string[][],
    reprinted: 0,
    steps: { context: 0, load: 0, layout: 0, print: 0, finish: 0 },
  };
  let current = launch();
  const all = new Set([current]);
  const retire = async (chromium: Chromium) => {
    chromium.retired = true;
    if (chromium.busy > 0) return;
    all.delete(chromium);
    await (await chromium.browser.catch(() => null))?.close().catch(() => {});
  };
  /** The Chromium for the next document: a new one when the current stopped or has printed its share. */
  const take = async (): Promise<{ chromium: Chromium; browser: Browser }> => {
    let browser = await current.browser;
    if (!browser.connected || current.given >= restartEvery) {
      void retire(current);
      current = launch();
      all.add(current);
      browser = await current.browser;
    }
    current.given++;
    current.busy++;
    return { chromium: current, browser };
  };
  const printer = {
    stats,
    async print(origin: string, jobs: PrintJob[], printed?: (job: PrintJob) => void) {
      await current.browser; // Chromium not starting fails the build, before any document
      const failures = new Map<PrintJob, Error>();
      for (const job of jobs) given.add(job.path.split("/")[0]);
      const done = jobs.map(
        (job) =>
          new Promise<void>((resolve) =>
            queue.push({
              origin,
              job,
              done: (err) => {
                if (err) failures.set(job, err);
                printed?.(job);
                resolve();
              },
            }),
          ),
      );
      const concurrency = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), 4));
      while (workers < Math.min(concurrency, queue.length)) void worker();
      await Promise.all(done);
      return failures;
    },
    async close() {
      await Promise.all(finishing);
      await finisher.close();
      await Promise.all([...all].map(async (c) => (await c.browser.catch(() => null))?.close().catch(() => {})));
    },
  };

  /** The customer each worker prints now. */
  const holders = new Set<{ slug: string | null }>();
  const slugOf = (item: Queued) => item.job.path.split("/")[0];
  /** The customers whose documents were queued so far. */
  const given = new Set<string>();
  /**
   * The next document for a worker: another of its customer's, else one of a customer no other worker prints, else —
   * when the printer was only ever given one customer (`build <slug>`) — the first in the queue. So each customer's
   * documents print one after another in one context, however fast each worker goes, and one customer's in two.
   */
  const next = (mine: { slug: string | null }): Queued | undefined => {
    let at = queue.findIndex((item) => slugOf(item) === mine.slug);
    if (at < 0) at = queue.findIndex((item) => ![...holders].some((h) => h.slug === slugOf(item)));
    if (at < 0 && given.size > 1) at = queue.length;
    const item = queue.splice(Math.max(at, 0), 1)[0];
    mine.slug = item ? slugOf(item) : null;
    return item;
  };

  /** Prints queued documents until there are none; one context (and page) per customer. */
  async function worker(): Promise<void> {
    workers++;
    const mine = { slug: null as string | null };
    holders.add(mine);
    let session: Session | null = null;
    const end = async (ending: Session | null) => {
      if (!ending) return;
      await ending.context.close().catch(() => {});
      ending.chromium.busy--;
      if (ending.chromium.retired) await retire(ending.chromium);
    };
    /** The session for `slug`'s next document: the open one, or a fresh context (in a fresh Chromium when due). */
    const open = async (slug: string): Promise<Session> => {
      if (session && session.slug === slug && session.chromium.given < restartEvery && !session.page.isClosed()) {
        session.chromium.given++;
        return session;
      }
      await end(session);
      session = null;
      const { chromium, browser } = await take();
      const opened = performance.now();
      const context = await browser.createBrowserContext().catch((err: Error) => {
        chromium.busy--;
        throw err;
      });
      const page = await context.newPage();
      // Laid out as it will print, so each chart is drawn at its printed size: for every document of the page.
      await page.emulateMediaType("print");
      session = { slug, chromium, browser, context, page, served: [] };
      stats.steps.context += (performance.now() - opened) / 1000;
      stats.contexts.push(session.served);
      return session;
    };
    try {
      for (let item = next(mine); item; item = next(mine)) {
        const { origin, job, done } = item;
        let browser: Browser | null = null;
        try {
          // Printing runs at most FINISHING ahead of the finishing thread: each PDF waiting there holds its bytes, so
          // a long portfolio would otherwise pile them up in memory whenever finishing is the slower of the two.
          while (finishing.size >= FINISHING) await Promise.race(finishing);
          const slug = job.path.split("/")[0];
          const { page, browser: b, served } = await open(slug);
          browser = b;
          served.push(slug);
          const printed = await printOne(page, `${origin}/${job.path}`, job, browser.process(), stats.steps);
          if (printed.reprinted) stats.reprinted++;
          const started = performance.now();
          const finished = finish(printed, job, finisher).then(
            () => done(null),
            (err: Error) => done(err),
          );
          void finished.then(() => (stats.steps.finish += (performance.now() - started) / 1000));
          finishing.add(finished);
          void finished.finally(() => finishing.delete(finished));
        } catch (err) {
          const stopped = browser !== null && !browser.connected;
          done(stopped ? new BrowserStopped("Chromium stopped while printing", { cause: err }) : (err as Error));
          if (stopped) {
            await end(session);
            session = null;
          }
        }
      }
    } finally {
      await end(session);
      holders.delete(mine);
      workers--;
    }
  }
  return printer;
}

/** Pages (cover included) up to which a document goes without a contents page. */
const SHORT_DOCUMENT = 4;

/** The width of the printed column in CSS pixels (paper less 16 mm margins each side), per paper. */
const COLUMN_PX = {
  a4: Math.round(((210 - 32) * 96) / 25.4),
  letter: Math.round(((215.9 - 32) * 96) / 25.4),
  slide: SLIDE_PX.width,
};

/** A printed document before it is finished: Chromium's bytes, its information and bookmarks. */
interface Printed {
  pdf: Uint8Array;
  info: Omit<PdfInfo, "date">;
  bookmarks: Bookmark[];
  reprinted: boolean;
}

async function printOne(
  page: Page,
  url: string,
  job: PrintJob,
  browser: ChildProcess | null,
  steps: Steps,
): Promise<Printed> {
  let from = performance.now();
  const step = (name: keyof Steps) => {
    const now = performance.now();
    steps[name] += (now - from) / 1000;
    from = now;
  };
  // At the printed column's width (the page emulates print media since it was opened).
  await page.setViewport({ width: COLUMN_PX[job.paper], height: job.paper === "slide" ? SLIDE_PX.height : 1000 });
  const response = await page.goto(url, { waitUntil: "load" });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
  const options = {
    ...(job.paper === "slide"
      ? { width: `${SLIDE_PX.width}px`, height: `${SLIDE_PX.height}px` }
      : { format: job.paper === "letter" ? ("Letter" as const) : ("A4" as const) }),
    printBackground: true,
    preferCSSPageSize: true,
    waitForFonts: true,
    outline: false,
    tagged: true,
    timeout: 60_000,
  } as const;
  // One call to the page: once it is ready, its information and the sections its contents list.
  const { info, sections } = await page.evaluate(readyToPrint, 30_000);
  step("load");
  if (sections.length === 0) {
    const pdf = await page.pdf(options);
    step("print");
    return { pdf, info, bookmarks: [], reprinted: false };
  }
  const ids = sections.map((s) => s.id);
  // The contents link to each section, so Chromium writes a named destination for it: the page
  // it starts on. A first print with nothing visible lays the pages out as the real one does
  // (visibility moves nothing) but draws nothing: it costs a fraction of a print.
  await page.evaluate(setHidden, true);
  const draft = await page.pdf({ ...options, tagged: false, printBackground: false });
  await page.evaluate(setHidden, false);
  // A document of four pages or fewer without its contents page has none: it is taken out.
  const short = pageCount(draft) - 1 <= SHORT_DOCUMENT;
  let shown = destinationPages(draft, ids).map((n) => (n !== null && short ? n - 1 : n));
  if (short) await page.evaluate(() => document.querySelector("nav.toc")?.remove());
  step("layout");
  checkpoint("printing", browser);
  // The real print; its destinations are read again, and should a number have moved the
  // document, it is printed again with the pages read back.
  for (let pass = 0; ; pass++) {
    await page.evaluate(fillContents, ids, shown);
    const pdf = await page.pdf(options);
    // A short document without its contents page links to no section: the draft's pages, less that page, stand.
    const pages = short ? shown : destinationPages(pdf, ids);
    if (pages.every((p, i) => p === shown[i]) || pass === 2) {
      step("print");
      const bookmarks = sections.flatMap((s, i) => (pages[i] === null ? [] : [{ title: s.title, page: pages[i]! }]));
      return { pdf, info, bookmarks, reprinted: pass > 0 };
    }
    shown = pages;
  }
}

/**
 * In the page: waits until it sets data-print-ready (its fonts loaded and every chart drawn: templates/scripts/page.ts),
 * at most `timeoutMs`, then reads its information and the sections listed in its contents (ids and titles). Runs in
 * the browser: a signal the page gives, instead of a poller set up from outside for every document.
 */
function readyToPrint(timeoutMs: number): Promise<{
  info: Omit<PdfInfo, "date">;
  sections: { id: string; title: string }[];
}> {
  const root = document.documentElement;
  const read = () => ({
    info: {
      title: document.title,
      author: document.querySelector<HTMLMetaElement>('meta[name="author"]')?.content ?? "",
      subject: document.querySelector<HTMLMetaElement>('meta[name="description"]')?.content ?? "",
      keywords: document.querySelector<HTMLMetaElement>('meta[name="keywords"]')?.content ?? "",
      copy: document.querySelector<HTMLMetaElement>('meta[name="milepost-copy"]')?.content,
    },
    sections: [...document.querySelectorAll<HTMLElement>("[data-toc-for]")].map((cell) => ({
      id: cell.dataset.tocFor!,
      title: cell.closest("li")?.querySelector("span")?.textContent?.trim() ?? "",
    })),
  });
  if (root.hasAttribute("data-print-ready")) return Promise.resolve(read());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(
        new Error(`${location.pathname} was not ready to print after ${timeoutMs / 1000} s (no data-print-ready)`),
      );
    }, timeoutMs);
    const observer = new MutationObserver(() => {
      if (!root.hasAttribute("data-print-ready")) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(read());
    });
    observer.observe(root, { attributes: true, attributeFilter: ["data-print-ready"] });
  });
}

/** In the page: hides (or shows again) everything, without moving anything. Runs in the browser. */
function setHidden(hidden: boolean): void {
  const held = globalThis as { milepostHidden?: CSSStyleSheet };
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== held.milepostHidden);
  if (!hidden) return;
  held.milepostHidden = new CSSStyleSheet();
  held.milepostHidden.replaceSync("* { visibility: hidden !important; }");
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, held.milepostHidden];
}

/** In the page: writes the page numbers into the contents. */
function fillContents(ids: string[], pages: (number | null)[]): void {
  ids.forEach((id, i) => {
    const cell = document.querySelector(`[data-toc-for="${id}"]`);
    if (cell) cell.textContent = pages[i] === null ? "" : String(pages[i]);
  });
}

/**
 * Writes the finished PDF (src/pdf-finish.ts, in a thread of src/pdf-worker.ts: text runs and content numbers
 * shortened, information, bookmarks, stable ids, packed into object streams); then moves it in place.
 */
async function finish(printed: Printed, job: PrintJob, finisher: Finisher): Promise<void> {
  const tmp = `${job.out}.partial`;
  const finished = finisher.finish(printed.pdf, { ...printed.info, date: job.date }, printed.bookmarks);
  checkpoint("finishing");
  await writeFile(tmp, await finished);
  await rename(tmp, job.out);
}

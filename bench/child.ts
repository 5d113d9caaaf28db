// One measurement in a fresh process, printed as one JSON line on stdout (see bench.ts).
//   node bench/child.ts cli <root> <stats.json> <milepost args…>  runs <root>'s CLI in this process; writes its peak RSS
//   node bench/child.ts floor <site folder>                        Chromium alone printing the folder's print pages once each
import { writeFileSync } from "node:fs";
import { enableCompileCache } from "node:module";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [mode, ...args] = process.argv.slice(2);

/** The print pages of a built folder, with the paper each customer's PDFs were printed on. */
async function printPages(dir: string): Promise<{ path: string; paper: "a4" | "letter" }[]> {
  const pages: { path: string; paper: "a4" | "letter" }[] = [];
  for (const slug of (await readdir(dir)).sort()) {
    if (slug.startsWith(".") || !(await stat(join(dir, slug))).isDirectory()) continue;
    const css = await readFile(join(dir, slug, "print.css"), "utf8").catch(() => "");
    const paper = /size:\s*letter/i.test(css) ? "letter" : "a4";
    for (const page of (await readdir(join(dir, slug))).sort())
      if (/^print-.*\.html$/.test(page)) pages.push({ path: `${slug}/${page}`, paper });
  }
  return pages;
}

if (mode === "cli") {
  const [root, statsFile, ...cli] = args;
  process.on("exit", () =>
    writeFileSync(statsFile, JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024 })),
  );
  process.chdir(root);
  // As bin/milepost.js starts it: with Node's compile cache of the stripped sources.
  enableCompileCache(resolve(root, ".milepost", "compile-cache"));
  const { main } = (await import(pathToFileURL(resolve(root, "src", "cli.ts")).href)) as {
    main: (argv: string[]) => Promise<number>;
  };
  process.exitCode = await main(cli);
} else if (mode === "floor") {
  // The bare minimum: the same pages, the same flags and print options as milepost's final
  // print, two pages in flight, one page.pdf per document.
  const { default: puppeteer } = await import("puppeteer");
  const { CHROME_ARGS, findChrome } = await import("../src/pdf.ts");
  const { serve } = await import("../src/serve.ts");
  const pages = await printPages(args[0]);
  const server = await serve(args[0]);
  const browser = await puppeteer.launch({
    executablePath: findChrome(),
    headless: true,
    pipe: true,
    args: CHROME_ARGS,
  });
  const started = performance.now();
  const queue = pages.values();
  await Promise.all(
    [0, 1].map(async () => {
      const page = await browser.newPage();
      await page.emulateMediaType("print");
      for (const { path, paper } of queue) {
        await page.setViewport({
          width: Math.round((((paper === "letter" ? 215.9 : 210) - 32) * 96) / 25.4),
          height: 1000,
        });
        await page.goto(`${server.origin}/${path}`, { waitUntil: "load" });
        await page.waitForSelector("html[data-print-ready]", { timeout: 60_000 });
        await page.pdf({
          format: paper === "letter" ? "Letter" : "A4",
          printBackground: true,
          preferCSSPageSize: true,
          waitForFonts: true,
          outline: false,
          tagged: true,
          timeout: 120_000,
        });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await browser.close();
  await server.close();
  process.stdout.write(`${JSON.stringify({ seconds, documents: pages.length })}\n`);
}

// milepost dev: a real server on 127.0.0.1 over a real Astro build, rebuilt when a file changes.
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { expect, it } from "vitest";
import { startDev } from "../../src/dev.ts";
import { launchBrowser } from "../support/browser.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");

/** Waits until the preview has built again after `version`, asking it over HTTP as the page's script does. */
async function nextBuild(origin: string, version: number): Promise<void> {
  for (;;) {
    const state = (await (await fetch(`${origin}/__milepost/state`)).json()) as { version: number; building: boolean };
    if (state.version > version && !state.building) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

it("serves the site, rebuilds on a data change, shows data errors in the page as the CLI words them, and the print layout", async () => {
  const root = await mkdtemp(join(tmpdir(), "milepost-dev-test-"));
  await cp(join(FIXTURES, "data", "acme"), join(root, "data", "acme"), { recursive: true });
  const dev = await startDev({
    dataDir: join(root, "data"),
    contentDir: join(root, "content"),
    templatesDir: join(root, "templates-unused"),
    slug: "acme",
    pack: "all",
    asOf: "2026-09-30",
    period: "2026-Q3",
  });
  try {
    expect(dev.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await (await fetch(`${dev.origin}/`)).text();
    expect(page).toContain("Weekly report preparation");
    expect(page).toContain('<script src="/__milepost/reload.js" defer></script></head>');
    expect(await (await fetch(`${dev.origin}/__milepost/reload.js`)).text()).toContain("location.reload()");
    const print = await fetch(`${dev.origin}/print-qbr.html`);
    expect(print.status).toBe(200);
    expect(await print.text()).toContain('id="sources"');

    // The page open in Chromium reloads itself when the data is saved: the server's event stream tells it.
    const browser = await launchBrowser();
    try {
      const open = await browser.newPage();
      await open.goto(`${dev.origin}/`, { waitUntil: "load" });
      await open.waitForFunction(() => document.body.innerText.includes("Weekly report preparation"));
      const metrics = join(root, "data", "acme", "metrics.csv");
      const csv = await readFile(metrics, "utf8");
      const reloaded = open.waitForNavigation({ timeout: 120_000 });
      await writeFile(metrics, csv.replace("Weekly report preparation", "Monday pack preparation"));
      await reloaded;
      expect(await open.evaluate(() => document.body.innerText)).toContain("Monday pack preparation");
    } finally {
      await browser.close();
    }
    const again = await (await fetch(`${dev.origin}/`)).text();
    expect(again).toContain("Monday pack preparation");
    const metrics = join(root, "data", "acme", "metrics.csv");
    const csv = (await readFile(metrics, "utf8")).replace("Monday pack preparation", "Weekly report preparation");

    await writeFile(metrics, csv.replace(",15,2025-10-01,", ',"12,5",2025-10-01,'));
    await nextBuild(dev.origin, dev.state.version);
    const broken = await (await fetch(`${dev.origin}/milestones.html`)).text();
    expect(broken).toContain("<h1>acme has 1 data error</h1>");
    expect(broken).toContain(
      `error  ${relative(process.cwd(), join(root, "data", "acme"))}/metrics.csv:2 baseline: &quot;12,5&quot; is not written in numberFormat 1,234.5 — write 12.5 (or set &quot;numberFormat&quot;: &quot;1.234,5&quot; for the customer)`,
    );
  } finally {
    await dev.close();
  }
  await expect(fetch(`${dev.origin}/`)).rejects.toThrow();
});

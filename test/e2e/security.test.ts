// Pages safe to host: a Content-Security-Policy allowing the folder's own files only, no inline
// script or style, not indexed, no Referer; and the pages still work under it, from disk and over http.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "puppeteer";
import { serve } from "../../src/serve.ts";
import { CSP } from "../../src/share/policy.ts";
import { chartDrawn, launchBrowser, watchedPage } from "../support/browser.ts";

const out = inject("portfolio");

async function pages(): Promise<{ file: string; html: string }[]> {
  const found = [];
  for (const slug of (await readdir(out, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name)) {
    for (const name of (await readdir(join(out, slug))).filter((n) => n.endsWith(".html"))) {
      found.push({ file: `${slug}/${name}`, html: await readFile(join(out, slug, name), "utf8") });
    }
  }
  return found;
}

describe("every page of the portfolio", () => {
  it("carries the policy, noindex and no-referrer, and nothing inline", async () => {
    const all = await pages();
    expect(all.length).toBeGreaterThan(20);
    for (const { file, html } of all) {
      const head = html.slice(0, html.indexOf("</head>"));
      expect(head, file).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
      expect(head, file).toContain('<meta name="robots" content="noindex, nofollow">');
      expect(head, file).toContain('<meta name="referrer" content="no-referrer">');
      expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g), file).toBeNull();
      expect(html.match(/<style\b/g), file).toBeNull();
      expect(html.match(/\sstyle=/g), file).toBeNull();
      expect(html.match(/\son[a-z]+=/g), file).toBeNull();
      for (const a of html.match(/<a [^>]*href="https?:[^>]*>/g) ?? [])
        expect(a, file).toContain('rel="noopener noreferrer"');
    }
  });

  it("allows no unsafe-inline, no plugin, no base or form target", () => {
    expect(CSP).not.toContain("unsafe");
    expect(CSP).toContain("object-src 'none'");
    expect(CSP).toContain("base-uri 'none'");
    expect(CSP).toContain("form-action 'none'");
    expect(CSP).toContain("default-src 'none'");
  });
});

describe("pages under their policy in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const where of ["disk", "http"] as const) {
    it(`draws the charts and breaks no rule, opened from ${where}`, async () => {
      const server = where === "http" ? await serve(out) : null;
      try {
        for (const page of ["acme/index.html", "acme/milestones.html", "acme/handoff.html", "kiso-kogyo/index.html"]) {
          const w = await watchedPage(browser);
          const url = server ? `${server.origin}/${page}` : pathToFileURL(join(out, page)).href;
          await w.page.goto(url, { waitUntil: "load" });
          await w.page.evaluate(() => document.fonts.ready);
          expect(w.violations, page).toEqual([]);
          expect(w.failed, page).toEqual([]);
          expect(await w.page.evaluate(() => document.fonts.check("16px Inter")), page).toBe(true);
          expect(
            w.console.filter((m) => /Content.Security.Policy|Refused/i.test(m)),
            page,
          ).toEqual([]);
          expect(await w.page.evaluate(() => document.documentElement.classList.contains("js")), page).toBe(true);
          if (!page.endsWith("handoff.html")) expect(await chartDrawn(w.page), page).toBe(true);
          // The stylesheets applied: the customer's brand colour from theme.css wins over the stylesheet's default.
          expect(
            await w.page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--brand").trim()),
            page,
          ).toBe(page.startsWith("acme/") ? "#6a3fb5" : "#8a2b3c");
          await w.page.close();
        }
      } finally {
        await server?.close();
      }
    });
  }
});

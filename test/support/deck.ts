// The text budget of a deck (issue 23): each slide of a built deck.html measured in Chromium as it prints — every
// line of text inside its slide, above the slide's footer, and no text smaller than a room can read.
import type { Browser } from "puppeteer";
import { pathToFileURL } from "node:url";

/** The smallest text a slide may hold, in CSS pixels of its 1280 × 720 page (18px is 13.5pt on 13.333 in). */
export const MIN_TEXT_PX = 18;

/** What overflows or is too small on one slide: e.g. "slide 5 (dashboard): "Marketing team…" below the slide's body". */
export async function slideProblems(browser: Browser, file: string): Promise<{ slides: number; problems: string[] }> {
  const page = await browser.newPage();
  try {
    // As printed: every slide in its place, unscaled (the presenting script only shows one at a time).
    await page.setJavaScriptEnabled(false);
    await page.emulateMediaType("print");
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    return await page.evaluate((min: number) => {
      const problems: string[] = [];
      const slides = [...document.querySelectorAll<HTMLElement>(".slide")];
      slides.forEach((slide, i) => {
        const name = `slide ${i + 1} (${slide.dataset.slide})`;
        const box = slide.getBoundingClientRect();
        const body = slide.querySelector<HTMLElement>(".slide-body")!.getBoundingClientRect();
        const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent!.trim();
          const el = node.parentElement!;
          if (!text || el.closest("svg") || el.closest(".visually-hidden")) continue;
          const size = parseFloat(getComputedStyle(el).fontSize);
          const quote = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
          if (size < min) problems.push(`${name}: ${quote} is set at ${size}px`);
          const range = document.createRange();
          range.selectNodeContents(node);
          const inBody = !el.closest(".slide-foot");
          for (const r of range.getClientRects()) {
            const limit = inBody ? body : box;
            if (
              r.left < box.left - 1 ||
              r.right > box.right + 1 ||
              r.top < box.top - 1 ||
              r.bottom > limit.bottom + 1
            ) {
              problems.push(`${name}: ${quote} overflows its slide`);
              break;
            }
          }
        }
        // A chart or a bar drawn past the slide's body overflows too.
        for (const svg of slide.querySelectorAll("svg")) {
          const r = svg.getBoundingClientRect();
          if (r.bottom > body.bottom + 1 || r.right > box.right + 1)
            problems.push(`${name}: a drawing overflows its slide`);
        }
      });
      return { slides: slides.length, problems };
    }, MIN_TEXT_PX);
  } finally {
    await page.close();
  }
}

// The finishing step over a PDF Chromium really printed: text runs as TJ arrays, fewer curves and object streams
// change no word, no word's place, no pixel's shade to speak of and nothing a reader of the PDF's structure checks.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { inflateSync } from "node:zlib";
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finishedPdf } from "../../src/pdf-finish.ts";
import { launchBrowser } from "../support/browser.ts";

const run = promisify(execFile);

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
  body { font: 14px "Liberation Sans", sans-serif; margin: 40px; }
  h1 { font: 600 28px "Liberation Serif", serif; letter-spacing: 0.04em; }
  .ja { font-family: "Noto Sans CJK JP"; }
  td { padding: 4px 12px; }
  .card { border: 1px solid #345; border-radius: 8px; padding: 12px; margin: 12px 0; }
  .dot { display: inline-block; width: 6px; height: 6px; border-radius: 50%; background: #2a6; }
</style></head><body>
  <h1>AVATAR Wave — Quarterly Review</h1>
  <p>On-time delivery rose to 97.4 % (target 95 %); office moves, affinity and “typographic” ligatures fly.</p>
  <p class="ja">四半期の納期遵守率は 97.4 % に上がりました。</p>
  <table><tr><td>Metric</td><td>Q2</td><td>Q3</td></tr><tr><td>Tickets closed</td><td>1,204</td><td>1,388</td></tr></table>
  <div class="card"><span class="dot"></span> On track <span class="dot"></span> Met</div>
  <p style="font-size: 9px">Small print: figures as of 2026-09-30, from the customer's own data.</p>
</body></html>`;

let browser: Browser;
let dir: string;
let printed: Uint8Array;
let finished: Uint8Array;

beforeAll(async () => {
  browser = await launchBrowser();
  const page = await browser.newPage();
  await page.setContent(PAGE, { waitUntil: "load" });
  printed = new Uint8Array(await page.pdf({ format: "Letter", tagged: true, printBackground: true }));
  finished = finishedPdf(printed, { title: "AVATAR", author: "Meridian", subject: "QBR", keywords: "q3" }, [
    { title: "Review", page: 1 },
  ]);
  dir = await mkdtemp(join(tmpdir(), "milepost-pdf-bytes-"));
  await writeFile(join(dir, "printed.pdf"), printed);
  await writeFile(join(dir, "finished.pdf"), finished);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true });
});

/** The text of every content stream but Type 3 glyphs', inflated. */
function contents(pdf: Uint8Array): string {
  const text = Buffer.from(pdf).toString("latin1");
  let out = "";
  for (const m of text.matchAll(/\/Length (\d+)[^>]*>>\s*stream\r?\n/g)) {
    const at = m.index + m[0].length;
    try {
      const stream = inflateSync(Buffer.from(pdf.subarray(at, at + Number(m[1])))).toString("latin1");
      if (!/ d[01]\n/.test(stream)) out += stream; // a Type 3 font's glyph is no page's content
    } catch {
      // not a Flate stream
    }
  }
  return out;
}

describe("finishedPdf(pdf, info, bookmarks) on a page Chromium printed", () => {
  it("writes the lines of text as TJ arrays", () => {
    expect(contents(finished)).toMatch(/\] TJ\n/);
    // A glyph shown on its own, moved from the one before: the letter-spaced heading is written so.
    const singles = (pdf: Uint8Array) => contents(pdf).match(/ Td <[0-9A-Fa-f]{4}> Tj\n/g)?.length ?? 0;
    expect(singles(printed)).toBeGreaterThan(20);
    expect(singles(finished)).toBeLessThan(singles(printed) / 5);
  });

  it("draws each rounded corner and dot in fewer curves, and the page the same to a pixel's shade (pdftoppm)", async () => {
    const curves = (pdf: Uint8Array) => contents(pdf).match(/ c\n/g)?.length ?? 0;
    expect(curves(finished)).toBeLessThan(curves(printed) / 2);
    const gray = async (name: string) => {
      await run("pdftoppm", ["-r", "100", "-gray", join(dir, name), join(dir, name)]);
      return readFile(join(dir, `${name}-1.pgm`));
    };
    const [before, after] = [await gray("printed.pdf"), await gray("finished.pdf")];
    expect(after.length).toBe(before.length);
    const shaded = before.filter((v, i) => Math.abs(v - after[i]) > 64).length;
    expect(shaded).toBeLessThan(before.length / 10000);
  });

  it("keeps every word, and every word's box within a hundredth of a point (pdftotext -bbox)", async () => {
    const words = async (name: string) => {
      const { stdout } = await run("pdftotext", ["-bbox", join(dir, name), "-"]);
      return [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)];
    };
    const before = await words("printed.pdf");
    const after = await words("finished.pdf");
    expect(after.map((w) => w[5])).toEqual(before.map((w) => w[5]));
    expect(after.map((w) => w[5]).join(" ")).toContain("四半期の納期遵守率は");
    after.forEach((word, i) => {
      for (const n of [1, 2, 3, 4]) expect(Math.abs(Number(word[n]) - Number(before[i][n]))).toBeLessThanOrEqual(0.01);
    });
    const text = async (name: string) => (await run("pdftotext", [join(dir, name), "-"])).stdout;
    expect(await text("finished.pdf")).toBe(await text("printed.pdf"));
  });

  it("keeps the text items a reader finds (pdfjs), tagging and language; qpdf finds nothing wrong", async () => {
    const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const read = async (pdf: Uint8Array) => {
      const doc = await getDocument({ data: pdf.slice(), verbosity: 0 }).promise;
      const { items } = await (await doc.getPage(1)).getTextContent();
      const marked = ((await doc.getMarkInfo()) as Map<string, boolean> | null)?.get("Marked");
      const { info } = (await doc.getMetadata()) as { info: Record<string, string> };
      return {
        items: items.flatMap((i) => ("str" in i ? [[i.str, i.transform[4], i.transform[5]]] : [])),
        marked,
        info,
      };
    };
    const before = await read(printed);
    const after = await read(finished);
    expect(after.items.map(([str]) => str)).toEqual(before.items.map(([str]) => str));
    after.items.forEach(([, x, y], i) => {
      expect(Math.abs((x as number) - (before.items[i][1] as number))).toBeLessThanOrEqual(0.01);
      expect(y).toBe(before.items[i][2]);
    });
    expect([after.marked, after.info.Language, after.info.Title]).toEqual([true, "en", "AVATAR"]);
    const { stdout } = await run("qpdf", ["--check", join(dir, "finished.pdf")]);
    expect(stdout).toContain("No syntax or stream encoding errors found");
  });
});

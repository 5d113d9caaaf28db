// Contact sheets (--contact-sheets): a real build of one fixture customer with its PDFs, each PDF's pages drawn
// by pdftoppm onto one PNG beside it, read back with sharp; and the sheets stay out of what publish sends.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli.ts";
import { SHEET, sheetLayout, sheetName } from "../../src/contact.ts";
import { customerFiles } from "../../src/share/files.ts";
import { readPdfBody } from "../support/craft.ts";
import { FIXTURES } from "../support/portfolio.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const made: string[] = [];
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));

describe("sheetLayout(count, w, h)", () => {
  it("lays thumbnails out row by row, five to a row, with the gap around each", () => {
    const { width, height, at } = sheetLayout(7, 100, 140, 5, 10);
    expect([width, height]).toEqual([10 + 5 * 110, 10 + 2 * 150]);
    expect(at[0]).toEqual({ left: 10, top: 10 });
    expect(at[4]).toEqual({ left: 10 + 4 * 110, top: 10 });
    expect(at[5]).toEqual({ left: 10, top: 160 });
  });

  it("makes a sheet of fewer pages than a row only as wide as its pages", () => {
    expect(sheetLayout(2, 100, 140, 5, 10).width).toBe(10 + 2 * 110);
  });

  it("names the sheet after its PDF", () => {
    expect(sheetName("/out/acme/acme-qbr-2026-Q3.pdf")).toBe("contact-acme-qbr-2026-Q3.png");
  });
});

describe("milepost build --contact-sheets", () => {
  it("writes contact-<pdf>.png beside every PDF, all its pages on one sheet, none of them published", async () => {
    const out = await mkdtemp(join(ROOT, ".milepost", "contact-"));
    made.push(out);
    const args = ["build", "acme", "--period", "2026-Q3", "--out", out, "--contact-sheets"];
    const data = ["--data", join(FIXTURES, "data"), "--content", join(FIXTURES, "content")];
    const write = process.stdout.write;
    process.stdout.write = () => true; // the build's summary
    try {
      expect(await main([...args, ...data], "2026-12-01")).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    const files = await readdir(join(out, "acme"));
    const pdfs = files.filter((f) => f.endsWith(".pdf")).sort();
    expect(pdfs.length).toBeGreaterThan(0);
    expect(files.filter((f) => f.startsWith("contact-")).sort()).toEqual(pdfs.map(sheetName).sort());
    for (const pdf of pdfs) {
      const body = await readPdfBody(join(out, "acme", pdf));
      const pages = body.length;
      const sheet = sharp(join(out, "acme", sheetName(pdf)));
      const { width, height } = await sheet.metadata();
      const [w, h] = body[0].size;
      const thumb = Math.round((SHEET.width * h) / w); // pdftoppm's height, give or take a pixel of rounding
      const layout = sheetLayout(pages, SHEET.width, thumb);
      expect([pdf, width, Math.abs(height! - layout.height) <= Math.ceil(pages / SHEET.columns)]).toEqual([
        pdf,
        layout.width,
        true,
      ]);
      // Every thumbnail is a page: white paper with ink on it, not the sheet's grey ground.
      for (const at of layout.at) {
        const region = await sharp(join(out, "acme", sheetName(pdf)))
          .extract({ ...at, width: SHEET.width, height: thumb - 2 })
          .stats();
        const [r] = region.channels;
        expect([pdf, at, r.max, r.min < 200]).toEqual([pdf, at, 255, true]);
      }
    }
    const published = (await customerFiles(join(out, "acme"))).map((f) => f.path);
    expect(published.filter((p) => p.endsWith(".pdf")).length).toBe(pdfs.length);
    expect(published.filter((p) => p.includes("contact-"))).toEqual([]);
  });
});

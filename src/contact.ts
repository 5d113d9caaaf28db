// Contact sheets (--contact-sheets): every page of a printed PDF as a thumbnail on one PNG, so a person
// reviews a whole pack at a glance. Pages are drawn by pdftoppm (poppler-utils) and laid out with sharp.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { MilepostError } from "./errors.ts";

const run = promisify(execFile);

/** A sheet's layout: thumbnails `width` px wide, `columns` to a row, `gap` px apart and around. */
export const SHEET = { width: 240, columns: 5, gap: 16 } as const;

/** The contact sheet's name beside its PDF. e.g. "acme-qbr-2026-Q3.pdf" → "contact-acme-qbr-2026-Q3.png" */
export const sheetName = (pdf: string) => `contact-${basename(pdf).replace(/\.pdf$/, "")}.png`;

/** Where each of `count` thumbnails (`w` × `h`) sits on the sheet, row by row, and the sheet's size. */
export function sheetLayout(
  count: number,
  w: number,
  h: number,
  columns: number = SHEET.columns,
  gap: number = SHEET.gap,
): { width: number; height: number; at: { left: number; top: number }[] } {
  const cols = Math.max(1, Math.min(columns, count));
  const rows = Math.max(1, Math.ceil(count / cols));
  const at = Array.from({ length: count }, (_, i) => ({
    left: gap + (i % cols) * (w + gap),
    top: gap + Math.floor(i / cols) * (h + gap),
  }));
  return { width: gap + cols * (w + gap), height: gap + rows * (h + gap), at };
}

/** Writes the contact sheet of `pdf` to `png`: its pages in reading order, on a light grey ground. */
export async function contactSheet(pdf: string, png: string): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), "milepost-contact-"));
  try {
    await run("pdftoppm", [
      "-png",
      "-scale-to-x",
      String(SHEET.width),
      "-scale-to-y",
      "-1",
      pdf,
      join(work, "p"),
    ]).catch((err: NodeJS.ErrnoException) => {
      throw err.code === "ENOENT"
        ? new MilepostError(
            "No pdftoppm found",
            "--contact-sheets draws each PDF's pages with pdftoppm, which is not installed.",
            "install poppler-utils (npm run setup does), or build without --contact-sheets",
          )
        : err;
    });
    // pdftoppm numbers pages with as many digits as the last needs (p-01.png … p-12.png): sorted by name is page order.
    const pages = (await readdir(work)).filter((f) => f.endsWith(".png")).sort();
    const sizes = await Promise.all(pages.map((p) => sharp(join(work, p)).metadata()));
    const h = Math.max(...sizes.map((s) => s.height ?? 0));
    const layout = sheetLayout(pages.length, SHEET.width, h);
    await sharp({
      create: { width: layout.width, height: layout.height, channels: 3, background: "#d9dde3" },
    })
      .composite(pages.map((p, i) => ({ input: join(work, p), ...layout.at[i] })))
      .png({ compressionLevel: 9 })
      .toFile(png);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Writes a contact sheet beside each of `pdfs` (paths), one after another; returns the sheets' paths. */
export async function contactSheets(pdfs: string[]): Promise<string[]> {
  const written: string[] = [];
  for (const pdf of pdfs) {
    const png = join(pdf, "..", sheetName(pdf));
    await contactSheet(pdf, png);
    written.push(png);
  }
  return written;
}

import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { deflateSync, inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { packObjects, readObjects, upPredicted } from "../../src/pdf-pack.ts";
import { finishPdf } from "../../src/pdfinfo.ts";
import { classicPdf } from "../support/pdf-bytes.ts";

/** A small tagged PDF as Chromium writes one (classic cross-reference table), with an outline the catalog no longer names after finishing. */
function printedPdf(): Uint8Array {
  const content = deflateSync(Buffer.from("BT\n/F1 12 Tf\n1 0 0 1 72 700 Tm\n(Hello endobj world) Tj\nET\n"));
  const objects: Buffer[] = [
    Buffer.from(
      "<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 6 0 R /MarkInfo << /Marked true >> /Lang (en-US) /Outlines 8 0 R >>",
    ),
    Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    Buffer.from(
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R /StructParents 0 >>",
    ),
    Buffer.concat([
      Buffer.from(`<< /Filter /FlateDecode /Length ${content.length} >>\nstream\n`),
      content,
      Buffer.from("\nendstream"),
    ]),
    Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
    Buffer.from("<< /Type /StructTreeRoot /K 7 0 R >>"),
    Buffer.from("<< /Type /StructElem /S /P /P 6 0 R /Pg 3 0 R /K 0 /Alt (a stream of 3 0 R) >>"),
    Buffer.from("<< /Type /Outlines /Count 0 >>"),
  ];
  return classicPdf(objects, "ab12");
}

const info = { title: "Acme — QBR", author: "Meridian Advisory", subject: "QBR", keywords: "acme", copy: "internal" };

describe("readObjects(pdf)", () => {
  it("reads the newest version of each object through the incremental updates, and the newest trailer", () => {
    const finished = finishPdf(printedPdf(), info, [{ title: "Summary", page: 1 }]);
    const { objects, trailer } = readObjects(finished);
    const text = (id: number) => Buffer.from(objects.get(id)!).toString("latin1");
    expect(text(1)).toMatch(/^1 0 obj\n<< \/Type \/Catalog .* \/Outlines 10 0 R \/PageMode \/UseOutlines >>\nendobj$/);
    expect(text(4)).toMatch(/endstream\nendobj$/);
    expect(trailer).toContain("/Info 9 0 R");
    expect(trailer).toContain("/MilepostCopy /internal");
  });
});

describe("packObjects(pdf)", () => {
  it("packs the reachable objects into object streams with a cross-reference stream; a reader finds the same document", async () => {
    const finished = finishPdf(printedPdf(), info, [{ title: "Summary", page: 1 }]);
    const packed = packObjects(finished);
    const text = Buffer.from(packed).toString("latin1");
    expect(text.startsWith("%PDF-1.5\n")).toBe(true);
    expect(text).toMatch(/\/Type \/ObjStm \/N 9 /);
    expect(text).toMatch(/\/Type \/XRef .*\/Root 1 0 R \/Info 9 0 R \/ID \[<\w+><\w+>\] \/MilepostCopy \/internal /);
    expect(text).not.toContain("/Type /Outlines /Count 0"); // Chromium's outline, no longer reached, is left out
    expect(Buffer.from(packed).indexOf(readObjects(finished).objects.get(4)!)).toBeGreaterThan(0); // streams copied as they were
    expect(packObjects(finished)).toEqual(packed);

    const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const doc = await getDocument({ data: packed.slice(), verbosity: 0 }).promise;
    const { info: read } = (await doc.getMetadata()) as { info: Record<string, string> };
    expect(read).toMatchObject({ Title: "Acme — QBR", Author: "Meridian Advisory", Language: "en-US" });
    expect((await doc.getOutline()).map((o) => o.title)).toEqual(["Summary"]);
    expect(((await doc.getMarkInfo()) as Map<string, boolean> | null)?.get("Marked")).toBe(true);
    const { items } = await (await doc.getPage(1)).getTextContent();
    expect(items.map((i) => ("str" in i ? i.str : ""))).toEqual(["Hello endobj world"]);
    expect(await (await doc.getPage(1)).getStructTree()).toMatchObject({ role: "Root" });
  });

  it("leaves as it was a PDF with an object of another generation, or encrypted", () => {
    const text = Buffer.from(printedPdf()).toString("latin1");
    for (const other of [
      text.replace(/ 00000 n \n/, " 00001 n \n"),
      text.replace("/Root 1 0 R", "/Root 1 0 R /Encrypt 5 0 R"),
    ]) {
      const pdf = new Uint8Array(Buffer.from(other, "latin1"));
      expect(packObjects(pdf)).toBe(pdf);
    }
  });

  it("passes qpdf --check", async () => {
    const dir = await mkdtemp(join(tmpdir(), "milepost-pack-"));
    try {
      const file = join(dir, "packed.pdf");
      await writeFile(file, packObjects(finishPdf(printedPdf(), info, [{ title: "Summary", page: 1 }])));
      const { stdout } = await promisify(execFile)("qpdf", ["--check", file]);
      expect(stdout).toContain("No syntax or stream encoding errors found");
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

describe("upPredicted(table, row)", () => {
  it("leads each row with filter 2 and writes each byte less the one above it", () => {
    const table = Buffer.from([1, 0, 10, 1, 0, 14, 2, 5, 0]);
    expect([...upPredicted(table, 3)]).toEqual([2, 1, 0, 10, 2, 0, 0, 4, 2, 1, 5, 0xf2]);
    expect(inflateSync(deflateSync(upPredicted(table, 3))).length).toBe(12);
  });
});

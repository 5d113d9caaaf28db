import { deflateSync, inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { shortContent, shortenContents, shortNumber } from "../../src/pdf-content.ts";
import { PdfReader } from "../../src/pdfinfo.ts";
import { classicPdf } from "../support/pdf-bytes.ts";

describe("shortNumber(written, decimals)", () => {
  it("keeps three decimals (two when asked), without trailing zeros, a leading zero or a minus zero", () => {
    expect(["-8.0286102", ".49999997", "3.0001", "-0.0001", "10.6599998"].map((n) => shortNumber(n))).toEqual([
      "-8.029",
      ".5",
      "3",
      "0",
      "10.66",
    ]);
    expect(["10366.584", "-.74018389", ".004"].map((n) => shortNumber(n, 2))).toEqual(["10366.58", "-.74", "0"]);
  });
});

describe("shortContent(content)", () => {
  it("shortens text moves to three decimals and shapes' points to two; matrices and strings stay as written", () => {
    const content = [
      "BT",
      "/F1 10.6599998 Tf",
      "1 0 0 -1 60.0000004 52.1234567 Tm",
      "8.0286102 0 Td <002c> Tj",
      "(Q3 1.23456 \\( (2.34567)) Tj",
      "ET",
      "3.125 0 0 3.125 187.5000001 -8837.5 cm",
      ".74018389 10367.0527 .8824482 10366.584 1.0709033 10366.1289 c",
      "12.3456 7.891011 m 1.5 2 l",
    ].join("\n");
    expect(shortContent(content).split("\n")).toEqual([
      "BT",
      "/F1 10.66 Tf",
      "1 0 0 -1 60.0000004 52.1234567 Tm",
      "8.029 0 Td <002c> Tj",
      "(Q3 1.23456 \\( (2.34567)) Tj",
      "ET",
      "3.125 0 0 3.125 187.5000001 -8837.5 cm",
      ".74 10367.05 .88 10366.58 1.07 10366.13 c",
      "12.35 7.89 m 1.5 2 l",
    ]);
  });

  it("keeps a stream with an inline image (binary data) whole", () => {
    const content = "q 1.2345678 0 0 1 0 0 cm BI /W 1 /H 1 /BPC 8 /CS /G ID \x01\x02 EI Q 1.23456 2 m";
    expect(shortContent(content)).toBe(content);
  });
});

/** A PDF as Chromium writes one: classic cross-reference table, a Flate page content, a font. */
function printedPdf(content: string): Uint8Array {
  const stream = deflateSync(Buffer.from(content, "latin1"));
  const objects: Buffer[] = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    Buffer.from(
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    ),
    Buffer.concat([
      Buffer.from(`<< /Filter /FlateDecode /Length ${stream.length} >>\nstream\n`),
      stream,
      Buffer.from("\nendstream"),
    ]),
    Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
  ];
  return classicPdf(objects);
}

describe("shortenContents(pdf)", () => {
  const content =
    "BT\n/F1 12.0000001 Tf\n1 0 0 1 72 700 Tm\n(Hello) Tj\n30.1234567 0 Td (world) Tj\nET\n10.123456 20.654321 m\n100.987654 200.111111 l\nS\n";

  it("writes the page's content again with short numbers; a reader finds the same text at the same places", async () => {
    const original = printedPdf(content);
    const short = shortenContents(original);
    const reader = new PdfReader(short);
    const [page] = reader.pages();
    expect(reader.ref(reader.object(page), "Contents")).toBe(4);
    const at = reader.offsets.get(4)!;
    const text = Buffer.from(short).toString("latin1");
    const data = text.indexOf("stream\n", at) + 7;
    const length = Number(/\/Length (\d+)/.exec(reader.object(4))![1]);
    expect(inflateSync(short.subarray(data, data + length)).toString("latin1")).toBe(
      "BT\n/F1 12 Tf\n1 0 0 1 72 700 Tm\n(Hello) Tj\n30.123 0 Td (world) Tj\nET\n10.12 20.65 m\n100.99 200.11 l\nS\n",
    );
    // The other objects as they were, the trailer's root and /ID kept.
    expect(reader.object(3)).toBe(new PdfReader(original).object(3));
    expect(reader.trailer).toContain("/Root 1 0 R /ID [<ab><ab>]");

    const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const items = async (pdf: Uint8Array) => {
      const doc = await getDocument({ data: pdf.slice(), verbosity: 0 }).promise;
      const { items } = await (await doc.getPage(1)).getTextContent();
      return (items as { str: string; transform: number[] }[]).map((i) => [i.str, i.transform[4], i.transform[5]]);
    };
    const before = await items(original);
    const after = await items(short);
    expect(after.map(([str]) => str)).toEqual(["Hello world"]);
    expect(after.length).toBe(before.length);
    after.forEach(([, x, y], i) => {
      expect(x as number).toBeCloseTo(before[i][1] as number, 3);
      expect(y).toBe(before[i][2]);
    });
    expect(shortenContents(original)).toEqual(short);
  });

  it("leaves a content stream it cannot read (another filter) as it was", () => {
    const original = printedPdf(content);
    const other = Buffer.from(
      Buffer.from(original).toString("latin1").replace("/FlateDecode", "/LZWDecode  "),
      "latin1",
    );
    expect(Buffer.from(shortenContents(new Uint8Array(other))).toString("latin1")).toContain(
      Buffer.from(original)
        .toString("latin1")
        .slice(new PdfReader(original).offsets.get(4)!, new PdfReader(original).offsets.get(5)!)
        .replace("/FlateDecode", "/LZWDecode  "),
    );
  });
});

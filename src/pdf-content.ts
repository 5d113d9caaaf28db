// Smaller printed PDFs: Chromium writes every coordinate of its page content with up to seven decimals
// (`8.0286102 0 Td`, `.74018389 10367.0527 .8824482 10366.584 1.0709033 10366.1289 c`), digits
// that compress badly and that no printer or screen can show. Each page's content is written again
// with three decimals for text moves and two for shapes' points (a hundredth of a unit, a few
// thousandths of a millimetre: far below a printer's dot), in a file whose objects are otherwise
// copied byte for byte. Matrices stay exact.
import { deflateSync, inflateSync } from "node:zlib";
import { PdfReader } from "./pdfinfo.ts";
import { cidWidths, textRuns, type Widths } from "./pdf-text.ts";
import { fewerArcs } from "./pdf-arcs.ts";

/** A number with more than two decimals, e.g. "-8.0286102", ".74018389". */
const LONG_NUMBER = /[+-]?\d*\.\d{3,}/g;

/** The operators that draw a shape's points (move, line, curves, rectangle): their numbers keep two decimals. */
const PATH = new Set(["m", "l", "c", "v", "y", "re"]);

/** `-8.0286102` → "-8.029", `.49999997` → ".5", `3.0001` → "3", `-0.0001` → "0"; with 2 decimals `10366.584` → "10366.58". */
export function shortNumber(written: string, decimals = 3): string {
  const scale = 10 ** decimals;
  const rounded = Math.round(Number(written) * scale) / scale;
  if (Object.is(rounded, -0) || rounded === 0) return "0";
  return String(rounded).replace(/^(-?)0\./, "$1.");
}

/** A content stream's text with its long numbers shortened; its strings kept as written, and a stream with an inline image (binary) kept whole. */
export function shortContent(content: string): string {
  if (/(^|\s)BI\s[\s\S]*?\sID\s/.test(content)) return content;
  if (!content.includes("(")) return shortLines(content); // as Chromium writes it: glyphs as <hex>, no literal string
  let out = "";
  let from = 0;
  // Outside strings only: a literal (…) string may hold any text; hex <…> strings hold no dot.
  for (let i = 0; i < content.length; i++) {
    const c = content[i];
    if (c === "(") {
      out += shortLines(content.slice(from, i));
      let depth = 0;
      let j = i;
      for (; j < content.length; j++) {
        if (content[j] === "\\") j++;
        else if (content[j] === "(") depth++;
        else if (content[j] === ")" && --depth === 0) break;
      }
      out += content.slice(i, j + 1);
      from = j + 1;
      i = j;
    }
  }
  return out + shortLines(content.slice(from));
}

/** Text outside strings with its long numbers shortened, but for the matrices (`… Tm`, `… cm`): where text and
 * shapes are placed stays exact, so text on one line stays on one line for a reader of the PDF's text. */
function shortLines(text: string): string {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.includes(".")) continue;
    const operator = line.slice(line.trimEnd().lastIndexOf(" ") + 1); // e.g. "Tm", "c"
    if (operator === "Tm" || operator === "cm") continue;
    lines[i] = line.replace(LONG_NUMBER, PATH.has(operator) ? short2 : short3);
  }
  return lines.join("\n");
}

const short2 = (n: string) => shortNumber(n, 2);
const short3 = (n: string) => shortNumber(n, 3);

/** `pdf` with every page's text runs written as TJ arrays (textRuns) and content numbers shortened (shortContent), its other objects as they were. */
export function shortenContents(pdf: Uint8Array): Uint8Array {
  const reader = new PdfReader(pdf);
  const contents = new Map<number, Map<string, Widths>>();
  for (const page of reader.pages()) {
    const dict = reader.object(page);
    const list = /\/Contents\s*(\[[^\]]*\]|\d+\s+\d+\s+R)/.exec(dict)?.[1] ?? "";
    const fonts = pageFonts(reader, dict);
    for (const m of list.matchAll(/(\d+)\s+\d+\s+R/g)) contents.set(Number(m[1]), fonts);
  }
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const order = [...reader.offsets].sort((a, b) => a[1] - b[1]);
  const start = order[0]?.[1];
  if (start === undefined || contents.size === 0) return pdf;
  // Each object runs from its offset to the next one's (the last to the cross-reference table).
  const parts: Buffer[] = [bytes.subarray(0, start)];
  const offsets = new Map<number, number>();
  let at = start;
  order.forEach(([id, offset], i) => {
    const end = i + 1 < order.length ? order[i + 1][1] : reader.startxref;
    const original = bytes.subarray(offset, end);
    const fonts = contents.get(id);
    const written = fonts ? shortStream(id, reader.object(id), original, fonts) : original;
    offsets.set(id, at);
    parts.push(written);
    at += written.length;
  });
  const size = Math.max(...offsets.keys()) + 1;
  let xref = `xref\n0 ${size}\n`;
  for (let id = 0; id < size; id++)
    xref += offsets.has(id) ? `${String(offsets.get(id)).padStart(10, "0")} 00000 n \n` : "0000000000 65535 f \n";
  const trailer = /trailer\s*(<<[\s\S]*?>>)\s*startxref/.exec(reader.trailer)?.[1];
  if (!trailer) return pdf;
  parts.push(Buffer.from(`${xref}trailer\n${trailer}\nstartxref\n${at}\n%%EOF\n`, "latin1"));
  return new Uint8Array(Buffer.concat(parts));
}

/** Object `id`, a content stream, written again with its numbers shortened; as it was when it is not a plain Flate stream. */
function shortStream(id: number, dict: string, original: Buffer, fonts: Map<string, Widths>): Buffer {
  const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict)?.[1];
  const begin = original.indexOf("stream");
  if (!length || begin < 0 || !/\/Filter\s*\/FlateDecode\b/.test(dict) || /\/DecodeParms/.test(dict)) return original;
  const dataAt = begin + (original[begin + 6] === 0x0d ? 8 : 7);
  const content = inflateSync(original.subarray(dataAt, dataAt + Number(length))).toString("latin1");
  const data = deflateSync(Buffer.from(shortContent(fewerArcs(textRuns(content, fonts))), "latin1"));
  return Buffer.concat([
    Buffer.from(`${id} 0 obj\n${dict.replace(/\/Length\s+\d+/, `/Length ${data.length}`)}\nstream\n`, "latin1"),
    data,
    Buffer.from("\nendstream\nendobj\n", "latin1"),
  ]);
}

/** The widths of a page's Type0 fonts with two-byte codes (Identity-H), by resource name, e.g. "F10". */
export function pageFonts(reader: PdfReader, page: string): Map<string, Widths> {
  const fonts = new Map<string, Widths>();
  const inline = (dict: string, key: string) => {
    const id = reader.ref(dict, key);
    return id === null ? (dictAt(dict, dict.search(new RegExp(`/${key}\\s*<<`))) ?? "") : reader.object(id);
  };
  const names = inline(inline(page, "Resources"), "Font");
  for (const m of names.matchAll(/\/([^\s/<>[\]()]+)\s+(\d+)\s+\d+\s+R/g)) {
    const font = reader.object(Number(m[2]));
    if (!/\/Subtype\s*\/Type0\b/.test(font) || !/\/Encoding\s*\/Identity-H\b/.test(font)) continue;
    const descendant = /\/DescendantFonts\s*\[\s*(\d+)\s+\d+\s+R\s*\]/.exec(font)?.[1];
    if (!descendant) continue;
    const cid = reader.object(Number(descendant));
    const wRef = reader.ref(cid, "W");
    const w = wRef === null ? arrayAt(cid, cid.search(/\/W\s*\[/)) : reader.object(wRef);
    const dw = Number(/\/DW\s+([\d.]+)/.exec(cid)?.[1] ?? 1000);
    if (w !== null) fonts.set(m[1], cidWidths(w, dw));
  }
  return fonts;
}

/** The `<<…>>` dictionary that starts after the key at `from` in `text`, nested ones included; null when there is none. */
function dictAt(text: string, from: number): string | null {
  if (from < 0) return null;
  const start = text.indexOf("<<", from);
  let depth = 0;
  for (let i = start; i < text.length - 1; i++) {
    if (text.startsWith("<<", i)) [depth, i] = [depth + 1, i + 1];
    else if (text.startsWith(">>", i)) {
      if (--depth === 0) return text.slice(start, i + 2);
      i++;
    }
  }
  return null;
}

/** The `[…]` array that starts after the key at `from` in `text`, nested ones included; null when there is none. */
function arrayAt(text: string, from: number): string | null {
  if (from < 0) return null;
  const start = text.indexOf("[", from);
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === "[") depth++;
    else if (text[i] === "]" && --depth === 0) return text.slice(start, i + 1);
  }
  return null;
}

// Reads where sections start in a PDF Chromium printed, and finishes it by an incremental update (the bytes Chromium wrote stay as
// they are but for its random identifiers, made stable; new objects are appended): document information (author, subject, keywords) and
// bookmarks, one per section, pointing at the page the section starts on. Chromium's own
// bookmarks come from every heading and repeat some titles, so milepost writes its own.
import { createHash } from "node:crypto";

/** The document information milepost writes. */
export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  /** The document's creation date (YYYY-MM-DD): the as-of date, not the clock. */
  date?: string;
  /** "internal" for the internal copy: written into the trailer (/MilepostCopy), which publish reads. */
  copy?: string;
}

/** A bookmark: its title and the 1-based page it opens. */
export interface Bookmark {
  title: string;
  page: number;
}

/** A PDF text string: ASCII as a literal, anything else as UTF-16BE hex with a byte-order mark. */
export function pdfString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = "FEFF";
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, "0");
  return `<${hex.toUpperCase()}>`;
}

/** An object in use, as a classic cross-reference table lists it: its number, its offset and its generation. */
export interface XrefEntry {
  id: number;
  offset: number;
  generation: number;
}

/**
 * The entries in use of the classic cross-reference table whose `xref` keyword is at `at`, in the table's order, and
 * where its entries end (its trailer follows); null when no such table starts there (a cross-reference stream).
 */
export function xrefTable(text: string, at: number): { entries: XrefEntry[]; end: number } | null {
  const xref = /^xref\s+/.exec(text.slice(at, at + 10));
  if (!xref) return null;
  const entries: XrefEntry[] = [];
  let entry = at + xref[0].length;
  for (;;) {
    const section = /^(\d+) (\d+)\s+/.exec(text.slice(entry, entry + 40));
    if (!section) break;
    entry += section[0].length;
    const [first, count] = [Number(section[1]), Number(section[2])];
    for (let i = 0; i < count; i++, entry += 20) {
      const line = text.slice(entry, entry + 18);
      if (line.endsWith("n"))
        entries.push({ id: first + i, offset: Number(line.slice(0, 10)), generation: Number(line.slice(11, 16)) });
    }
  }
  return { entries, end: entry };
}

/** Reads the objects of a PDF with a classic cross-reference table (as Chromium writes them). */
export class PdfReader {
  readonly text: string;
  readonly offsets = new Map<number, number>();
  readonly trailer: string;
  readonly startxref: number;

  constructor(pdf: Uint8Array) {
    this.text = new TextDecoder("latin1").decode(pdf);
    const tail = this.text.slice(-1024);
    const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!startxref) throw new Error("the PDF has no cross-reference table milepost can extend");
    this.startxref = Number(startxref[1]);
    this.trailer = this.text.slice(this.text.lastIndexOf("trailer"));
    const table = xrefTable(this.text, this.startxref);
    if (!table) throw new Error("the PDF's cross-reference is a stream; milepost cannot extend it");
    for (const { id, offset } of table.entries) this.offsets.set(id, offset);
  }

  /** The dictionary text of object `id` (up to its stream or endobj). */
  object(id: number): string {
    const at = this.offsets.get(id);
    if (at === undefined) throw new Error(`object ${id} is not in the PDF`);
    const body = this.text.slice(at, this.text.indexOf("endobj", at));
    const stream = body.indexOf("stream");
    return (stream >= 0 ? body.slice(0, stream) : body).replace(/^\d+\s+\d+\s+obj\s*/, "").trim();
  }

  ref(dict: string, key: string): number | null {
    const m = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(dict);
    return m ? Number(m[1]) : null;
  }

  /** Object ids of the pages, in order. */
  pages(): number[] {
    const out: number[] = [];
    const walk = (id: number) => {
      const node = this.object(id);
      if (/\/Type\s*\/Pages\b/.test(node)) {
        const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1] ?? "";
        for (const m of kids.matchAll(/(\d+)\s+\d+\s+R/g)) walk(Number(m[1]));
      } else out.push(id);
    };
    const root = this.ref(this.trailer, "Root")!;
    walk(this.ref(this.object(root), "Pages")!);
    return out;
  }
}

/** The number of pages of a PDF. */
export function pageCount(pdf: Uint8Array): number {
  return new PdfReader(pdf).pages().length;
}

/** The 1-based page of each named destination in `ids` (Chromium writes one per link target), or null. */
export function destinationPages(pdf: Uint8Array, ids: string[]): (number | null)[] {
  const reader = new PdfReader(pdf);
  const dests = reader.ref(reader.object(reader.ref(reader.trailer, "Root")!), "Dests");
  if (dests === null) return ids.map(() => null);
  const pageOf = new Map(reader.pages().map((id, i) => [id, i + 1]));
  const found = new Map<string, number>();
  for (const m of reader.object(dests).matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+)\s+\d+\s+R/g)) {
    const name = m[1].replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    const page = pageOf.get(Number(m[2]));
    if (page) found.set(name, page);
  }
  return ids.map((id) => found.get(id) ?? null);
}

/** Returns `pdf` with `info` as its document information and `bookmarks` as its outline. */
export function finishPdf(pdf: Uint8Array, info: PdfInfo, bookmarks: Bookmark[]): Uint8Array {
  const reader = new PdfReader(pdf);
  const size = Number(/\/Size\s+(\d+)/.exec(reader.trailer)?.[1]);
  const rootId = reader.ref(reader.trailer, "Root");
  if (!size || rootId === null) throw new Error("the PDF's trailer has no /Size or /Root");
  const pages = reader.pages();
  const marks = bookmarks.filter((b) => b.page >= 1 && b.page <= pages.length);

  const objects: [number, string][] = [];
  const infoId = size;
  objects.push([
    infoId,
    `<< /Title ${pdfString(info.title)} /Author ${pdfString(info.author)} /Subject ${pdfString(info.subject)} /Keywords ${pdfString(info.keywords)} /Creator (milepost) /Producer (milepost with Chromium)${info.date ? ` /CreationDate (D:${info.date.replaceAll("-", "")}000000Z) /ModDate (D:${info.date.replaceAll("-", "")}000000Z)` : ""} >>`,
  ]);
  let catalog = reader
    .object(rootId)
    .replace(/\/Outlines\s+\d+\s+\d+\s+R/, "")
    .replace(/\/PageMode\s*\/\w+/, "");
  if (marks.length > 0) {
    const outlinesId = size + 1;
    const itemId = (i: number) => size + 2 + i;
    objects.push([
      outlinesId,
      `<< /Type /Outlines /First ${itemId(0)} 0 R /Last ${itemId(marks.length - 1)} 0 R /Count ${marks.length} >>`,
    ]);
    marks.forEach((mark, i) => {
      const links = [
        i > 0 ? `/Prev ${itemId(i - 1)} 0 R` : "",
        i < marks.length - 1 ? `/Next ${itemId(i + 1)} 0 R` : "",
      ].join(" ");
      objects.push([
        itemId(i),
        `<< /Title ${pdfString(mark.title)} /Parent ${outlinesId} 0 R ${links} /Dest [${pages[mark.page - 1]} 0 R /XYZ null null null] >>`,
      ]);
    });
    catalog = catalog.replace(/>>\s*$/, ` /Outlines ${outlinesId} 0 R /PageMode /UseOutlines >>`);
  }
  objects.push([rootId, catalog]);

  const head = pdf[pdf.length - 1] === 0x0a ? "" : "\n";
  let body = head;
  const offsets = new Map<number, number>();
  for (const [id, dict] of objects) {
    offsets.set(id, pdf.length + body.length);
    body += `${id} 0 obj\n${dict}\nendobj\n`;
  }
  const xrefAt = pdf.length + body.length;
  const ids = [...offsets.keys()].sort((a, b) => a - b);
  let xref = "xref\n0 1\n0000000000 65535 f \n";
  for (const id of ids) xref += `${id} 1\n${String(offsets.get(id)).padStart(10, "0")} 00000 n \n`;
  const fileId = /\/ID\s*\[[^\]]*\]/.exec(reader.trailer)?.[0] ?? "";
  const newSize = Math.max(size, ...ids.map((id) => id + 1));
  const update = `${body}${xref}trailer\n<< /Size ${newSize} /Root ${rootId} 0 R /Info ${infoId} 0 R /Prev ${reader.startxref} ${fileId}${info.copy === "internal" ? " /MilepostCopy /internal" : ""} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const out = new Uint8Array(pdf.length + update.length);
  out.set(pdf);
  out.set(new TextEncoder().encode(update), pdf.length);
  return stableIds(out);
}

/**
 * Makes the identifiers Chromium writes differently at each print the same for the same
 * content, in place (no offset moves): the structure element ids (`(node00001632)`, from a
 * counter of the browser's) are numbered by rank, which keeps the id tree's order, and the
 * file identifier (/ID, random) becomes a digest of everything else in the file.
 */
export function stableIds(pdf: Uint8Array): Uint8Array {
  let text = Buffer.from(pdf).toString("latin1");
  const nodes = [...new Set([...text.matchAll(/\/ID \((node(\d+))\)/g)].map((m) => m[1]))].sort(
    (a, b) => Number(a.slice(4)) - Number(b.slice(4)),
  );
  const renamed = new Map(nodes.map((id, i) => [id, `node${String(i + 1).padStart(id.length - 4, "0")}`]));
  text = text.replaceAll(/\((node\d+)\)/g, (whole, id: string) => (renamed.has(id) ? `(${renamed.get(id)})` : whole));
  const fileIds = [
    ...new Set(
      [...text.matchAll(/\/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]/g)].flatMap((m) => [m[1], m[2]]),
    ),
  ];
  for (const id of fileIds) text = text.replaceAll(`<${id}>`, `<${"0".repeat(id.length)}>`);
  const digest = createHash("sha256").update(text, "latin1").digest("hex");
  // Both halves of every /ID get the digest, cut or repeated to the length they had.
  for (const length of new Set(fileIds.map((id) => id.length)))
    text = text.replaceAll(`<${"0".repeat(length)}>`, `<${digest.repeat(Math.ceil(length / 64)).slice(0, length)}>`);
  return Uint8Array.from(Buffer.from(text, "latin1"));
}

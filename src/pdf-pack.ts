// Object streams, packed in Node: a tagged PDF holds thousands of small objects (structure elements, annotations,
// fonts' dictionaries) that Chromium writes uncompressed, each with twenty bytes of cross-reference table. The
// finished PDF is written again whole: the objects its catalog and information reach (superseded and unreachable
// ones left out) keep their numbers; streams are copied byte for byte; every other object goes, in number order,
// into Flate-compressed object streams, and a compressed cross-reference stream (PNG "up" predictor) ends the file.
// The same bytes in give the same bytes out, and the /ID (a digest of the content, see stableIds) is kept.
import { deflateSync } from "node:zlib";
import { xrefTable } from "./pdfinfo.ts";

/** Objects per object stream: larger streams compress better; a reader inflates a whole one to read one object. */
export const OBJECTS_PER_STREAM = 500;

/** A PDF's objects (the newest version of each), its newest trailer and whether any object is of another generation than 0, from its classic cross-reference tables. */
export function readObjects(pdf: Uint8Array): {
  objects: Map<number, Uint8Array>;
  trailer: string;
  generations: boolean;
} {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-1024));
  if (!startxref) throw new Error("the PDF has no cross-reference table milepost can read");
  const offsets = new Map<number, number>();
  const boundaries = new Set<number>([text.length]);
  let trailer = "";
  let generations = false;
  for (let at: number | null = Number(startxref[1]); at !== null;) {
    boundaries.add(at);
    const table = xrefTable(text, at);
    if (!table) throw new Error("the PDF's cross-reference is a stream; milepost packs only what Chromium writes");
    for (const { id, offset, generation } of table.entries) {
      if (!offsets.has(id)) offsets.set(id, offset);
      boundaries.add(offset);
      if (generation !== 0) generations = true;
    }
    const end = text.indexOf("startxref", table.end);
    const dict = text.slice(text.indexOf("trailer", table.end) + 7, end).trim();
    trailer ||= dict;
    const prev = /\/Prev\s+(\d+)/.exec(dict);
    at = prev ? Number(prev[1]) : null;
  }
  // An object runs from its offset to the next thing the file's tables point at, less what follows its endobj.
  const sorted = [...boundaries].sort((a, b) => a - b);
  const after = new Map(sorted.map((b, i) => [b, sorted[i + 1] ?? text.length]));
  const next = (offset: number) => after.get(offset)!;
  const objects = new Map<number, Uint8Array>();
  for (const [id, offset] of offsets) {
    const slice = text.slice(offset, next(offset));
    const end = slice.lastIndexOf("endobj");
    if (end < 0) throw new Error(`object ${id} has no endobj`);
    objects.set(id, pdf.subarray(offset, offset + end + 6));
  }
  return { objects, trailer, generations };
}

/** An object's body without `N 0 obj`/`endobj`, and whether it is a stream (which stays outside object streams). */
function body(object: Uint8Array): { text: string; stream: boolean } {
  const text = Buffer.from(object.buffer, object.byteOffset, object.byteLength).toString("latin1");
  const inside = text.replace(/^\d+\s+\d+\s+obj\s*/, "").replace(/\s*endobj$/, "");
  return { text: inside, stream: /\bendstream$/.test(inside) };
}

/** The object numbers in `text` (`12 0 R`), a stream's dictionary only. */
function references(text: string, stream: boolean): number[] {
  const dict = stream ? text.slice(0, text.search(/stream\r?\n/)) : text;
  return [...dict.matchAll(/(\d+)\s+0\s+R\b/g)].map((m) => Number(m[1]));
}

/**
 * `pdf` (classic cross-reference tables, incremental updates included) written again with object streams and a
 * cross-reference stream; as it was when it is encrypted or has an object of another generation than 0 (Chromium
 * writes neither).
 */
export function packObjects(pdf: Uint8Array): Uint8Array {
  const { objects, trailer, generations } = readObjects(pdf);
  if (generations || /\/Encrypt\b/.test(trailer)) return pdf;
  const bodies = new Map([...objects].map(([id, object]) => [id, body(object)]));
  const reached = new Set<number>();
  const todo = [...trailer.matchAll(/\/(?:Root|Info)\s+(\d+)\s+0\s+R/g)].map((m) => Number(m[1]));
  while (todo.length > 0) {
    const id = todo.pop()!;
    const found = bodies.get(id);
    if (reached.has(id) || !found) continue;
    reached.add(id);
    todo.push(...references(found.text, found.stream));
  }
  const ids = [...reached].sort((a, b) => a - b);
  const header = /^%PDF-(\d\.\d)/.exec(Buffer.from(pdf.subarray(0, 16)).toString("latin1"))?.[1] ?? "1.4";
  const version = Number(header) < 1.5 ? "1.5" : header;
  const parts: Buffer[] = [Buffer.from(`%PDF-${version}\n%\xe2\xe3\xcf\xd3\n`, "latin1")];
  let at = parts[0].length;
  const write = (bytes: Buffer) => {
    parts.push(bytes);
    at += bytes.length;
  };
  // Entries of the cross-reference stream: [type, field 2, field 3] by object number.
  const entries = new Map<number, [number, number, number]>();
  const small: number[] = [];
  for (const id of ids) {
    if (!bodies.get(id)!.stream) {
      small.push(id);
      continue;
    }
    entries.set(id, [1, at, 0]);
    write(Buffer.concat([Buffer.from(objects.get(id)!), Buffer.from("\n")]));
  }
  let nextId = Math.max(0, ...objects.keys()) + 1;
  for (let from = 0; from < small.length; from += OBJECTS_PER_STREAM) {
    const chunk = small.slice(from, from + OBJECTS_PER_STREAM);
    const streamId = nextId++;
    let index = "";
    let data = "";
    chunk.forEach((id, i) => {
      index += `${id} ${data.length} `;
      data += `${bodies.get(id)!.text}\n`;
      entries.set(id, [2, streamId, i]);
    });
    const packed = deflateSync(Buffer.from(index + data, "latin1"), { level: 9 });
    entries.set(streamId, [1, at, 0]);
    write(
      Buffer.concat([
        Buffer.from(
          `${streamId} 0 obj\n<< /Type /ObjStm /N ${chunk.length} /First ${index.length} /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`,
          "latin1",
        ),
        packed,
        Buffer.from("\nendstream\nendobj\n"),
      ]),
    );
  }
  const xrefId = nextId++;
  entries.set(xrefId, [1, at, 0]);
  const size = nextId;
  const width = Math.max(1, Math.ceil(Math.log2(Math.max(at, size) + 1) / 8));
  const row = 1 + width + 2;
  const table = Buffer.alloc(size * row);
  for (let id = 0; id < size; id++) {
    const [type, two, three] = entries.get(id) ?? (id === 0 ? [0, 0, 65535] : [0, 0, 0]);
    table[id * row] = type;
    table.writeUIntBE(two, id * row + 1, width);
    table.writeUInt16BE(three, id * row + 1 + width);
  }
  const xref = deflateSync(upPredicted(table, row), { level: 9 });
  const keep = ["Root", "Info", "ID", "MilepostCopy"]
    .map((key) => new RegExp(`/${key}\\s*(\\d+\\s+0\\s+R|\\[[^\\]]*\\]|/\\w+)`).exec(trailer)?.[0])
    .filter((entry) => entry !== undefined)
    .join(" ");
  write(
    Buffer.concat([
      Buffer.from(
        `${xrefId} 0 obj\n<< /Type /XRef /Size ${size} /W [1 ${width} 2] ${keep} /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns ${row} >> /Length ${xref.length} >>\nstream\n`,
        "latin1",
      ),
      xref,
      Buffer.from("\nendstream\nendobj\n"),
    ]),
  );
  const xrefAt = entries.get(xrefId)![1];
  parts.push(Buffer.from(`startxref\n${xrefAt}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

/** Rows of `row` bytes with the PNG "up" predictor (each byte less the one above it), each row led by its filter type, 2. */
export function upPredicted(table: Buffer, row: number): Buffer {
  const rows = table.length / row;
  const out = Buffer.alloc(rows * (row + 1));
  for (let r = 0; r < rows; r++) {
    out[r * (row + 1)] = 2;
    for (let c = 0; c < row; c++) {
      const above = r > 0 ? table[(r - 1) * row + c] : 0;
      out[r * (row + 1) + 1 + c] = (table[r * row + c] - above) & 0xff;
    }
  }
  return out;
}

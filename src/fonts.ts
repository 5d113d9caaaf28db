// The fonts of one customer's folder: each face cut down to the characters its pages use (with
// HarfBuzz's subsetter), packed as WOFF, named by a digest of their bytes, and one stylesheet
// (fonts/fonts.css) declaring them. A Japanese pack carries a few hundred kilobytes of its
// characters instead of the whole Noto Sans JP (8 MB); the PDFs embed the same small fonts.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { deflateSync, inflateSync } from "node:zlib";
import type { Lang } from "../templates/i18n/index.ts";

/** One face a page may use: its family, weight, the source file and the code points it draws. */
export interface Face {
  family: string;
  weight: number;
  /** Name part of the written file, e.g. "inter-latin-400". */
  name: string;
  file: string;
  /** Inclusive code point ranges. */
  ranges: [number, number][];
}

const require = createRequire(import.meta.url);
const fontsource = (pkg: string) => join(require.resolve(`@fontsource/${pkg}/package.json`), "..");

/** The faces of a @fontsource package at `weight`, read from its stylesheet, with their unicode-range. */
export function fontsourceFaces(pkg: string, weight: number): Face[] {
  const dir = fontsource(pkg);
  const css = readFileSync(join(dir, `${weight}.css`), "utf8");
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) => {
    const family = /font-family:\s*'([^']+)'/.exec(body)![1];
    const file = /url\(\.\/files\/([^)]+\.woff)\)/.exec(body)![1];
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1] ?? "U+0-10FFFF";
    return {
      family,
      weight,
      name: file.replace(/-normal\.woff$/, ""),
      file: join(dir, "files", file),
      ranges: parseRanges(range),
    };
  });
}

/** `U+0000-00FF,U+0131` → [[0, 255], [305, 305]]. */
export function parseRanges(text: string): [number, number][] {
  return text.split(",").map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, "").split("-");
    return [parseInt(from, 16), parseInt(to ?? from, 16)];
  });
}

/** The code points as a CSS unicode-range, consecutive ones joined: [65, 66, 67, 97] → "U+41-43,U+61". */
export function unicodeRange(points: number[]): string {
  const sorted = [...points].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    const hex = (n: number) => n.toString(16).toUpperCase();
    parts.push(i === j ? `U+${hex(sorted[i])}` : `U+${hex(sorted[i])}-${hex(sorted[j])}`);
    i = j + 1;
  }
  return parts.join(",");
}

/**
 * The webfont of each language whose script the Latin faces do not draw: a @fontsource package
 * (a dependency in package.json), cut down per customer like the Latin ones. One entry per language.
 */
export const SCRIPT_FONTS: Partial<Record<Lang, string>> = {
  ja: "noto-sans-jp",
  "zh-TW": "noto-sans-tc",
  "zh-CN": "noto-sans-sc",
  ko: "noto-sans-kr",
};

/** The Latin faces every page uses (global.css names Inter for text and Source Serif 4 for headings). */
const LATIN: Face[] = [
  ...[400, 600, 700].flatMap((w) => fontsourceFaces("inter", w)),
  ...fontsourceFaces("source-serif-4", 600),
];

/**
 * The characters a customer's pages can draw: every character of its pages and stylesheets
 * (entities and CSS escapes decoded), the printable ASCII, and what the charts format in the
 * browser (month names and numbers of the locale).
 */
export function usedCharacters(texts: string[], locale: string): Set<number> {
  const points = new Set<number>();
  const add = (text: string) => {
    for (const ch of text) points.add(ch.codePointAt(0)!);
  };
  for (let c = 0x20; c < 0x7f; c++) points.add(c);
  for (const c of [0xa0, 0x202f, 0x2026, 0x2013, 0x2014, 0x2212]) points.add(c);
  for (const text of texts) {
    const decoded = text
      .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
      .replace(/\\([0-9a-f]{1,6}) ?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
    add(decoded);
    // Small-caps labels are set in capitals by the stylesheet (text-transform): "Dernière" is drawn "DERNIÈRE".
    add(decoded.toLocaleUpperCase(locale));
  }
  const months = new Intl.DateTimeFormat(locale, { month: "short", year: "2-digit", timeZone: "UTC" });
  for (let m = 0; m < 12; m++) add(months.format(Date.UTC(2026, m, 15)));
  add(new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(-1234567.8));
  points.delete(0x0a);
  return points;
}

/**
 * Writes the fonts a customer's pages need into `into/` (fonts.css and its WOFF files): the Latin
 * faces, and `cjk` (a @fontsource package, e.g. "noto-sans-jp") for what they do not draw.
 * Returns the files written, relative to `into`.
 */
export async function writeFonts(into: string, chars: Set<number>, cjk: string | null): Promise<string[]> {
  await mkdir(into, { recursive: true });
  const faces: { face: Face; points: number[] }[] = [];
  for (const face of LATIN) {
    const points = [...chars].filter((c) => face.ranges.some(([a, b]) => c >= a && c <= b));
    if (points.length > 0) faces.push({ face, points });
  }
  // The CJK font comes in about a hundred slices by unicode-range (the package's whole-script
  // file lacks some symbols, e.g. →): each slice that draws a character of the pages is cut down.
  for (const face of cjk ? [400, 700].flatMap((w) => fontsourceFaces(cjk, w)) : []) {
    const points = [...chars].filter((c) => c > 0x7f && face.ranges.some(([a, b]) => c >= a && c <= b));
    if (points.length > 0) faces.push({ face, points });
  }
  let css = "";
  const files: string[] = [];
  for (const { face, points } of faces) {
    const woff = toWoff(await subset(face.file, points));
    const name = `${face.name}.${createHash("sha256").update(woff).digest("hex").slice(0, 10)}.woff`;
    await writeFile(join(into, name), woff);
    files.push(name);
    css += `@font-face { font-family: '${face.family}'; font-style: normal; font-display: block; font-weight: ${face.weight}; src: url(${name}) format('woff'); unicode-range: ${unicodeRange(points)}; }\n`;
  }
  await writeFile(join(into, "fonts.css"), css);
  return ["fonts.css", ...files];
}

interface HarfBuzz {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
}

let harfbuzz: Promise<HarfBuzz> | null = null;
/** Source faces already read into HarfBuzz, by file: each is unpacked once per process. */
const loaded = new Map<string, Promise<number>>();

async function face(file: string): Promise<number> {
  harfbuzz ??= WebAssembly.instantiate(await readFile(require.resolve("harfbuzzjs/dist/harfbuzz-subset.wasm"))).then(
    ({ instance }) => {
      const hb = instance.exports as unknown as HarfBuzz;
      hb._initialize();
      return hb;
    },
  );
  const hb = await harfbuzz;
  let found = loaded.get(file);
  if (!found) {
    found = (async () => {
      const ttf = fromWoff(new Uint8Array(await readFile(file)));
      const at = hb.malloc(ttf.byteLength);
      new Uint8Array(hb.memory.buffer).set(ttf, at);
      const blob = hb.hb_blob_create(at, ttf.byteLength, 2 /* writable */, 0, 0);
      const created = hb.hb_face_create(blob, 0);
      hb.hb_blob_destroy(blob);
      return created;
    })();
    loaded.set(file, found);
  }
  return found;
}

/** The TrueType font of `file` cut down to `points`, every layout feature kept (tabular figures, CJK widths). */
async function subset(file: string, points: number[]): Promise<Uint8Array> {
  const source = await face(file);
  const hb = (await harfbuzz)!;
  const input = hb.hb_subset_input_create_or_fail();
  if (input === 0) throw new Error("HarfBuzz could not start a subset");
  const features = hb.hb_subset_input_set(input, 6 /* layout feature tags */);
  hb.hb_set_clear(features);
  hb.hb_set_invert(features);
  const unicodes = hb.hb_subset_input_unicode_set(input);
  for (const p of points) hb.hb_set_add(unicodes, p);
  const result = hb.hb_subset_or_fail(source, input);
  hb.hb_subset_input_destroy(input);
  if (result === 0) throw new Error(`HarfBuzz could not subset ${file}`);
  const blob = hb.hb_face_reference_blob(result);
  const bytes = new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(blob, 0), hb.hb_blob_get_length(blob)).slice();
  hb.hb_blob_destroy(blob);
  hb.hb_face_destroy(result);
  return bytes;
}

/** Packs a TrueType font as WOFF 1.0: each table deflated, so the same font gives the same bytes. */
export function toWoff(ttf: Uint8Array): Uint8Array {
  const view = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  const count = view.getUint16(4);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 12 + i * 16;
    const [tag, checksum, offset, length] = [0, 4, 8, 12].map((o) => view.getUint32(at + o));
    const data = ttf.subarray(offset, offset + length);
    const packed = deflateSync(data, { level: 9 });
    return { tag, checksum, length, data: packed.length < length ? packed : data };
  });
  const pad = (n: number) => (n + 3) & ~3;
  const head = 44 + 20 * count;
  const total = tables.reduce((n, t) => n + pad(t.data.length), head);
  const out = new Uint8Array(total);
  const w = new DataView(out.buffer);
  w.setUint32(0, 0x774f4646); // wOFF
  w.setUint32(4, view.getUint32(0));
  w.setUint32(8, total);
  w.setUint16(12, count);
  w.setUint32(
    16,
    tables.reduce((n, t) => n + pad(t.length), 12 + 16 * count),
  );
  w.setUint16(20, 1);
  let at = head;
  tables.forEach((t, i) => {
    const entry = 44 + i * 20;
    w.setUint32(entry, t.tag);
    w.setUint32(entry + 4, at);
    w.setUint32(entry + 8, t.data.length);
    w.setUint32(entry + 12, t.length);
    w.setUint32(entry + 16, t.checksum);
    out.set(t.data, at);
    at += pad(t.data.length);
  });
  return out;
}

/** Unpacks a WOFF 1.0 font (as @fontsource ships them beside the WOFF2) into TrueType. */
export function fromWoff(woff: Uint8Array): Uint8Array {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (view.getUint32(0) !== 0x774f4646) throw new Error("not a WOFF font");
  const count = view.getUint16(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const [tag, offset, packed, length, checksum] = [0, 4, 8, 12, 16].map((o) => view.getUint32(at + o));
    const data = woff.subarray(offset, offset + packed);
    return { tag, checksum, data: packed < length ? new Uint8Array(inflateSync(data)) : data };
  });
  const pad = (n: number) => (n + 3) & ~3;
  const head = 12 + 16 * count;
  const out = new Uint8Array(tables.reduce((n, t) => n + pad(t.data.length), head));
  const w = new DataView(out.buffer);
  w.setUint32(0, view.getUint32(4));
  w.setUint16(4, count);
  const power = 2 ** Math.floor(Math.log2(count));
  w.setUint16(6, power * 16);
  w.setUint16(8, Math.log2(power));
  w.setUint16(10, count * 16 - power * 16);
  let at = head;
  tables.forEach((t, i) => {
    const entry = 12 + i * 16;
    w.setUint32(entry, t.tag);
    w.setUint32(entry + 4, t.checksum);
    w.setUint32(entry + 8, at);
    w.setUint32(entry + 12, t.data.length);
    out.set(t.data, at);
    at += pad(t.data.length);
  });
  return out;
}

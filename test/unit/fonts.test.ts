// Per-customer fonts: the characters a customer's pages use, the unicode-range written for them,
// the WOFF packing, and real subsets of the @fontsource faces.
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { fromWoff, parseRanges, toWoff, unicodeRange, usedCharacters, writeFonts } from "../../src/fonts.ts";

const cp = (s: string) => s.codePointAt(0)!;

describe("usedCharacters(texts, locale)", () => {
  it("takes every character of the pages, with entities and CSS escapes decoded", () => {
    const chars = usedCharacters(
      ['<p title="x">株式会社 &#x3055;&#12367;</p>', '--running: "\\5c71 \\7530 ";'],
      "ja-JP",
    );
    for (const ch of ["株", "式", "会", "社", "さ", "く", "山", "田"]) expect(chars.has(cp(ch)), ch).toBe(true);
    expect(chars.has(cp("\n"))).toBe(false);
  });

  it("takes the capitals a stylesheet's text-transform draws (DERNIÈRE VALEUR for Dernière valeur)", () => {
    const fr = usedCharacters(["<th>Dernière valeur</th><td>Réalisé à 100 %</td>"], "fr-FR");
    for (const ch of ["è", "È", "é", "É", "à", "À"]) expect(fr.has(cp(ch)), ch).toBe(true);
  });

  it("always holds the printable ASCII and what the charts format in the browser (the locale's months)", () => {
    const ja = usedCharacters([], "ja-JP");
    for (let c = 0x20; c < 0x7f; c++) expect(ja.has(c)).toBe(true);
    expect(ja.has(cp("年"))).toBe(true);
    expect(ja.has(cp("月"))).toBe(true);
    expect(usedCharacters([], "ms-MY").has(cp("O"))).toBe(true); // Okt
  });
});

describe("unicodeRange(points) and parseRanges(text)", () => {
  it("joins consecutive code points, and reads @fontsource's ranges back", () => {
    expect(unicodeRange([0x61, 0x41, 0x42, 0x43, 0x5c71])).toBe("U+41-43,U+61,U+5C71");
    expect(parseRanges("U+0000-00FF,U+0131, U+2000-206F")).toEqual([
      [0, 255],
      [0x131, 0x131],
      [0x2000, 0x206f],
    ]);
  });
});

/** The tables of a TrueType font or a WOFF, by tag, uncompressed. */
function tables(font: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const woff = view.getUint32(0) === 0x774f4646;
  const out = new Map<string, Uint8Array>();
  for (let i = 0; i < view.getUint16(woff ? 12 : 4); i++) {
    const at = woff ? 44 + i * 20 : 12 + i * 16;
    const tag = String.fromCharCode(...font.subarray(at, at + 4));
    const offset = view.getUint32(at + (woff ? 4 : 8));
    const length = view.getUint32(at + (woff ? 8 : 12));
    const data = font.subarray(offset, offset + length);
    out.set(tag, woff && length < view.getUint32(at + 12) ? new Uint8Array(inflateSync(data)) : data);
  }
  return out;
}

describe("writeFonts(into, chars, cjk)", () => {
  it(
    "writes each face cut down to the characters, as WOFF named by its digest, declared in fonts.css",
    { timeout: 60_000 },
    async () => {
      const dir = await mkdtemp(join(tmpdir(), "milepost-fonts-"));
      try {
        const chars = usedCharacters(["<h1>株式会社さくら精密</h1>"], "ja-JP");
        const files = await writeFonts(dir, chars, "noto-sans-jp");
        expect(files[0]).toBe("fonts.css");
        expect(files.slice(1).every((f) => /^[a-z0-9-]+\.[0-9a-f]{10}\.woff$/.test(f))).toBe(true);
        const jp = files.filter((f) => f.startsWith("noto-sans-jp-"));
        expect(jp.some((f) => /-400\./.test(f))).toBe(true);
        expect(jp.some((f) => /-700\./.test(f))).toBe(true);
        const css = await readFile(join(dir, "fonts.css"), "utf8");
        expect(css).toContain("font-family: 'Inter'");
        expect(css).toContain("font-family: 'Source Serif 4'");
        // The Japanese faces draw these characters only, each declared with its own: a few
        // kilobytes in all, not the megabytes of the whole font.
        const declared = [...css.matchAll(/'Noto Sans JP'.*?font-weight: 400;.*?unicode-range: ([^;]+);/g)];
        const points = new Set(declared.flatMap(([, r]) => parseRanges(r).flatMap(([x, y]) => [x, y])));
        expect([...points].sort()).toEqual([...chars].filter((c) => c > 0x7f).sort());
        let bytes = 0;
        for (const f of jp) bytes += (await stat(join(dir, f))).size;
        expect(bytes).toBeLessThan(80_000);
        const font = tables(new Uint8Array(await readFile(join(dir, jp[0]))));
        for (const tag of ["cmap", "glyf", "loca", "head", "hmtx"]) expect(font.has(tag), tag).toBe(true);
        // The same characters give the same bytes (the names are digests).
        const again = await mkdtemp(join(tmpdir(), "milepost-fonts-"));
        expect(await writeFonts(again, chars, "noto-sans-jp")).toEqual(files);
        await rm(again, { recursive: true, force: true });
        expect((await readdir(dir)).sort()).toEqual([...files].sort());
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});

describe("toWoff(ttf) and fromWoff(woff)", () => {
  it("keep every table byte for byte", async () => {
    const source = new Uint8Array(
      await readFile(
        join(import.meta.dirname, "..", "..", "node_modules/@fontsource/inter/files/inter-latin-400-normal.woff"),
      ),
    );
    const ttf = fromWoff(source);
    expect(new DataView(ttf.buffer).getUint32(0)).toBe(0x00010000);
    const woff = toWoff(ttf);
    expect(String.fromCharCode(...woff.subarray(0, 4))).toBe("wOFF");
    expect(tables(woff)).toEqual(tables(source));
    expect(tables(ttf)).toEqual(tables(source));
  });
});

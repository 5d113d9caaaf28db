// Text runs as TJ arrays: Chromium places every glyph of a line on its own (`8.0286102 0 Td <002c> Tj`, about
// twenty bytes a glyph). A run of such single-glyph shows on one line is written again as one show of an array,
// `[<000e002c> -12 <002f>] TJ`, whose numbers take each glyph from where the previous one's advance width (the
// CID font's /W) leaves it to where Chromium put it, within a two-hundredth of a unit. A run is rewritten only
// where that is provably the same page: a font set in the same BT block, a Type0 font with two-byte codes, no
// character or word spacing or scaling in the stream, and nothing after it that reads the line's start but a move
// that is corrected for it; anything else stays as written.

/** A glyph's advance width, in thousandths of the font size, by CID. */
export type Widths = (cid: number) => number;

/** How far a rewritten glyph may land from where it was, in text space units. */
export const GLYPH_TOLERANCE = 0.005;

const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)`;
/** `<000e> Tj`, or `8.0286102 0 Td <002c> Tj` / `0 14.5 Td <002c> Tj`. */
const SHOW = new RegExp(String.raw`^(?:(${NUMBER}) (${NUMBER}) Td )?<([0-9a-fA-F]{4})> Tj$`);
const MOVE = new RegExp(String.raw`^(${NUMBER}) (${NUMBER}) Td$`);
const FONT = new RegExp(String.raw`^/(\S+) (${NUMBER}) Tf$`);
/** Operators that change neither the text position nor the line's start: colours and graphics state. */
const NEUTRAL = /(?:^|\s)(?:rg|RG|g|G|k|K|cs|CS|sc|SC|scn|SCN|gs|Tf)$/;

/** The advance widths of a CIDFont's /W array (`[0 [656.25 727.5] 67 76 646.97]`), `dw` for any CID it leaves out. */
export function cidWidths(w: string, dw = 1000): Widths {
  const widths = new Map<number, number>();
  const tokens = w.replace(/^\s*\[|\]\s*$/g, "").match(/\[|\]|[^\s[\]]+/g) ?? [];
  for (let i = 0; i < tokens.length;) {
    const first = Number(tokens[i]);
    if (tokens[i + 1] === "[") {
      let cid = first;
      for (i += 2; i < tokens.length && tokens[i] !== "]"; i++) widths.set(cid++, Number(tokens[i]));
      i++;
    } else {
      const [last, width] = [Number(tokens[i + 1]), Number(tokens[i + 2])];
      for (let cid = first; cid <= last; cid++) widths.set(cid, width);
      i += 3;
    }
  }
  return (cid) => widths.get(cid) ?? dw;
}

/** `-12` → "-12", `0.25` → ".25", `-0.5` → "-.5". */
function written(n: number): string {
  return String(n).replace(/^(-?)0\./, "$1.");
}

/**
 * The array of a run of glyphs at `x` (each relative to the first, in text space) in a font of `size`: the
 * glyphs with no gap between them share a string; each number is the smallest rounding (whole, then tenths,
 * hundredths) that keeps the glyph within GLYPH_TOLERANCE of its place, counted from where the previous one
 * really landed, so no error adds up along the line.
 */
export function textArray(cids: number[], x: number[], size: number, widths: Widths): string {
  let out = "[";
  let glyphs = "";
  let at = 0;
  cids.forEach((cid, i) => {
    if (i > 0) {
      const natural = at + (widths(cids[i - 1]) * size) / 1000;
      const exact = ((natural - x[i]) * 1000) / size;
      let k = 0;
      for (const scale of [1, 10, 100, 1000, 10000]) {
        k = Math.round(exact * scale) / scale;
        if (Math.abs(natural - (k * size) / 1000 - x[i]) <= GLYPH_TOLERANCE) break;
      }
      if (k !== 0) {
        out += `<${glyphs}> ${written(k)} `;
        glyphs = "";
      }
      at = natural - (k * size) / 1000;
    }
    glyphs += cid.toString(16).padStart(4, "0");
  });
  return `${out}<${glyphs}>] TJ`;
}

/**
 * A content stream with its runs of single-glyph shows written as TJ arrays (see the top of this file); `fonts`
 * holds the widths of the page's Type0 fonts with two-byte codes, by resource name. The stream is returned as it
 * was when it sets character or word spacing, scaling or leading, or holds an inline image or a literal string (which
 * may span lines; Chromium writes none).
 */
export function textRuns(content: string, fonts: Map<string, Widths>): string {
  if (/(?:^|\s)(?:Tc|Tw|Tz|TL|BI)\s/.test(`${content}\n`) || content.includes("(")) return content;
  const lines = content.split("\n");
  const out: string[] = [];
  let font: { widths: Widths; size: number } | null = null;
  let atLineStart = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === "BT") [font, atLineStart] = [null, true];
    else if (FONT.test(line)) {
      const [, name, size] = FONT.exec(line)!;
      font = fonts.has(name) ? { widths: fonts.get(name)!, size: Number(size) } : null;
    } else if (MOVE.test(line) || line.endsWith(" Tm")) atLineStart = true;
    const show = SHOW.exec(line);
    if (!show) {
      out.push(line);
      continue;
    }
    const run = font && font.size > 0 && (show[1] !== undefined || atLineStart) ? glyphRun(lines, i) : null;
    atLineStart = false;
    // The line's start moved with each glyph: a later move from it must add the run's shift.
    const after = run && run.cids.length > 1 ? following(lines, run.end) : null;
    if (!run || !font || !after) {
      out.push(line);
      continue;
    }
    const start = show[1] === undefined ? "" : `${show[1]} ${show[2]} Td `;
    out.push(`${start}${textArray(run.cids, run.x, font.size, font.widths)}`);
    if (after.move) {
      const [, dx, dy] = /^(\S+) (\S+) Td/.exec(lines[after.at])!;
      lines[after.at] = lines[after.at].replace(`${dx} ${dy} Td`, `${written(Number(dx) + run.shift)} ${dy} Td`);
    }
    i = run.end - 1;
  }
  return out.join("\n");
}

/** The run of glyphs starting at line `i`: their CIDs, places relative to the first, the line's start shift, and the line after it. */
function glyphRun(lines: string[], i: number): { cids: number[]; x: number[]; shift: number; end: number } {
  const cids = [parseInt(SHOW.exec(lines[i])![3], 16)];
  const x = [0];
  let end = i + 1;
  for (; end < lines.length; end++) {
    const show = SHOW.exec(lines[end]);
    if (!show || show[1] === undefined || Number(show[2]) !== 0) break;
    x.push(x[x.length - 1] + Number(show[1]));
    cids.push(parseInt(show[3], 16));
  }
  return { cids, x, shift: x[x.length - 1], end };
}

/**
 * After a run ending before line `end`, the line that next depends on where text is: `move` when it moves from
 * the line's start (it must add the run's shift); null when a show or anything else would read the old position.
 */
function following(lines: string[], end: number): { at: number; move: boolean } | null {
  for (let at = end; at < lines.length; at++) {
    const line = lines[at];
    if (line === "ET" || line.endsWith(" Tm")) return { at, move: false };
    if (MOVE.test(line) || (SHOW.test(line) && line.includes(" Td "))) return { at, move: true };
    if (!NEUTRAL.test(line)) return null;
  }
  return null;
}

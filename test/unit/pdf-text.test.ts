import { describe, expect, it } from "vitest";
import { cidWidths, GLYPH_TOLERANCE, textArray, textRuns, type Widths } from "../../src/pdf-text.ts";

describe("cidWidths(w, dw)", () => {
  it("reads both forms of a /W array, and the default width for a CID it leaves out", () => {
    const widths = cidWidths("[0 [656.25 727.53906 659.17969] 67 76 646.97266 114 [268.5]]", 500);
    expect([0, 1, 2, 67, 76, 114].map(widths)).toEqual([656.25, 727.53906, 659.17969, 646.97266, 646.97266, 268.5]);
    expect([3, 77, 115].map(widths)).toEqual([500, 500, 500]);
    expect(cidWidths("[]")(7)).toBe(1000);
  });
});

/** Where each glyph of a content stream lands: its CID and (x, y) in the text matrix's space; Tf, Tm, Td, Tj and TJ only. */
function glyphs(content: string, fonts: Map<string, Widths>): [number, number, number][] {
  const out: [number, number, number][] = [];
  let [widths, size, lineX, lineY, x, y] = [(() => 0) as Widths, 0, 0, 0, 0, 0];
  const show = (hex: string) => {
    for (let i = 0; i < hex.length; i += 4) {
      const cid = parseInt(hex.slice(i, i + 4), 16);
      out.push([cid, x, y]);
      x += (widths(cid) * size) / 1000;
    }
  };
  for (const line of content.split("\n")) {
    const td = /^(\S+) (\S+) Td\b/.exec(line);
    if (td) [lineX, lineY] = [lineX + Number(td[1]), lineY + Number(td[2])];
    if (td) [x, y] = [lineX, lineY];
    const tm = /(\S+) (\S+) Tm$/.exec(line);
    if (tm) [lineX, lineY, x, y] = [Number(tm[1]), Number(tm[2]), Number(tm[1]), Number(tm[2])];
    const tf = /^\/(\S+) (\S+) Tf$/.exec(line);
    if (tf) [widths, size] = [fonts.get(tf[1])!, Number(tf[2])];
    const tj = /<([0-9a-f]+)> Tj$/.exec(line);
    if (tj) show(tj[1]);
    const array = /\[(.*)\] TJ$/.exec(line);
    if (array)
      for (const part of array[1].match(/<[0-9a-f]*>|\S+/g)!) {
        if (part.startsWith("<")) show(part.slice(1, -1));
        else x -= (Number(part) * size) / 1000;
      }
  }
  return out;
}

function expectSamePlaces(before: [number, number, number][], after: [number, number, number][]): void {
  expect(after.map(([cid]) => cid)).toEqual(before.map(([cid]) => cid));
  after.forEach(([, x, y], i) => {
    expect(Math.abs(x - before[i][1])).toBeLessThanOrEqual(GLYPH_TOLERANCE + 1e-9);
    expect(y).toBe(before[i][2]);
  });
}

const fonts = new Map([
  ["F10", cidWidths("[12 [753.2 600] 44 [599.4 400 500]]")],
  ["F9", cidWidths("[23 [665.9]]")],
]);

describe("textRuns(content, fonts)", () => {
  // As Chromium writes a line: each glyph on its own, moved from the line's start by its advance.
  const chromium = [
    "/NonStruct <</MCID 0 >>BDC",
    "BT",
    "/F10 10.6599998 Tf",
    "1 0 0 -1 60 52 Tm",
    "<000c> Tj",
    "8.0291119 0 Td <002c> Tj",
    "6.39 0 Td <002d> Tj",
    "6.3960001 0 Td <002e> Tj",
    "0 14.5 Td <002c> Tj",
    "6.5 0 Td <002e> Tj",
    "ET",
    "EMC",
  ].join("\n");

  it("writes each line's run of single-glyph shows as one TJ array; every glyph lands where it was", () => {
    const after = textRuns(chromium, fonts);
    expect(after.split("\n")).toEqual([
      "/NonStruct <</MCID 0 >>BDC",
      "BT",
      "/F10 10.6599998 Tf",
      "1 0 0 -1 60 52 Tm",
      "[<000c002c002d> -200 <002e>] TJ",
      "14.4251120 14.5 Td [<002c> -10 <002e>] TJ".replace("14.4251120", String(8.0291119 + 6.39 + 6.3960001)),
      "ET",
      "EMC",
    ]);
    expectSamePlaces(glyphs(chromium, fonts), glyphs(after, fonts));
  });

  it("keeps the error of each number from adding up along a long line", () => {
    const widths = fonts.get("F10")!;
    const cids = Array.from({ length: 400 }, (_, i) => [12, 13, 44, 45, 46][i % 5]);
    let at = 0;
    const x = cids.map((cid, i) => (i === 0 ? 0 : (at += (widths(cids[i - 1]) * 10.66) / 1000 + 0.0123 * (i % 7))));
    const lines = ["BT", "/F10 10.66 Tf", "1 0 0 1 0 0 Tm", `<${cids[0].toString(16).padStart(4, "0")}> Tj`];
    cids.slice(1).forEach((cid, i) => lines.push(`${x[i + 1] - x[i]} 0 Td <${cid.toString(16).padStart(4, "0")}> Tj`));
    const content = [...lines, "ET"].join("\n");
    expect(textRuns(content, fonts)).toContain(textArray(cids, x, 10.66, widths));
    expectSamePlaces(glyphs(content, fonts), glyphs(textRuns(content, fonts), fonts));
  });

  it("leaves as written what it cannot prove the same: spacing set, an unknown font, a show after the run, marked content inside, a font set outside the block", () => {
    const cases = [
      chromium.replace("/F10 10.6599998 Tf", "/F10 10.6599998 Tf\n.5 Tc"),
      chromium.replaceAll("/F10", "/F5"),
      chromium.replace("EMC", "(\n<002c> Tj\n) Tj\nEMC"),
      "BT\n/F9 20 Tf\n1 0 0 1 0 0 Tm\n<0017> Tj\n13 0 Td <0017> Tj\n<0017> Tj\nET",
      "BT\n/F9 20 Tf\n1 0 0 1 0 0 Tm\n<0017> Tj\n13 0 Td <0017> Tj\n/Span <</MCID 3 >>BDC\n5 0 Td <0017> Tj\nEMC\nET",
      "BT\n/F9 20 Tf\nET\nBT\n<0017> Tj\n13 0 Td <0017> Tj\nET",
    ];
    for (const content of cases) expect(textRuns(content, fonts)).toBe(content);
  });

  it("rewrites a run of glyphs that starts where the previous text matrix left the line, not after a show", () => {
    const content =
      "BT\n/F9 20 Tf\n1 0 0 1 0 0 Tm\n<0017> Tj\nET\nBT\n/F9 20 Tf\n2 0 0 2 5 5 Tm\n<0017> Tj\n14 0 Td <0017> Tj\nET";
    expect(textRuns(content, fonts)).toBe(
      "BT\n/F9 20 Tf\n1 0 0 1 0 0 Tm\n<0017> Tj\nET\nBT\n/F9 20 Tf\n2 0 0 2 5 5 Tm\n[<0017> -34 <0017>] TJ\nET",
    );
    expectSamePlaces(glyphs(content, fonts), glyphs(textRuns(content, fonts), fonts));
  });
});

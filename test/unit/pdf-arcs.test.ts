import { describe, expect, it } from "vitest";
import { ARC_TOLERANCE, fewerArcs, oneArc } from "../../src/pdf-arcs.ts";

type Point = [number, number];

/** An arc of the circle (cx, cy, r) from angle a to b drawn as `n` cubics, as `x1 y1 x2 y2 x3 y3 c` lines after a move to its start. */
function drawn(cx: number, cy: number, r: number, a: number, b: number, n: number): string[] {
  const at = (t: number): Point => [cx + r * Math.cos(t), cy + r * Math.sin(t)];
  const n6 = (...xs: number[]) => xs.map((x) => Number(x.toFixed(6))).join(" "); // as a PDF writes numbers: no exponent
  const step = (b - a) / n;
  const h = (4 / 3) * Math.tan(step / 4) * r;
  const lines = [`${n6(...at(a))} m`];
  for (let i = 0; i < n; i++) {
    const [t0, t1] = [a + i * step, a + (i + 1) * step];
    const [p0, p3] = [at(t0), at(t1)];
    const c1 = [p0[0] - h * Math.sin(t0), p0[1] + h * Math.cos(t0)];
    const c2 = [p3[0] + h * Math.sin(t1), p3[1] - h * Math.cos(t1)];
    lines.push(`${n6(c1[0], c1[1], c2[0], c2[1], p3[0], p3[1])} c`);
  }
  return lines;
}

/** Points along the curves of `lines` (a move, then curves), 32 per curve. */
function traced(lines: string[]): Point[] {
  let at = lines[0].split(" ").slice(0, 2).map(Number) as Point;
  const out: Point[] = [at];
  for (const line of lines.slice(1)) {
    const n = line.split(" ").slice(0, 6).map(Number);
    const p = [at, [n[0], n[1]], [n[2], n[3]], [n[4], n[5]]] as Point[];
    for (let i = 1; i <= 32; i++) {
      const t = i / 32;
      const u = 1 - t;
      const k = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
      out.push([0, 1].map((d) => k.reduce((s, w, j) => s + w * p[j][d], 0)) as Point);
    }
    at = p[3];
  }
  return out;
}

const offCircle = (points: Point[], cx: number, cy: number, r: number) =>
  Math.max(...points.map(([x, y]) => Math.abs(Math.hypot(x - cx, y - cy) - r)));

describe("fewerArcs(content)", () => {
  it("writes a rounded corner's eight curves as one, ending on the same point, on the same circle", () => {
    const corner = drawn(8, 10335, 7.5, Math.PI, (3 * Math.PI) / 2, 8);
    const content = ["q", ...corner, "335 10327.5 l", "f", "Q"].join("\n");
    const lines = fewerArcs(content).split("\n");
    expect(lines).toHaveLength(6);
    expect(lines[2].endsWith(corner[8].split(" ").slice(4).join(" "))).toBe(true);
    expect(offCircle(traced(lines.slice(1, 3)), 8, 10335, 7.5)).toBeLessThanOrEqual(ARC_TOLERANCE);
  });

  it("writes a dot's sixteen curves as four, one per quarter turn", () => {
    const dot = drawn(100, 200, 3, 0, 2 * Math.PI, 16);
    const lines = fewerArcs([...dot, "h", "f"].join("\n")).split("\n");
    expect(lines.filter((l) => l.endsWith(" c"))).toHaveLength(4);
    expect(offCircle(traced(lines.slice(0, 5)), 100, 200, 3)).toBeLessThanOrEqual(ARC_TOLERANCE);
  });

  it("leaves as written curves on no one circle, curves with no point to start from, and a stream with a literal string", () => {
    const wave = ["0 0 m", "10 20 30 20 40 0 c", "50 -20 70 -20 80 0 c"].join("\n");
    const orphan = drawn(0, 0, 10, 0, Math.PI / 2, 4)
      .slice(1)
      .join("\n");
    const quoted = ["BT", "(a string) Tj", "ET", ...drawn(0, 0, 10, 0, Math.PI / 2, 4)].join("\n");
    for (const content of [wave, `h\n${orphan}`, quoted]) expect(fewerArcs(content)).toBe(content);
  });

  it("does not join a turn one way to a turn the other way", () => {
    const s = Math.SQRT1_2 * 10;
    const bends = [
      ...drawn(0, 0, 10, 0, Math.PI / 4, 2),
      ...drawn(2 * s, 2 * s, 10, (5 * Math.PI) / 4, Math.PI, 2).slice(1),
    ];
    const lines = fewerArcs(bends.join("\n")).split("\n");
    expect(lines.filter((l) => l.endsWith(" c"))).toHaveLength(2);
  });

  it("writes a large circle's quarter turn in more than one curve when one would stray past the tolerance", () => {
    const lines = fewerArcs(drawn(0, 0, 400, 0, Math.PI / 2, 8).join("\n")).split("\n");
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.length).toBeLessThan(9);
    expect(offCircle(traced(lines), 0, 0, 400)).toBeLessThanOrEqual(ARC_TOLERANCE);
    expect(
      oneArc([
        [
          [0, 0],
          [0, 0],
          [1, 1],
          [2, 2],
        ],
      ]),
    ).toBeNull();
  });
});

describe("fewerArcs(content) under a matrix", () => {
  it("holds the tolerance on the page: a corner drawn in units ten times larger than points keeps more curves", () => {
    const corner = drawn(0, 0, 20, 0, Math.PI / 2, 8);
    const curves = (content: string) =>
      fewerArcs(content)
        .split("\n")
        .filter((l) => l.endsWith(" c")).length;
    expect(curves(["q", ...corner, "Q"].join("\n"))).toBe(1);
    expect(curves(["q", "10 0 0 10 0 0 cm", ...corner, "Q"].join("\n"))).toBeGreaterThan(1);
    expect(curves(["q", "10 0 0 10 0 0 cm", "Q", ...corner].join("\n"))).toBe(1);
    const inline = ["q 10 0 0 10 0 0 cm", ...corner, "Q"].join("\n");
    expect(fewerArcs(inline)).toBe(inline);
  });
});

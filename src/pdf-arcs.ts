// Rounded corners and dots in fewer curves: Chromium draws a quarter circle (a box's rounded corner) with four
// or eight cubic curves and a chart's dot with sixteen, a fifth of a page's content bytes. A run of curves that
// together trace one circular arc of at most a quarter turn is written as the one cubic that draws that arc, and
// only when both, the curves as written and the one cubic, stay within ARC_TOLERANCE of the same circle over the
// same turn (so they lie within twice that of each other, 0.015 pt on the printed page: far below a printer's
// dot; the tolerance is scaled by the matrices in force, so it holds on the page whatever the content's units). Each run still ends on the point it ended on; anything else stays as written.

/** How far a curve may stray from its circle on the page, in points (a hundredth of a CSS pixel). */
export const ARC_TOLERANCE = 0.0075;

type Point = [number, number];

const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)`;
const CURVE = new RegExp(String.raw`^(${NUMBER}) (${NUMBER}) (${NUMBER}) (${NUMBER}) (${NUMBER}) (${NUMBER}) c$`);
const POINT = new RegExp(String.raw`^(${NUMBER}) (${NUMBER}) [ml]$`);
const MATRIX = new RegExp(String.raw`^(${NUMBER}) (${NUMBER}) (${NUMBER}) (${NUMBER}) ${NUMBER} ${NUMBER} cm$`);

/** The point of the cubic (p0, p1, p2, p3) at t. */
function bezier([p0, p1, p2, p3]: Point[], t: number): Point {
  const u = 1 - t;
  const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return [a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]];
}

/** The circle through `a` whose tangent at `a` points along `towards - a`, and through `b`; null when they are in line. */
function circle(a: Point, towards: Point, b: Point): { center: Point; radius: number } | null {
  const [tx, ty] = [towards[0] - a[0], towards[1] - a[1]];
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  // The center is a + s·(-ty, tx), as far from b as from a.
  const denominator = 2 * (dx * -ty + dy * tx);
  if (Math.abs(denominator) < 1e-9 || Math.hypot(tx, ty) < 1e-9) return null;
  const s = (dx * dx + dy * dy) / denominator;
  const center: Point = [a[0] - s * ty, a[1] + s * tx];
  return { center, radius: Math.hypot(a[0] - center[0], a[1] - center[1]) };
}

/** The turn (radians, signed) of `points` around `center`, or null when it does not turn one way throughout or strays from the radius. */
function turn(points: Point[], center: Point, radius: number, tolerance: number): number | null {
  let total = 0;
  let angle = Math.atan2(points[0][1] - center[1], points[0][0] - center[0]);
  for (const p of points.slice(1)) {
    if (Math.abs(Math.hypot(p[0] - center[0], p[1] - center[1]) - radius) > tolerance) return null;
    const next = Math.atan2(p[1] - center[1], p[0] - center[0]);
    let step = next - angle;
    if (step > Math.PI) step -= 2 * Math.PI;
    if (step < -Math.PI) step += 2 * Math.PI;
    if (total !== 0 && Math.sign(step) !== Math.sign(total) && step !== 0) return null;
    total += step;
    angle = next;
  }
  return total;
}

/** Samples along curves (each [p0, p1, p2, p3]), ends included. */
function samples(curves: Point[][], steps: number): Point[] {
  const out: Point[] = [curves[0][0]];
  for (const curve of curves) for (let i = 1; i <= steps; i++) out.push(bezier(curve, i / steps));
  return out;
}

/** The one cubic for `curves` (joined end to start) when they trace one arc of at most a quarter turn, within `tolerance` (in their units); null otherwise. */
export function oneArc(curves: Point[][], tolerance = ARC_TOLERANCE): Point[] | null {
  const start = curves[0][0];
  const end = curves[curves.length - 1][3];
  const first = curves[0][1][0] === start[0] && curves[0][1][1] === start[1] ? curves[0][2] : curves[0][1];
  const fit = circle(start, first, end);
  if (!fit) return null;
  const { center, radius } = fit;
  const sweep = turn(samples(curves, 8), center, radius, tolerance);
  if (sweep === null || sweep === 0 || Math.abs(sweep) > Math.PI / 2 + 1e-9) return null;
  const h = (4 / 3) * Math.tan(Math.abs(sweep) / 4) * radius;
  const side = Math.sign(sweep);
  const tangent = (p: Point): Point => {
    const [rx, ry] = [(p[0] - center[0]) / radius, (p[1] - center[1]) / radius];
    return [-ry * side, rx * side];
  };
  const [t0, t1] = [tangent(start), tangent(end)];
  const arc: Point[] = [
    start,
    [start[0] + h * t0[0], start[1] + h * t0[1]],
    [end[0] - h * t1[0], end[1] - h * t1[1]],
    end,
  ];
  const drawn = turn(samples([arc], 16), center, radius, tolerance);
  return drawn !== null && Math.abs(drawn - sweep) < 1e-6 ? arc : null;
}

/** `12.3456` → "12.3456", `-0.5` → "-.5": four decimals at most (the shortening that follows keeps two). */
function written(n: number): string {
  const rounded = Math.round(n * 10000) / 10000;
  return Object.is(rounded, -0) ? "0" : String(rounded).replace(/^(-?)0\./, "$1.");
}

/** A content stream with each run of curves tracing one arc of at most a quarter turn written as one curve (see the top of this file). */
export function fewerArcs(content: string): string {
  // An inline image is binary, a literal string may hold any line: Chromium writes neither in a page's content.
  if (/(^|\s)BI\s/.test(content) || content.includes("(") || !content.includes(" c\n")) return content;
  const lines = content.split("\n");
  // A matrix set other than on a line of its own would go uncounted: such a stream stays as it was.
  if (lines.some((line) => /(^|\s)cm(\s|$)/.test(line) && !MATRIX.test(line))) return content;
  const out: string[] = [];
  let current: Point | null = null;
  // How many points a unit of the content is on the page (the scale of the matrices set so far), saved by q and restored by Q.
  let scale = 1;
  const saved: number[] = [];
  for (let i = 0; i < lines.length;) {
    const line = lines[i];
    if (line === "q") saved.push(scale);
    else if (line === "Q") scale = saved.pop() ?? 1;
    const matrix = MATRIX.exec(line);
    if (matrix) {
      const [a, b, c, d] = matrix.slice(1, 5).map(Number);
      scale *= Math.sqrt(Math.abs(a * d - b * c));
    }
    const curve = CURVE.exec(line);
    if (!curve || !current) {
      const point = POINT.exec(lines[i]);
      current = point ? [Number(point[1]), Number(point[2])] : null;
      out.push(lines[i++]);
      continue;
    }
    // The run of curves from here, each starting where the one before ends.
    const run: { curve: Point[]; line: string }[] = [];
    let at: Point = current;
    for (let m = CURVE.exec(lines[i]); m && i < lines.length; m = CURVE.exec(lines[++i] ?? "")) {
      const n = m.slice(1, 7).map(Number);
      const points: Point[] = [at, [n[0], n[1]], [n[2], n[3]], [n[4], n[5]]];
      run.push({ curve: points, line: lines[i] });
      at = points[3];
    }
    current = at;
    // Longest first: the most curves from each start that make one arc.
    for (let from = 0; from < run.length;) {
      let to = run.length;
      let arc: Point[] | null = null;
      for (; to > from + 1; to--) {
        arc = oneArc(
          run.slice(from, to).map((r) => r.curve),
          scale > 0 ? ARC_TOLERANCE / scale : 0,
        );
        if (arc) break;
      }
      if (!arc) {
        out.push(run[from++].line);
        continue;
      }
      const end = CURVE.exec(run[to - 1].line)!;
      out.push(
        `${written(arc[1][0])} ${written(arc[1][1])} ${written(arc[2][0])} ${written(arc[2][1])} ${end[5]} ${end[6]} c`,
      );
      from = to;
    }
  }
  return out.join("\n");
}

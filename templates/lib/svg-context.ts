// A canvas 2D context that writes SVG, for chart.js at build time in Node: the part of the canvas API
// chart.js draws with (paths, arcs, rectangles, text, dashes, translate/rotate), nothing more. Text stays
// <text> in the page's own font (searchable in the PDF, no glyph outlines), coordinates are rounded to a
// tenth, and the same drawing gives the same bytes. Clipping is ignored: the chart configurations keep
// their lines inside the plot themselves.

/** The width of `text` at `size` units: CJK and full-width characters one em, others 0.62 (the page's sans at its widest). */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text)
    em += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]/u.test(ch) ? 1 : 0.62;
  return em * size;
}

type Matrix = [number, number, number, number, number, number];

interface State {
  matrix: Matrix;
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  dash: number[];
  font: string;
  textAlign: string;
  textBaseline: string;
  globalAlpha: number;
}

const r = (n: number) => {
  const v = Math.round(n * 10) / 10;
  return Object.is(v, -0) ? "0" : String(v);
};
const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const colour = (c: unknown) => (typeof c === "string" && c !== "transparent" ? c : "none");

/** A canvas 2D context whose drawing is read back with `svg()`. */
export class SvgContext {
  readonly canvas: { width: number; height: number; style: Record<string, string>; getContext: () => SvgContext };
  private state: State;
  private stack: State[] = [];
  private path = "";
  private out: string[] = [];
  /** The part of the chart being drawn, e.g. "x-ticks": consecutive shapes of one part share a <g class>. */
  role: string | null = null;
  private openRole: string | null = null;
  // chart.js sets these; the SVG does not need them.
  lineCap = "butt";
  lineJoin = "miter";
  lineDashOffset = 0;
  miterLimit = 10;
  shadowBlur = 0;
  shadowColor = "transparent";
  shadowOffsetX = 0;
  shadowOffsetY = 0;
  imageSmoothingEnabled = true;
  direction = "inherit";
  globalCompositeOperation = "source-over";

  constructor(width: number, height: number) {
    this.canvas = { width, height, style: {}, getContext: () => this };
    this.state = {
      matrix: [1, 0, 0, 1, 0, 0],
      fillStyle: "#000",
      strokeStyle: "#000",
      lineWidth: 1,
      dash: [],
      font: "10px sans-serif",
      textAlign: "start",
      textBaseline: "alphabetic",
      globalAlpha: 1,
    };
  }

  get fillStyle() {
    return this.state.fillStyle;
  }
  set fillStyle(v: string) {
    this.state.fillStyle = colour(v);
  }
  get strokeStyle() {
    return this.state.strokeStyle;
  }
  set strokeStyle(v: string) {
    this.state.strokeStyle = colour(v);
  }
  get lineWidth() {
    return this.state.lineWidth;
  }
  set lineWidth(v: number) {
    this.state.lineWidth = v;
  }
  get font() {
    return this.state.font;
  }
  set font(v: string) {
    this.state.font = v;
  }
  get textAlign() {
    return this.state.textAlign;
  }
  set textAlign(v: string) {
    this.state.textAlign = v;
  }
  get textBaseline() {
    return this.state.textBaseline;
  }
  set textBaseline(v: string) {
    this.state.textBaseline = v;
  }
  get globalAlpha() {
    return this.state.globalAlpha;
  }
  set globalAlpha(v: number) {
    this.state.globalAlpha = v;
  }

  save() {
    this.stack.push({ ...this.state, matrix: [...this.state.matrix], dash: [...this.state.dash] });
  }
  restore() {
    const s = this.stack.pop();
    if (s) this.state = s;
  }
  translate(x: number, y: number) {
    this.transform(1, 0, 0, 1, x, y);
  }
  rotate(a: number) {
    this.transform(Math.cos(a), Math.sin(a), -Math.sin(a), Math.cos(a), 0, 0);
  }
  scale(x: number, y: number) {
    this.transform(x, 0, 0, y, 0, 0);
  }
  transform(a: number, b: number, c: number, d: number, e: number, f: number) {
    const [A, B, C, D, E, F] = this.state.matrix;
    this.state.matrix = [
      A * a + C * b,
      B * a + D * b,
      A * c + C * d,
      B * c + D * d,
      A * e + C * f + E,
      B * e + D * f + F,
    ];
  }
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number) {
    this.state.matrix = [a, b, c, d, e, f];
  }
  resetTransform() {
    this.state.matrix = [1, 0, 0, 1, 0, 0];
  }
  setLineDash(dash: number[]) {
    this.state.dash = [...dash];
  }
  getLineDash() {
    return [...this.state.dash];
  }

  private at(x: number, y: number): string {
    const [a, b, c, d, e, f] = this.state.matrix;
    return `${r(a * x + c * y + e)} ${r(b * x + d * y + f)}`;
  }
  private get scaleFactor() {
    const [a, b] = this.state.matrix;
    return Math.hypot(a, b);
  }

  beginPath() {
    this.path = "";
  }
  closePath() {
    if (this.path) this.path += "Z";
  }
  moveTo(x: number, y: number) {
    this.path += `M${this.at(x, y)}`;
  }
  lineTo(x: number, y: number) {
    const to = this.at(x, y);
    if (!this.path.endsWith(`M${to}`) && !this.path.endsWith(`L${to}`)) this.path += `${this.path ? "L" : "M"}${to}`;
  }
  bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number) {
    this.path += `C${this.at(x1, y1)} ${this.at(x2, y2)} ${this.at(x, y)}`;
  }
  quadraticCurveTo(x1: number, y1: number, x: number, y: number) {
    this.path += `Q${this.at(x1, y1)} ${this.at(x, y)}`;
  }
  rect(x: number, y: number, w: number, h: number) {
    this.path += `M${this.at(x, y)}L${this.at(x + w, y)}L${this.at(x + w, y + h)}L${this.at(x, y + h)}Z`;
  }
  /** An arc as an SVG arc; a full circle as four cubic curves, as a PDF draws a circle. */
  arc(x: number, y: number, radius: number, start: number, end: number, ccw = false) {
    const point = (a: number) => this.at(x + radius * Math.cos(a), y + radius * Math.sin(a));
    let sweep = ccw ? start - end : end - start;
    if (sweep < 0) sweep += Math.PI * 2;
    if (sweep >= Math.PI * 2 - 1e-6) {
      const k = radius * 0.5523;
      const at = (dx: number, dy: number) => this.at(x + dx, y + dy);
      const R = radius;
      this.path += `M${at(R, 0)}C${at(R, k)} ${at(k, R)} ${at(0, R)}C${at(-k, R)} ${at(-R, k)} ${at(-R, 0)}`;
      this.path += `C${at(-R, -k)} ${at(-k, -R)} ${at(0, -R)}C${at(k, -R)} ${at(R, -k)} ${at(R, 0)}Z`;
      return;
    }
    const rad = r(radius * this.scaleFactor);
    this.path += `${this.path ? "L" : "M"}${point(start)}`;
    this.path += `A${rad} ${rad} 0 ${sweep > Math.PI ? 1 : 0} ${ccw ? 0 : 1} ${point(end)}`;
  }
  ellipse(x: number, y: number, rx: number, _ry: number, _rot: number, start: number, end: number, ccw = false) {
    this.arc(x, y, rx, start, end, ccw);
  }
  clip() {}

  private paint(): string {
    const { dash, globalAlpha } = this.state;
    return (
      (dash.length ? ` stroke-dasharray="${dash.map(r).join(" ")}"` : "") +
      (globalAlpha < 1 ? ` opacity="${r(globalAlpha)}"` : "")
    );
  }
  stroke() {
    if (!this.path || this.state.strokeStyle === "none") return;
    const w = r(this.state.lineWidth * this.scaleFactor);
    this.shape(` fill="none" stroke="${this.state.strokeStyle}" stroke-width="${w}"${this.paint()}`);
  }
  fill() {
    if (!this.path || this.state.fillStyle === "none") return;
    this.shape(` fill="${this.state.fillStyle}"${this.paint()}`);
  }
  /** `element` added to the drawing, inside a group of its role. */
  private push(element: string) {
    if (this.role !== this.openRole) {
      if (this.openRole) this.out.push("</g>");
      if (this.role) this.out.push(`<g class="${this.role}">`);
      this.openRole = this.role;
    }
    this.out.push(element);
  }
  /** The current path painted with `attrs`, joined to the previous shape when that is painted alike (grid lines, points). */
  private shape(attrs: string) {
    const last = this.out.length - 1;
    if (
      this.role === this.openRole &&
      last >= 0 &&
      this.out[last].startsWith("<path ") &&
      this.out[last].endsWith(`"${attrs}/>`)
    ) {
      const head = this.out[last].slice(0, -(attrs.length + 3));
      this.out[last] = `${head}${this.path}"${attrs}/>`;
      return;
    }
    this.push(`<path d="${this.path}"${attrs}/>`);
  }
  fillRect(x: number, y: number, w: number, h: number) {
    const saved = this.path;
    this.path = "";
    this.rect(x, y, w, h);
    this.fill();
    this.path = saved;
  }
  strokeRect(x: number, y: number, w: number, h: number) {
    const saved = this.path;
    this.path = "";
    this.rect(x, y, w, h);
    this.stroke();
    this.path = saved;
  }
  clearRect() {}

  /** The font's size in px and its weight, from a CSS font shorthand such as "bold 9px Inter". */
  private get fontParts(): { size: number; bold: boolean } {
    const size = /([\d.]+)px/.exec(this.state.font);
    return { size: size ? Number(size[1]) : 10, bold: /\b(bold|[6-9]00)\b/.test(this.state.font) };
  }
  measureText(text: string) {
    const { size } = this.fontParts;
    const width = textWidth(String(text), size);
    return {
      width,
      actualBoundingBoxAscent: size * 0.8,
      actualBoundingBoxDescent: size * 0.2,
      actualBoundingBoxLeft: 0,
      actualBoundingBoxRight: width,
    };
  }
  fillText(text: string, x: number, y: number) {
    const { size, bold } = this.fontParts;
    const { textAlign, textBaseline, matrix } = this.state;
    const anchor = { center: "middle", right: "end", end: "end" }[textAlign] ?? "start";
    // Baselines by offset, as a PDF reader and every browser place them alike.
    const dy = { middle: 0.35, top: 0.8, hanging: 0.8, bottom: -0.2, ideographic: -0.2 }[textBaseline] ?? 0;
    const rotated = Math.abs(matrix[1]) > 1e-9;
    const s = this.scaleFactor;
    const place = rotated
      ? ` transform="matrix(${matrix.map(r).join(" ")})" x="${r(x)}" y="${r(y + dy * size)}"`
      : ` x="${this.at(x, y + dy * size)
          .split(" ")
          .join(`" y="`)}"`;
    const attrs = [
      place,
      ` font-size="${r(size * (rotated ? 1 : s))}"`,
      bold ? ` font-weight="600"` : "",
      anchor === "start" ? "" : ` text-anchor="${anchor}"`,
      ` fill="${this.state.fillStyle}"`,
      this.state.globalAlpha < 1 ? ` opacity="${r(this.state.globalAlpha)}"` : "",
    ];
    this.push(`<text${attrs.join("")}>${escape(String(text))}</text>`);
  }
  strokeText() {}
  drawImage() {}
  createLinearGradient() {
    return { addColorStop() {} };
  }
  createRadialGradient() {
    return { addColorStop() {} };
  }
  createPattern() {
    return null;
  }
  isPointInPath() {
    return false;
  }
  getImageData() {
    return { data: new Uint8ClampedArray(4) };
  }

  /** The drawing so far as one <svg> element with a viewBox of the canvas's size. */
  svg(attributes: Record<string, string> = {}): string {
    const attrs = Object.entries(attributes)
      .map(([k, v]) => ` ${k}="${escape(v)}"`)
      .join("");
    const { width, height } = this.canvas;
    const close = this.openRole ? "</g>" : "";
    return `<svg${attrs} viewBox="0 0 ${width} ${height}">${this.out.join("")}${close}</svg>`;
  }
}

// An SVG logo's drawing against its viewBox. A page shows a logo as an image, which gets none of the page's
// web fonts: its text is set in a fallback font, often wider, and what runs past the viewBox is cut off
// ("Southern Cross Wa"). The logo is drawn here with this machine's fonts, as the browser draws it; one that
// runs past its box is published in a box widened to hold it, with a warning.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DOMParser, XMLSerializer, type Element } from "@xmldom/xmldom";
import sharp from "sharp";
import type { DataIssue } from "./errors.ts";
import { inertBytes } from "./inert.ts";

/** A box in the SVG's own units. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Pixels per SVG unit the logo is drawn at to find its ink. */
const SCALE = 3;

const root = (svg: string): Element | null => {
  const doc = new DOMParser({ onError: () => {} }).parseFromString(svg, "image/svg+xml");
  const el = doc.documentElement;
  return el && el.nodeName === "svg" ? (el as unknown as Element) : null;
};

/** The viewBox of an SVG (or 0 0 width height without one), or null when it has neither. */
export function viewBoxOf(svg: string): Box | null {
  const el = root(svg);
  if (!el) return null;
  const vb = (el.getAttribute("viewBox") ?? "")
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (vb.length === 4 && vb.every(Number.isFinite) && vb[2] > 0 && vb[3] > 0)
    return { x: vb[0], y: vb[1], width: vb[2], height: vb[3] };
  const [w, h] = ["width", "height"].map((a) => parseFloat(el.getAttribute(a) ?? ""));
  return w > 0 && h > 0 ? { x: 0, y: 0, width: w, height: h } : null;
}

/** The SVG drawing `box` of its own units on a canvas of that size (width and height set to match). */
function withBox(svg: string, box: Box, scale = 1): string {
  const el = root(svg)!;
  el.setAttribute("viewBox", [box.x, box.y, box.width, box.height].map((n) => +n.toFixed(2)).join(" "));
  el.setAttribute("width", String(+(box.width * scale).toFixed(2)));
  el.setAttribute("height", String(+(box.height * scale).toFixed(2)));
  el.removeAttribute("preserveAspectRatio");
  return new XMLSerializer().serializeToString(el);
}

/** Where an SVG's drawing reaches (its ink, drawn with this machine's fonts), in its own units; null when it draws nothing. */
export async function inkOf(svg: string, view: Box): Promise<Box | null> {
  // The viewBox with as much again on every side, so a drawing that runs past it is drawn too.
  const wide = { x: view.x - view.width, y: view.y - view.height, width: view.width * 3, height: view.height * 3 };
  const { data, info } = await sharp(Buffer.from(withBox(svg, wide, SCALE)))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  let [left, top, right, bottom] = [Infinity, Infinity, -1, -1];
  for (let y = 0; y < info.height; y++)
    for (let x = 0; x < info.width; x++)
      if (data[(y * info.width + x) * info.channels + 3] > 24) {
        left = Math.min(left, x);
        right = Math.max(right, x + 1);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y + 1);
      }
  if (right < 0) return null;
  return {
    x: wide.x + left / SCALE,
    y: wide.y + top / SCALE,
    width: (right - left) / SCALE,
    height: (bottom - top) / SCALE,
  };
}

/** The box an SVG logo needs: its viewBox, grown to hold its ink when the ink runs past it by more than a unit; null when it fits. */
export async function logoOverflow(svg: string): Promise<{ view: Box; fits: Box } | null> {
  const view = viewBoxOf(svg);
  if (!view) return null;
  const ink = await inkOf(svg, view);
  if (!ink) return null;
  const [x0, y0] = [Math.min(view.x, ink.x - 1), Math.min(view.y, ink.y - 1)];
  const [x1, y1] = [
    Math.max(view.x + view.width, ink.x + ink.width + 1),
    Math.max(view.y + view.height, ink.y + ink.height + 1),
  ];
  const fits = { x: Math.floor(x0), y: Math.floor(y0), width: Math.ceil(x1 - x0), height: Math.ceil(y1 - y0) };
  // Past by more than a unit: a pixel of a shape's edge at the border is not a logo cut off.
  const past =
    view.x - ink.x > 1 ||
    view.y - ink.y > 1 ||
    ink.x + ink.width - (view.x + view.width) > 1 ||
    ink.y + ink.height - (view.y + view.height) > 1;
  return past ? { view, fits } : null;
}

/** The SVG logo as it is published: in a box that holds its drawing (its size grown in proportion). */
export async function fitLogo(svg: string): Promise<string> {
  const over = await logoOverflow(svg);
  if (!over) return svg;
  const el = root(svg)!;
  const [w, h] = ["width", "height"].map((a) => parseFloat(el.getAttribute(a) ?? ""));
  const scale = w > 0 ? w / over.view.width : h > 0 ? h / over.view.height : 1;
  return withBox(svg, over.fits, scale);
}

const box = (b: Box) => `${b.x} ${b.y} ${b.width} ${b.height}`;

/** The warning for a logo that runs past its box (`field` e.g. "brand.logo", `file` its customer.json as shown). */
export function logoWarning(field: string, logo: string, file: string, over: { view: Box; fits: Box }): DataIssue {
  return {
    severity: "warning",
    code: "logo-overflow",
    file,
    field,
    value: logo,
    problem: `draws past its viewBox "${box(over.view)}" with this machine's fonts (an image gets none of the pages' fonts, so its text falls back to another), and would be cut off: the pages show it in a box widened to fit`,
    fix: `convert the logo's text to outlines, or give it the viewBox "${box(over.fits)}"`,
  };
}

/** The warnings for a customer's SVG logos (brand.logo, provider.logo in `dir`) that draw past their box. */
export async function logoIssues(
  customer: { brand?: { logo?: string }; provider?: { logo?: string } },
  dir: string,
  customerFile: string,
): Promise<DataIssue[]> {
  const issues: DataIssue[] = [];
  for (const [field, logo] of [
    ["brand.logo", customer.brand?.logo],
    ["provider.logo", customer.provider?.logo],
  ] as const) {
    if (!logo || !/\.svg$/i.test(logo)) continue;
    const svg = new TextDecoder().decode(inertBytes(logo, await readFile(join(dir, logo))));
    const over = await logoOverflow(svg);
    if (over) issues.push(logoWarning(field, logo, customerFile, over));
  }
  return issues;
}

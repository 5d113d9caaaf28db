// Colour contrast as WCAG 2 measures it, and the brand colour made readable as text.

/** "#1f4e79" or "#abc" → [r, g, b] in 0–255. */
function rgb(hex: string): [number, number, number] {
  const h = hex.replace("#", "");
  const full = h.length === 3 ? [...h].map((c) => c + c).join("") : h;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

const hex = (c: [number, number, number]) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;

/** Relative luminance (WCAG 2.x). */
export function luminance(colour: string): number {
  const [r, g, b] = rgb(colour).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio of two colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The brand colour as text on the page's lightest panels: itself when it reads at `ratio` (4.5:1,
 * WCAG AA) on `background`, else the same hue darkened step by step until it does.
 */
export function readable(colour: string, background = "#f5f7fa", ratio = 4.5): string {
  let c = rgb(colour);
  while (contrast(hex(c), background) < ratio) c = c.map((v) => v * 0.92) as [number, number, number];
  return hex(c);
}

/** The status colours of global.css (--green, --amber, --red): a brand colour must not read as one of them. */
export const STATUS_COLOURS = { green: "#1d7a4c", amber: "#8a5300", red: "#b02f23" } as const;

/** CIE L*a*b* of a colour (D65). */
function lab(colour: string): [number, number, number] {
  const [r, g, b] = rgb(colour).map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const xyz = [
    (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
    0.2126 * r + 0.7152 * g + 0.0722 * b,
    (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
  ].map((v) => (v > 0.008856 ? Math.cbrt(v) : 7.787 * v + 16 / 116));
  return [116 * xyz[1] - 16, 500 * (xyz[0] - xyz[1]), 200 * (xyz[1] - xyz[2])];
}

/** A colour's chroma and hue angle (CIE LCh, degrees). */
export function lch(colour: string): { chroma: number; hue: number } {
  const [, a, b] = lab(colour);
  return { chroma: Math.hypot(a, b), hue: ((Math.atan2(b, a) * 180) / Math.PI + 360) % 360 };
}

/**
 * The status colour `colour` would be taken for, or null: a colourful one (chroma 20 or more) whose hue is within
 * 25° of a status colour's reads as that status whatever its lightness (crimson as red, orange as amber).
 */
export function statusLike(colour: string): keyof typeof STATUS_COLOURS | null {
  const { chroma, hue } = lch(colour);
  if (chroma < 20) return null;
  const near = Object.entries(STATUS_COLOURS).find(([, status]) => {
    const d = Math.abs(hue - lch(status).hue);
    return Math.min(d, 360 - d) < 25;
  });
  return (near?.[0] as keyof typeof STATUS_COLOURS | undefined) ?? null;
}

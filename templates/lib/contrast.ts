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

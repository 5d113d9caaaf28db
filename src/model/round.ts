// Rounding for stable report output: half away from zero, and never -0.

/** Money: 2 decimals. */
export function money(x: number): number {
  return roundTo(x, 2);
}

/** Fractions and ratios (progress 0.4615, shares, ROI): 4 decimals. */
export function fraction(x: number): number {
  return roundTo(x, 4);
}

/** A measured quantity or fitted coefficient: 6 significant digits. */
export function significant(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Number(x.toPrecision(6));
  return r === 0 ? 0 : r;
}

/** `x` rounded to `decimals` places, half away from zero. */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
  return r === 0 ? 0 : r;
}

/** Like the rounding functions, but passes null through. */
export function orNull<T>(x: number | null, round: (x: number) => T): T | null {
  return x === null ? null : round(x);
}

// Chart helpers the pages share; the charts themselves are chart.js configurations (chart-config.ts).

/** Width of a progress bar: the progress clamped to 0–100 %. */
export function barWidth(progress: number | null): string {
  return `${Math.round(Math.min(1, Math.max(0, progress ?? 0)) * 1000) / 10}%`;
}

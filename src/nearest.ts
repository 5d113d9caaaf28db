// "Did you mean …": the known name closest to a misspelt one.

/** Edit distance (insertions, deletions, substitutions, swaps of neighbours) between two words. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

const plain = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, "");

/**
 * The candidate `word` most likely stands for, or undefined: case, spaces and underscores aside, at most
 * two edits (one for short words), or with `contains`, a word of it (`metric_name` → `name`).
 */
export function nearest(word: string, candidates: Iterable<string>, { contains = false } = {}): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const w = plain(word);
  for (const candidate of candidates) {
    const c = plain(candidate);
    const distance = editDistance(w, c);
    const limit = Math.min(2, Math.floor(Math.min(w.length, c.length) / 3));
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best || !contains) return best;
  const tokens = word.toLowerCase().split(/[\s_-]+/);
  const contained = [...candidates].filter((c) => c.length >= 2 && tokens.includes(c.toLowerCase()));
  return contained.length === 1 ? contained[0] : undefined;
}

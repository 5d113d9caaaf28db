// How the book of business's table sorts and filters: pure, shared by the page's script (src/portfolio/script.ts)
// and its unit tests. A cell's sort key is its data-v attribute: a number, a date or text; an empty key (no figure)
// sorts last whichever the direction.

/** The renewal windows the page filters by: days from the report date to the renewal. */
export const WINDOWS = { "30": [0, 30], "90": [0, 90], "180": [0, 180], passed: [-Infinity, -1] } as const;
export type RenewalWindow = keyof typeof WINDOWS | "";

/** The filters chosen: "" for any. csm "-" is a customer without a CSM. */
export interface Filter {
  csm: string;
  health: string;
  renewal: RenewalWindow;
}

/** What a row offers the filters (its data-csm, data-health and data-days attributes). */
export interface Filterable {
  csm: string;
  health: string;
  /** Days to the renewal, "" without a contract. */
  days: string;
}

/** Whether a row passes the filters. */
export function shown(row: Filterable, f: Filter): boolean {
  if (f.csm !== "" && row.csm !== f.csm) return false;
  if (f.health !== "" && row.health !== f.health) return false;
  if (f.renewal !== "") {
    if (row.days === "") return false;
    const [from, to] = WINDOWS[f.renewal];
    const days = Number(row.days);
    if (days < from || days > to) return false;
  }
  return true;
}

/** Orders two sort keys: numbers as numbers, other keys as text; an empty key after any other in both directions. */
export function compareKeys(a: string, b: string, descending: boolean): number {
  if (a === b) return 0;
  if (a === "") return 1;
  if (b === "") return -1;
  const x = Number(a);
  const y = Number(b);
  const order = Number.isFinite(x) && Number.isFinite(y) ? x - y : a < b ? -1 : 1;
  return descending ? -order : order;
}

/** The indexes of `keys` in sorted order; ties keep their order (the customers' slugs). */
export function sortedOrder(keys: readonly string[], descending: boolean): number[] {
  return keys.map((_, i) => i).sort((i, j) => compareKeys(keys[i], keys[j], descending) || i - j);
}

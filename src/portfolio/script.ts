// The book of business page's script (bundled into portfolio.js by src/portfolio/write.ts, a classic deferred script that runs from disk too; no
// inline script): sorts the table by a column heading, filters it by CSM, health and renewal window, and marks the
// page ready to print once its fonts are in.
import { shown, sortedOrder, type Filter, type RenewalWindow } from "./table.ts";

function setUp(table: HTMLTableElement): void {
  const body = table.tBodies[0];
  const rows = [...body.rows];
  const buttons = [...table.tHead!.querySelectorAll<HTMLButtonElement>("button[data-col]")];
  const count = document.querySelector<HTMLOutputElement>("output[data-count]");
  let sorted = { col: -1, descending: false };

  // Each column's sort keys, read once: a sort then touches the DOM only to move the rows.
  const keysOf = new Map<number, string[]>();
  const sortBy = (col: number) => {
    const descending = sorted.col === col ? !sorted.descending : false;
    let keys = keysOf.get(col);
    if (!keys) keysOf.set(col, (keys = rows.map((r) => r.cells[col].dataset.v ?? "")));
    const order = sortedOrder(keys, descending);
    const fragment = document.createDocumentFragment();
    for (const i of order) fragment.append(rows[i]);
    body.append(fragment);
    for (const b of buttons)
      b.parentElement!.setAttribute(
        "aria-sort",
        Number(b.dataset.col) === col ? (descending ? "descending" : "ascending") : "none",
      );
    sorted = { col, descending };
  };
  for (const b of buttons) b.addEventListener("click", () => sortBy(Number(b.dataset.col)));

  const selects = [...document.querySelectorAll<HTMLSelectElement>("select[data-filter]")];
  const filter = () => {
    const f: Filter = { csm: "", health: "", renewal: "" };
    for (const s of selects) {
      if (s.dataset.filter === "renewal") f.renewal = s.value as RenewalWindow;
      else if (s.dataset.filter === "csm" || s.dataset.filter === "health") f[s.dataset.filter] = s.value;
    }
    let n = 0;
    for (const r of rows) {
      const pass = shown({ csm: r.dataset.csm ?? "", health: r.dataset.health ?? "", days: r.dataset.days ?? "" }, f);
      r.hidden = !pass;
      if (pass) n++;
    }
    if (count) count.textContent = n === rows.length ? `${n} customers` : `${n} of ${rows.length} customers`;
  };
  for (const s of selects) s.addEventListener("change", filter);
}

const table = document.querySelector<HTMLTableElement>("table.book-table");
if (table) setUp(table);
void document.fonts.ready.then(() => document.documentElement.setAttribute("data-print-ready", ""));

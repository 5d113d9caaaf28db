// Runs on every page: a site table wider than its box (on a phone) becomes cards — each row a card, each cell with
// its column's name beside it (table.stacked, global.css) — then the page is marked ready to print once its fonts
// are loaded.
document.documentElement.classList.add("js");

/** Gives each body and foot cell its column's heading as data-label (a heading across columns names each of them). */
function labelCells(table: HTMLTableElement): void {
  const head = table.tHead?.rows[table.tHead.rows.length - 1];
  const names: string[] = [];
  for (const th of head ? [...head.cells] : [])
    for (let i = 0; i < th.colSpan; i++) names.push(th.textContent?.replace(/\s+/g, " ").trim() ?? "");
  for (const row of [...table.tBodies].flatMap((b) => [...b.rows]).concat(table.tFoot ? [...table.tFoot.rows] : [])) {
    let col = 0;
    for (const cell of [...row.cells]) {
      const name = names[col];
      // A row's heading, or a cell across columns (a total's name), is the card's title: no label.
      if (name && cell.colSpan === 1 && !(cell.tagName === "TH" && cell.scope === "row")) cell.dataset.label = name;
      col += cell.colSpan;
    }
  }
}

function stackWideTables(): void {
  for (const table of document.querySelectorAll<HTMLTableElement>("main.site table")) {
    table.classList.remove("stacked");
    const box = table.parentElement?.clientWidth ?? Infinity;
    // Wider than its box, or past the screen's edge (a box that grew with it: a cell's word that cannot wrap).
    const past = table.getBoundingClientRect().right > document.documentElement.clientWidth + 1;
    if (table.scrollWidth > table.clientWidth + 1 || table.offsetWidth > box + 1 || past) {
      labelCells(table);
      table.classList.add("stacked");
    }
    // Still wider than its box (a cell that cannot wrap): a keyboard-scrollable region.
    const wide = table.scrollWidth > table.clientWidth + 1;
    table.toggleAttribute("tabindex", wide);
    if (wide) table.tabIndex = 0;
  }
}
stackWideTables();
addEventListener("resize", stackWideTables);
// No animation frame: Chromium does not run them for pages in the background, as pool pages are.
// Again once the fonts are in: a table's width changes with them.
document.fonts.ready.then(() => {
  stackWideTables();
  document.documentElement.setAttribute("data-print-ready", "");
});

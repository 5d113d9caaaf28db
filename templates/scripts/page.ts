// Runs on every page: a table wider than its box (on a phone) becomes a keyboard-scrollable region,
// then the page is marked ready to print once its fonts are loaded.
document.documentElement.classList.add("js");
function scrollable(): void {
  for (const table of document.querySelectorAll<HTMLTableElement>("main table")) {
    const wide = table.scrollWidth > table.clientWidth + 1;
    table.toggleAttribute("tabindex", wide);
    if (wide) table.tabIndex = 0;
  }
}
scrollable();
addEventListener("resize", scrollable);
// No animation frame: Chromium does not run them for pages in the background, as pool pages are.
document.fonts.ready.then(() => document.documentElement.setAttribute("data-print-ready", ""));

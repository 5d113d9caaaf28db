// The deck page on screen: one slide at a time, scaled to the window; the arrow keys, Page Up and Page Down, the
// space bar, Home and End move between slides, F (or the button) presents full screen; the address keeps the slide
// (#slide-3). Printed, every slide is a page and this script changes nothing.
const slides = [...document.querySelectorAll<HTMLElement>(".slide")];
const root = document.documentElement;
root.classList.add("deck-live");
let at = Math.max(
  0,
  slides.findIndex((s) => `#${s.id}` === location.hash),
);

function show(n: number): void {
  at = Math.min(slides.length - 1, Math.max(0, n));
  slides.forEach((s, i) => s.toggleAttribute("data-current", i === at));
  if (location.hash !== `#${slides[at].id}`) history.replaceState(null, "", `#${slides[at].id}`);
}

function fit(): void {
  const scale = Math.min(innerWidth / 1280, innerHeight / 720);
  // A CSSOM property, which the page's Content-Security-Policy allows (no style attribute is written).
  root.style.setProperty("--deck-scale", String(scale));
}

const keys: Record<string, (n: number) => number> = {
  ArrowRight: (n) => n + 1,
  ArrowDown: (n) => n + 1,
  PageDown: (n) => n + 1,
  " ": (n) => n + 1,
  ArrowLeft: (n) => n - 1,
  ArrowUp: (n) => n - 1,
  PageUp: (n) => n - 1,
  Home: () => 0,
  End: () => slides.length - 1,
};

addEventListener("keydown", (e) => {
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  const move = keys[e.key];
  if (move) {
    e.preventDefault();
    show(move(at));
  } else if (e.key === "f" || e.key === "F") {
    void present();
  }
});

async function present(): Promise<void> {
  if (document.fullscreenElement) await document.exitFullscreen();
  else await root.requestFullscreen?.().catch(() => undefined);
}

document.querySelector("[data-deck-present]")?.addEventListener("click", () => void present());
addEventListener("hashchange", () => {
  const n = slides.findIndex((s) => `#${s.id}` === location.hash);
  if (n >= 0 && n !== at) show(n);
});
addEventListener("resize", fit);
fit();
show(at);

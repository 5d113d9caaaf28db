/// <reference types="vite/client" />
// The slide components by the registry's names (src/slides.ts), e.g. "Dashboard": the deck page places each slide with its own.
import type { AstroComponentFactory } from "astro/runtime/server/index.js";

const files = import.meta.glob<{ default: AstroComponentFactory }>("./*.astro", { eager: true });

export default Object.fromEntries(
  Object.entries(files).map(([file, module]) => [file.slice(2, -".astro".length), module]),
) as Record<string, { default: AstroComponentFactory }>;

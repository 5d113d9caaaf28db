/// <reference types="vite/client" />
// The components of the celebrate pack's sections by name, e.g. "celebrate/Progress": its route renders those the registry names.
import type { SectionComponents } from "../../lib/documents.ts";

const files = import.meta.glob<SectionComponents[string]>("./*.astro", { eager: true });

export default Object.fromEntries(
  Object.entries(files).map(([file, module]) => [`celebrate/${file.slice(2, -".astro".length)}`, module]),
) satisfies SectionComponents;

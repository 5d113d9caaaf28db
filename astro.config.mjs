// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { narrativePlugin } from "./templates/lib/narrative.ts";

// The engine (src/render.ts) passes root, outDir and the data file; this holds what never varies.
export default defineConfig({
  srcDir: "./templates",
  output: "static",
  integrations: [mdx()],
  vite: { plugins: [narrativePlugin()] },
  build: { format: "preserve", inlineStylesheets: "always" },
  devToolbar: { enabled: false },
  telemetry: false,
});

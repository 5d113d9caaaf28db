// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { narrativePlugin } from "./src/content-plugin.ts";
import { engineCapture } from "./src/engine-capture.ts";

// The engine (src/render.ts) passes root, outDir and the data file; this holds what never varies.
export default defineConfig({
  srcDir: "./templates",
  output: "static",
  integrations: [mdx(), engineCapture()],
  // No inline style or script and no data: URLs: the pages' Content-Security-Policy allows the folder's own files only.
  vite: { plugins: [narrativePlugin()], build: { assetsInlineLimit: 0 } },
  build: { format: "preserve", inlineStylesheets: "never" },
  devToolbar: { enabled: false },
  telemetry: false,
});

// Lint: JavaScript's and TypeScript's recommended rules, and Astro's for the templates.
import js from "@eslint/js";
import astro from "eslint-plugin-astro";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "dist-internal/", ".astro/", ".milepost/", "test/fixtures/", "schemas/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    // `const { dropped, ...kept } = x` is how a field is left out of a copy.
    rules: { "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }] },
  },
  { files: ["templates/scripts/**", "src/share/unlock/**"], languageOptions: { globals: { ...globals.browser } } },
);

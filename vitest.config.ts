import { defineConfig } from "vitest/config";

/** Tests that need neither Chromium nor a built portfolio: `npm run test:unit` runs them alone. */
const UNIT = [
  "test/model/**/*.test.ts",
  "test/templates/**/*.test.ts",
  "test/{config,dates-cli,docs,errors,fonts,glossary,i18n,incremental,inert,jsonschema,load,merge,narrative,narrative-tags,progress,protect,publish,series,shard,validate}.test.ts",
];

export default defineConfig({
  test: {
    reporters: ["default", "./test/support/summary.ts"],
    env: { TZ: "UTC" },
    // Generous: the property tests walk 73,000 days, and this machine is shared.
    testTimeout: 120_000,
    projects: [
      { extends: true, test: { name: "unit", include: UNIT } },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/**/*.test.ts"],
          exclude: UNIT,
          // Builds the fixture portfolio once (real Astro, real Chromium) for the tests that read it.
          globalSetup: ["test/support/portfolio.ts"],
          hookTimeout: 180_000,
        },
      },
    ],
  },
});

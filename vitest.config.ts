import { defineConfig } from "vitest/config";

/** Tests that need neither Chromium nor a built portfolio: `npm run test:unit` runs them alone. */
const UNIT = [
  "test/model/**/*.test.ts",
  "test/templates/**/*.test.ts",
  "test/portfolio/**/*.test.ts",
  "test/{celebrations,config,cross-rules,dates,dates-cli,deploy,docs,earlier,errors,fonts,glossary,i18n,incremental,inert,jsonschema,load,logo,merge,narrative,narrative-tags,numbers,pdf-content,places,progress,protect,publish,series,setup,shard,tokens,validate}.test.ts",
];

/**
 * `MILEPOST_TESTS=test/setup.test.ts npm test` runs only the files listed (comma-separated), as one project
 * without the fixture portfolio: test/quickstart.test.ts runs the README's `npm test` so in a fresh clone,
 * which keeps it from running the whole suite (and itself) again.
 */
const only = process.env.MILEPOST_TESTS?.split(",");

export default defineConfig({
  test: {
    reporters: ["default", "./test/support/summary.ts"],
    env: { TZ: "UTC" },
    // Generous: the property tests walk 73,000 days, and this machine is shared.
    testTimeout: 120_000,
    projects: only
      ? [{ extends: true, test: { name: "only", include: only } }]
      : [
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

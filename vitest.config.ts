import { defineConfig } from "vitest/config";

/**
 * Tests by folder: test/unit needs neither Chromium nor a built portfolio (`npm run test:unit` runs it alone);
 * test/e2e builds with real Astro and Chromium; test/slow holds the few that build many portfolios or a fresh clone.
 */
const UNIT = ["test/unit/**/*.test.ts"];
const E2E = ["test/e2e/**/*.test.ts", "test/slow/**/*.test.ts"];

/**
 * `MILEPOST_TESTS=test/unit/setup.test.ts npm test` runs only the files listed (comma-separated), as one project
 * without the fixture portfolio: test/slow/quickstart.test.ts runs the README's `npm test` so in a fresh clone,
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
              include: E2E,
              // Builds the fixture portfolio once (real Astro, real Chromium) for the tests that read it.
              globalSetup: ["test/support/portfolio.ts"],
              hookTimeout: 180_000,
            },
          },
        ],
  },
});

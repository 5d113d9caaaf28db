import { defineConfig } from "vitest/config";

/**
 * Tests by folder: test/unit needs neither Chromium nor a built portfolio (`npm run test:unit` runs it alone);
 * test/e2e builds with real Astro and Chromium; test/slow holds the few that build many portfolios or a fresh clone.
 */
const UNIT = ["test/unit/**/*.test.ts"];
const E2E = ["test/e2e/**/*.test.ts"];
const SLOW = ["test/slow/**/*.test.ts"];

/**
 * Both end-to-end folders build the shared portfolios in their global setup (once per run, and only those a file of
 * the run injects: test/support/portfolio.ts). test/e2e runs two files at a time — on the 2-core machine most of a
 * file's time is spent waiting on Chromium, Astro and child processes (README, "Tests", for what it measured) —
 * then test/slow one at a time, as each of its files already keeps the machine busy.
 */
const e2e = {
  globalSetup: ["test/support/portfolio.ts"],
  // A file's beforeAll builds a portfolio; a test may build several times: bounds for a hang, not for speed.
  hookTimeout: 600_000,
  testTimeout: 300_000,
};

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
          { extends: true, test: { name: "e2e", include: E2E, ...e2e, maxWorkers: 2, sequence: { groupOrder: 1 } } },
          { extends: true, test: { name: "slow", include: SLOW, ...e2e, maxWorkers: 1, sequence: { groupOrder: 2 } } },
        ],
  },
});

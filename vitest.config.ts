import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/portfolio.ts"],
    reporters: ["default", "./test/support/summary.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    env: { TZ: "UTC" },
  },
});

import { configDefaults, defineConfig } from "vitest/config";

// Two projects: the unit tests, then (after them, so their timings aren't disturbed by the unit
// run) the end-to-end tests in headless Chromium. The e2e global setup builds the task pane once,
// and only when an e2e file is part of the run: `npx vitest run tests/core` never builds.
const E2E = "tests/**/*.e2e.test.ts";

export default defineConfig({
  test: {
    testTimeout: 30000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
          // The fake Excel measures requests with Office.js's own serializer (tests/support).
          setupFiles: ["tests/support/serializer-setup.ts"],
          exclude: [...configDefaults.exclude, E2E],
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: [E2E],
          globalSetup: ["tests/e2e/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One browser at a time: two cores, and the timings the tests print stay meaningful.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

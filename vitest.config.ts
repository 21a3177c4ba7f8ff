import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: [
      "lib/**/*.test.ts",
      "db/**/*.test.ts",
      "app/**/*.test.ts",
      "components/**/*.test.ts",
      "e2e/**/*.unit.test.ts",
    ],
    environment: "node",
    // One migrated database per run, copied by each test file's createTestDb.
    globalSetup: ["db/test-template.ts"],
    // Test files run two at a time on CI's two cores: most of a file's time is waiting on its own
    // database or a child process, and none shares state with another (each has its own database).
    // CI's PostgreSQL re-run takes one (BDW_TEST_WORKERS=1): it runs beside Playwright, whose one
    // browser and one server leave about a core idle.
    maxWorkers: Number(process.env.BDW_TEST_WORKERS ?? 2),
    // A worker keeps its module cache from one test file to the next: loading next, drizzle, zod and
    // the domain once per worker instead of once per file takes a third off the run. Files still
    // share nothing else: each has its own database, and no module keeps state between tests.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

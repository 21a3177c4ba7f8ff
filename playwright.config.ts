import { execFileSync } from "node:child_process";
import { defineConfig } from "@playwright/test";
import { demoPassword } from "./e2e/accounts";

/**
 * Real Chromium (the system's, never a downloaded one) against the production build on the demo
 * data. The server gets its own PGlite folder, emptied each run, and a free port: the demo command
 * (lib/tools/tasks/demo.ts) builds if needed, migrates, seeds with DEMO_PASSWORD and starts `next start`.
 */

/** Asks the OS for a free port. Stored in the environment so Playwright's workers, which load this file again, agree. */
function freePort(): string {
  return execFileSync(
    process.execPath,
    [
      "-e",
      "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
    ],
    {
      encoding: "utf8",
    },
  ).trim();
}

const port = (process.env.E2E_PORT ??= freePort());
const baseURL = `http://127.0.0.1:${port}`;
// Parallel runs in one checkout each name their own data folder (and NEXT_DIST_DIR their build).
const dataDir = process.env.E2E_DATA_DIR ?? ".data/e2e";
const template = process.env.E2E_TEMPLATE_DIR;
const freshData = [
  `const fs=require('fs');fs.rmSync('${dataDir}',{recursive:true,force:true})`,
  template ? `fs.cpSync('${template}','${dataDir}',{recursive:true})` : "",
].join(";");

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  // Each of npm test's two runs keeps its traces apart (a run empties its folder when it starts).
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  // One server process on an embedded database; two CPUs. Specs use their own browser contexts.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? "list" : [["list"]],
  use: {
    baseURL,
    viewport: { width: 1366, height: 768 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    // No trace unless asked (E2E_TRACE=retain-on-failure, or --trace on): recording one snapshots
    // the page before and after every action, and took a third of the run's time on the long
    // editor pages. A failure still keeps its screenshot and error; rerun the spec with a trace.
    trace: (process.env.E2E_TRACE as "on" | "retain-on-failure" | undefined) ?? "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // Fresh data each run, so every spec starts from the seeded demo: a copy of the folder `npm test`
    // seeded once for both its runs (E2E_TEMPLATE_DIR), else seeded here by the demo command.
    command: `node -e "${freshData}" && node node_modules/tsx/dist/cli.mjs lib/tools/tasks/demo.ts`,
    url: `${baseURL}/api/health`,
    // A first run builds the app (a few minutes on two cores).
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: port,
      PGLITE_DIR: dataDir,
      DEMO_PASSWORD: demoPassword,
      AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
      NEXTAUTH_URL: baseURL,
    },
  },
});

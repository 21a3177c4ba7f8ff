/**
 * `npm test`: every suite, then one line `N passed, N failed` adding them all up.
 *
 * 0. on a whole run, the type check of everything, tests and scripts included (`next build`
 *    checks only what ships; one check, or one failure per type error), beside 1; and Biome's
 *    formatter and linter (`biome ci`, biome.jsonc): one check, or one failure per error it finds;
 * 1. vitest: the domain, importer, rules, CLI, database and server-level tests (PGlite unless
 *    DATABASE_URL points at a PostgreSQL server);
 * 2. Playwright: real Chromium against a production build (skipped with --no-e2e, for the
 *    PostgreSQL re-run that CI makes of the database tests).
 *
 * Each runner writes a JSON report; counts come from those, not from scraping their consoles.
 */
import { spawn, spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { demoPassword } from "../../../e2e/accounts";

type Counts = { suite: string; passed: number; failed: number; skipped: number };

const root = path.resolve(import.meta.dirname, "../../..");
// CI's PostgreSQL re-run, beside the main run, names a folder of its own (.ci/run).
const reportDir = path.resolve(root, process.env.BDW_REPORT_DIR ?? path.join(".data", "reports"));
const args = process.argv.slice(2);
const withE2e = !args.includes("--no-e2e");
const vitestFilters = args.filter((a) => !a.startsWith("--"));

function run(command: string, commandArgs: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  return result.status ?? 1;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/**
 * Starts the type check and answers its counts when it ends. It runs beside vitest: tsc keeps one
 * core busy for a minute or more on a clean checkout, and vitest's two workers spend much of their
 * time waiting on databases and child processes. Its output goes to a file, printed at the end.
 */
function startTypecheck(): Promise<Counts> {
  const file = path.join(reportDir, "typecheck.txt");
  const fd = openSync(file, "w");
  const child = spawn("npx", ["tsc", "--noEmit", "-p", "tsconfig.json"], {
    cwd: root,
    stdio: ["ignore", fd, fd],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  return new Promise((resolve) => {
    child.on("close", (status) => {
      closeSync(fd);
      const output = readFileSync(file, "utf8");
      const errors = output.split("\n").filter((line) => /error TS\d+/.test(line));
      if (status === 0) return resolve({ suite: "typecheck", passed: 1, failed: 0, skipped: 0 });
      process.stdout.write(`\n== typecheck\n${output}`);
      resolve({ suite: "typecheck", passed: 0, failed: Math.max(1, errors.length), skipped: 0 });
    });
  });
}

function lintCounts(): Counts {
  const result = spawnSync("npx", ["biome", "ci", "--colors=off", "--reporter=summary", "."], {
    cwd: root,
    encoding: "utf8",
  });
  if (result.status === 0) return { suite: "format and lint", passed: 1, failed: 0, skipped: 0 };
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  process.stdout.write(output);
  process.stdout.write(
    "\n(`npm run format` rewrites what the formatter and the safe lint fixes can; the rest is named above.)\n",
  );
  const errors = Number(/Found (\d+) errors?/.exec(output)?.[1] ?? 1);
  return { suite: "format and lint", passed: 0, failed: Math.max(1, errors), skipped: 0 };
}

function vitestCounts(): Counts {
  const file = path.join(reportDir, "vitest.json");
  rmSync(file, { force: true });
  const status = run("npx", [
    "vitest",
    "run",
    ...vitestFilters,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${file}`,
  ]);
  const report = readJson(file) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  } | null;
  if (!report) return { suite: "vitest", passed: 0, failed: Math.max(1, status), skipped: 0 };
  // A runner that crashed outside any test still fails the run.
  const failed = report.numFailedTests + (status !== 0 && report.numFailedTests === 0 ? 1 : 0);
  return {
    suite: "vitest",
    passed: report.numPassedTests,
    failed,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

/**
 * The specs that do not build on what another spec left in the demo database (each reads the seeded
 * demo, or makes and checks what it needs): they run in a second Playwright process beside the
 * others, on a server and an embedded database of their own. The rest share one database in file
 * order (the 434 draft the clerk specs edit, 420 under review, 418 published), as before; with them
 * runs hostile-uploads, which starts a server of its own, so that the two processes take about as
 * long (faults too took the chained one from 9.2 to 11.2 minutes, the other down to 8.7).
 */
const standaloneSpecs = [
  "a11y",
  "admin-classification",
  "admin-frameworks",
  "anonymous",
  "approver",
  "faults",
  "portal",
  "security",
  "sign-out",
].map((name) => `e2e/${name}.spec.ts`);

function runAsync(command: string, commandArgs: string[], env: Record<string, string>, log: string): Promise<number> {
  const fd = openSync(log, "w");
  const child = spawn(command, commandArgs, {
    cwd: root,
    stdio: ["ignore", fd, fd],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  return new Promise((resolve) =>
    child.on("close", (status) => {
      closeSync(fd);
      resolve(status ?? 1);
    }),
  );
}

async function playwrightCounts(typesChecked: boolean): Promise<Counts> {
  const checked: Record<string, string> = typesChecked ? { BDW_TYPES_CHECKED: "1" } : {};
  // One build for both runs (two servers building at once would write over each other), and beside
  // it one seeded demo database that each run's server starts from a copy of: seeding (migrations,
  // the fixture, 434's publication printed in Chromium) once instead of twice on loaded cores.
  const template = ".data/e2e-template";
  rmSync(path.join(root, template), { recursive: true, force: true });
  const demo = (flag: string, env: Record<string, string>, log: string) =>
    runAsync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "lib/tools/tasks/demo.ts", flag], env, log);
  const [built, seeded] = await Promise.all([
    demo("--build-only", { NODE_ENV: "production", ...checked }, path.join(reportDir, "build.log")),
    demo(
      "--seed-only",
      { NODE_ENV: "production", PGLITE_DIR: template, DEMO_PASSWORD: demoPassword },
      path.join(reportDir, "seed.log"),
    ),
  ]);
  for (const [status, log] of [
    [built, "build.log"],
    [seeded, "seed.log"],
  ] as const)
    if (status !== 0) process.stdout.write(`\n== ${log}\n${readFileSync(path.join(reportDir, log), "utf8")}`);
  if (built !== 0 || seeded !== 0) return { suite: "playwright", passed: 0, failed: 1, skipped: 0 };
  const chained = readdirSync(path.join(root, "e2e"))
    .filter((f) => f.endsWith(".spec.ts"))
    .map((f) => `e2e/${f}`)
    .filter((f) => !standaloneSpecs.includes(f));
  const runs = [
    { name: "chained", specs: chained },
    { name: "standalone", specs: standaloneSpecs },
  ].map((r) => ({
    ...r,
    report: path.join(reportDir, `playwright-${r.name}.json`),
    log: path.join(reportDir, `playwright-${r.name}.log`),
  }));
  const statuses = await Promise.all(
    runs.map((r) => {
      rmSync(r.report, { force: true });
      return runAsync(
        "npx",
        ["playwright", "test", "--reporter=list,json", ...r.specs],
        {
          PLAYWRIGHT_JSON_OUTPUT_NAME: r.report,
          E2E_DATA_DIR: `.data/e2e-${r.name}`,
          E2E_OUTPUT_DIR: `test-results/${r.name}`,
          E2E_TEMPLATE_DIR: template,
          ...checked,
        },
        r.log,
      );
    }),
  );
  const total: Counts = { suite: "playwright", passed: 0, failed: 0, skipped: 0 };
  runs.forEach((r, i) => {
    process.stdout.write(`\n== playwright (${r.name} specs)\n${readFileSync(r.log, "utf8")}`);
    const report = readJson(r.report) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    } | null;
    if (!report) {
      total.failed += Math.max(1, statuses[i]);
      return;
    }
    const { expected, unexpected, flaky, skipped } = report.stats;
    total.passed += expected + flaky;
    total.failed += unexpected + (statuses[i] !== 0 && unexpected === 0 ? 1 : 0);
    total.skipped += skipped;
  });
  return total;
}

mkdirSync(reportDir, { recursive: true });
// A filtered run (the PostgreSQL re-run of the database suites) checks types once, not again.
const wholeRun = vitestFilters.length === 0;
const typecheck = wholeRun ? startTypecheck() : null;
const results: Counts[] = wholeRun ? [lintCounts(), vitestCounts()] : [vitestCounts()];
if (typecheck) results.unshift(await typecheck);
// The e2e build need not type-check again what the whole-tree check just passed (next.config.js).
if (withE2e) results.push(await playwrightCounts(results[0]?.suite === "typecheck" && results[0].failed === 0));

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const skipped = results.reduce((n, r) => n + r.skipped, 0);
console.log("");
for (const r of results)
  console.log(`  ${r.suite}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ""}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed === 0 ? 0 : 1);

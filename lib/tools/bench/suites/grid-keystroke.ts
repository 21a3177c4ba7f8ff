import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { sanhe2020Bytes } from "../../../domain/__fixtures__/sanhe-2020";
import { carryForward } from "../../../domain/carry-forward";
import { findFramework } from "../../../domain/frameworks";
import { importDisclosureText } from "../../../import/text/import-disclosure";
import type { BenchSuite } from "../bench";
import { syntheticDisclosure } from "./import-check";

/**
 * A keystroke in an indicator grid cell, keydown to the next animation frame once the character is in the DOM,
 * timed inside Chromium (performance.now()) on a disclosure of 100 projects and 1,500 indicators
 * with every project open (1,500 rows on the page, the worst case). The page is the real
 * ProjectFundsEditor with the rule engine above it (components/indicator-grid/bench-harness.tsx),
 * bundled with esbuild and styled by the app's Tailwind CSS, so no server or build is needed.
 */

const root = path.resolve(import.meta.dirname, "../../../..");
const PROJECTS = 100;
const INDICATORS = 15;
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const ENTRY = `
import { createRoot } from "react-dom/client";
import { GridBenchHarness } from "@/components/indicator-grid/bench-harness";
const data = (window as unknown as { __BENCH__: Parameters<typeof GridBenchHarness>[0] }).__BENCH__;
createRoot(document.getElementById("root")!).render(<GridBenchHarness {...data} />);
`;

type Sample = { ms: number; ok: boolean };

let browser: Browser | null = null;
let workDir: string | null = null;

async function buildPage(dir: string): Promise<string> {
  const { build } = await import("esbuild");
  await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: "tsx", sourcefile: "grid-bench-entry.tsx" },
    bundle: true,
    outfile: path.join(dir, "bench.js"),
    platform: "browser",
    format: "iife",
    jsx: "automatic",
    minify: true,
    tsconfig: path.join(root, "tsconfig.json"),
    define: { "process.env.NODE_ENV": '"production"' },
    banner: { js: "var process = { env: { NODE_ENV: 'production' } };" },
    logLevel: "silent",
  });
  const postcss = (await import("postcss")).default;
  const tailwind = (await import("@tailwindcss/postcss")).default;
  const globals = path.join(root, "app/globals.css");
  // Two copies of postcss's types are installed (vitest brings its own); the plugin is the same.
  const css = await postcss([tailwind() as unknown as import("postcss").AcceptedPlugin]).process(
    readFileSync(globals, "utf8"),
    { from: globals },
  );
  writeFileSync(path.join(dir, "styles.css"), css.css);

  const framework = findFramework("2021")!;
  const base = importDisclosureText(sanhe2020Bytes()).disclosure;
  const large = carryForward(syntheticDisclosure(base, PROJECTS, INDICATORS), 2021, framework);
  const disclosure = {
    ...large,
    performance: {
      ...large.performance,
      projects: large.performance.projects.map((p) => ({
        ...p,
        id: randomUUID(),
        indicators: p.indicators.map((i) => ({ ...i, id: randomUUID() })),
      })),
    },
  };
  const count = disclosure.performance.projects.reduce((n, p) => n + p.indicators.length, 0);
  if (disclosure.performance.projects.length !== PROJECTS || count !== PROJECTS * INDICATORS)
    throw new Error(`synthetic disclosure has ${disclosure.performance.projects.length} projects, ${count} indicators`);
  const data = JSON.stringify({ disclosure, framework }).replace(/</g, "\\u003c");
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="stylesheet" href="styles.css"></head><body><div id="root"></div><script>window.__BENCH__=${data}</script><script src="bench.js"></script></body></html>`;
  const file = path.join(dir, "index.html");
  writeFileSync(file, html);
  return pathToFileURL(file).href;
}

/**
 * In the page: each input event is timed from its keydown to the next animation frame after it
 * (the frame that paints the character), and checked: the character is in the open editor. A string, so that no helper of the
 * TypeScript runner (tsx names functions) leaks into the page.
 */
const PROBE = `(() => {
  const probe = { t0: 0, expect: "", resolve: null, result: null };
  window.__probe = probe;
  document.addEventListener("keydown", () => { probe.t0 = performance.now(); }, { capture: true });
  document.addEventListener("input", (e) => {
    const area = e.target;
    const t0 = probe.t0;
    // The sample armed for this keystroke, taken now: an unmeasured key's frame must not answer it.
    const resolve = probe.resolve;
    probe.resolve = null;
    if (resolve) requestAnimationFrame(() => resolve({ ms: performance.now() - t0, ok: area.value.endsWith(probe.expect) && area.dataset.editing === "true" }));
  }, { capture: true });
})()`;

async function keystroke(page: Page, key: string): Promise<Sample> {
  await page.evaluate((expect) => {
    const probe = (window as unknown as { __probe: { expect: string; resolve: unknown; result: unknown } }).__probe;
    probe.expect = expect;
    probe.result = new Promise((resolve) => (probe.resolve = resolve));
  }, key);
  await page.keyboard.press(key);
  return page.evaluate(() => (window as unknown as { __probe: { result: Promise<Sample> } }).__probe.result);
}

const suite: BenchSuite = {
  name: "grid-keystroke",
  async setup() {
    if (!existsSync(executablePath)) return { skip: `没有找到 Chromium（${executablePath}）` };
    workDir = mkdtempSync(path.join(os.tmpdir(), "bdw-grid-bench-"));
    const url = await buildPage(workDir);
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: "zh-CN" });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url);
    await page
      .getByTestId("project-funds-editor")
      .waitFor({ timeout: 60_000 })
      .catch(() => {
        throw new Error(`基准页面未能显示：${errors.join("；") || "未知原因"}`);
      });
    await page.getByRole("button", { name: "全部展开" }).click();
    const grids = page.getByRole("group", { name: /的绩效指标表$/ });
    await grids.nth(PROJECTS - 1).waitFor();
    const rows = await page.locator("tbody tr[data-row-id]").count();
    if (rows !== PROJECTS * INDICATORS)
      throw new Error(`expected ${PROJECTS * INDICATORS} grid rows on the page, found ${rows}`);
    await page.evaluate(PROBE);

    // The middle project's 绩效指标描述 of its eighth row.
    const grid = grids.nth(PROJECTS / 2);
    await grid.scrollIntoViewIfNeeded();
    await grid.locator('td[data-cell="7:3"]').click();
    const editor = grid.getByTestId("cell-editor");
    await editor.waitFor({ state: "attached" });

    const letters = "abcdefghijklmnopqrstuvwxyz";
    let typed = 0;
    const check = (s: Sample, what: string) => {
      if (!s.ok) throw new Error(`${what}: the character did not reach the cell`);
      return { elapsedMs: s.ms };
    };
    return [
      {
        name: `编辑中按键到屏幕（${PROJECTS} 个项目 / ${PROJECTS * INDICATORS} 条指标全部展开）`,
        targetMs: 50,
        runs: 200,
        fn: async () => {
          // A long text is let go (Esc) now and then, unmeasured, so the cell stays one line or two.
          if (typed % 40 === 0) {
            await page.keyboard.press("Escape");
            await page.keyboard.press("x");
          }
          const key = letters[typed++ % letters.length];
          return check(await keystroke(page, key), "editing");
        },
      },
      {
        name: "首个按键到屏幕（选中格开始编辑，全部展开）",
        targetMs: 50,
        runs: 100,
        fn: async () => {
          await page.keyboard.press("Escape");
          const key = letters[typed++ % letters.length];
          return check(await keystroke(page, key), "first key");
        },
      },
    ];
  },
  async teardown() {
    await browser?.close();
    browser = null;
    if (workDir) rmSync(workDir, { recursive: true, force: true });
    workDir = null;
  },
};

export default suite;

import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { sanhe2020Bytes } from "../../../domain/__fixtures__/sanhe-2020";
import { carryForward } from "../../../domain/carry-forward";
import { findFramework } from "../../../domain/frameworks";
import { importDisclosureText } from "../../../import/text/import-disclosure";
import type { BenchSuite } from "../bench";
import {
  buildBenchPage,
  chromiumPath,
  installKeyProbe,
  type KeySample,
  launchBenchBrowser,
  timedKey,
} from "../browser-page";
import { syntheticDisclosure } from "./import-check";

/**
 * A keystroke in an indicator grid cell, keydown to the next animation frame once the character is in the DOM,
 * timed inside Chromium (performance.now()) on a disclosure of 100 projects and 1,500 indicators
 * with every project open (1,500 rows on the page, the worst case). The page is the real
 * ProjectFundsEditor with the rule engine above it (components/indicator-grid/bench-harness.tsx),
 * bundled into a static page (../browser-page.ts), so no server or build is needed.
 */

const PROJECTS = 100;
const INDICATORS = 15;

const ENTRY = `
import { createRoot } from "react-dom/client";
import { GridBenchHarness } from "@/components/indicator-grid/bench-harness";
const data = (window as unknown as { __BENCH__: Parameters<typeof GridBenchHarness>[0] }).__BENCH__;
createRoot(document.getElementById("root")!).render(<GridBenchHarness {...data} />);
`;

let browser: Browser | null = null;
let workDir: string | null = null;

async function buildPage(dir: string): Promise<string> {
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
  return buildBenchPage(dir, { entry: ENTRY, sourcefile: "grid-bench-entry.tsx", data: { disclosure, framework } });
}

const suite: BenchSuite = {
  name: "grid-keystroke",
  async setup() {
    if (!existsSync(chromiumPath)) return { skip: `没有找到 Chromium（${chromiumPath}）` };
    workDir = mkdtempSync(path.join(os.tmpdir(), "bdw-grid-bench-"));
    const url = await buildPage(workDir);
    browser = await launchBenchBrowser();
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
    // The character is in the open editor.
    await installKeyProbe(page, { inputOk: 'area.dataset.editing === "true"' });

    // The middle project's 绩效指标描述 of its eighth row.
    const grid = grids.nth(PROJECTS / 2);
    await grid.scrollIntoViewIfNeeded();
    await grid.locator('td[data-cell="7:3"]').click();
    const editor = grid.getByTestId("cell-editor");
    await editor.waitFor({ state: "attached" });

    const letters = "abcdefghijklmnopqrstuvwxyz";
    let typed = 0;
    const check = (s: KeySample, what: string) => {
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
          return check(await timedKey(page, key), "editing");
        },
      },
      {
        name: "首个按键到屏幕（选中格开始编辑，全部展开）",
        targetMs: 50,
        runs: 100,
        fn: async () => {
          await page.keyboard.press("Escape");
          const key = letters[typed++ % letters.length];
          return check(await timedKey(page, key), "first key");
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

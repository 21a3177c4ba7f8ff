import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { classification2020, sanhe2020WithTables } from "../../../domain/__fixtures__/sanhe-2020-tables";
import type { Disclosure } from "../../../domain/model";
import type { BenchSuite } from "../bench";
import {
  buildBenchPage,
  chromiumPath,
  installKeyProbe,
  type KeySample,
  launchBenchBrowser,
  timedKey,
} from "../browser-page";

/**
 * A keystroke in a budget table cell (the editor's section 附), keydown to the next animation frame,
 * timed inside Chromium on the demo's tables with a 项目支出表 of 300 rows (a department of 300
 * projects): typing in an amount cell, the first key that starts an edit, and Enter, which
 * commits the figure (the table and the text's figures recomputed) and moves down. The page is
 * the real TablesSection with the rule engine and the year's catalogue above it
 * (components/budget-tables/bench-harness.tsx), bundled into a static page (../browser-page.ts).
 */

const TABLE_ROWS = 300;
/** The row typed in: the middle of the table. */
const ROW = 150;
const COLUMN = "generalPublicBudget";

const ENTRY = `
import { createRoot } from "react-dom/client";
import { TablesBenchHarness } from "@/components/budget-tables/bench-harness";
const data = (window as unknown as { __BENCH__: Parameters<typeof TablesBenchHarness>[0] }).__BENCH__;
createRoot(document.getElementById("root")!).render(<TablesBenchHarness {...data} />);
`;

/** The demo's disclosure with its 项目支出表's rows repeated to `rows`, each project named apart. */
function largeProjectTable(base: Disclosure, rows = TABLE_ROWS): Disclosure {
  const tables = base.tables;
  if (!tables) throw new Error("the demo disclosure has no tables");
  const source = tables.project.rows;
  return {
    ...base,
    tables: {
      ...tables,
      project: {
        ...tables.project,
        rows: Array.from({ length: rows }, (_, i) => {
          const row = source[i % source.length];
          return i < source.length ? row : { ...row, name: `${row.name}（${i + 1}）`, amounts: { ...row.amounts } };
        }),
      },
    },
  };
}

const cellPath = (row: number) => `tables.project.rows[${row}].amounts.${COLUMN}`;

let browser: Browser | null = null;
let workDir: string | null = null;

const suite: BenchSuite = {
  name: "table-keystroke",
  async setup() {
    if (!existsSync(chromiumPath)) return { skip: `没有找到 Chromium（${chromiumPath}）` };
    workDir = mkdtempSync(path.join(os.tmpdir(), "bdw-table-bench-"));
    const catalogue = classification2020();
    const url = await buildBenchPage(workDir, {
      entry: ENTRY,
      sourcefile: "table-bench-entry.tsx",
      data: {
        disclosure: largeProjectTable(sanhe2020WithTables()),
        entries: [...catalogue.entries("功能"), ...catalogue.entries("经济")],
      },
    });
    browser = await launchBenchBrowser();
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: "zh-CN" });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url);
    const grid = page.getByTestId("table-project-rows");
    await grid.waitFor({ timeout: 60_000 }).catch(() => {
      throw new Error(`基准页面未能显示：${errors.join("；") || "未知原因"}`);
    });
    const rows = await grid.locator("tbody tr[data-field-path]").count();
    if (rows !== TABLE_ROWS) throw new Error(`expected ${TABLE_ROWS} rows in the 项目支出表, found ${rows}`);
    // Typed: the character is in the active cell's input. Enter: the next row's cell is the active one.
    await installKeyProbe(page, {
      frameOk: 'document.activeElement?.closest("td")?.dataset.fieldPath === probe.expect',
    });

    const cell = grid.locator(`td[data-field-path="${cellPath(ROW)}"]`);
    await cell.scrollIntoViewIfNeeded();
    await cell.click();
    await cell.locator("input").waitFor();

    const digits = "1234567890";
    let typed = 0;
    let row = ROW;
    const check = (s: KeySample, what: string) => {
      if (!s.ok) throw new Error(`${what}: the key did not reach the cell`);
      return { elapsedMs: s.ms };
    };
    return [
      {
        name: `编辑中按键到屏幕（项目支出表 ${TABLE_ROWS} 行）`,
        targetMs: 50,
        runs: 200,
        fn: async () => {
          // A long figure is let go (Esc) now and then, unmeasured, so the cell stays one line.
          if (typed % 12 === 0) {
            await page.keyboard.press("Escape");
            await page.keyboard.press("1");
          }
          const key = digits[typed++ % digits.length];
          return check(await timedKey(page, key), "editing");
        },
      },
      {
        name: `首个按键到屏幕（选中格开始编辑，${TABLE_ROWS} 行）`,
        targetMs: 50,
        runs: 100,
        fn: async () => {
          await page.keyboard.press("Escape");
          const key = digits[typed++ % digits.length];
          return check(await timedKey(page, key), "first key");
        },
      },
      {
        name: `Enter 确认金额并下移（重算本表与文字中的数，${TABLE_ROWS} 行）`,
        targetMs: 50,
        runs: 100,
        fn: async () => {
          // Rows below the one typed in, far enough for the warm-up and the runs (10 + 100).
          await page.keyboard.press(digits[typed++ % digits.length]);
          row++;
          return check(await timedKey(page, "Enter", { frame: true, expect: cellPath(row) }), "Enter");
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

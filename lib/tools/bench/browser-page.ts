import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";

/**
 * What the keystroke benches (suites/grid-keystroke.ts, suites/table-keystroke.ts) share: a real
 * component bundled with esbuild into a static page, styled by the app's Tailwind CSS, with its
 * data in the page (no server, no build); Chromium to run it; and a probe that times one key from
 * its keydown to the animation frame after its input event, inside the page (performance.now()).
 */

const root = path.resolve(import.meta.dirname, "../../..");
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Writes index.html, bench.js and styles.css into `dir`; returns the page's file URL. */
export async function buildBenchPage(
  dir: string,
  page: { entry: string; sourcefile: string; data: unknown },
): Promise<string> {
  const { build } = await import("esbuild");
  await build({
    stdin: { contents: page.entry, resolveDir: root, loader: "tsx", sourcefile: page.sourcefile },
    bundle: true,
    outfile: path.join(dir, "bench.js"),
    platform: "browser",
    format: "iife",
    jsx: "automatic",
    // BENCH_MINIFY=0 keeps function names, for a profile of the page (Chromium's DevTools or CDP).
    minify: process.env.BENCH_MINIFY !== "0",
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
  const data = JSON.stringify(page.data).replace(/</g, "\\u003c");
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="stylesheet" href="styles.css"></head><body><div id="root"></div><script>window.__BENCH__=${data}</script><script src="bench.js"></script></body></html>`;
  const file = path.join(dir, "index.html");
  writeFileSync(file, html);
  return pathToFileURL(file).href;
}

export async function launchBenchBrowser(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: chromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
}

export type KeySample = { ms: number; ok: boolean };

/**
 * Installs the probe in the page. A key typed into a field is timed from its keydown to the next
 * animation frame after its input event (the frame that paints the character), and checked: the
 * character is in the field and `inputOk` (a JS expression over the field `area`) holds. A key that
 * types nothing (Enter) is timed from its keydown to the next frame after its handlers ran, and
 * checked by `frameOk` (a JS expression; `probe.expect` is what timedKey was given). A string, so
 * that no helper of the TypeScript runner (tsx names functions) leaks into the page.
 */
export async function installKeyProbe(page: Page, checks: { inputOk?: string; frameOk?: string } = {}): Promise<void> {
  await page.evaluate(`(() => {
  const probe = { t0: 0, expect: "", frame: false, resolve: null, result: null };
  window.__probe = probe;
  document.addEventListener("keydown", () => {
    const t0 = (probe.t0 = performance.now());
    if (!probe.frame || !probe.resolve) return;
    const resolve = probe.resolve;
    probe.resolve = null;
    // Called before the page's own handlers (capture), so the frame is the one after them.
    requestAnimationFrame(() => resolve({ ms: performance.now() - t0, ok: Boolean(${checks.frameOk ?? "true"}) }));
  }, { capture: true });
  document.addEventListener("input", (e) => {
    const area = e.target;
    const t0 = probe.t0;
    // The sample armed for this keystroke, taken now: an unmeasured key's frame must not answer it.
    const resolve = probe.frame ? null : probe.resolve;
    if (resolve) probe.resolve = null;
    if (resolve) requestAnimationFrame(() => resolve({ ms: performance.now() - t0, ok: area.value.endsWith(probe.expect) && Boolean(${checks.inputOk ?? "true"}) }));
  }, { capture: true });
})()`);
}

/**
 * One key pressed and timed by the probe: to the frame that paints what it typed (`expect`: the
 * character itself), or with `frame`, to the frame after its handlers (`expect` for `frameOk`).
 */
export async function timedKey(
  page: Page,
  key: string,
  opts: { frame?: boolean; expect?: string } = {},
): Promise<KeySample> {
  await page.evaluate(
    ([expect, frame]) => {
      const probe = (
        window as unknown as { __probe: { expect: string; frame: boolean; resolve: unknown; result: unknown } }
      ).__probe;
      probe.expect = expect;
      probe.frame = frame;
      probe.result = new Promise((resolve) => (probe.resolve = resolve));
    },
    [opts.expect ?? key, opts.frame ?? false] as const,
  );
  await page.keyboard.press(key);
  return page.evaluate(() => (window as unknown as { __probe: { result: Promise<KeySample> } }).__probe.result);
}

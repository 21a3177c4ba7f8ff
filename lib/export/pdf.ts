import { existsSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { Disclosure } from "../domain/model";
import { FIXED_TIMESTAMP } from "./fixed-timestamp";
import { portalMessages } from "../i18n/zh-CN/portal";
import { documentOutline, type OutlineOptions } from "../render/document";
import type { DocumentOutline } from "../render/outline";
import { DOCUMENT_CSS, FONT_STACK } from "../render/document-css";
import { documentHtml, escapeHtml } from "../render/html";

/**
 * The PDF is the portal page printed: the same HTML (../render/html.ts) and stylesheet, set into
 * headless Chromium as a string (no server, no network) and printed on A4 with the server's Noto
 * CJK fonts embedded, so the text stays selectable and searchable (as real font subsets when the
 * TrueType print fonts of lib/tools/tasks/print-fonts.py exist). One browser and a few warm pages serve
 * every print (see PdfPrinter).
 */

/**
 * A draft's stamp: printed for the unit head to read before the clerk submits, never published.
 * The diagonal 草稿 on every page and, at the head of each page, what was printed and when.
 */
export type DraftStamp = {
  /** The draft's saved version (its autosave counter): which state of the text this paper shows. */
  version: number;
  /** The revision being prepared (第N版). */
  revision: number;
  /** When it was printed, as the reader's clock says it (`2021年1月5日 14:30`). */
  printedAt: string;
};

/** A CSS string literal: the stamp's text goes into a margin box's `content`. */
const cssString = (text: string) => `"${text.replace(/[\\"]/g, "\\$&").replace(/[\n\r]/g, " ")}"`;

function draftHtml(stamp: DraftStamp): { css: string; body: string } {
  const m = portalMessages.draft;
  const line = m.stamp(stamp.revision, stamp.version, stamp.printedAt);
  return {
    css:
      `@page{@top-right{content:${cssString(line)};font:10pt/1 ${FONT_STACK.heading};color:#b91c1c;vertical-align:bottom;padding-bottom:6mm}}` +
      ".dd-watermark{position:fixed;top:50%;left:50%;transform:translate(-50%,-50%) rotate(-35deg);font:400 120pt/1 " +
      `${FONT_STACK.heading};color:rgba(185,28,28,.13);white-space:nowrap;pointer-events:none;z-index:10}`,
    body: `<div class="dd-watermark" aria-hidden="true">${escapeHtml(m.watermark)}</div>`,
  };
}

/**
 * The standalone print layout: the official document alone, nothing of the site around it and no
 * chart (the charts are the portal's; the document states its figures in text and tables). A draft
 * stamp adds the diagonal 草稿 and the version and time at the head of each page.
 */
export function printHtml(d: Disclosure, outline: OutlineOptions = {}, draft?: DraftStamp): string {
  return printOutlineHtml(documentOutline(d, outline), draft);
}

/** Any document outline (a disclosure's, a 自评's) as the standalone page Chromium prints. */
export function printOutlineHtml(outline: DocumentOutline<string>, draft?: DraftStamp): string {
  const body = documentHtml(outline);
  const stamp = draft ? draftHtml(draft) : null;
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(outline.title)}</title>` +
    `<style>html{-webkit-print-color-adjust:exact;print-color-adjust:exact}body{margin:0;background:#fff}${DOCUMENT_CSS}${stamp?.css ?? ""}</style></head>` +
    `<body>${stamp?.body ?? ""}${body}</body></html>`
  );
}

export type PrinterOptions = {
  /** The Chromium to drive; CHROMIUM_PATH or the system's. */
  executablePath?: string;
  /** Pages printed at once (each is a renderer process, kept warm between prints). */
  concurrency?: number;
  /** Close the browser after this long without work (a server keeps one for a while). */
  idleCloseMs?: number;
  /** Prints one page serves before it is closed and replaced, so a long year's memory stays flat. */
  printsPerPage?: number;
  /**
   * A folder made by lib/tools/tasks/print-fonts.py: the Noto CJK faces with TrueType outlines and a
   * fonts.conf that gives them to Chromium. Default PRINT_FONTS_DIR or .data/print-fonts; used
   * when its fonts.conf exists, otherwise the system's fonts are used as they are.
   */
  fontsDir?: string;
  /** Told where each print's time went (the bench). */
  onTiming?: (timing: PrintTiming) => void;
};

const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/** Where the time of one print went, for the bench (milliseconds). */
export type PrintTiming = { waitMs: number; launchMs: number; pageMs: number; contentMs: number; pdfMs: number };

type WarmPage = { page: Page; prints: number };

/**
 * One browser and one context, with up to `concurrency` pages kept open and reused: a fresh page is
 * a new renderer process that must load the 20 MB Noto CJK fonts and build their glyphs again,
 * which cost as much as the print itself. A page is replaced after `printsPerPage` prints (and at
 * once if it crashed), so a long export does not grow.
 */
export class PdfPrinter {
  private session: Promise<{ browser: Browser; context: BrowserContext }> | null = null;
  private readonly idle: WarmPage[] = [];
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: PrinterOptions = {}) {}

  /** The Chromium this printer would drive, and whether it is installed on this machine. */
  get executablePath(): string {
    return this.options.executablePath ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  }
  get available(): boolean {
    return existsSync(this.executablePath);
  }
  /**
   * The fontconfig file that gives Chromium the TrueType print fonts, or null for the system's.
   * Chromium can subset and embed only TrueType outlines: with the CFF Noto CJK it draws every
   * glyph as a Type 3 procedure, which doubles page.pdf and makes the file half again as large.
   */
  get fontConfig(): string | null {
    const dir = this.options.fontsDir ?? process.env.PRINT_FONTS_DIR ?? path.resolve(".data/print-fonts");
    const file = path.join(dir, "fonts.conf");
    return existsSync(file) ? file : null;
  }
  get concurrency(): number {
    return Math.max(1, this.options.concurrency ?? 2);
  }

  private launch(): Promise<{ browser: Browser; context: BrowserContext }> {
    if (!this.session) {
      const launching = (async () => {
        const fontConfig = this.fontConfig;
        const env = fontConfig
          ? { ...(process.env as Record<string, string>), FONTCONFIG_FILE: fontConfig }
          : undefined;
        const browser = await chromium.launch({ executablePath: this.executablePath, args: LAUNCH_ARGS, env });
        try {
          // Scripts off (the page is only laid out), offline (nothing is fetched).
          const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
          return { browser, context };
        } catch (error) {
          await browser.close().catch(() => undefined);
          throw error;
        }
      })();
      this.session = launching;
      launching.then(
        // A crashed or killed browser is launched again on the next print; its pages are gone.
        ({ browser }) =>
          browser.on("disconnected", () => {
            if (this.session !== launching) return;
            this.session = null;
            this.idle.length = 0;
          }),
        () => {
          if (this.session === launching) this.session = null;
        },
      );
    }
    return this.session;
  }

  private async acquire(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.active < this.concurrency) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) return next(); // the slot passes straight to the next print
    this.active -= 1;
    if (this.active === 0 && this.options.idleCloseMs !== undefined) {
      this.idleTimer = setTimeout(() => void this.close(), this.options.idleCloseMs);
      this.idleTimer.unref();
    }
  }

  private async takePage(context: BrowserContext): Promise<WarmPage> {
    while (this.idle.length > 0) {
      const warm = this.idle.pop()!;
      if (!warm.page.isClosed()) return warm;
    }
    return { page: await context.newPage(), prints: 0 };
  }

  private async returnPage(warm: WarmPage, healthy: boolean): Promise<void> {
    warm.prints += 1;
    if (healthy && !warm.page.isClosed() && warm.prints < (this.options.printsPerPage ?? 100)) {
      this.idle.push(warm);
      return;
    }
    await warm.page.close().catch(() => undefined);
  }

  /** Prints an HTML document to A4 PDF bytes. */
  async print(html: string, footer?: string): Promise<Uint8Array> {
    const t0 = performance.now();
    await this.acquire();
    try {
      const t1 = performance.now();
      const { context } = await this.launch();
      const t2 = performance.now();
      const warm = await this.takePage(context);
      let healthy = false;
      try {
        const t3 = performance.now();
        // Set as a string: no server and no request; "load" is reached as soon as it is laid out.
        await warm.page.setContent(html, { waitUntil: "load" });
        const t4 = performance.now();
        const pdf = await warm.page.pdf({
          format: "A4",
          preferCSSPageSize: true,
          printBackground: true,
          displayHeaderFooter: footer !== undefined,
          headerTemplate: "<span></span>",
          footerTemplate: footer ?? "<span></span>",
          tagged: true,
        });
        this.options.onTiming?.({
          waitMs: t1 - t0,
          launchMs: t2 - t1,
          pageMs: t3 - t2,
          contentMs: t4 - t3,
          pdfMs: performance.now() - t4,
        });
        healthy = true;
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } finally {
        await this.returnPage(warm, healthy);
      }
    } finally {
      this.release();
    }
  }

  async close(): Promise<void> {
    const session = this.session;
    this.session = null;
    this.idle.length = 0;
    if (session) await (await session.catch(() => null))?.browser.close();
  }
}

const SHARED = Symbol.for("budget-disclosure.pdf-printer");

/**
 * The server's printer, one per process (kept on globalThis because Next may load this module
 * once per route bundle). Its browser closes after a minute without work.
 */
export function sharedPrinter(): PdfPrinter {
  const holder = globalThis as { [SHARED]?: PdfPrinter };
  return (holder[SHARED] ??= new PdfPrinter({ idleCloseMs: 60_000 }));
}

/**
 * Two things in Chromium's PDF change from one print of the same page to the next: the moment of
 * printing in /CreationDate and /ModDate, and the ids of the tagged structure's table cells
 * (`/ID (node00002703)`, referred to by /Headers), which count the DOM nodes the page's renderer
 * has made so far and so grow as a warm page is reused. The dates are set to `at`, the ids are
 * numbered afresh in the order they first appear (digits for digits, so every offset in the file
 * stays valid), and the same disclosure gives the same file.
 */
export function pinPdf(pdf: Uint8Array, at: Date = FIXED_TIMESTAMP): Uint8Array {
  const stamp = at.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  const ids = new Map<string, string>();
  const pinned = text
    .replace(/(\/(?:CreationDate|ModDate) ?\(D:)\d{14}/g, `$1${stamp}`)
    .replace(/\(node(\d+)\)/g, (_, digits: string) => {
      let id = ids.get(digits);
      if (id === undefined) ids.set(digits, (id = String(ids.size + 1).padStart(digits.length, "0")));
      return `(node${id})`;
    });
  return new Uint8Array(Buffer.from(pinned, "latin1"));
}

/**
 * The official PDF of a disclosure (GB/T 9704 look; page numbers from the stylesheet's page
 * margins), or with `draft` the stamped paper a clerk prints before submitting.
 */
export async function renderPdf(
  d: Disclosure,
  options: { printer: PdfPrinter; revision?: number; at?: Date; draft?: DraftStamp } & OutlineOptions,
): Promise<Uint8Array> {
  const html = printHtml(d, { nameOf: options.nameOf }, options.draft);
  return pinPdf(await options.printer.print(html), options.at);
}

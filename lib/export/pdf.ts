import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import type { Disclosure } from "../domain/model";
import { FIXED_TIMESTAMP } from "./deterministic-zip";
import { portalMessages } from "../i18n/zh-CN/portal";
import { budgetCharts } from "../render/charts";
import { documentOutline } from "../render/document";
import { DOCUMENT_CSS } from "../render/document-css";
import { documentHtml, escapeHtml } from "../render/html";

/**
 * The PDF is the portal page printed: the same HTML (../render/html.ts) and stylesheet, set into
 * headless Chromium as a string (no server, no network) and printed on A4 with the server's Noto
 * CJK fonts embedded, so the text stays selectable and searchable. One browser serves many
 * prints: a year's export opens a page per disclosure and closes it, so memory stays flat.
 */

/** The standalone print layout: the document and its charts, nothing of the site around it. */
export function printHtml(d: Disclosure): string {
  const body = documentHtml(documentOutline(d), budgetCharts(d));
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(d.title)}</title>` +
    `<style>html{-webkit-print-color-adjust:exact;print-color-adjust:exact}body{margin:0;background:#fff}${DOCUMENT_CSS}</style></head>` +
    `<body>${body}</body></html>`
  );
}

/** The running footer on every page: the document, its revision, the page number. */
export function footerTemplate(d: Disclosure, revision?: number): string {
  const label = revision ? `${d.title} · ${portalMessages.page.revision(revision)}` : d.title;
  return (
    `<div style="width:100%;padding:0 16mm;font-size:8pt;color:#475569;font-family:'Noto Sans CJK SC',sans-serif;display:flex;justify-content:space-between">` +
    `<span>${escapeHtml(label)}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`
  );
}

export type PrinterOptions = {
  /** The Chromium to drive; CHROMIUM_PATH or the system's. */
  executablePath?: string;
  /** Pages printed at once (each is a renderer process). */
  concurrency?: number;
  /** Close the browser after this long without work (a server keeps one for a while). */
  idleCloseMs?: number;
};

const LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];

export class PdfPrinter {
  private browser: Promise<Browser> | null = null;
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

  private launch(): Promise<Browser> {
    if (!this.browser) {
      const launching = chromium.launch({ executablePath: this.executablePath, args: LAUNCH_ARGS });
      this.browser = launching;
      launching.then(
        // A crashed or killed browser is launched again on the next print.
        (browser) => browser.on("disconnected", () => {
          if (this.browser === launching) this.browser = null;
        }),
        () => {
          if (this.browser === launching) this.browser = null;
        },
      );
    }
    return this.browser;
  }

  private async acquire(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.active < (this.options.concurrency ?? 2)) {
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

  /** Prints an HTML document to A4 PDF bytes. Scripts are off: the page is only laid out. */
  async print(html: string, footer?: string): Promise<Uint8Array> {
    await this.acquire();
    try {
      const browser = await this.launch();
      const page = await browser.newPage({ javaScriptEnabled: false, offline: true });
      try {
        await page.setContent(html, { waitUntil: "load" });
        const pdf = await page.pdf({
          format: "A4",
          preferCSSPageSize: true,
          printBackground: true,
          displayHeaderFooter: footer !== undefined,
          headerTemplate: "<span></span>",
          footerTemplate: footer ?? "<span></span>",
          tagged: true,
        });
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } finally {
        await page.close();
      }
    } finally {
      this.release();
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close();
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
 * Chromium stamps the moment of printing into the PDF's /CreationDate and /ModDate, the only
 * bytes that differ between two prints of one page. Both are set to `at` (digits for digits, so
 * every offset in the file stays valid) and the same disclosure gives the same file.
 */
export function pinPdfDates(pdf: Uint8Array, at: Date = FIXED_TIMESTAMP): Uint8Array {
  const stamp = at.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  const pinned = text.replace(/(\/(?:CreationDate|ModDate) ?\(D:)\d{14}/g, `$1${stamp}`);
  return new Uint8Array(Buffer.from(pinned, "latin1"));
}

export async function renderPdf(d: Disclosure, options: { printer: PdfPrinter; revision?: number; at?: Date }): Promise<Uint8Array> {
  return pinPdfDates(await options.printer.print(printHtml(d), footerTemplate(d, options.revision)), options.at);
}

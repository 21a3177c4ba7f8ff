import { formatAmount } from "../domain/money";
import { portalMessages } from "../i18n/zh-CN/portal";
import { delta, type BudgetChart } from "./charts";
import { gridRows, type Align, type Block, type Cell, type DocumentOutline, type Row, type Table } from "./outline";

/**
 * The outline (./document.ts) as HTML text: the public portal page shows it and Chromium prints
 * it to the PDF, so what a reader sees on screen and on paper is one layout. Plain strings rather
 * than React because the PDF is made outside any web request (publishing, the CLI, the seed).
 * Every piece of disclosure text goes through `escapeHtml`; the only markup that is not built
 * here is the charts' SVG, which ./charts.ts draws from figures, never from typed text.
 */

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}

const alignClass: Record<Align, string> = { left: "l", center: "c", right: "r" };

/**
 * A table in the parts print needs: the frameless lines above the grid (编制部门 … 单位：万元),
 * rows that lead the grid before its column headings (资金金额, 绩效目标), the heading rows (a
 * <thead>, repeated at the top of each printed page) and the body.
 */
export function tableParts(table: Table): { meta: number[]; lead: number[]; head: number[]; body: number[] } {
  const indexes = table.rows.map((_, i) => i);
  let i = 0;
  const take = (test: (row: Row) => boolean) => {
    const start = i;
    while (i < table.rows.length && test(table.rows[i])) i += 1;
    return indexes.slice(start, i);
  };
  const meta = take((r) => !!r.frameless);
  const firstHeader = table.rows.findIndex((r, k) => k >= i && r.header);
  if (firstHeader < 0) return { meta, lead: [], head: [], body: indexes.slice(i) };
  const lead = take((r) => !r.header);
  const head = take((r) => !!r.header);
  return { meta, lead, head, body: indexes.slice(i) };
}

/**
 * What only a screen adds to the printed layout (the portal page; the PDF takes none of it): a long
 * cell folded to its first words with 展开, so an indicator row of a seven-line 依据 does not fill a
 * phone's screen and a half; a hint over a table wider than the phone, which scrolls in its box.
 */
export type ScreenOptions = { fold?: boolean };

/** Cells longer than this fold on screen; the first FOLD_LEAD characters stay in view. */
export const FOLD_OVER = 60;
const FOLD_LEAD = 24;

function foldedText(text: string): string {
  const chars = [...text];
  const lead = chars.slice(0, FOLD_LEAD).join("");
  const rest = chars.slice(FOLD_LEAD).join("");
  const m = portalMessages.page;
  return (
    `<details class="dd-fold"><summary>${escapeHtml(lead)}<span class="dd-fold-more">…${escapeHtml(m.unfold)}</span>` +
    `<span class="dd-fold-less">${escapeHtml(m.fold)}</span></summary>${escapeHtml(rest)}</details>`
  );
}

/** Em per unit of column weight when a table with frozen columns keeps its natural width (see Table.frozen). */
const EM_PER_WEIGHT = 2.8;

/** From this many columns a table (neither dense nor frozen) scrolls in its box on a phone rather than squeeze. */
export const MANY_COLUMNS = 5;

/** A cell of a frozen column: kept at its place while the rest of the row scrolls under it. */
type Frozen = { left: number; edge: boolean } | undefined;

function cellHtml(cell: Cell, row: Row, align: Align, frozen?: Frozen, screen: ScreenOptions = {}): string {
  const heading = row.header || cell.bold;
  const tag = heading ? "th" : "td";
  const scope = row.header
    ? (cell.colSpan ?? 1) > 1
      ? ' scope="colgroup"'
      : ' scope="col"'
    : cell.bold
      ? ' scope="row"'
      : "";
  const span = `${(cell.colSpan ?? 1) > 1 ? ` colspan="${cell.colSpan}"` : ""}${(cell.rowSpan ?? 1) > 1 ? ` rowspan="${cell.rowSpan}"` : ""}`;
  const indent = cell.indent ? ` dd-i${Math.min(cell.indent, 3)}` : "";
  const freeze = frozen ? ` dd-frz${frozen.edge ? " dd-frz-edge" : ""}` : "";
  const style = frozen ? ` style="left:${frozen.left.toFixed(2)}em"` : "";
  const fold = screen.fold && !heading && (cell.colSpan ?? 1) === 1 && [...cell.text].length > FOLD_OVER;
  const content = fold ? foldedText(cell.text) : escapeHtml(cell.text);
  return `<${tag}${scope}${span} class="${alignClass[align]}${indent}${freeze}"${style}>${content}</${tag}>`;
}

export function tableHtml(table: Table, captionId?: string, screen: ScreenOptions = {}): string {
  const grid = gridRows(table);
  const weightBefore = (column: number) => table.columns.slice(0, column).reduce((sum, c) => sum + c.weight, 0);
  const rowHtml = (r: number) => {
    const row = table.rows[r];
    // gridRows says which grid column each real cell starts in, for its column's alignment.
    const slots = grid[r].filter((s) => s.kind === "cell");
    const cells = row.cells.map((cell, c) => {
      const column = slots[c]?.column ?? c;
      const end = column + (cell.colSpan ?? 1);
      const frozen: Frozen =
        table.frozen && end <= table.frozen
          ? { left: weightBefore(column) * EM_PER_WEIGHT, edge: end === table.frozen }
          : undefined;
      return cellHtml(
        cell,
        row,
        cell.align ?? (row.header ? "center" : (table.columns[column]?.align ?? "left")),
        frozen,
        screen,
      );
    });
    return `<tr>${cells.join("")}</tr>`;
  };
  const total = table.columns.reduce((sum, c) => sum + c.weight, 0) || 1;
  const colgroup = `<colgroup>${table.columns.map((c) => `<col style="width:${((c.weight / total) * 100).toFixed(2)}%">`).join("")}</colgroup>`;
  const parts = tableParts(table);
  const classes = `dd-table${table.dense ? " dd-dense" : ""}${table.frozen ? " dd-natural" : ""}`;
  // A table with frozen columns keeps its natural width and scrolls in its box on a narrow screen.
  const natural = table.frozen ? ` style="min-width:${(total * EM_PER_WEIGHT).toFixed(2)}em"` : "";
  const labelled = captionId ? ` aria-labelledby="${captionId}"` : "";
  const meta = parts.meta
    .map(
      (r) =>
        `<div class="dd-table-meta">${table.rows[r].cells.map((c) => `<span>${escapeHtml(c.text)}</span>`).join("")}</div>`,
    )
    .join("");
  const lead = parts.lead.length
    ? `<table class="${classes} dd-lead"${labelled}>${colgroup}<tbody>${parts.lead.map(rowHtml).join("")}</tbody></table>`
    : "";
  const head = parts.head.length ? `<thead>${parts.head.map(rowHtml).join("")}</thead>` : "";
  const main = `<table class="${classes}"${labelled}${natural}>${colgroup}${head}<tbody>${parts.body.map(rowHtml).join("")}</tbody></table>`;
  // Five columns or more squeezed into a phone's width leave a character per line (一级/二级/三级 of
  // a 绩效目标表): below 640 px such a table keeps a readable width and scrolls in its box instead.
  const many = !table.dense && !table.frozen && table.columns.length >= MANY_COLUMNS;
  const wide = `${table.dense ? " dd-wide" : ""}${table.frozen ? " dd-scroll" : ""}${many ? " dd-many" : ""}`;
  // Outside the scrolling box, so it stays put while the table moves under it; shown on narrow screens only.
  const hint =
    wide !== ""
      ? `<p class="dd-scroll-hint${many ? " dd-scroll-hint-phone" : ""}" aria-hidden="true">${escapeHtml(portalMessages.page.scrollHint)}</p>`
      : "";
  // A box that scrolls must be reachable by keyboard, or its hidden columns are out of a keyboard user's reach (WCAG 2.1.1).
  const scrolls = table.frozen || table.dense || many ? ` tabindex="0" role="region"${labelled}` : "";
  return `${hint}<div class="dd-table-wrap${wide}" id="table-${escapeHtml(table.id)}"${scrolls}>${meta}${lead}${main}</div>`;
}

function blockHtml(block: Block, next: Block | undefined, screen: ScreenOptions): string {
  switch (block.kind) {
    case "heading":
      return block.level === 2 ? `<h3>${escapeHtml(block.text)}</h3>` : `<h4>${escapeHtml(block.text)}</h4>`;
    case "paragraph":
      return `<p${block.indent ? ' class="dd-indent"' : ""}>${escapeHtml(block.text)}</p>`;
    case "list":
      return `<ol class="dd-list">${block.items.map((item) => `<li>${escapeHtml(item.label)}${escapeHtml(item.text)}</li>`).join("")}</ol>`;
    case "caption": {
      // A caption titles the table after it; the wide procurement table takes it onto its landscape page.
      const id = next?.kind === "table" ? `caption-${escapeHtml(next.table.id)}` : undefined;
      const wide = next?.kind === "table" && next.table.dense ? " dd-wide" : "";
      return `<p class="dd-caption${wide}"${id ? ` id="${id}"` : ""}>${escapeHtml(block.text)}</p>`;
    }
    case "table":
      return tableHtml(block.table, undefined, screen);
  }
}

function blocksHtml(blocks: Block[], screen: ScreenOptions): string {
  return blocks
    .map((block, i) => {
      const previous = blocks[i - 1];
      if (block.kind === "table" && previous?.kind === "caption")
        return tableHtml(block.table, `caption-${escapeHtml(block.table.id)}`, screen);
      return blockHtml(block, blocks[i + 1], screen);
    })
    .join("");
}

const c = portalMessages.charts;

/** A chart with its text alternative (the SVG's name) and its figures as a table to open. */
export function chartHtml(chart: BudgetChart): string {
  if (chart.svg === "") return "";
  const svg = chart.svg.replace(/<svg\b/, `<svg aria-label="${escapeHtml(chart.summary)}"`);
  const header =
    chart.kind === "shares"
      ? [c.item, c.amount, c.share]
      : [c.item, `${chart.years!.current}（万元）`, `${chart.years!.prior}（万元）`, c.changeHeading];
  const amount = (a: string | null | undefined) => (a == null ? c.notFilled : formatAmount(a));
  const rows = chart.rows.map((r) => {
    const figures =
      chart.kind === "shares" ? [amount(r.amount), r.share ?? ""] : [amount(r.amount), amount(r.prior), delta(r)];
    return `<tr><th scope="row" class="l">${escapeHtml(r.label)}</th>${figures.map((f) => `<td class="r">${escapeHtml(f)}</td>`).join("")}</tr>`;
  });
  const table = `<table class="dd-table dd-chart-data"><thead><tr>${header.map((h) => `<th scope="col" class="c">${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
  return (
    `<figure class="dd-chart dd-chart-${chart.kind}" id="chart-${chart.id}"><figcaption>${escapeHtml(chart.title)}</figcaption>` +
    `<div class="dd-chart-svg">${svg}</div><details><summary>${escapeHtml(c.dataTable)}</summary>${table}</details></figure>`
  );
}

/**
 * The document as an <article>: title, preamble, the nine sections with their tables, and each
 * chart at the end of the section it illustrates.
 */
export function documentHtml(
  outline: DocumentOutline<string>,
  charts: ReadonlyArray<BudgetChart> = [],
  screen: ScreenOptions = {},
): string {
  const chartsOf = (id: string) => charts.filter((ch) => ch.section === id && ch.svg !== "");
  const sections = outline.sections.map((s) => {
    const figures = chartsOf(s.id);
    const chartBlock = figures.length ? `<div class="dd-charts">${figures.map(chartHtml).join("")}</div>` : "";
    return `<section id="section-${s.id}" aria-labelledby="heading-${s.id}"><h2 id="heading-${s.id}">${escapeHtml(s.heading)}</h2>${blocksHtml(s.blocks, screen)}${chartBlock}</section>`;
  });
  const preamble = outline.preamble ? `<p class="dd-indent">${escapeHtml(outline.preamble)}</p>` : "";
  const a = outline.appendix;
  const appendix = a
    ? `<section id="section-${a.id}" class="dd-appendix" aria-labelledby="heading-${a.id}"><h2 id="heading-${a.id}">${escapeHtml(a.heading)}</h2>${blocksHtml(a.blocks, screen)}</section>`
    : "";
  return `<article class="dd"><h1 class="dd-title">${escapeHtml(outline.title)}</h1>${preamble}${sections.join("")}${appendix}</article>`;
}

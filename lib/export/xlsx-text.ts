import type ExcelJS from "exceljs";
import StyleXform from "exceljs/lib/xlsx/xform/style/style-xform.js";
import StylesXform from "exceljs/lib/xlsx/xform/style/styles-xform.js";
import { looksLikeFormula } from "./csv";

/**
 * Text cells of every Excel writer (xlsx.ts, lib/admin/dashboard-xlsx.ts, lib/security/audit-log-view.ts).
 *
 * exceljs writes a string as a string cell, never as a formula, so opening the file runs nothing.
 * But a clerk who edits such a cell in Excel or WPS (F2, Enter) would have "=HYPERLINK(…)" taken
 * as a formula from then on. A cell whose style has quotePrefix="1" stays text when edited, and
 * its value is still exactly the text (Excel shows the apostrophe only in the formula bar, the
 * same as a typed '=…). Formula-like means csv.ts's looksLikeFormula, the one rule for both.
 *
 * exceljs 4.4 (the latest) neither writes nor reads quotePrefix, so it is taught here: a cell style
 * with `quotePrefix: true` becomes an <xf> with the attribute, and one read back has it again.
 */

type QuotableStyle = Partial<ExcelJS.Style> & { quotePrefix?: boolean };

const installed = Symbol.for("budget-disclosure.exceljs-quote-prefix");

function teachQuotePrefix(): void {
  const styles = StylesXform.prototype as typeof StylesXform.prototype & { [installed]?: true };
  if (styles[installed]) return;
  styles[installed] = true;

  const render = StyleXform.prototype.render;
  StyleXform.prototype.render = function (xmlStream, model) {
    if (!model?.quotePrefix) return render.call(this, xmlStream, model);
    // Every attribute of <xf> must be written before its first child (<alignment>): with the tag.
    const openNode = xmlStream.openNode;
    xmlStream.openNode = (name, attributes) => {
      xmlStream.openNode = openNode;
      openNode.call(xmlStream, name, { ...attributes, quotePrefix: "1" });
    };
    try {
      render.call(this, xmlStream, model);
    } finally {
      xmlStream.openNode = openNode;
    }
  };

  const parseOpen = StyleXform.prototype.parseOpen;
  StyleXform.prototype.parseOpen = function (node) {
    const known = parseOpen.call(this, node);
    const value = node.name === "xf" ? node.attributes.quotePrefix : undefined;
    if (this.model && (value === "1" || value === "true")) this.model.quotePrefix = true;
    return known;
  };

  // The cell's style model becomes an <xf> in addStyleModel, which copies the parts it knows.
  const addStyleModel = styles.addStyleModel;
  styles.addStyleModel = function (model, cellType) {
    if (!model?.quotePrefix) return addStyleModel.call(this, model, cellType);
    const addStyle = this._addStyle;
    this._addStyle = (style) => addStyle.call(this, { ...style, quotePrefix: true });
    try {
      return addStyleModel.call(this, model, cellType);
    } finally {
      this._addStyle = addStyle;
    }
  };

  const getStyleModel = styles.getStyleModel;
  styles.getStyleModel = function (id) {
    const model = getStyleModel.call(this, id);
    const xf = this.model.styles[id];
    if (model && typeof xf === "object" && xf.quotePrefix) model.quotePrefix = true;
    return model;
  };
}

teachQuotePrefix();

/** A cell holding text: when the text is formula-like, it is kept text when edited; the value stays the text. */
export function keepText(cell: ExcelJS.Cell): void {
  // A style of its own: exceljs may share one style object between cells.
  if (typeof cell.value === "string" && looksLikeFormula(cell.value))
    cell.style = { ...cell.style, quotePrefix: true } as QuotableStyle;
}

/** Whether a cell read back with exceljs has the quote prefix. */
export function hasQuotePrefix(cell: ExcelJS.Cell): boolean {
  return (cell.style as QuotableStyle).quotePrefix === true;
}

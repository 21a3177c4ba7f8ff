/**
 * The two classes of exceljs 4.4 that write and read a cell style's <xf> in xl/styles.xml, as far as
 * xlsx-text.ts uses them (exceljs ships no types for its internals).
 */

declare module "exceljs/lib/xlsx/xform/style/style-xform.js" {
  type XfModel = Record<string, unknown> & { quotePrefix?: boolean };
  type XmlStreamLike = { openNode(name: string, attributes?: Record<string, unknown>): void };
  const StyleXform: {
    prototype: {
      model: XfModel | undefined;
      render(xmlStream: XmlStreamLike, model: XfModel | undefined): void;
      parseOpen(node: { name: string; attributes: Record<string, string> }): boolean;
    };
  };
  export default StyleXform;
}

declare module "exceljs/lib/xlsx/xform/style/styles-xform.js" {
  type XfModel = Record<string, unknown> & { quotePrefix?: boolean };
  const StylesXform: {
    prototype: {
      model: { styles: Array<XfModel | string> };
      _addStyle(style: XfModel): number;
      addStyleModel(
        model: (Record<string, unknown> & { quotePrefix?: boolean }) | undefined,
        cellType?: number,
      ): number;
      getStyleModel(id: number): (Record<string, unknown> & { quotePrefix?: boolean }) | null;
    };
  };
  export default StylesXform;
}

import type { ReactNode } from "react";
import {
  gridRows,
  rowAnchor,
  type Align,
  type Block,
  type DocumentOutline,
  type Section,
  type Table,
} from "@/lib/render/outline";
import { textPlace } from "@/lib/workflow/year-compare";
import { cn } from "./ui/cn";

/**
 * What a screen adds to the read-only layout without changing it: the review screen's comment
 * buttons beside a section heading and on the rows that print a record (an indicator, a
 * procurement line), and a class marking rows that have comments.
 */
export type DocumentAnnotations = {
  section?: (section: Section) => ReactNode;
  row?: (path: string) => { className?: string; aside?: ReactNode } | null;
  /**
   * A piece of text drawn otherwise (对比上年 marks what changed): `place` is where it sits, in
   * lib/workflow/year-compare.ts's keys. Absent: the plain text.
   */
  text?: (text: string, place: string) => ReactNode;
};

/**
 * A disclosure in its published layout: the same outline (lib/render/document.ts) the Word and
 * PDF exporters draw, rendered as HTML with 仿宋 text and 黑体 headings, the budget tables after the
 * text as in print. Read-only and works without JavaScript.
 */
export function DocumentView({ outline, annotate }: { outline: DocumentOutline; annotate?: DocumentAnnotations }) {
  return (
    <article className="document rounded-lg border border-slate-200 bg-white px-6 py-8 text-[15px] leading-8 text-slate-900 shadow-sm sm:px-10">
      {outline.title ? <h1 className="mb-6 text-center text-xl leading-9 font-semibold">{outline.title}</h1> : null}
      {outline.preamble ? <p className="indent-8">{outline.preamble}</p> : null}
      {[...outline.sections, ...(outline.appendix ? [{ ...outline.appendix, number: "附" }] : [])].map((section) => (
        <section
          key={section.id}
          id={`section-${section.id}`}
          aria-labelledby={`heading-${section.id}`}
          className="mt-8 scroll-mt-20"
        >
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-3">
            <h2 id={`heading-${section.id}`} className="text-lg font-semibold">
              {section.heading}
            </h2>
            {annotate?.section?.(section)}
          </div>
          {section.blocks.length === 0
            ? null
            : section.blocks.map((block, i) => (
                <BlockView key={i} block={block} annotate={annotate} place={textPlace.block(section.id, i)} />
              ))}
        </section>
      ))}
    </article>
  );
}

function BlockView({ block, annotate, place }: { block: Block; annotate?: DocumentAnnotations; place: string }) {
  const text = (value: string, at = place) => (annotate?.text ? annotate.text(value, at) : value);
  switch (block.kind) {
    case "heading":
      return block.level === 2 ? (
        <h3 className="mt-5 mb-1 text-base font-semibold">{text(block.text)}</h3>
      ) : (
        <h4 className="mt-4 mb-1 font-semibold">{text(block.text)}</h4>
      );
    case "paragraph":
      return <p className={cn("my-1 whitespace-pre-wrap", block.indent && "indent-8")}>{text(block.text)}</p>;
    case "list":
      return (
        <ol className="my-2 list-none">
          {block.items.map((item, i) => (
            <li key={i} className="indent-8">
              <span>{item.label}</span>
              {text(item.text, textPlace.item(place, i))}
            </li>
          ))}
        </ol>
      );
    case "caption":
      return <p className="mt-4 mb-1 text-center font-semibold">{text(block.text)}</p>;
    case "table":
      return <TableView table={block.table} annotate={annotate} />;
  }
}

const alignClass: Record<Align, string> = { left: "text-left", center: "text-center", right: "text-right tabular" };

function TableView({ table, annotate }: { table: Table; annotate?: DocumentAnnotations }) {
  const total = table.columns.reduce((sum, c) => sum + c.weight, 0) || 1;
  const grid = gridRows(table);
  return (
    <div className="my-3 overflow-x-auto" id={`table-${table.id}`}>
      <table
        className={cn("w-full border-collapse font-sans", table.dense ? "text-xs leading-5" : "text-sm leading-6")}
      >
        <colgroup>
          {table.columns.map((c, i) => (
            <col key={i} style={{ width: `${(c.weight / total) * 100}%` }} />
          ))}
        </colgroup>
        <tbody>
          {table.rows.map((row, r) => {
            // gridRows tells which grid column each real cell starts in, for its column's alignment.
            const slots = grid[r].filter((s) => s.kind === "cell");
            const extra = row.path ? annotate?.row?.(row.path) : null;
            return (
              <tr key={r} id={row.path && annotate ? rowAnchor(row.path) : undefined} className={extra?.className}>
                {row.cells.map((cell, c) => {
                  const column = slots[c]?.column ?? c;
                  const align = cell.align ?? (row.header ? "center" : (table.columns[column]?.align ?? "left"));
                  const Tag = row.header ? "th" : "td";
                  return (
                    <Tag
                      key={c}
                      colSpan={cell.colSpan}
                      rowSpan={cell.rowSpan}
                      scope={row.header ? "col" : undefined}
                      className={cn(
                        "px-2 py-1 align-middle",
                        row.frameless ? "border-0" : "border border-slate-400",
                        alignClass[align],
                        (cell.bold || row.header) && "font-semibold",
                      )}
                    >
                      {annotate?.text ? annotate.text(cell.text, textPlace.cell(table.id, r, c)) : cell.text}
                      {extra?.aside && c === row.cells.length - 1 ? extra.aside : null}
                    </Tag>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

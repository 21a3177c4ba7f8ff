import type { DocumentOutline } from "../render/outline";
import { wordDiff, type DiffPart } from "../domain/word-diff";

/**
 * 对比上年: which words of this year's text differ from last year's at the same place of the
 * document. A place is a block of a section (a paragraph, a heading, a list item) or a table's cell
 * by row and column; the document view asks by the same keys (components/document-view.tsx).
 */

export const textPlace = {
  block: (section: string, block: number) => `${section}/${block}`,
  /** An item of a list block, after the block's own place. */
  item: (blockPlace: string, item: number) => `${blockPlace}/${item}`,
  cell: (table: string, row: number, cell: number) => `${table}/${row}/${cell}`,
};

/** Every piece of text of the outline (its sections and appendix), by place. */
export function textsByPlace(outline: DocumentOutline): Map<string, string> {
  const texts = new Map<string, string>();
  const sections = [...outline.sections, ...(outline.appendix ? [outline.appendix] : [])];
  for (const section of sections)
    section.blocks.forEach((block, b) => {
      if (block.kind === "list")
        block.items.forEach((item, i) => texts.set(textPlace.item(textPlace.block(section.id, b), i), item.text));
      else if (block.kind === "table")
        block.table.rows.forEach((row, r) =>
          row.cells.forEach((cell, c) => texts.set(textPlace.cell(block.table.id, r, c), cell.text)),
        );
      else texts.set(textPlace.block(section.id, b), block.text);
    });
  return texts;
}

/**
 * What to mark in `text` at a place against the other year's text there, as one side of a word
 * diff: this year's text is the "after" side (its own words `added`), last year's the "before"
 * side (its own words `removed`). Null when the two are the same (or this one is empty); the whole
 * text when the other year has nothing there or the two are too different to compare within the
 * word diff's bound.
 */
export function marksAgainst(text: string, other: string | undefined, side: "before" | "after"): DiffPart[] | null {
  if (text === (other ?? "") || text.trim() === "") return null;
  const whole: DiffPart[] = [{ kind: side === "after" ? "added" : "removed", text }];
  if (other === undefined || other.trim() === "") return whole;
  return (side === "after" ? wordDiff(other, text) : wordDiff(text, other)) ?? whole;
}

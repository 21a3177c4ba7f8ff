/**
 * The published disclosure as a stream of paragraphs and table rows, each with its line number.
 *
 * Copying a Word document as text flattens every table cell to its own line starting with a tab
 * and separates table rows with blank lines; everything else is a paragraph per line.
 */

export type SourceLine = { no: number; text: string };

export type Paragraph = { kind: "para"; no: number; text: string };
export type Cell = { no: number; text: string };
export type Row = { kind: "row"; no: number; cells: Cell[] };
export type Item = Paragraph | Row;

export function toLines(text: string): SourceLine[] {
  return text.split("\n").map((line, i) => ({ no: i + 1, text: line }));
}

const isCellLine = (line: string) => line.startsWith("\t");
const STARTS_BLOCK = /^(\d{1,2}\s*[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]部分)|绩效目标表$/;
const isBlank = (line: string) => line.trim() === "";

/** Trims ordinary and ideographic spaces that Word leaves around cell text. */
export function clean(text: string): string {
  return text.replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g, "");
}

/** For comparing labels: "合　计", "项   目" and "合计" are one word to a reader. */
export function squash(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, "");
}

export function toItems(lines: ReadonlyArray<SourceLine>): Item[] {
  const items: Item[] = [];
  let row: Row | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isCellLine(line.text)) {
      if (!row) {
        row = { kind: "row", no: line.no, cells: [] };
        items.push(row);
      }
      row.cells.push({ no: line.no, text: clean(line.text) });
      continue;
    }
    if (isBlank(line.text)) {
      row = null;
      continue;
    }
    // A cell holding two paragraphs loses its tab on the second one; it sits between cell lines.
    // A numbered heading there is the next table's title with its blank lines missing.
    const next = lines[i + 1];
    if (row && next && isCellLine(next.text) && !STARTS_BLOCK.test(clean(line.text))) {
      const last = row.cells[row.cells.length - 1];
      last.text = `${last.text}\n${clean(line.text)}`;
      continue;
    }
    row = null;
    items.push({ kind: "para", no: line.no, text: clean(line.text) });
  }
  return items;
}

export const paragraphs = (items: ReadonlyArray<Item>): Paragraph[] =>
  items.filter((i): i is Paragraph => i.kind === "para");
export const rows = (items: ReadonlyArray<Item>): Row[] => items.filter((i): i is Row => i.kind === "row");

export const cellTexts = (row: Row): string[] => row.cells.map((c) => c.text);

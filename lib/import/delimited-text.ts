/**
 * Rows of cells from what a clerk pastes or uploads: the Excel/WPS clipboard (tab separated; a
 * cell holding a tab, a line break or a quote is wrapped in quotes with quotes doubled) or a CSV
 * file (RFC 4180, comma or semicolon). Never throws: a quote that does not close is text.
 */

export function parseDelimitedText(text: string): string[][] {
  const clean = text.replace(/^\uFEFF/, "");
  if (clean.trim() === "") return [];
  // The clipboard of Excel and WPS always separates by tab; its cells are full of commas ("1,000").
  const byTab = splitRows(clean, "\t");
  if (byTab.some((row) => row.length > 1)) return byTab;
  const byComma = splitRows(clean, ",");
  const bySemicolon = splitRows(clean, ";");
  return consistency(bySemicolon) > consistency(byComma) ? bySemicolon : byComma;
}

/** How table-like a split is: rows that share the most common width, weighted by that width. */
function consistency(rows: string[][]): number {
  const widths = new Map<number, number>();
  for (const row of rows) {
    if (row.every((cell) => cell.trim() === "")) continue;
    widths.set(row.length, (widths.get(row.length) ?? 0) + 1);
  }
  let score = 0;
  for (const [width, count] of widths) {
    if (width > 1) score = Math.max(score, count * width);
  }
  return score;
}

function splitRows(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  while (i <= n) {
    const field = readField(text, i, delimiter);
    row.push(field.value);
    i = field.next;
    if (i >= n) {
      rows.push(row);
      break;
    }
    const ch = text[i];
    if (ch === delimiter) {
      i++;
      if (i === n) {
        row.push("");
        rows.push(row);
        break;
      }
      continue;
    }
    // A line break ends the row; \r\n and a lone \r (old Mac exports) both count.
    i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) break;
  }
  return rows;
}

function readField(text: string, start: number, delimiter: string): { value: string; next: number } {
  if (text[start] === '"') {
    const quoted = readQuoted(text, start, delimiter);
    if (quoted) return quoted;
  }
  let end = start;
  while (end < text.length && text[end] !== delimiter && text[end] !== "\n" && text[end] !== "\r") end++;
  return { value: text.slice(start, end), next: end };
}

/**
 * A quoted field, or null when the quote never closes (then the quote is text, as Excel reads
 * `"abc` typed into a cell). Text after the closing quote up to the delimiter is kept: `"a"b`.
 */
function readQuoted(text: string, start: number, delimiter: string): { value: string; next: number } | null {
  let value = "";
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      i++;
      while (i < text.length && text[i] !== delimiter && text[i] !== "\n" && text[i] !== "\r") value += text[i++];
      return { value, next: i };
    }
    value += ch;
    i++;
  }
  return null;
}

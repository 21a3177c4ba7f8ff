/**
 * Which words of a field changed, for the approver's 修改之处 and 对比上年: a longest common
 * subsequence over tokens, where a Chinese character is a token and a run of Latin letters, digits
 * and number punctuation ("12", "1,234.56", "98%") is one, so ">=12次" → ">=15次" marks "12" → "15",
 * never half a number.
 *
 * The common head and tail are cut off first (most edits touch one place), then the table is
 * (n+1)×(m+1) over what is left. That is bounded: above WORD_DIFF_MAX_CELLS the answer is null and
 * the caller marks the whole field, so a rewritten 2,000-character paragraph costs nothing and no
 * request waits on the event loop for a diff.
 */

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

/** The largest table the LCS fills: 250,000 cells, about a millisecond and 0.5 MB. */
export const WORD_DIFF_MAX_CELLS = 250_000;

const TOKEN = /[A-Za-z0-9][A-Za-z0-9.,%‰]*|\s+|[\s\S]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function push(parts: DiffPart[], kind: DiffPart["kind"], text: string): void {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/**
 * The parts of `before` and `after` in order: same, removed (only in before), added (only in
 * after); a replaced stretch is its removal then its addition. Null when the changed middle is too
 * large to compare within the bound: mark the whole field instead.
 */
export function wordDiff(before: string, after: string, maxCells = WORD_DIFF_MAX_CELLS): DiffPart[] | null {
  if (before === after) return before ? [{ kind: "same", text: before }] : [];
  const a = tokenize(before);
  const b = tokenize(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const n = x.length;
  const m = y.length;
  if ((n + 1) * (m + 1) > maxCells) return null;

  const parts: DiffPart[] = [];
  push(parts, "same", a.slice(0, head).join(""));
  // lcs[i * (m + 1) + j]: the common length of x[i..] and y[j..]. With the bound, min(n, m) < 65,536.
  const width = m + 1;
  const lcs = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * width + j] =
        x[i] === y[j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
  // Walk it forwards; within a replaced stretch the removals come before the additions.
  let i = 0;
  let j = 0;
  let removed = "";
  let added = "";
  const flush = () => {
    push(parts, "removed", removed);
    push(parts, "added", added);
    removed = "";
    added = "";
  };
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      flush();
      push(parts, "same", x[i]);
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])) removed += x[i++];
    else added += y[j++];
  }
  flush();
  push(parts, "same", a.slice(a.length - tail).join(""));
  return parts;
}

import { inputMessages } from "../i18n/zh-CN/input";

/**
 * What text may hold: one rule for every way text comes in — the editor's forms and autosave (the
 * model's `text`, model.ts), every operation's input (app/_server/operation.ts) and uploaded files
 * (the importers). Decided per class of character:
 *
 * - Refused, cannot be stored: NUL (a PostgreSQL text cannot hold it) and a lone UTF-16 surrogate
 *   (half of a character; jsonb refuses it, UTF-8 cannot encode it).
 * - Refused, control characters: C0 but tab, LF and CR; DEL; C1; U+FFFE/U+FFFF. They mean nothing
 *   in a disclosure, and Word and Excel refuse a file that holds one.
 * - Refused, direction controls (U+202A–202E embeddings and overrides, U+2066–2069 isolates): they
 *   reorder what a reader sees ("Trojan Source"), so a reviewer could pass text that is not what
 *   is stored and published. Removing them silently would change what their author sees, so the
 *   author is told instead.
 * - Removed silently (normaliseText): zero-width and other invisible format characters — U+200B–
 *   200F, U+2060–2064, U+206A–206F, U+FEFF, U+00AD, U+061C, U+180E, U+FFF9–FFFB. Paste residue from
 *   Word, web pages and input methods: a reader sees no difference without them, but two texts
 *   that look equal would differ (names, search, duplicates). A zero-width joiner between two
 *   pictographs (👨‍👩‍👧) is part of the emoji and stays. U+2028/2029 become line breaks.
 *
 * Pure and framework-free.
 */

export type TextFaultKind = "nul" | "surrogate" | "control" | "bidi";
/** The first character text may not hold: its kind, its UTF-16 index and its code (unit for a surrogate). */
export type TextFault = { kind: TextFaultKind; index: number; code: number };

// Candidates only: a surrogate that is half of a proper pair is sorted out below.
const SUSPECT =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF\uFFFE\uFFFF]/g;
const REFUSED =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const INVISIBLE =
  /[\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u2060-\u2064\u206A-\u206F\uFEFF\uFFF9-\uFFFB]|(?<![\p{Extended_Pictographic}\u{FE0F}\u{1F3FB}-\u{1F3FF}])\u200D|\u200D(?!\p{Extended_Pictographic})/gu;
const LINE_SEPARATORS = /[\u2028\u2029]/g;
const HAS_INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u2028\u2029\u2060-\u2064\u206A-\u206F\uFEFF\uFFF9-\uFFFB]/;

function kindOf(code: number): TextFaultKind {
  if (code === 0) return "nul";
  if (code >= 0xd800 && code <= 0xdfff) return "surrogate";
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return "bidi";
  return "control";
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The first character `text` may not hold, or null. Linear; a single regex test when the text is clean. */
export function findTextFault(text: string): TextFault | null {
  SUSPECT.lastIndex = 0;
  for (let m = SUSPECT.exec(text); m !== null; m = SUSPECT.exec(text)) {
    const index = m.index;
    const code = text.charCodeAt(index);
    if (isHigh(code) && isLow(text.charCodeAt(index + 1))) {
      SUSPECT.lastIndex = index + 2; // a proper pair: one character beyond the BMP
      continue;
    }
    return { kind: kindOf(code), index, code };
  }
  return null;
}

const codeName = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;

/** "第 12 个字符是…": the position counts characters as a person does (a pair is one). */
export function textFaultMessage(text: string, fault: TextFault): string {
  const at = Array.from(text.slice(0, fault.index)).length + 1;
  const m = inputMessages.text;
  switch (fault.kind) {
    case "nul":
      return m.nul(at);
    case "surrogate":
      return m.surrogate(at);
    case "bidi":
      return m.bidi(codeName(fault.code), at);
    case "control":
      return m.control(codeName(fault.code), at);
  }
}

const EXCERPT_CHARACTERS = 12;

/** "（紧接在“……”之后）": the visible text just before the fault on its line, to find it in Word. */
export function textFaultExcerpt(text: string, fault: TextFault): string {
  const line = text.slice(0, fault.index).split("\n").pop() ?? "";
  const visible = normaliseText(line.replace(REFUSED, "")).trim();
  if (visible === "") return inputMessages.text.atStart;
  return inputMessages.text.after(Array.from(visible).slice(-EXCERPT_CHARACTERS).join(""));
}

/** The message for text that may not be stored, or null when it may. */
export function textProblem(text: string): string | null {
  const fault = findTextFault(text);
  return fault ? textFaultMessage(text, fault) : null;
}

/** Invisible characters removed, line and paragraph separators as line breaks. Returns `text` itself when clean. */
export function normaliseText(text: string): string {
  if (!HAS_INVISIBLE.test(text)) return text;
  return text.replace(INVISIBLE, "").replace(LINE_SEPARATORS, "\n");
}

/** Every character text may not hold removed: for exporters and for reading content stored before a rule tightened. */
export function removeTextFaults(text: string): string {
  return text.replace(REFUSED, "");
}

/**
 * How deep any input may nest. The deepest of ours is an autosave's 指标值
 * (content.performance.projects[].indicators[].target.raw: 7); past this it is not our data, and
 * walking it recursively (JSON.stringify, structuredClone, a deep compare) would overflow the stack.
 */
export const MAX_INPUT_DEPTH = 32;

export type InputFault = { path: string; message: string };

const isPlain = (value: object) => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/**
 * The first place in plain input (objects, arrays, strings; files and bytes are left to their
 * readers) where a string holds a character text may not hold, or that nests deeper than
 * `maxDepth`: its path ("content.preamble", "a.0.b"; "" for the input itself) and the message.
 * Iterative, so a hundred thousand nested arrays cannot overflow the stack that reads them.
 */
export function findInputFault(value: unknown, maxDepth = MAX_INPUT_DEPTH): InputFault | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: "", depth: 0 }];
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  while (stack.length > 0) {
    const { value: node, path, depth } = stack.pop()!;
    if (typeof node === "string") {
      const problem = textProblem(node);
      if (problem) return { path, message: problem };
      continue;
    }
    if (typeof node !== "object" || node === null) continue;
    const isArray = Array.isArray(node);
    if (!isArray && !isPlain(node)) continue;
    if (depth >= maxDepth) return { path, message: inputMessages.structure.tooDeep(maxDepth) };
    const entries: Array<[string, unknown]> = isArray
      ? (node as unknown[]).map((v, i) => [String(i), v])
      : Object.entries(node);
    if (!isArray)
      for (const [key] of entries) {
        // A key is not echoed back: the fault is reported at the object that holds it.
        const keyProblem = textProblem(key);
        if (keyProblem) return { path, message: keyProblem };
      }
    // Reversed onto the stack, so faults are found in document order.
    for (let i = entries.length - 1; i >= 0; i--)
      stack.push({ value: entries[i][1], path: join(path, entries[i][0]), depth: depth + 1 });
  }
  return null;
}

/** How deep a parsed JSON value nests (a scalar is 0), counted without recursion and stopping past `limit`. */
export function nestingDepth(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== "object" || node === null) continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

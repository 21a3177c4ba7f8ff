/**
 * Turns uploaded bytes into text. Government machines still save files as GBK/GB18030, Word's
 * "Unicode text" export is UTF-16 with a BOM, and everything newer is UTF-8: all three must open
 * without the clerk choosing an encoding.
 */

export type TextEncodingName = "utf-8" | "gb18030" | "utf-16le" | "utf-16be";

export type DecodedText = { text: string; encoding: TextEncodingName };

/** Input that is not text at all (a .docx, an image, a zip): a known error with a zh-CN message. */
export class DecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DecodeError";
  }
}

// Share of control bytes above which the input is binary rather than text with a stray byte.
const CONTROL_SHARE_LIMIT = 0.01;
// Share of undecodable characters above which GB18030 guessed wrong: the input is not text.
const REPLACEMENT_SHARE_LIMIT = 0.02;

export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = byteOrderMark(bytes);
  if (bom === "utf-16le" || bom === "utf-16be") {
    // UTF-16 is full of NUL bytes by design, so the binary test runs on the decoded text.
    const text = new TextDecoder(bom).decode(bytes);
    assertTextLike(text);
    return { text: normaliseLineBreaks(text), encoding: bom };
  }
  assertNotBinary(bytes);
  try {
    // The UTF-8 decoder drops a leading BOM itself (ignoreBOM is false by default).
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { text: normaliseLineBreaks(text), encoding: "utf-8" };
  } catch {
    const text = new TextDecoder("gb18030").decode(bytes);
    assertTextLike(text);
    return { text: normaliseLineBreaks(text), encoding: "gb18030" };
  }
}

/** CRLF (Windows) and lone CR (old Mac exports) become LF; line numbers stay those an editor shows. */
export function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

function byteOrderMark(bytes: Uint8Array): TextEncodingName | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

function isControlByte(b: number): boolean {
  // Tab, LF, CR, form feed (page breaks from Word) and ESC are ordinary in exported text.
  return b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b;
}

function assertNotBinary(bytes: Uint8Array): void {
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0)
      throw new DecodeError(`文件不是文本：第 ${i + 1} 个字节是空字符（NUL），可能是 Word、Excel 或压缩文件`);
    if (isControlByte(b)) controls++;
  }
  if (bytes.length > 0 && controls / bytes.length > CONTROL_SHARE_LIMIT) {
    throw new DecodeError(`文件不是文本：含 ${controls} 个控制字符，可能是二进制文件`);
  }
}

function assertTextLike(text: string): void {
  if (text.length === 0) return;
  let controls = 0;
  let replacements = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw new DecodeError(`文件不是文本：第 ${i + 1} 个字符是空字符（NUL）`);
    if (c === 0xfffd) replacements++;
    else if (isControlByte(c)) controls++;
  }
  if (controls / text.length > CONTROL_SHARE_LIMIT) {
    throw new DecodeError(`文件不是文本：含 ${controls} 个控制字符，可能是二进制文件`);
  }
  if (replacements / text.length > REPLACEMENT_SHARE_LIMIT) {
    throw new DecodeError(`无法识别文件编码：既不是 UTF-8，也不是 GBK/GB18030（${replacements} 个字符无法解码）`);
  }
}

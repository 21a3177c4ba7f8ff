import { DecodeError, decodeText, type TextEncodingName } from "../import/decode";
import { securityMessages } from "../i18n/zh-CN/security";
import { inflateZipEntry, readZipDirectory, ZipProblem, type ZipEntry } from "../zip/read-zip";
import { UserError } from "../errors";

/**
 * Every uploaded file is judged by its bytes, never by its name: a Word file is a real zip whose
 * [Content_Types].xml names a Word main part that is present, likewise Excel; text must decode.
 * A picture, a PDF, a program or a renamed binary is refused with a message that says what it is.
 *
 * Zip archives are read from their central directory and every entry is inflated once with a cap
 * at its declared size, so a zip bomb (a huge declared or actual unpacked size, thousands of
 * entries, entries sharing compressed bytes) is refused here, before exceljs or JSZip unpack it.
 * Synchronous and allocation-bounded: peak memory is the largest single entry, at most the limit.
 */

export type UploadKind = "docx" | "xlsx" | "text";

export type UploadLimits = {
  /** the file as uploaded */
  maxBytes: number;
  /** entries of a zip (a .docx has ~20, a workbook of 50 sheets ~120) */
  maxEntries: number;
  /** all entries of a zip unpacked together */
  maxUnpackedBytes: number;
};

export const defaultUploadLimits: UploadLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxEntries: 2000,
  maxUnpackedBytes: 200 * 1024 * 1024,
};

export type CheckedUpload =
  | { kind: "docx" | "xlsx"; entries: number; unpackedBytes: number }
  | { kind: "text"; text: string; encoding: TextEncodingName };

export type UploadProblem =
  | "empty"
  | "too-large"
  | "not-accepted"
  | "legacy-office"
  | "pdf"
  | "image"
  | "executable"
  | "archive"
  | "binary"
  | "broken-zip"
  | "zip-not-office"
  | "macro"
  | "encrypted"
  | "zip-bomb";

/**
 * A refused upload: a user-facing error (lib/errors.ts), so an operation that lets it escape shows
 * its Chinese message to the user as an input error.
 */
export class UploadRejectedError extends UserError {
  constructor(
    readonly problem: UploadProblem,
    message: string,
  ) {
    super(message);
    this.name = "UploadRejectedError";
  }
}

const m = securityMessages.upload;

/**
 * Checks an upload and says what it is. Throws UploadRejectedError with a zh-CN message when it
 * is empty, too large, not one of `accept` (default: all three kinds), or not what it claims.
 */
export function checkUpload(
  bytes: Uint8Array,
  fileName: string,
  options: { accept?: readonly UploadKind[]; limits?: Partial<UploadLimits> } = {},
): CheckedUpload {
  const limits = { ...defaultUploadLimits, ...options.limits };
  const accept = options.accept ?? (["docx", "xlsx", "text"] as const);
  const reject = (problem: UploadProblem, message: string): never => {
    throw new UploadRejectedError(problem, message);
  };
  if (bytes.byteLength === 0) reject("empty", m.empty(fileName));
  if (bytes.byteLength > limits.maxBytes) reject("too-large", m.tooLarge(fileName, bytes.byteLength, limits.maxBytes));

  const foreign = foreignFormat(bytes);
  if (foreign) reject(foreign, foreignMessage(foreign, fileName));

  const checked =
    startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY)
      ? checkOfficeZip(bytes, fileName, limits)
      : checkText(bytes, fileName);
  if (!accept.includes(checked.kind))
    reject("not-accepted", m.notAccepted(fileName, m.kinds[checked.kind], accept.map((k) => m.kinds[k]).join("或")));
  return checked;
}

// ---- signatures of formats that are never accepted ------------------------------------------

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const signatures: ReadonlyArray<[Exclude<UploadProblem, "empty">, number[]]> = [
  ["legacy-office", [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]], // OLE2: .doc, .xls, .wps
  ["pdf", [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ["image", [0x89, 0x50, 0x4e, 0x47]], // PNG
  ["image", [0xff, 0xd8, 0xff]], // JPEG
  ["image", [0x47, 0x49, 0x46, 0x38]], // GIF
  ["image", [0x42, 0x4d]], // BMP
  ["executable", [0x4d, 0x5a]], // MZ: .exe, .dll
  ["executable", [0x7f, 0x45, 0x4c, 0x46]], // ELF
  ["archive", [0x1f, 0x8b]], // gzip
  ["archive", [0x52, 0x61, 0x72, 0x21]], // Rar!
  ["archive", [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]], // 7z
];

const startsWith = (bytes: Uint8Array, signature: ReadonlyArray<number>) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

function foreignFormat(bytes: Uint8Array): UploadProblem | null {
  // "BM" and "MZ" are two printable letters: a text file may start with them. Only a binary body makes them a format.
  for (const [problem, signature] of signatures) {
    if (!startsWith(bytes, signature)) continue;
    if (signature.length > 2 || hasControlBytes(bytes.subarray(0, 512))) return problem;
  }
  return null;
}

function hasControlBytes(head: Uint8Array): boolean {
  return head.some((b) => b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b));
}

function foreignMessage(problem: UploadProblem, fileName: string): string {
  switch (problem) {
    case "legacy-office":
      return m.legacyOffice(fileName);
    case "pdf":
      return m.pdf(fileName);
    case "image":
      return m.image(fileName);
    case "executable":
      return m.executable(fileName);
    default:
      return m.archive(fileName);
  }
}

// ---- text ---------------------------------------------------------------------------------

function checkText(bytes: Uint8Array, fileName: string): CheckedUpload {
  try {
    const { text, encoding } = decodeText(bytes);
    return { kind: "text", text, encoding };
  } catch (error) {
    if (error instanceof DecodeError) throw new UploadRejectedError("binary", m.binary(fileName));
    throw error;
  }
}

// ---- Office Open XML zips -------------------------------------------------------------------

const MAIN_PARTS: ReadonlyArray<{ kind: "docx" | "xlsx"; macro: boolean; contentType: RegExp }> = [
  {
    kind: "docx",
    macro: false,
    contentType: /^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.(document|template)\.main\+xml$/,
  },
  {
    kind: "xlsx",
    macro: false,
    contentType: /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.(sheet|template)\.main\+xml$/,
  },
  {
    kind: "docx",
    macro: true,
    contentType: /^application\/vnd\.ms-word\.(document|template)\.macroEnabled(\.main)?\+xml$/,
  },
  {
    kind: "xlsx",
    macro: true,
    contentType: /^application\/vnd\.ms-excel\.(sheet|template|addin)\.macroEnabled(\.main)?\+xml$/,
  },
];

function checkOfficeZip(bytes: Uint8Array, fileName: string, limits: UploadLimits): CheckedUpload {
  const entries = readCentralDirectory(bytes, fileName, limits);
  if (entries.some((e) => (e.flags & 0x1) !== 0)) throw new UploadRejectedError("encrypted", m.encrypted(fileName));
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > limits.maxUnpackedBytes) throw new UploadRejectedError("zip-bomb", m.zipBomb(fileName));

  // Every entry really inflates to no more than it declares, and all of them together stay in budget.
  let unpacked = 0;
  let contentTypes: Buffer | null = null;
  for (const entry of entries) {
    const data = inflateEntry(bytes, entry, fileName);
    unpacked += data.byteLength;
    if (unpacked > limits.maxUnpackedBytes) throw new UploadRejectedError("zip-bomb", m.zipBomb(fileName));
    if (entry.name === "[Content_Types].xml") contentTypes = data;
  }
  if (!contentTypes) throw new UploadRejectedError("zip-not-office", m.zipNotOffice(fileName));

  const names = new Set(entries.map((e) => e.name));
  for (const [, partName, contentType] of contentTypes
    .toString("utf8")
    .matchAll(/<Override\b(?=[^>]*\bPartName="([^"]+)")(?=[^>]*\bContentType="([^"]+)")[^>]*>/g)) {
    const main = MAIN_PARTS.find((p) => p.contentType.test(contentType));
    if (!main) continue;
    if (main.macro) throw new UploadRejectedError("macro", m.macro(fileName));
    // The part the content types point at must be in the archive, not just named.
    if (!names.has(decodeURIComponent(partName.replace(/^\//, ""))))
      throw new UploadRejectedError("broken-zip", m.brokenZip(fileName));
    return { kind: main.kind, entries: entries.length, unpackedBytes: unpacked };
  }
  throw new UploadRejectedError("zip-not-office", m.zipNotOffice(fileName));
}

/** The shared reader's problems in this module's words: a zip bomb, or a damaged file. */
function asUploadProblem(error: unknown, fileName: string): unknown {
  if (!(error instanceof ZipProblem)) return error;
  return error.kind === "bomb"
    ? new UploadRejectedError("zip-bomb", m.zipBomb(fileName))
    : new UploadRejectedError("broken-zip", m.brokenZip(fileName));
}

function readCentralDirectory(bytes: Uint8Array, fileName: string, limits: UploadLimits): ZipEntry[] {
  try {
    return readZipDirectory(bytes, { maxEntries: limits.maxEntries });
  } catch (error) {
    throw asUploadProblem(error, fileName);
  }
}

function inflateEntry(bytes: Uint8Array, entry: ZipEntry, fileName: string): Buffer {
  try {
    return inflateZipEntry(bytes, entry);
  } catch (error) {
    throw asUploadProblem(error, fileName);
  }
}

import JSZip from "jszip";
import { UserError } from "../../errors";
import { importMessages } from "../../i18n/zh-CN/import";
import { MAX_UPLOAD_BYTES } from "./limits";

/**
 * What an uploaded file is, told from its bytes and never from its name: a .docx renamed .txt is
 * still read as Word, a picture renamed .docx is refused with a message that says what it is.
 */

/** A 10 MB Word file holds far less than this once unpacked; more is a zip bomb, not a disclosure. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

export type UploadContainer = { kind: "text" | "docx" | "xlsx" };

/** A file the clerk must replace, with the reason in Chinese: a user-facing error (lib/errors.ts). */
export class UploadRefused extends UserError {
  constructor(message: string) {
    super(message);
    // Spelled out: the parse worker sends refusals by name (../parse/parse-jobs.ts), and a minifier renames classes.
    this.name = "UploadRefused";
  }
}

const refused = importMessages.refused;

const startsWith = (bytes: Uint8Array, signature: ReadonlyArray<number>) => signature.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const IMAGES = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
];

export async function sniffUpload(bytes: Uint8Array, fileName: string): Promise<UploadContainer> {
  if (bytes.byteLength > MAX_UPLOAD_BYTES)
    throw new UploadRefused(refused.tooLarge(bytes.byteLength, MAX_UPLOAD_BYTES));
  if (bytes.byteLength === 0) throw new UploadRefused(refused.empty);
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return openZip(bytes, fileName);
  if (startsWith(bytes, OLE2)) throw new UploadRefused(refused.legacyOffice(fileName));
  if (startsWith(bytes, PDF)) throw new UploadRefused(refused.pdf(fileName));
  if (IMAGES.some((sig) => startsWith(bytes, sig))) throw new UploadRefused(refused.image(fileName));
  // Anything else may be text in any encoding; the decoder refuses binary with its own reason.
  return { kind: "text" };
}

async function openZip(bytes: Uint8Array, fileName: string): Promise<UploadContainer> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new UploadRefused(refused.brokenZip(fileName));
  }
  // Sizes the archive declares; a lie is caught again by the readers running out of input.
  const unpacked = Object.values(zip.files).reduce(
    (sum, f) => sum + ((f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0),
    0,
  );
  if (unpacked > MAX_UNPACKED_BYTES) throw new UploadRefused(refused.tooBig(fileName));
  if (zip.file("word/document.xml")) return { kind: "docx" };
  if (zip.file("xl/workbook.xml")) return { kind: "xlsx" };
  throw new UploadRefused(refused.zipNotOffice(fileName));
}

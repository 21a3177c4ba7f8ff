import { docxToDisclosureText } from "../export/docx-read";
import { DecodeError, decodeText } from "./decode";
import { importDisclosure, importDisclosureText, type ImportResult } from "./text/import-disclosure";
import { checkLineCount } from "./upload/limits";

/**
 * A disclosure file as the CLI reads it (text in any encoding, a Word file, canonical JSON), in
 * this thread; lib/tools/cli/read-disclosure.ts runs it in the parse worker. Text of more lines than a
 * disclosure can have is refused (ParseLimitError) before it is read; a zip that is not a
 * readable Word file answers why, for the command to say.
 */
export type DisclosureFileReading = { ok: true; result: ImportResult } | { ok: false; notWord: string };

export async function readDisclosureFileHere(bytes: Uint8Array, fileName: string): Promise<DisclosureFileReading> {
  if (isZip(bytes)) {
    let text: string;
    try {
      text = await docxToDisclosureText(bytes);
    } catch (error) {
      return { ok: false, notWord: error instanceof Error ? error.message : String(error) };
    }
    checkLineCount(text);
    return { ok: true, result: importDisclosureText(text) };
  }
  try {
    checkLineCount(decodeText(bytes).text);
  } catch (error) {
    // Not text at all: the importer says so in its own words.
    if (!(error instanceof DecodeError)) throw error;
  }
  return { ok: true, result: importDisclosure(bytes, fileName) };
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

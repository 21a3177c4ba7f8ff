import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { disclosure, type Disclosure } from "../model";

/**
 * The one loader of the real 2020 disclosure of 三河市人民政府办公室 (department 434), the main
 * test fixture and the demo data: the published text as it was printed, and the importer's
 * canonical JSON of it (its golden file, parsed by the model's schema, so a drift in either shows
 * here first). Tests, benches and the demo seed read the fixture through here and nowhere else.
 */

/** The published text, verbatim (lib/domain/spec/domain.md); the e2e specs upload this file. */
export const SANHE_2020_TEXT_PATH = fileURLToPath(
  new URL("../../../e2e/fixtures/sanhe-2020-government-office.txt", import.meta.url),
);
/** The importer's canonical JSON of the text (kept in step with it by lib/import's tests). */
export const SANHE_2020_GOLDEN_PATH = fileURLToPath(
  new URL("../../import/__fixtures__/sanhe-2020.golden.json", import.meta.url),
);

let parsed: Disclosure | undefined;

/** The canonical disclosure; every call returns a fresh copy, so a test may change one figure without touching the next. */
export function sanhe2020(): Disclosure {
  parsed ??= disclosure.parse(JSON.parse(sanhe2020GoldenJson()));
  return structuredClone(parsed);
}

/** The golden file's bytes as text, for tests of the JSON exactly as written. */
export function sanhe2020GoldenJson(): string {
  return readFileSync(SANHE_2020_GOLDEN_PATH, "utf8");
}

/** The published text as a file's bytes (what an upload or the CLI reads). */
export function sanhe2020Bytes(): Buffer {
  return readFileSync(SANHE_2020_TEXT_PATH);
}

/** The published text as a string. */
export function sanhe2020Text(): string {
  return readFileSync(SANHE_2020_TEXT_PATH, "utf8");
}

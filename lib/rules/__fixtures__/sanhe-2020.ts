import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { disclosure, type Disclosure } from "../../domain/model";

/**
 * The real 2020 disclosure of 三河市人民政府办公室 as canonical JSON: the importer's golden
 * file, parsed by the model's schema so a drift in either shows here first. Every call returns
 * a fresh copy, so a test may change one figure without touching the next test.
 */

const golden = fileURLToPath(new URL("../../import/__fixtures__/sanhe-2020.golden.json", import.meta.url));
const parsed = disclosure.parse(JSON.parse(readFileSync(golden, "utf8")));

export function sanhe2020(): Disclosure {
  return structuredClone(parsed);
}

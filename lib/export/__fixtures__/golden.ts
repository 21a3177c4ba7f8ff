import { readFileSync } from "node:fs";
import path from "node:path";
import { disclosure, type Disclosure } from "../../domain/model";

const root = path.resolve(import.meta.dirname, "../../..");

/** The 2020 三河 fixture as the importer reads it (owned by the importer; read-only here). */
export function goldenDisclosure(): Disclosure {
  return disclosure.parse(JSON.parse(readFileSync(path.join(root, "lib/import/__fixtures__/sanhe-2020.golden.json"), "utf8")));
}

export function fixtureText(): string {
  return readFileSync(path.join(root, "e2e/fixtures/sanhe-2020-government-office.txt"), "utf8");
}

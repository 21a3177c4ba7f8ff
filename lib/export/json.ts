import { disclosure as disclosureSchema, type Disclosure } from "../domain/model";

/**
 * The canonical JSON of lib/domain/spec/domain.md: the public download, the backup, the importer's golden files.
 * Keys come out in the schema's order whatever order the object was built in (zod rebuilds each
 * object from its shape), with one rule on top: a `total` leads the parts it adds up, as lib/domain/spec/domain.md
 * writes every block (the schema builds income as the funding split extended by its total). So two
 * equal disclosures give byte-identical files.
 */

export class InvalidDisclosureError extends Error {
  constructor(readonly issues: ReadonlyArray<{ path: string; message: string }>) {
    super(`公开数据不符合规范，未导出：${issues.map((i) => `${i.path || "（根）"} ${i.message}`).join("；")}`);
    this.name = "InvalidDisclosureError";
  }
}

/** Validates, then writes with a 2-space indent and a final newline. Never writes an invalid file. */
export function canonicalJson(value: Disclosure | unknown): string {
  const result = disclosureSchema.safeParse(value);
  if (!result.success) {
    throw new InvalidDisclosureError(
      result.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
    );
  }
  return `${JSON.stringify(totalFirst(result.data), null, 2)}\n`;
}

function totalFirst(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(totalFirst);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value).map(([k, v]) => [k, totalFirst(v)] as const);
  const ordered = [...entries.filter(([k]) => k === "total"), ...entries.filter(([k]) => k !== "total")];
  return Object.fromEntries(ordered);
}

export function renderJson(value: Disclosure): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}

import type { Disclosure } from "../../domain/model";
import { exampleDisclosure } from "../../render/__fixtures__/example-disclosure";

/**
 * Text a clerk (or a pasted spreadsheet) may put into any field that a viewer of the export could
 * mistake for code: markup, spreadsheet formulas, a command, and a very long unbroken string.
 */
export const HOSTILE_TEXTS = [
  "<script>alert(1)</script>",
  '=HYPERLINK("http://x","y")',
  "+SUM(1)",
  "@cmd",
  "-2+3",
  "\tindented",
  "A".repeat(5000),
] as const;

export const LONG_TEXT = HOSTILE_TEXTS[6];

/** The example disclosure with each hostile text in a responsibility, an indicator name and a procurement item. */
export function hostileDisclosure(): Disclosure {
  const d = structuredClone(exampleDisclosure);
  d.responsibilities = [...d.responsibilities, ...HOSTILE_TEXTS];
  const template = d.performance.projects[0].indicators[0];
  d.performance.projects[0].indicators.push(...HOSTILE_TEXTS.map((name) => ({ ...template, name })));
  const item = d.procurement.items[0];
  d.procurement.items.push(...HOSTILE_TEXTS.map((text) => ({ ...item, item: text })));
  return d;
}

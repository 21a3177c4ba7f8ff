import type { Disclosure } from "../../domain/model";
import { exampleDisclosure } from "../../render/__fixtures__/example-disclosure";

/**
 * Text a spreadsheet program would take for a formula or a command (ASCII and full-width, as a
 * Chinese input method types them), and an ordinary 指标值 that starts like one, which readers must
 * see exactly as written.
 */
export const FORMULA_LIKE_TEXTS = [
  '=HYPERLINK("http://x","y")',
  "+SUM(1)",
  "@cmd",
  "-2+3",
  "\tindented",
  '＝HYPERLINK("http://x","y")',
  "＋SUM(1)",
  "－2+3",
  "＠cmd",
  "=2.00次",
] as const;

export const LONG_TEXT = "A".repeat(5000);

/**
 * Text a clerk (or a pasted spreadsheet) may put into any field that a viewer of the export could
 * mistake for code: markup, the formula-like texts above, and a very long unbroken string.
 */
export const HOSTILE_TEXTS = ["<script>alert(1)</script>", ...FORMULA_LIKE_TEXTS, LONG_TEXT] as const;

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

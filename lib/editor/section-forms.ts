import { z } from "zod";
import { editableDisclosure, type EditableDisclosure } from "../domain/editable";
import { documentHeading, sections, type SectionId } from "../domain/model";
import { isWithin, setAt, toSegments } from "../domain/paths";

/**
 * Each section's form validates with the section's slice of the editable disclosure's zod schema
 * (zodResolver), the schema the server parses the whole draft with. The slice is the section's
 * fields as model.ts maps them (`sections`, with the `documentHeading` in section 一), so the
 * form's values are shaped like the disclosure and form names are the canonical paths in dot
 * form. Its types are the schema's: react-hook-form's values are the slice's input, what the
 * resolver hands on is its output.
 *
 * Section 五's project tables belong to the indicator grid (and its framework to the draft), not
 * to this form, so a thousand indicator rows never pass through it; the budget tables (附) are the
 * table grid's (components/budget-tables) likewise, and their section's form edits nothing.
 */

type SectionFields<S extends SectionId> = Extract<(typeof sections)[number], { id: S }>["fields"][number];
type HeadingFields<S extends SectionId> = S extends typeof documentHeading.section
  ? (typeof documentHeading.fields)[number]
  : never;
type FormFields<S extends SectionId> = SectionFields<S> | HeadingFields<S>;

/** The fields a section's form edits: the section's own, and the document's heading in its section. */
function formFields(id: SectionId): ReadonlyArray<keyof EditableDisclosure> {
  const own = sections.find((s) => s.id === id)!.fields;
  return id === documentHeading.section ? [...documentHeading.fields, ...own] : own;
}

/** `{ title: true, preamble: true, … }`: the section's fields as zod's pick takes them. */
const fieldMask = <S extends SectionId>(id: S) =>
  Object.fromEntries(formFields(id).map((field) => [field, true])) as { [F in FormFields<S>]: true };

/** What of section 五 the form edits: all but the grid's projects and the draft's framework. */
const performanceForm = z.object({
  performance: editableDisclosure.shape.performance.omit({ projects: true, framework: true }),
});

export const sectionSchemas = {
  organisation: editableDisclosure.pick(fieldMask("organisation")),
  budget: editableDisclosure.pick(fieldMask("budget")),
  operatingExpenses: editableDisclosure.pick(fieldMask("operatingExpenses")),
  threePublic: editableDisclosure.pick(fieldMask("threePublic")),
  performance: performanceForm,
  procurement: editableDisclosure.pick(fieldMask("procurement")),
  assets: editableDisclosure.pick(fieldMask("assets")),
  glossary: editableDisclosure.pick(fieldMask("glossary")),
  otherMatters: editableDisclosure.pick(fieldMask("otherMatters")),
  tables: z.object({}),
} satisfies Record<SectionId, z.ZodType>;

/** A section form's values as typed (react-hook-form's TFieldValues); for any section, one of the slices' inputs. */
export type SectionInput<S extends SectionId = SectionId> = z.input<(typeof sectionSchemas)[S]>;
/** A section form's values once its schema accepts them (react-hook-form's TTransformedValues). */
export type SectionOutput<S extends SectionId = SectionId> = z.output<(typeof sectionSchemas)[S]>;

/**
 * The section's values out of the content, with any text not yet readable put back where it was
 * typed (such a text is why a form's values are only mostly its schema's input).
 */
export function sectionValues<S extends SectionId>(
  id: S,
  content: EditableDisclosure,
  invalidTexts: Readonly<Record<string, string>> = {},
): SectionInput<S> {
  let values: Record<string, unknown>;
  if (id === "performance") {
    const { projects: _projects, framework: _framework, ...formed } = content.performance;
    values = { performance: formed };
  } else if (id === "tables") {
    values = {};
  } else {
    values = Object.fromEntries(formFields(id).map((field) => [field, content[field]]));
  }
  for (const [path, text] of Object.entries(invalidTexts)) {
    if (Object.keys(values).some((top) => isWithin(path, top))) values = setAt(values, path, text);
  }
  return values as SectionInput<S>;
}

/** The content with a section's accepted values in place. */
export function withSection(content: EditableDisclosure, values: SectionOutput): EditableDisclosure {
  // Section 五's form holds part of `performance`: the grid's projects stay as they are.
  if ("performance" in values) return { ...content, performance: { ...content.performance, ...values.performance } };
  return { ...content, ...values };
}

/** `orgUnits[2].name` → `orgUnits.2.name`, the name react-hook-form knows the field by. */
export function formName(path: string): string {
  return toSegments(path).map(String).join(".");
}

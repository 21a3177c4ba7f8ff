import { z } from "zod";
import { editableDisclosure, type EditableDisclosure } from "@/lib/domain/editable";
import { disclosure, performance, type SectionId } from "@/lib/domain/model";
import { isWithin, setAt, toSegments } from "@/lib/domain/paths";

/**
 * Each section's form validates with the section's slice of the model's zod schema (zodResolver),
 * the slice the server action parses too (as part of the whole editable disclosure). The form's
 * values are shaped like the disclosure, so form names are the canonical paths in dot form.
 *
 * The title and preamble are edited with section 一; the project tables of section 五 belong to
 * the indicator grid, not to this form, so a thousand indicator rows never pass through it.
 */
export const sectionSchemas = {
  organisation: disclosure.pick({ title: true, preamble: true, responsibilities: true, orgUnits: true }),
  budget: disclosure.pick({ budget: true }),
  operatingExpenses: disclosure.pick({ operatingExpenses: true }),
  threePublic: disclosure.pick({ threePublic: true }),
  performance: z.object({ performance: performance.pick({ overallGoal: true, subGoals: true, safeguards: true }) }),
  procurement: editableDisclosure.pick({ procurement: true }),
  assets: disclosure.pick({ assets: true }),
  glossary: disclosure.pick({ glossary: true }),
  otherMatters: disclosure.pick({ otherMatters: true }),
} satisfies Record<SectionId, z.ZodType>;

export type SectionValues = Record<string, unknown>;

/** The section's values out of the content, with any text not yet readable put back where it was typed. */
export function sectionValues(id: SectionId, content: EditableDisclosure, invalidTexts: Readonly<Record<string, string>> = {}): SectionValues {
  let values: SectionValues;
  switch (id) {
    case "organisation":
      values = { title: content.title, preamble: content.preamble, responsibilities: content.responsibilities, orgUnits: content.orgUnits };
      break;
    case "performance": {
      const { overallGoal, subGoals, safeguards } = content.performance;
      values = { performance: { overallGoal, subGoals, safeguards } };
      break;
    }
    default:
      values = { [id]: content[id] };
  }
  for (const [path, text] of Object.entries(invalidTexts)) {
    if (Object.keys(values).some((top) => isWithin(path, top))) values = setAt(values, path, text);
  }
  return values;
}

/** The content with the section's accepted values in place. */
export function withSection(id: SectionId, content: EditableDisclosure, values: SectionValues): EditableDisclosure {
  if (id === "performance") {
    const part = values.performance as Pick<EditableDisclosure["performance"], "overallGoal" | "subGoals" | "safeguards">;
    return { ...content, performance: { ...content.performance, ...part } };
  }
  return { ...content, ...(values as Partial<EditableDisclosure>) };
}

/** `orgUnits[2].name` → `orgUnits.2.name`, the name react-hook-form knows the field by. */
export function formName(path: string): string {
  return toSegments(path).map(String).join(".");
}

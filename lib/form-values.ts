import { z } from "zod";

/**
 * What a form sends, coerced deliberately, once for every operation: FormData values are strings
 * (a ticked checkbox "on", a hidden field "true"/"false", an unticked box nothing at all) and a key
 * sent once per ticked box is a string for one and a list for several, while an object caller (a
 * test, the editor's JSON) sends booleans and arrays. Anything else is refused, not guessed at.
 */

/** A yes/no: true, "true" or "on" is yes; false or "false" is no. For an unticked checkbox add `.default(false)`. */
export const formBoolean = z.union([
  z.boolean(),
  z.enum(["true", "false", "on"]).transform((value) => value !== "false"),
]);

/** A checkbox group or multi-select, checked by `list` (a z.array): absent or "" → [], one value → [value], repeated → the list. */
export function formList<T extends z.ZodType>(list: T) {
  return z.preprocess((value) => (value == null || value === "" ? [] : Array.isArray(value) ? value : [value]), list);
}

/** Joins class names, skipping the falsy ones (a conditional class is `cond && "…"`). */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}

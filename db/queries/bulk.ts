/**
 * How many rows one statement may carry. PostgreSQL numbers a statement's bind parameters with 16
 * bits, so an INSERT … VALUES of more than 65,535 values is refused (PostgreSQL: "number of
 * parameters must be between 0 and 65535"; PGlite wraps the count and answers "bind message has N
 * parameter formats but 0 parameters"). Long before that, drizzle builds the statement by spreading
 * every parameter onto one array (`push(...params)`), which overflows the stack near 190,000 values
 * (16,000 indicator rows). Every write of a caller-sized list of rows therefore goes through
 * `inSlices`, one statement after another: inside a transaction they share one connection.
 */
export const MAX_BIND_PARAMETERS = 65_535;

/** Well under the limit, with room for the parameters a statement adds around its rows (a where clause). */
export const PARAMETERS_PER_STATEMENT = 20_000;

/** Rows per statement for rows of `parametersPerRow` values each. */
export function sliceSize(parametersPerRow: number): number {
  return Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / Math.max(1, parametersPerRow)));
}

/** Calls `write` with consecutive slices of `rows`, in order, each small enough for one statement. */
export async function inSlices<T>(
  rows: readonly T[],
  parametersPerRow: number,
  write: (slice: T[]) => Promise<unknown>,
): Promise<void> {
  const size = sliceSize(parametersPerRow);
  for (let start = 0; start < rows.length; start += size) await write(rows.slice(start, start + size));
}

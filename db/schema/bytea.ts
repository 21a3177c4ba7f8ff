import { customType } from "drizzle-orm/pg-core";

/** Binary columns (published files, uploads waiting for the clerk's accept). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  // node-postgres hands back a Buffer and PGlite a Uint8Array; callers see one type.
  fromDriver: (value) =>
    value instanceof Uint8Array ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength) : value,
});

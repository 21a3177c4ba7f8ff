import { defineConfig } from "drizzle-kit";

// Migrations are generated from the schema and committed; db/migrate.ts applies the same files to
// PGlite and to PostgreSQL.
export default defineConfig({
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  dialect: "postgresql",
});

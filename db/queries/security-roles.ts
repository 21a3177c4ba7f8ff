/**
 * The PostgreSQL grants for the application's own role (issue 8: the audit log is evidence). The
 * app connects as a role that owns nothing: it may read and write the working tables, but on
 * audit_log it may only SELECT and INSERT — no UPDATE, DELETE or TRUNCATE — so even a compromised
 * app server cannot rewrite history; the trigger (migration 0001) and the hash chain
 * (db/queries/audit.ts) are the second and third lines. Migrations run as the owning role.
 * The README's production section prints these statements; db/queries/security-roles.test.ts
 * applies them and proves the refusals.
 */

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export function appRoleGrantStatements(role: string, schema = "public"): string[] {
  if (!IDENTIFIER.test(role) || !IDENTIFIER.test(schema))
    throw new Error(`not a plain identifier: ${role} / ${schema}`);
  return [
    `REVOKE ALL ON ALL TABLES IN SCHEMA ${schema} FROM ${role}`,
    `GRANT USAGE ON SCHEMA ${schema} TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role}`,
    // The log: read and append only.
    `REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${role}`,
    // Nor may the app read or rewrite the migration journal.
    `REVOKE ALL ON ALL TABLES IN SCHEMA drizzle FROM ${role}`,
  ];
}

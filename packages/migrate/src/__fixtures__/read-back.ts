import type { TestDatabase } from "@confiture/db/testing";

/**
 * What the hook tests read back from the database itself (never from the runner's result object):
 * a clean slate with an `audit` table hooks write to, the tracking table, the tables, the hooks' writes.
 */
export async function resetWithAuditTable(db: TestDatabase): Promise<TestDatabase> {
  await db.exec(
    "DROP SCHEMA IF EXISTS confiture CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public; CREATE TABLE public.audit (note text);",
  );
  return db;
}

/** Versions the tracking table records as applied, in order. */
export async function appliedVersions(db: TestDatabase): Promise<string[]> {
  const { rows } = await db.query<{ version: string }>(
    "SELECT version FROM confiture.migrations WHERE state = 'applied' ORDER BY version",
  );
  return rows.map((row) => row.version);
}

/** Whether `public.<table>` exists. */
export async function tableExists(db: TestDatabase, table: string): Promise<boolean | undefined> {
  const { rows } = await db.query<{ found: boolean }>("SELECT to_regclass($1) IS NOT NULL AS found", [`public.${table}`]);
  return rows[0]?.found;
}

/** The notes hooks wrote to `public.audit`, sorted. */
export async function auditNotes(db: TestDatabase): Promise<string[]> {
  const { rows } = await db.query<{ note: string }>("SELECT note FROM public.audit ORDER BY note");
  return rows.map((row) => row.note);
}

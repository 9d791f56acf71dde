import type { LiveDatabase } from "@confiture/linting";

/** Server settings by name (`SHOW`-style text values); missing settings are absent from the map. */
export async function readSettings(database: LiveDatabase, names: readonly string[]): Promise<Map<string, string>> {
  const result = await database.query<{ name: string; setting: string }>(
    "SELECT name, setting FROM pg_settings WHERE name = ANY($1::text[])",
    [names],
  );
  return new Map(result.rows.map((row) => [row.name, row.setting]));
}

/** Roles that can log in, with whether they are superusers. */
export async function loginRoles(database: LiveDatabase): Promise<Array<{ name: string; superuser: boolean }>> {
  const result = await database.query<{ rolname: string; rolsuper: boolean }>(
    "SELECT rolname, rolsuper FROM pg_roles WHERE rolcanlogin ORDER BY rolname",
  );
  return result.rows.map((row) => ({ name: row.rolname, superuser: row.rolsuper }));
}

/**
 * Login roles without a password. Reading pg_authid needs superuser rights; without them the answer
 * is `undefined` (unknown), so a rule can say it could not check instead of passing silently.
 */
export async function loginRolesWithoutPassword(database: LiveDatabase): Promise<string[] | undefined> {
  try {
    const result = await database.query<{ rolname: string }>(
      "SELECT rolname FROM pg_authid WHERE rolcanlogin AND rolpassword IS NULL ORDER BY rolname",
    );
    return result.rows.map((row) => row.rolname);
  } catch {
    return undefined;
  }
}

/** Installed extensions. */
export async function installedExtensions(database: LiveDatabase): Promise<Set<string>> {
  const result = await database.query<{ extname: string }>("SELECT extname FROM pg_extension");
  return new Set(result.rows.map((row) => row.extname));
}

/** Libraries in shared_preload_libraries (pgaudit must be preloaded to log anything). */
export async function preloadedLibraries(database: LiveDatabase): Promise<string[]> {
  const settings = await readSettings(database, ["shared_preload_libraries"]);
  return (settings.get("shared_preload_libraries") ?? "")
    .split(",")
    .map((library) => library.trim().replace(/^"|"$/g, ""))
    .filter((library) => library !== "");
}

/**
 * pg_hba.conf rules that let network clients in without a password (`trust`) or without TLS
 * (`host` rather than `hostssl`). Needs superuser rights; undefined when they are missing.
 */
export async function weakHbaRules(
  database: LiveDatabase,
): Promise<Array<{ line: number; type: string; method: string; address: string | null }> | undefined> {
  try {
    const result = await database.query<{ line_number: number; type: string; auth_method: string; address: string | null }>(
      "SELECT line_number, type, auth_method, address FROM pg_hba_file_rules WHERE type LIKE 'host%' AND (auth_method = 'trust' OR type = 'host') ORDER BY line_number",
    );
    return result.rows.map((row) => ({ line: row.line_number, type: row.type, method: row.auth_method, address: row.address }));
  } catch {
    return undefined;
  }
}

import { UnsupportedDatabaseUrlError } from "./errors.js";

/** Where a database URL points: a PostgreSQL server, or embedded PGlite in memory or in a directory. */
export type DatabaseLocation = { driver: "pg"; connectionString: string } | { driver: "pglite"; directory: string | undefined };

const redactedPassword = "***";

/**
 * The URL with its password (user-info password and any `password=` parameter) replaced by `***`,
 * so it can go to logs, errors and reports. Strings that are not URLs are returned with anything
 * that looks like `user:secret@` masked.
 */
export function redactUrl(url: string): string {
  if (!url.includes("://")) return url;
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = redactedPassword;
    for (const key of [...parsed.searchParams.keys()]) {
      if (key.toLowerCase() === "password") parsed.searchParams.set(key, redactedPassword);
    }
    return parsed.toString();
  } catch {
    // Unparsable: mask everything between the user name and the last `@` (a password may hold `@`).
    return url.replace(/(\/\/[^/:@]*):.*@/, `$1:${redactedPassword}@`).replace(/(password=)[^&]*/gi, `$1${redactedPassword}`);
  }
}

/**
 * Decide the driver from the URL: `postgres://` / `postgresql://` for a server, `pglite:` (or no URL)
 * for in-memory PGlite, `pglite:<directory>` for PGlite persisted in that directory.
 * @throws UnsupportedDatabaseUrlError for any other scheme.
 */
export function parseDatabaseUrl(url: string | undefined): DatabaseLocation {
  if (url === undefined || url.trim() === "") return { driver: "pglite", directory: undefined };
  const trimmed = url.trim();
  const lower = trimmed.toLowerCase();
  if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
    return { driver: "pg", connectionString: trimmed };
  }
  if (lower.startsWith("pglite:")) {
    let rest = trimmed.slice("pglite:".length);
    // Accept URL-looking forms too: pglite:///absolute/dir and pglite://relative/dir.
    if (rest.startsWith("//")) rest = rest.slice(2);
    if (rest === "" || rest === "memory" || rest === "memory:") return { driver: "pglite", directory: undefined };
    return { driver: "pglite", directory: decodeURIComponent(rest) };
  }
  throw new UnsupportedDatabaseUrlError(redactUrl(trimmed));
}

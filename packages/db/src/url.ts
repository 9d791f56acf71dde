import { redactUrl as redactUrlOnce } from "@confiture/redact";
import { UnsupportedDatabaseUrlError } from "./errors.js";

/** Where a database URL points: a PostgreSQL server, or embedded PGlite in memory or in a directory. */
export type DatabaseLocation = { driver: "pg"; connectionString: string } | { driver: "pglite"; directory: string | undefined };

/**
 * The URL with its password (user-info password and any secret-looking parameter) replaced by `***`,
 * so it can go to logs, errors and reports: `@confiture/redact`'s, the one redaction every package uses.
 */
export const redactUrl: (url: string) => string = redactUrlOnce;

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

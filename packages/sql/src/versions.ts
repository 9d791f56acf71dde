import type { PgVersion } from "./types.js";

/** PostgreSQL major versions the lock model knows, oldest first. */
export const SUPPORTED_PG_VERSIONS: readonly PgVersion[] = [11, 12, 13, 14, 15, 16, 17, 18];

/** The version assumed when none is given: the parser's own (libpg-query 18). */
export const DEFAULT_PG_VERSION: PgVersion = 18;

/** Whether a number is a supported major version. */
export function isSupportedPgVersion(value: number): value is PgVersion {
  return (SUPPORTED_PG_VERSIONS as readonly number[]).includes(value);
}

/** The nearest supported version (callers from JavaScript may pass 10 or 19). */
export function clampPgVersion(value: number | string | undefined): PgVersion {
  const major = typeof value === "string" ? Number.parseInt(value, 10) : value;
  if (major === undefined || Number.isNaN(major)) return DEFAULT_PG_VERSION;
  if (isSupportedPgVersion(major)) return major;
  return major < 11 ? 11 : 18;
}

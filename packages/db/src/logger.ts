/** The slice of a pino logger this package uses: pass a pino logger (or a child) as is. */
export interface DatabaseLogger {
  debug(object: object, message?: string): void;
  warn(object: object, message?: string): void;
}

/** Options every driver accepts. */
export interface OpenDatabaseOptions {
  /** pino-compatible logger; it only ever receives redacted URLs. */
  logger?: DatabaseLogger | undefined;
  /**
   * In-memory PGlite only: start from a cached snapshot of an empty cluster instead of running initdb
   * (seconds saved per start). `true` (default) keeps it in the user cache directory
   * (`CONFITURE_CACHE_DIR`, else `$XDG_CACHE_HOME/confiture`, else `~/.cache/confiture`),
   * `{ directory }` elsewhere, `false` always starts fresh and writes nothing.
   */
  snapshotCache?: boolean | { directory: string } | undefined;
  /**
   * Embedded directory only: how long to wait for another process that has the directory open, in
   * milliseconds (default 60000; 0 tries once). Past it, `DatabaseLockedError`.
   */
  lockWaitMs?: number | undefined;
  /** Embedded directory only: called once when another process has it open, before waiting. */
  onLockWait?: (() => void) | undefined;
}

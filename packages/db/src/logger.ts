/** The slice of a pino logger this package uses: pass a pino logger (or a child) as is. */
export interface DatabaseLogger {
  debug(object: object, message?: string): void;
  warn(object: object, message?: string): void;
}

/** Options every driver accepts. */
export interface OpenDatabaseOptions {
  /** pino-compatible logger; it only ever receives redacted URLs. */
  logger?: DatabaseLogger | undefined;
}

import { DatabaseConnectionError, DatabaseError, DatabaseQueryError } from "./errors.js";

interface ServerErrorFields {
  message?: unknown;
  code?: unknown;
  severity?: unknown;
  detail?: unknown;
  hint?: unknown;
  position?: unknown;
  where?: unknown;
  schema?: unknown;
  table?: unknown;
  column?: unknown;
  constraint?: unknown;
}

// SQLSTATE classes and node error codes that mean "we never got a usable session".
const connectionSqlStates = new Set(["3D000", "28000", "28P01", "57P03", "53300"]);
const connectionNodeCodes = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** True when the value looks like a PostgreSQL error response (a five-character SQLSTATE). */
function isServerError(error: unknown): error is ServerErrorFields & Error {
  if (!(error instanceof Error)) return false;
  const code = (error as ServerErrorFields).code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code);
}

/** Turn what pg or PGlite threw for a statement into a `DatabaseQueryError` (server errors) or pass it through. */
export function toQueryError(error: unknown): unknown {
  if (DatabaseError.isInstance(error)) return error;
  if (!isServerError(error)) return error;
  const position = text(error.position);
  return new DatabaseQueryError(
    String(error.message),
    {
      sqlState: text(error.code),
      severity: text(error.severity),
      detail: text(error.detail),
      hint: text(error.hint),
      position: position === undefined ? undefined : Number(position),
      where: text(error.where),
      schema: text(error.schema),
      table: text(error.table),
      column: text(error.column),
      constraint: text(error.constraint),
    },
    { cause: error },
  );
}

/** True for errors that mean the server could not be reached or refused the session. */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (connectionNodeCodes.has(code) || connectionSqlStates.has(code) || code.startsWith("08")))
    return true;
  return /timeout exceeded when trying to connect|Connection terminated/i.test(error.message);
}

/** A `DatabaseConnectionError` that says what failed and what to check, without the password. */
export function toConnectionError(error: unknown, displayUrl: string, driver: "pg" | "pglite" = "pg"): DatabaseConnectionError {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  const reason = error instanceof Error ? error.message : String(error);
  const sqlState = typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
  if (driver === "pglite") {
    const advice =
      "Check that the directory is writable and holds a PGlite data directory (not a PostgreSQL server's, nor one from another PGlite version).";
    return new DatabaseConnectionError(
      `Cannot open ${displayUrl}: ${reason}. ${advice}`,
      { displayUrl, sqlState },
      { cause: error },
    );
  }
  let advice = "Check the host, port, user and database in the URL, and that the server is running and accepts connections.";
  if (code === "ECONNREFUSED") advice = "Nothing is listening there: start PostgreSQL or fix the host and port.";
  else if (code === "ENOTFOUND" || code === "EAI_AGAIN") advice = "The host name does not resolve: fix the host in the URL.";
  else if (code === "3D000") advice = "The database does not exist: create it (createdb) or fix the database name in the URL.";
  else if (code === "28P01" || code === "28000")
    advice = "The server refused the login: check the user and password (or pg_hba.conf).";
  else if (code === "53300") advice = "The server has no free connection slots: close idle sessions or raise max_connections.";
  return new DatabaseConnectionError(
    `Cannot connect to ${displayUrl}: ${reason}. ${advice}`,
    { displayUrl, sqlState },
    { cause: error },
  );
}

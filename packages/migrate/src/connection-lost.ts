import { sqlStateOf } from "./settings.js";

/** SQLSTATEs and driver messages that mean the session is gone (terminated by the server, or the socket closed). */
const lostStates = new Set(["57P01", "57P02", "57P03", "08000", "08003", "08006"]);
const lostMessages = /not queryable|Connection terminated|terminating connection|ECONNRESET|socket hang up/i;

/** Whether an error (or one of its causes) says the connection to the server was lost. */
export function connectionLost(error: unknown): boolean {
  const state = sqlStateOf(error);
  if (state !== undefined && lostStates.has(state)) return true;
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (lostMessages.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}

/** What the tracking table says of a migration, read on a new connection after the run's was lost. */
export type TrackedAfterLoss = "applied" | "partial" | "absent" | "unknown";

/**
 * The message after the server terminated the run's connection: which migration was running, that
 * the server ended the session, and the state the migration is in (read back from the database on
 * a new connection when that is possible).
 */
export function connectionLostMessage(
  migration: { version: string; name: string; direction: "up" | "down"; transactional: boolean },
  error: unknown,
  tracked: TrackedAfterLoss,
): string {
  const reason = error instanceof Error ? error.message : String(error);
  const state = sqlStateOf(error);
  const up = migration.direction === "up";
  let where: string;
  if (tracked === "unknown")
    where = "its state could not be read back: run `confiture migrate status` once the server is reachable";
  else if (migration.transactional) {
    const done = up ? tracked === "applied" : tracked === "absent";
    where = done
      ? `it had committed before the connection was lost: it is ${up ? "applied" : "reverted"}`
      : `the server rolled its transaction back: it is ${up ? "not applied (pending)" : "still applied"}`;
  } else {
    where =
      tracked === "partial"
        ? "it runs outside a transaction: the statements that completed stay applied, it is `partial`, and `migrate up` resumes it"
        : `it runs outside a transaction; the tracking table says ${tracked === "applied" ? "applied" : "not applied"}`;
  }
  return `the server terminated the connection while migration ${migration.version}_${migration.name} (${migration.direction}) was running${state === undefined ? "" : ` (SQLSTATE ${state})`}: ${reason}; ${where}`;
}

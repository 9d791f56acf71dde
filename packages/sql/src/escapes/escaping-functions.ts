/**
 * What escapes a rolled-back transaction, as data. PostgreSQL undoes catalog and table changes, `SET`
 * (even without LOCAL), `NOTIFY`/`pg_notify` (queued until COMMIT), `LISTEN`, large objects (stored in
 * `pg_largeobject`) and `ALTER SEQUENCE`; what is listed here it does not undo.
 */

/** Why an effect survives a rollback. */
export type EscapeKind = "sequence" | "dblink" | "advisory_lock" | "server_file" | "program" | "session_state" | "server_control";

/** What each kind does to a database, said once for every message. */
export const ESCAPE_KIND_DESCRIPTIONS: Record<EscapeKind, string> = {
  sequence: "sequence changes are never rolled back",
  dblink: "dblink runs its SQL on another connection, which commits on its own",
  advisory_lock: "session-level advisory locks outlive the transaction",
  server_file: "files on the database server are written or read outside the transaction",
  program: "a program runs on the database server",
  session_state: "session state (prepared statements, loaded libraries, caches) is not rolled back",
  server_control: "server-wide actions (signals, configuration reload, replication slots, WAL, statistics) are not rolled back",
};

/** Functions whose effects a ROLLBACK does not undo, by name as PostgreSQL folds it (any schema). */
export const ESCAPING_FUNCTIONS: ReadonlyMap<string, EscapeKind> = new Map<string, EscapeKind>([
  ["nextval", "sequence"],
  ["setval", "sequence"],
  ["pg_advisory_lock", "advisory_lock"],
  ["pg_advisory_lock_shared", "advisory_lock"],
  ["pg_try_advisory_lock", "advisory_lock"],
  ["pg_try_advisory_lock_shared", "advisory_lock"],
  ["pg_advisory_unlock", "advisory_lock"],
  ["pg_advisory_unlock_shared", "advisory_lock"],
  ["pg_advisory_unlock_all", "advisory_lock"],
  ["lo_export", "server_file"],
  ["pg_file_write", "server_file"],
  ["pg_file_rename", "server_file"],
  ["pg_file_unlink", "server_file"],
  ["pg_file_sync", "server_file"],
  ["pg_terminate_backend", "server_control"],
  ["pg_cancel_backend", "server_control"],
  ["pg_reload_conf", "server_control"],
  ["pg_rotate_logfile", "server_control"],
  ["pg_switch_wal", "server_control"],
  ["pg_promote", "server_control"],
  ["pg_create_restore_point", "server_control"],
  ["pg_create_physical_replication_slot", "server_control"],
  ["pg_create_logical_replication_slot", "server_control"],
  ["pg_drop_replication_slot", "server_control"],
  ["pg_copy_physical_replication_slot", "server_control"],
  ["pg_copy_logical_replication_slot", "server_control"],
  ["pg_replication_slot_advance", "server_control"],
  ["pg_logical_emit_message", "server_control"],
  ["pg_stat_reset", "server_control"],
  ["pg_stat_reset_shared", "server_control"],
  ["pg_stat_reset_single_table_counters", "server_control"],
  ["pg_stat_reset_single_function_counters", "server_control"],
  ["pg_stat_reset_slru", "server_control"],
  ["pg_stat_reset_replication_slot", "server_control"],
  ["pg_stat_statements_reset", "server_control"],
]);

/** Statements (by parse node tag) whose effects a ROLLBACK does not undo. COPY is judged by its target. */
export const ESCAPING_STATEMENTS: ReadonlyMap<string, { kind: EscapeKind; name: string }> = new Map([
  ["PrepareStmt", { kind: "session_state", name: "PREPARE" }],
  ["DeallocateStmt", { kind: "session_state", name: "DEALLOCATE" }],
  ["LoadStmt", { kind: "session_state", name: "LOAD" }],
  ["DiscardStmt", { kind: "session_state", name: "DISCARD" }],
] as const);

/** The kind of a function name: dblink and every `dblink_*` function (connections of their own). */
export function escapeKindOfFunction(name: string): EscapeKind | undefined {
  const lower = name.toLowerCase();
  if (lower === "dblink" || lower.startsWith("dblink_")) return "dblink";
  return ESCAPING_FUNCTIONS.get(lower);
}

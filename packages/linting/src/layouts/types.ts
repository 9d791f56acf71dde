/**
 * The migration runners whose layouts and directives the linter recognises. `up-down-files` is the
 * `<version>_<name>.up.sql` / `.down.sql` convention that golang-migrate, sqlx, pop, River, Concourse,
 * Authelia and Confiture's own runner share; `sequential-files` is a numbered file per migration with
 * no down files (postgres-migrations, Synapse deltas, temporal-sql-tool, memos).
 */
export const RUNNERS = [
  "confiture",
  "up-down-files",
  "pop",
  "diesel",
  "flyway",
  "sqitch",
  "dbmate",
  "goose",
  "node-pg-migrate",
  "prisma",
  "drizzle",
  "sequential-files",
] as const;

/** A runner name (`lint.runner` in the config names one when detection is ambiguous). */
export type RunnerName = (typeof RUNNERS)[number];

/** What a file (or a section of a file) is to its runner. */
export type MigrationRole = "up" | "down" | "verify" | "repeatable";

/**
 * How the runner executes a migration: `wrapped` in a transaction it opens; `none` statement by
 * statement, each committing; `implicit` as one multi-statement query, which PostgreSQL runs in one
 * implicit transaction when it holds more than one statement; `detect` wrapped unless a statement
 * cannot run in a transaction (then outside one, as Flyway and `confiture migrate` do).
 */
export type TransactionMode = "wrapped" | "none" | "implicit" | "detect";

/** What the layout says about one file of a run. */
export interface MigrationInfo {
  runner: RunnerName;
  role: MigrationRole;
  /** Sorts migrations in the order the runner applies them (compared naturally: 2 before 10). */
  key: string;
  /** The up file of a down, revert or verify file; the down file of an up file, when it exists. */
  pair?: string;
  /** Whether the runner supports a down migration for this up file (require-down-migration asks for one). */
  downSupported: boolean;
  transaction: TransactionMode;
  /** For runners that keep up and down in one file: the lines (1-based, inclusive) of this section. */
  lines?: { from: number; to: number };
  /** Why the transaction mode is what it is, when a directive or a file name set it. */
  transactionReason?: string;
}

/**
 * Who is right about a difference: `squawk wrong` and `different assumption` leave squawk's
 * findings out of the adjusted agreement, `location` counts them as found (same file, another line
 * or statement), `confiture misses` counts against confiture; `confiture right` is for findings
 * squawk does not have.
 */
export type Verdict = "squawk wrong" | "different assumption" | "location" | "confiture misses" | "confiture right";

/** A difference's verdict and its explanation. */
export interface DifferenceNote {
  verdict: Verdict;
  text: string;
}

/**
 * Why each difference between confiture and squawk exists, keyed by
 * `direction|squawk rule|statement kind` (or `direction|squawk rule|*` for every kind). Written by
 * people after reading the differences the bench finds; the bench copies them into LINT-AGREEMENT.md.
 * "Checked on PostgreSQL 15" means the behaviour was reproduced on the local server with psql.
 */
export const DIFFERENCE_NOTES: Record<string, DifferenceNote> = {
  // require-table-schema
  "squawk only|require-table-schema|rename_column": {
    verdict: "confiture misses",
    text: "squawk is right, confiture misses it (rule bug). `ALTER TABLE orders RENAME COLUMN a TO b` names the table unqualified exactly like `ALTER TABLE orders ADD COLUMN`, which confiture flags; but the parser gives RENAME a RenameStmt, not an AlterTableStmt, and require-table-schema only looks at CreateStmt, AlterTableStmt and DropStmt.",
  },
  "squawk only|require-table-schema|rename_table": {
    verdict: "confiture misses",
    text: "squawk is right, confiture misses it (rule bug): `ALTER TABLE customers RENAME TO x` is a RenameStmt (renameType OBJECT_TABLE), which require-table-schema does not look at. Same cause as rename_column.",
  },

  // changing-column-type
  "squawk only|changing-column-type|alter_column_type": {
    verdict: "squawk wrong",
    text: "confiture is right: the change rewrites nothing. Either the column already has the target type (the model replayed from earlier files knows it: a text column set to text, a bigint set to bigint), or the change is binary-coercible (varchar(255) to text: pg_cast method `b`), so PostgreSQL neither rewrites the table nor rebuilds its indexes (checked on PostgreSQL 15: pg_relation_filenode unchanged for text to text, bigint to bigint, varchar widening and varchar(255) to text). squawk flags every ALTER COLUMN TYPE without knowing the current type. The statement still takes a brief ACCESS EXCLUSIVE lock, which require-lock-timeout covers.",
  },

  // constraint-missing-not-valid
  "squawk only|constraint-missing-not-valid|add_primary_key": {
    verdict: "squawk wrong",
    text: "squawk is wrong: PostgreSQL refuses `ADD PRIMARY KEY ... NOT VALID` (ERROR: PRIMARY KEY constraints cannot be marked NOT VALID, checked on PostgreSQL 15; NOT VALID exists only for CHECK and FOREIGN KEY, and NOT NULL from 18), so its advice cannot be followed. confiture reports the real problem with adding-primary-key-constraint (build a unique index CONCURRENTLY, then ADD CONSTRAINT ... PRIMARY KEY USING INDEX).",
  },
  "squawk only|constraint-missing-not-valid|add_unique_constraint": {
    verdict: "squawk wrong",
    text: "squawk is wrong: `ADD CONSTRAINT ... UNIQUE ... NOT VALID` is an error (UNIQUE constraints cannot be marked NOT VALID, checked on PostgreSQL 15). confiture reports it with disallowed-unique-constraint, the squawk rule made for it (CREATE UNIQUE INDEX CONCURRENTLY, then UNIQUE USING INDEX).",
  },
  "squawk only|constraint-missing-not-valid|add_exclusion_constraint": {
    verdict: "squawk wrong",
    text: "squawk is wrong: EXCLUDE constraints cannot be marked NOT VALID (error checked on PostgreSQL 15). confiture reports the lock with adding-exclusion-constraint (no squawk equivalent): the index build holds an ACCESS EXCLUSIVE lock and there is no concurrent way to add one.",
  },

  // prefer-robust-stmts
  "squawk only|prefer-robust-stmts|set_not_null": {
    verdict: "squawk wrong",
    text: "confiture is right: SET NOT NULL is idempotent, running it again on a NOT NULL column succeeds and changes nothing (checked on PostgreSQL 15), so a migration that fails later can be run again. squawk asks for a transaction anyway.",
  },
  "squawk only|prefer-robust-stmts|drop_not_null": {
    verdict: "squawk wrong",
    text: "confiture is right: DROP NOT NULL on a nullable column succeeds and changes nothing (checked on PostgreSQL 15); the statement is already safe to run again.",
  },
  "squawk only|prefer-robust-stmts|validate_constraint": {
    verdict: "squawk wrong",
    text: "confiture is right: VALIDATE CONSTRAINT on a constraint that is already valid succeeds and does nothing (checked on PostgreSQL 15): running the file again is safe.",
  },
  "squawk only|prefer-robust-stmts|create_index_concurrently": {
    verdict: "different assumption",
    text: "Different rule, same file flagged by both. With BEGIN in the file (or the runner's transaction in the default mode), CREATE INDEX CONCURRENTLY fails every time (ERROR: cannot run inside a transaction block, checked on PostgreSQL 15): confiture reports that with ban-concurrent-index-creation-in-transaction and does not add a robustness warning for a statement that cannot run at all. squawk adds prefer-robust-stmts because it assumes the index will be built outside the transaction. With `settings.runnerDetectsNonTransactional: true` confiture makes squawk's assumption.",
  },
  "other line|prefer-robust-stmts|add_column": {
    verdict: "location",
    text: "Both are right about the statement. For `ALTER TABLE t ADD COLUMN a ..., ADD COLUMN b ...` without IF NOT EXISTS squawk reports each subcommand (two findings, one per line); confiture reports the statement once, at its first non-idempotent subcommand, so squawk's second finding has no confiture finding on its line. Suggestion for the rule: report every non-idempotent subcommand.",
  },

  // require-concurrent-index-creation
  "squawk only|require-concurrent-index-creation|create_index": {
    verdict: "squawk wrong",
    text: "confiture is right: the index is on a table or materialized view created earlier in the same file (no other session can have rows in it, or in the transaction, see it yet), so the SHARE lock of a plain CREATE INDEX blocks nobody and CONCURRENTLY (which cannot run in the file's transaction anyway) buys nothing. squawk exempts only tables created in the same transaction with CREATE TABLE; it misses CREATE MATERIALIZED VIEW and files without BEGIN.",
  },

  // require-lock-timeout / require-statement-timeout: reported once per file by squawk
  "other statement|require-lock-timeout|*": {
    verdict: "location",
    text: "Same file flagged by both, at a different statement. squawk reports require-lock-timeout once per file, at the first statement it deems slow (here one that takes no lock on an existing table: CREATE TYPE, CREATE FUNCTION, COMMENT on a table created in the file...). confiture reports the statements that take a lock on an existing table before lock_timeout is set (e.g. the ALTER TABLE that follows), which is where the lock queue forms.",
  },
  "other statement|require-statement-timeout|*": {
    verdict: "location",
    text: "Same file flagged by both, at a different statement. squawk reports require-statement-timeout once per file, at the first statement it deems slow. confiture skips statements where a statement_timeout protects nothing or does harm: CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, VALIDATE CONSTRAINT and VACUUM take SHARE UPDATE EXCLUSIVE (reads and writes go on) and aborting them mid-way only leaves an invalid index or an unvalidated constraint; CREATE TYPE/DOMAIN/FUNCTION and COMMENT on a new table lock nothing that others use. It reports the next statement that holds a blocking lock.",
  },
  "squawk only|require-lock-timeout|*": {
    verdict: "squawk wrong",
    text: "confiture is right: the statement takes no lock that others wait on. ALTER TYPE ... ADD VALUE takes an EXCLUSIVE lock on the type's pg_type entry only (queries using the enum do not lock it); CREATE TYPE/DOMAIN/FUNCTION/MATERIALIZED VIEW create new objects (the view's SELECT takes ACCESS SHARE, which conflicts only with ACCESS EXCLUSIVE); COMMENT on a table created in the same file; DROP DATABASE takes no table lock and fails at once if anyone is connected. squawk reports the first statement of the file it deems slow, whatever lock it takes.",
  },
  "squawk only|require-statement-timeout|*": {
    verdict: "squawk wrong",
    text: "confiture is right not to flag it (see the `other statement` row): CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, VALIDATE CONSTRAINT and VACUUM do not block reads or writes, and a statement_timeout only aborts them half done (an INVALID index to clean up); ADD VALUE, CREATE TYPE/DOMAIN/FUNCTION, COMMENT on a new table and DROP DATABASE hold no lock others wait on. No other statement of this file before the SET needs a timeout. Debatable case: CREATE MATERIALIZED VIEW ... WITH DATA runs a full query and may be slow, but holds only ACCESS SHARE on its sources.",
  },
  "confiture only|require-lock-timeout|*": {
    verdict: "confiture right",
    text: "confiture is right; squawk reports the file once, at another statement (or considers this statement safe). CREATE TRIGGER takes SHARE ROW EXCLUSIVE on the table (blocks writes while it waits and runs); ALTER TABLE ADD COLUMN takes ACCESS EXCLUSIVE; ANALYZE takes SHARE UPDATE EXCLUSIVE and queues behind VACUUM or index builds, putting later DDL behind it. squawk's report-once logic points at an earlier statement (CREATE TYPE, CREATE FUNCTION) in the same file when there is one.",
  },
  "confiture only|require-statement-timeout|*": {
    verdict: "confiture right",
    text: "confiture is right; squawk reports the file once at its first statement it deems slow (often CREATE INDEX CONCURRENTLY or CREATE TYPE just before), confiture at the statement that holds a blocking lock: ALTER TABLE ... ADD CONSTRAINT ... USING INDEX and ADD COLUMN take ACCESS EXCLUSIVE.",
  },

  // ban-duplicate-column-assignments
  "squawk only|ban-duplicate-column-assignments|create_table": {
    verdict: "confiture misses",
    text: 'squawk is right, confiture misses it (rule gap): a CREATE TABLE that defines the same column twice is rejected by PostgreSQL (ERROR: column "a" specified more than once, checked on PostgreSQL 15); squawk reports both definitions, confiture\'s ban-duplicate-column-assignments only looks at INSERT column lists and UPDATE SET lists. (These statements come from the 30,000-statement generator of corpus.ts, whose CREATE TABLE template can pick created_at or owner_id twice: about one CREATE TABLE in five there is invalid SQL.)',
  },

  // adding-field-with-default
  "confiture only|adding-field-with-default|add_column": {
    verdict: "confiture right",
    text: "confiture is right: `ADD COLUMN x serial` adds DEFAULT nextval(...), a volatile default, so PostgreSQL 11+ cannot use the fast default and rewrites the table under ACCESS EXCLUSIVE (checked on PostgreSQL 15: pg_relation_filenode changes). squawk only looks at an explicit DEFAULT clause.",
  },

  // adding-not-nullable-field
  "confiture only|adding-not-nullable-field|set_not_null": {
    verdict: "confiture right",
    text: "confiture is right, squawk 2.66 misses it: squawk skips SET NOT NULL on a table when any VALIDATE CONSTRAINT on that table came earlier in the file, even a foreign key. PostgreSQL skips the full-table scan of SET NOT NULL only when a valid CHECK constraint proves the column has no NULL (checked on PostgreSQL 15 with client_min_messages=debug1: after validating a foreign key it logs `verifying table`, after validating CHECK (note IS NOT NULL) it logs `existing constraints ... are sufficient`).",
  },

  // ban-concurrent-index-creation-in-transaction
  "confiture only|ban-concurrent-index-creation-in-transaction|drop_index_concurrently": {
    verdict: "confiture right",
    text: "confiture is right: DROP INDEX CONCURRENTLY cannot run inside a transaction block either (ERROR checked on PostgreSQL 15). squawk's rule only looks at CREATE INDEX; its require-concurrent-index-deletion asks for CONCURRENTLY without checking the transaction. In the default mode this also covers files without BEGIN, which the runner wraps (see the create_index_concurrently row).",
  },
  "confiture only|ban-concurrent-index-creation-in-transaction|create_index_concurrently": {
    verdict: "different assumption",
    text: "Setting, not a bug: by default confiture assumes the runner wraps each file in a transaction (runnerWrapsInTransaction: true), where CREATE INDEX CONCURRENTLY fails. squawk --assume-in-transaction exempts files with a single statement (it assumes the runner then runs it outside a transaction); confiture does that with runnerDetectsNonTransactional: true.",
  },
  "confiture only|ban-concurrent-index-creation-in-transaction|reindex_concurrently": {
    verdict: "confiture right",
    text: "confiture is right: REINDEX CONCURRENTLY cannot run inside a transaction block. squawk's rule only looks at CREATE INDEX.",
  },
};

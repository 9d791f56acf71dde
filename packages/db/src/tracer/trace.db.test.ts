import { beforeAll, expect, it } from "vitest";
import { DatabaseQueryError, DatabaseUsageError } from "../errors.js";
import { describeEachDatabase } from "../testing/describe-each-database.js";
import { traceScript, traceStatement } from "./trace.js";

const schema = `
  CREATE SCHEMA app;
  CREATE TABLE accounts (id int PRIMARY KEY, email text, note varchar(20));
  INSERT INTO accounts SELECT g, 'a' || g || '@example.com', 'n' FROM generate_series(1, 100) AS g;
  CREATE TABLE app.events (id int, account_id int REFERENCES accounts (id));
  CREATE TABLE scratch (id int);
`;

async function tableExists(
  getDatabase: () => { query: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }> },
  name: string,
) {
  const { rows } = await getDatabase().query("SELECT 1 FROM pg_class WHERE relname = $1", [name]);
  return rows.length > 0;
}

describeEachDatabase("traceStatement", (getDatabase) => {
  beforeAll(async () => {
    await getDatabase().exec(schema);
  });

  it("sees a column type change take AccessExclusiveLock and rewrite the table", async () => {
    const trace = await traceStatement(getDatabase(), "ALTER TABLE accounts ALTER COLUMN id TYPE bigint");
    expect(trace.transactional).toBe(true);
    expect(trace.error).toBeUndefined();
    // The primary key is rebuilt, and so is the foreign key that references it (hence app.events).
    expect(trace.locks).toEqual([
      { relation: "accounts", mode: "AccessExclusiveLock", locktype: "relation", kind: "r" },
      { relation: "accounts_pkey", mode: "AccessExclusiveLock", locktype: "relation", kind: "i", owner: "accounts" },
      { relation: "app.events", mode: "AccessExclusiveLock", locktype: "relation", kind: "r" },
    ]);
    expect(trace.rewritten).toEqual(["accounts"]);
    expect(trace.rewrittenIndexes).toEqual(["accounts_pkey"]);
    expect(trace.created).toEqual([]);
    expect(trace.dropped).toEqual([]);
    // Rolled back: the column is still an integer.
    const { rows } = await getDatabase().query<{ type: string }>(
      "SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = 'accounts'::regclass AND attname = 'id'",
    );
    expect(rows[0]?.type).toBe("integer");
  });

  it("sees a binary-compatible widening keep the storage", async () => {
    const trace = await traceStatement(getDatabase(), "ALTER TABLE accounts ALTER COLUMN note TYPE varchar(50)");
    expect(trace.locks.find((lock) => lock.relation === "accounts")?.mode).toBe("AccessExclusiveLock");
    expect(trace.rewritten).toEqual([]);
  });

  it("sees CREATE INDEX take ShareLock without rewriting", async () => {
    const trace = await traceStatement(getDatabase(), "CREATE INDEX accounts_email_idx ON accounts (email)");
    expect(trace.locks).toEqual([
      { relation: "accounts", mode: "ShareLock", locktype: "relation", kind: "r" },
      // The new index is locked too, but nobody else can see it yet.
      { relation: "accounts_email_idx", mode: "AccessExclusiveLock", locktype: "relation", kind: "i", owner: "accounts" },
    ]);
    expect(trace.rewritten).toEqual([]);
    expect(trace.created).toEqual(["accounts_email_idx"]);
    expect(await tableExists(getDatabase, "accounts_email_idx")).toBe(false);
  });

  it("keeps the name of a dropped table", async () => {
    const trace = await traceStatement(getDatabase(), "DROP TABLE scratch");
    expect(trace.locks).toContainEqual({ relation: "scratch", mode: "AccessExclusiveLock", locktype: "relation", kind: "r" });
    expect(trace.dropped).toEqual(["scratch"]);
    expect(await tableExists(getDatabase, "scratch")).toBe(true);
  });

  it("names relations outside public with their schema and finds locks on referenced tables", async () => {
    const trace = await traceStatement(
      getDatabase(),
      "ALTER TABLE app.events ADD CONSTRAINT events_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID",
    );
    expect(trace.locks.map((lock) => [lock.relation, lock.mode])).toEqual([
      ["accounts", "ShareRowExclusiveLock"],
      ["accounts_pkey", "AccessShareLock"],
      ["app.events", "ShareRowExclusiveLock"],
    ]);
  });

  it("reports statements that cannot run in a transaction block, and runs nothing", async () => {
    const trace = await traceStatement(getDatabase(), "CREATE INDEX CONCURRENTLY accounts_note_idx ON accounts (note)");
    expect(trace.transactional).toBe(false);
    expect(trace.locks).toEqual([]);
    expect(trace.error).toBeUndefined();
    expect(trace.note).toContain("CREATE INDEX CONCURRENTLY cannot run inside a transaction block");
    expect(await tableExists(getDatabase, "accounts_note_idx")).toBe(false);
    const vacuum = await traceStatement(getDatabase(), "VACUUM accounts");
    expect(vacuum.transactional).toBe(false);
  });

  it("reports a failing statement with its SQLSTATE and rolls it back", async () => {
    const trace = await traceStatement(getDatabase(), "ALTER TABLE missing_table ADD COLUMN x int");
    expect(trace.error).toEqual({ message: 'relation "missing_table" does not exist', sqlState: "42P01" });
    expect(trace.locks).toEqual([]);
    expect(trace.transactional).toBe(true);
  });

  it("runs setup in the same transaction and leaves nothing behind", async () => {
    const trace = await traceStatement(getDatabase(), "CREATE INDEX ON staged (id)", { setup: "CREATE TABLE staged (id int)" });
    expect(trace.locks).toEqual([
      { relation: "staged", mode: "ShareLock", locktype: "relation", kind: "r" },
      { relation: "staged_id_idx", mode: "AccessExclusiveLock", locktype: "relation", kind: "i", owner: "staged" },
    ]);
    // CREATE TABLE in setup holds AccessExclusiveLock already: reported, so callers know what is masked.
    expect(trace.heldBefore).toContainEqual({ relation: "staged", mode: "AccessExclusiveLock", locktype: "relation", kind: "r" });
    expect(await tableExists(getDatabase, "staged")).toBe(false);
    const failingSetup = await traceStatement(getDatabase(), "SELECT 1", { setup: "CREATE TABLE broken (" }).catch(
      (error: unknown) => error,
    );
    expect(DatabaseQueryError.isInstance(failingSetup)).toBe(true);
  });

  it("refuses to keep going when the statement ends the transaction", async () => {
    const error = await traceStatement(getDatabase(), "ROLLBACK").catch((failure: unknown) => failure);
    expect(DatabaseUsageError.isInstance(error)).toBe(true);
    // The connection is still usable afterwards.
    expect((await getDatabase().query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
  });
});

describeEachDatabase("traceScript", (getDatabase) => {
  it("traces statements that build on each other, one savepoint each, all rolled back", async () => {
    const results = await traceScript(
      getDatabase(),
      [
        "CREATE TABLE app.orders (id int PRIMARY KEY, total int)",
        "INSERT INTO app.orders VALUES (1, 10)",
        "ALTER TABLE app.orders ALTER COLUMN missing TYPE bigint",
        "ALTER TABLE app.orders ALTER COLUMN total TYPE bigint",
        "CREATE INDEX orders_total_idx ON app.orders (total)",
      ],
      { setup: "CREATE SCHEMA app" },
    );
    expect(results.map((result) => result.error?.sqlState)).toEqual([undefined, undefined, "42703", undefined, undefined]);
    expect(results[0]?.created).toEqual(["app.orders", "app.orders_pkey"]);
    expect(results[1]?.locks).toEqual([{ relation: "app.orders", mode: "RowExclusiveLock", locktype: "relation", kind: "r" }]);
    // The table exists only inside the trace, where it was created: the rewrite is still seen, but its
    // AccessExclusiveLock was already held since CREATE TABLE, so it is reported in heldBefore, not locks.
    expect(results[3]?.rewritten).toEqual(["app.orders"]);
    expect(results[3]?.locks).toEqual([]);
    expect(results[3]?.heldBefore).toContainEqual({
      relation: "app.orders",
      mode: "AccessExclusiveLock",
      locktype: "relation",
      kind: "r",
    });
    expect(results[4]?.created).toEqual(["app.orders_total_idx"]);
    const { rows } = await getDatabase().query("SELECT 1 FROM pg_namespace WHERE nspname = 'app'");
    expect(rows).toEqual([]);
  });
});

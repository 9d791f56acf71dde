import { openDatabase } from "@confiture/db";
import { type DatabaseTarget, databaseTargets, openTestDatabase, type TestDatabase } from "@confiture/db/testing";
import { afterEach, describe, expect, it } from "vitest";
import { migrationDirectory } from "./__fixtures__/migrations.js";
import { MigrationLockedError } from "./errors.js";
import { recordingLifecycle } from "./lifecycle.js";
import { migrationStatus } from "./status.js";
import { migrateUp } from "./up.js";

// These need a second session on the same database, which only a server has.
const server = databaseTargets().find((target) => target.name === "postgres") as DatabaseTarget | undefined;

describe.skipIf(server === undefined)("the runner against a server, with other sessions", () => {
  let database: TestDatabase | undefined;
  const other: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    for (const session of other.splice(0)) await session.close();
    await database?.close();
    database = undefined;
  });
  const fresh = async () => {
    database = await openTestDatabase(server as DatabaseTarget);
    const url = new URL((server as DatabaseTarget).url as string);
    url.pathname = `/${database.name}`;
    const second = await openDatabase(url.toString());
    other.push(second);
    return { db: database, second };
  };

  it("gives up waiting for another run's lock with MigrationLockedError", async () => {
    const { db, second } = await fresh();
    const directory = await migrationDirectory({ "1_a.up.sql": "CREATE TABLE a (id int);\n" });
    await second.withConnection(async (connection) => {
      await connection.query("SELECT pg_advisory_lock($1::bigint)", ["7311225096718263141"]);
      const started = performance.now();
      await expect(migrateUp({ database: db, directory, settings: { lockWaitMs: 300 } })).rejects.toSatisfy(
        (error) => MigrationLockedError.isInstance(error) && /another migration run holds the lock/.test(error.message),
      );
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
      await connection.query("SELECT pg_advisory_unlock($1::bigint)", ["7311225096718263141"]);
    });
    expect((await migrateUp({ database: db, directory, settings: { lockWaitMs: 300 } })).completed).toHaveLength(1);
  });

  it("retries a migration that hits lock_timeout, raising the alert each time", async () => {
    const { db, second } = await fresh();
    await db.exec("CREATE TABLE busy (id int)");
    const directory = await migrationDirectory({ "1_alter.up.sql": "ALTER TABLE busy ADD COLUMN note text;\n" });
    const lifecycle = recordingLifecycle();
    const result = await second.withConnection(async (connection) => {
      await connection.exec("BEGIN; LOCK TABLE busy IN ACCESS SHARE MODE;");
      const release = new Promise((resolve) => setTimeout(resolve, 400)).then(() => connection.exec("COMMIT"));
      const run = migrateUp({
        database: db,
        directory,
        lifecycle,
        settings: { lockTimeoutMs: 100, lockRetry: { retries: 5, initialDelayMs: 50, factor: 2, maxDelayMs: 200 } },
      });
      const [outcome] = await Promise.all([run, release]);
      return outcome;
    });
    expect(result.status).toBe("ok");
    expect(result.completed[0]?.attempts).toBeGreaterThan(1);
    const alerts = lifecycle.fired.filter((entry) => entry.name === "lock_timeout_exceeded");
    expect(alerts.length).toBe((result.completed[0]?.attempts ?? 0) - 1);
  });

  it("fails on lock_timeout without retries and rolls back", async () => {
    const { db, second } = await fresh();
    await db.exec("CREATE TABLE busy (id int)");
    const directory = await migrationDirectory({
      "1_alter.up.sql": "CREATE TABLE other (id int);\nALTER TABLE busy ADD COLUMN note text;\n",
    });
    const result = await second.withConnection(async (connection) => {
      await connection.exec("BEGIN; LOCK TABLE busy IN ACCESS SHARE MODE;");
      try {
        return await migrateUp({ database: db, directory, settings: { lockTimeoutMs: 50 } });
      } finally {
        await connection.exec("COMMIT");
      }
    });
    expect(result.status).toBe("failed");
    expect(result.failure?.code).toBe("55P03");
    const { rows } = await db.query<{ other: string | null }>("SELECT to_regclass('public.other')::text AS other");
    expect(rows[0]?.other).toBeNull();
  });

  it("leaves a failed CREATE INDEX CONCURRENTLY resumable, names the invalid index, and resumes", async () => {
    const { db } = await fresh();
    const directory = await migrationDirectory({
      "1_codes.up.sql": [
        "CREATE TABLE codes (id int, code text);",
        "INSERT INTO codes VALUES (1, 'a'), (2, 'a');",
        "CREATE UNIQUE INDEX CONCURRENTLY codes_code ON codes (code);",
        "CREATE INDEX CONCURRENTLY codes_id ON codes (id);",
        "",
      ].join("\n"),
    });
    const first = await migrateUp({ database: db, directory });
    expect(first.status).toBe("failed");
    expect(first.failure?.message).toMatch(/at statement 3 of 4/);
    expect(first.failure?.message).toMatch(/invalid index left behind: public\.codes_code \(on codes\)/);
    const status = await migrationStatus({ database: db, directory });
    expect(status.ok).toBe(false);
    expect(status.migrations[0]).toMatchObject({ state: "partial", transactional: false, completedStatements: 2 });
    expect(status.invalidIndexes).toEqual([{ schema: "public", name: "codes_code", table: "codes" }]);

    await db.exec("DELETE FROM codes WHERE id = 2");
    const progress: string[] = [];
    const { createMigrateEvents } = await import("./events.js");
    const events = createMigrateEvents();
    events.on("progress", (event) => progress.push(event.message));
    const second = await migrateUp({ database: db, directory, events });
    expect(second.status).toBe("ok");
    expect(progress.join("\n")).toMatch(/resuming at statement 3 of 4/);
    expect(progress.join("\n")).toMatch(/dropping invalid index "public"."codes_code"/);
    const { rows } = await db.query<{ count: number }>("SELECT count(*)::int AS count FROM codes");
    expect(rows[0]?.count).toBe(1);
    const after = await migrationStatus({ database: db, directory });
    expect(after.migrations[0]).toMatchObject({ state: "applied", transactional: false });
    expect(after.invalidIndexes).toEqual([]);
  });

  it("wraps a statement timeout as a failure of that migration", async () => {
    const { db } = await fresh();
    const directory = await migrationDirectory({ "1_slow.up.sql": "CREATE TABLE s (id int);\nSELECT pg_sleep(2);\n" });
    const result = await migrateUp({ database: db, directory, settings: { statementTimeoutMs: 100 } });
    expect(result.status).toBe("failed");
    expect(result.failure?.code).toBe("57014");
  });
});

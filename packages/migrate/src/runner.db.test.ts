import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type DatabaseTarget, databaseTargets, openTestDatabase, type TestDatabase } from "@confiture/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fiveMigrations, migrationDirectory } from "./__fixtures__/migrations.js";
import { migrateDown } from "./down.js";
import { MigrationDriftError, MigrationGateError } from "./errors.js";
import { createMigrateEvents, type TimingEvent } from "./events.js";
import { HookPhaseFailedError, type Lifecycle, recordingLifecycle } from "./lifecycle.js";
import { migrationStatus } from "./status.js";
import { migrateUp } from "./up.js";

const phaseOrder = [
  "before_analyze_schema",
  "after_analyze_schema",
  "before_diff_schemas",
  "after_diff_schemas",
  "before_plan_migration",
  "after_plan_migration",
];

describe.each(
  databaseTargets().map((target) => [target.name, target] as const),
)("the runner on %s", (_name, target: DatabaseTarget) => {
  // One database per target (starting PGlite takes seconds); each test starts from an empty schema.
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await openTestDatabase(target);
  });
  afterAll(async () => {
    await database?.close();
  });
  const fresh = async () => {
    const db = database as TestDatabase;
    await db.exec("DROP SCHEMA IF EXISTS confiture CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    return db;
  };

  it("applies pending migrations once, in order, with tracking and statement history", async () => {
    const db = await fresh();
    const directory = await migrationDirectory(fiveMigrations());
    const lifecycle = recordingLifecycle();
    const result = await migrateUp({ database: db, directory, lifecycle });
    expect(result.status).toBe("ok");
    expect(result.completed.map((outcome) => outcome.version)).toEqual([
      "20240101000000",
      "20240102000000",
      "20240103000000",
      "20240104000000",
      "20240105000000",
    ]);
    const { rows } = await db.query<{ version: string; state: string; transactional: boolean }>(
      "SELECT version, state, transactional FROM confiture.migrations ORDER BY version",
    );
    expect(rows).toHaveLength(5);
    expect(rows.every((row) => row.state === "applied" && row.transactional)).toBe(true);
    const history = await db.query<{
      version: string;
      statement_index: number;
      kind: string;
      target_table: string | null;
      pg_major: number;
    }>(
      "SELECT version, statement_index, kind, target_table, pg_major FROM confiture.statement_history WHERE version = '20240102000000' ORDER BY statement_index",
    );
    expect(history.rows.map((row) => [row.statement_index, row.kind, row.target_table])).toEqual([
      [0, "create_table", "public.t2"],
      [1, "insert", "public.t2"],
    ]);
    expect(history.rows[0]?.pg_major).toBe(await db.serverMajorVersion());

    const names = lifecycle.fired.map((entry) => entry.name);
    expect(names.slice(0, 6)).toEqual(phaseOrder);
    expect(names.filter((name) => name === "before_execute")).toHaveLength(5);
    expect(names.filter((name) => name === "migration_completed")).toHaveLength(5);
    expect(names.slice(-2)).toEqual(["before_validate", "after_validate"]);

    const again = await migrateUp({ database: db, directory });
    expect(again.plan).toEqual([]);
    expect((await migrationStatus({ database: db, directory })).summary).toMatchObject({ applied: 5, pending: 0 });
  });

  it("stops at a failing statement in the third of five: two applied, the third rolled back, status exact", async () => {
    const db = await fresh();
    const directory = await migrationDirectory(fiveMigrations({ failing: 3 }));
    const lifecycle = recordingLifecycle();
    const result = await migrateUp({ database: db, directory, lifecycle });
    expect(result.status).toBe("failed");
    expect(result.completed.map((outcome) => outcome.version)).toEqual(["20240101000000", "20240102000000"]);
    expect(result.failure).toMatchObject({ version: "20240103000000", code: "23505" });
    expect(result.failure?.message).toMatch(/at statement 2 and was rolled back/);
    // The third's CREATE TABLE ran before the failing INSERT: it must be gone.
    const { rows } = await db.query<{ t3: string | null }>("SELECT to_regclass('public.t3')::text AS t3");
    expect(rows[0]?.t3).toBeNull();
    const names = lifecycle.fired.map((entry) => entry.name);
    const failedAt = names.indexOf("migration_failed");
    expect(names.slice(failedAt - 3, failedAt + 1)).toEqual([
      "before_rollback",
      "after_rollback",
      "migration_rolled_back",
      "migration_failed",
    ]);
    const rollback = lifecycle.fired.find((entry) => entry.name === "before_rollback");
    expect(rollback?.payload).toMatchObject({ migration: { version: "20240103000000" }, originalError: { code: "23505" } });
    expect(String(rollback?.payload.reason)).toMatch(/duplicate key/);
    expect(names.filter((name) => name === "migration_started")).toHaveLength(3);
    const status = await migrationStatus({ database: db, directory });
    expect(status.migrations.map((entry) => [entry.version, entry.state])).toEqual([
      ["20240101000000", "applied"],
      ["20240102000000", "applied"],
      ["20240103000000", "pending"],
      ["20240104000000", "pending"],
      ["20240105000000", "pending"],
    ]);
    expect(status.ok).toBe(true);
  });

  it("rolls a migration back when a fail-fast hook fails after it ran", async () => {
    const db = await fresh();
    const directory = await migrationDirectory(fiveMigrations());
    const failing: Lifecycle = {
      phase: async (phase, context) => {
        const migration = context.migration as { version?: string } | undefined;
        if (phase === "after_execute" && migration?.version === "20240102000000")
          throw new HookPhaseFailedError(phase, ["audit: refused"]);
      },
      event: async () => undefined,
      alert: async () => undefined,
    };
    const lifecycle = recordingLifecycle(failing);
    const result = await migrateUp({ database: db, directory, lifecycle });
    expect(result.status).toBe("failed");
    expect(result.failure?.message).toMatch(/audit: refused/);
    expect(result.completed.map((outcome) => outcome.version)).toEqual(["20240101000000"]);
    const { rows } = await db.query<{ t2: string | null }>("SELECT to_regclass('public.t2')::text AS t2");
    expect(rows[0]?.t2).toBeNull();
    expect(lifecycle.fired.map((entry) => entry.name)).toContain("migration_rolled_back");
  });

  it("cancels through the AbortSignal: the current migration rolls back, the cancelled event fires, later ones stay pending", async () => {
    const db = await fresh();
    const directory = await migrationDirectory(fiveMigrations());
    const controller = new AbortController();
    // Abort once the second migration's transaction has started, as a SIGINT would.
    const aborting: Lifecycle = {
      phase: async (phase, context) => {
        if (phase === "before_execute" && (context.migration as { version: string }).version === "20240102000000")
          controller.abort();
      },
      event: async () => undefined,
      alert: async () => undefined,
    };
    const lifecycle = recordingLifecycle(aborting);
    const result = await migrateUp({ database: db, directory, lifecycle, signal: controller.signal });
    expect(result.status).toBe("cancelled");
    expect(result.completed.map((outcome) => outcome.version)).toEqual(["20240101000000"]);
    const names = lifecycle.fired.map((entry) => entry.name);
    expect(names.slice(-4)).toEqual(["before_rollback", "after_rollback", "migration_rolled_back", "migration_cancelled"]);
    const { rows } = await db.query<{ t2: string | null }>("SELECT to_regclass('public.t2')::text AS t2");
    expect(rows[0]?.t2).toBeNull();
    expect((await migrationStatus({ database: db, directory })).summary).toMatchObject({ applied: 1, pending: 4 });
  });

  it("reports drift as an error and refuses to run", async () => {
    const db = await fresh();
    const directory = await migrationDirectory(fiveMigrations());
    await migrateUp({ database: db, directory, to: "20240102000000" });
    await writeFile(join(directory, "20240101000000_create_t1.up.sql"), "CREATE TABLE t1 (id bigint PRIMARY KEY);\n");
    const status = await migrationStatus({ database: db, directory });
    expect(status.ok).toBe(false);
    expect(status.migrations[0]).toMatchObject({ state: "drifted" });
    expect(status.summary).toMatchObject({ applied: 1, drifted: 1, pending: 3 });
    await expect(migrateUp({ database: db, directory })).rejects.toSatisfy((error) => MigrationDriftError.isInstance(error));
  });

  it("plans without changing anything in a dry run, and honours --to", async () => {
    const db = await fresh();
    const directory = await migrationDirectory(fiveMigrations());
    const lifecycle = recordingLifecycle();
    const dry = await migrateUp({ database: db, directory, to: "20240103000000", dryRun: true, lifecycle });
    expect(dry.plan.map((entry) => entry.version)).toEqual(["20240101000000", "20240102000000", "20240103000000"]);
    expect(dry.completed).toEqual([]);
    expect(lifecycle.fired.map((entry) => entry.name)).toEqual([...phaseOrder, "before_dry_run", "after_dry_run"]);
    expect((await migrationStatus({ database: db, directory })).summary.pending).toBe(5);
    const real = await migrateUp({ database: db, directory, to: "20240103000000" });
    expect(real.completed).toHaveLength(3);
  });

  it("reverts with down files, newest first, by steps or down to a version, firing the phases", async () => {
    const db = await fresh();
    const directory = await migrationDirectory(fiveMigrations());
    await migrateUp({ database: db, directory });
    const lifecycle = recordingLifecycle();
    const oneStep = await migrateDown({ database: db, directory, lifecycle });
    expect(oneStep.completed.map((outcome) => outcome.version)).toEqual(["20240105000000"]);
    expect(lifecycle.fired.map((entry) => entry.name)).toEqual(
      expect.arrayContaining([...phaseOrder, "before_execute", "after_execute", "after_validate"]),
    );
    const toSecond = await migrateDown({ database: db, directory, to: "20240102000000" });
    expect(toSecond.completed.map((outcome) => outcome.version)).toEqual(["20240104000000", "20240103000000"]);
    const { rows } = await db.query<{ tables: string[] }>(
      "SELECT array_agg(tablename::text ORDER BY tablename) AS tables FROM pg_tables WHERE schemaname = 'public'",
    );
    expect(rows[0]?.tables).toEqual(["t1", "t2"]);
    expect((await migrationStatus({ database: db, directory })).summary).toMatchObject({ applied: 2, pending: 3 });
  });

  it("refuses when a gate refuses, and runs under force", async () => {
    const db = await fresh();
    const directory = await migrationDirectory(fiveMigrations());
    const gates = { risk: async () => ({ level: "HIGH", reasons: ["rewrites a big table"] }) };
    await expect(migrateUp({ database: db, directory, gates })).rejects.toSatisfy((error) =>
      MigrationGateError.isInstance(error),
    );
    expect((await migrationStatus({ database: db, directory })).summary.applied).toBe(0);
    const forced = await migrateUp({ database: db, directory, gates, force: true });
    expect(forced.completed).toHaveLength(5);
    expect(forced.gates?.refusals[0]?.gate).toBe("risk");
  });

  it("raises long_transaction_detected for a slow migration and publishes a timing event per migration", async () => {
    const db = await fresh();
    const directory = await migrationDirectory({
      "1_slow.up.sql": "CREATE TABLE slow (id int);\nSELECT pg_sleep(0.3);\n",
      "2_fast.up.sql": "CREATE TABLE fast (id int);\n",
    });
    const lifecycle = recordingLifecycle();
    const events = createMigrateEvents();
    const timings: TimingEvent[] = [];
    events.on("timing", (timing) => timings.push(timing));
    const result = await migrateUp({ database: db, directory, lifecycle, events, settings: { longTransactionMs: 100 } });
    expect(result.status).toBe("ok");
    const alerts = lifecycle.fired.filter((entry) => entry.name === "long_transaction_detected");
    expect(alerts.map((entry) => (entry.payload.migration as { version: string }).version)).toEqual(["1"]);
    expect(timings.map((timing) => [timing.operation, timing.version])).toEqual([
      ["migration", "1"],
      ["migration", "2"],
    ]);
    expect(timings[0]?.durationMs).toBeGreaterThanOrEqual(290);
  });

  it("runs a migration holding CREATE INDEX CONCURRENTLY outside a transaction and marks it", async () => {
    const db = await fresh();
    const directory = await migrationDirectory({
      "1_table.up.sql": "CREATE TABLE items (id int, code text);\nINSERT INTO items VALUES (1, 'a'), (2, 'b');\n",
      "2_index.up.sql": "CREATE INDEX CONCURRENTLY items_code ON items (code);\n",
      "2_index.down.sql": "DROP INDEX CONCURRENTLY items_code;\n",
    });
    const result = await migrateUp({ database: db, directory });
    expect(result.status).toBe("ok");
    expect(result.plan.map((entry) => entry.transactional)).toEqual([true, false]);
    const status = await migrationStatus({ database: db, directory });
    expect(status.migrations.map((entry) => [entry.state, entry.transactional])).toEqual([
      ["applied", true],
      ["applied", false],
    ]);
    const reverted = await migrateDown({ database: db, directory });
    expect(reverted.status).toBe("ok");
    const { rows } = await db.query<{ index: string | null }>("SELECT to_regclass('public.items_code')::text AS index");
    expect(rows[0]?.index).toBeNull();
  });
});

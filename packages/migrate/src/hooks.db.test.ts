import { openTestDatabase, type TestDatabase } from "@confiture/db/testing";
import { defineHook, HookExecutor, HookPhase, hookPhases } from "@confiture/hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationDirectory } from "./__fixtures__/migrations.js";
import { hooksLifecycle } from "./hooks-lifecycle.js";
import { migrationStatus } from "./status.js";
import { migrateUp } from "./up.js";

/** Three migrations; the runner must fire every phase with a context the hooks package accepts. */
const files = {
  "1_a.up.sql": "CREATE TABLE a (id int);\n",
  "2_b.up.sql": "CREATE TABLE b (id int);\n",
  "3_c.up.sql": "CREATE TABLE c (id int);\n",
};

describe("the runner with a real @confiture/hooks executor (PGlite)", () => {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await openTestDatabase({ name: "pglite" });
  });
  afterAll(async () => {
    await database?.close();
  });
  const fresh = async () => {
    const db = database as TestDatabase;
    await db.exec(
      "DROP SCHEMA IF EXISTS confiture CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public; CREATE TABLE public.audit (version text);",
    );
    return db;
  };

  function executorRecording(seen: Array<{ phase: string; version?: string }>, refuseVersion?: string): HookExecutor {
    const executor = new HookExecutor({ circuitBreaker: false });
    for (const phase of hookPhases) {
      executor.register(
        defineHook({
          name: "record",
          phase,
          run: (context) => {
            const migration = (context as { migration?: { version: string } }).migration;
            seen.push(migration === undefined ? { phase } : { phase, version: migration.version });
          },
        }),
      );
    }
    executor.register(
      defineHook({
        name: "audit",
        phase: HookPhase.AFTER_EXECUTE,
        transaction: "inside",
        run: async (context) => {
          await context.sql?.exec(`INSERT INTO public.audit VALUES ('${context.migration.version}')`);
        },
      }),
    );
    executor.register(
      defineHook({
        name: "refuse",
        phase: HookPhase.AFTER_EXECUTE,
        run: (context) =>
          context.migration.version === refuseVersion ? { success: false, message: "change freeze" } : undefined,
      }),
    );
    return executor;
  }

  it("fires every phase with a valid context; hooks share the migration's transaction; a fail-fast failure rolls it back", async () => {
    const db = await fresh();
    const directory = await migrationDirectory(files);
    const seen: Array<{ phase: string; version?: string }> = [];
    const executor = executorRecording(seen, "3");
    const states: string[] = [];
    executor.on("state", (message) =>
      states.push(`${message.event}:${(message.payload.migration as { version: string }).version}`),
    );
    const result = await migrateUp({ database: db, directory, lifecycle: hooksLifecycle(executor) });

    expect(result.status).toBe("failed");
    expect(result.failure?.message).toMatch(/hooks of phase after_execute failed: hook "refuse" reported failure: change freeze/);
    const phases = new Set(seen.map((entry) => entry.phase));
    expect([...hookPhases].filter((phase) => !phases.has(phase))).toEqual(["before_dry_run", "after_dry_run"]);
    expect(seen.filter((entry) => entry.phase === "before_rollback")).toEqual([{ phase: "before_rollback", version: "3" }]);
    expect(states).toEqual([
      "migration_started:1",
      "migration_completed:1",
      "migration_started:2",
      "migration_completed:2",
      "migration_started:3",
      "migration_rolled_back:3",
      "migration_failed:3",
    ]);
    // The audit row of migration 3 was written in its transaction, so it went with the rollback.
    const { rows } = await db.query<{ version: string }>("SELECT version FROM public.audit ORDER BY version");
    expect(rows.map((row) => row.version)).toEqual(["1", "2"]);
    expect((await migrationStatus({ database: db, directory })).summary).toMatchObject({ applied: 2, pending: 1 });
  });

  it("fires the dry-run phases and nothing else changes", async () => {
    const db = await fresh();
    const directory = await migrationDirectory(files);
    const seen: Array<{ phase: string; version?: string }> = [];
    const result = await migrateUp({ database: db, directory, dryRun: true, lifecycle: hooksLifecycle(executorRecording(seen)) });
    expect(result.status).toBe("ok");
    expect(seen.map((entry) => entry.phase)).toEqual([
      "before_analyze_schema",
      "after_analyze_schema",
      "before_diff_schemas",
      "after_diff_schemas",
      "before_plan_migration",
      "after_plan_migration",
      "before_dry_run",
      "after_dry_run",
    ]);
    expect((await migrationStatus({ database: db, directory })).summary.pending).toBe(3);
  });
});

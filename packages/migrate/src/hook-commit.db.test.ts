import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type DatabaseTarget, databaseTargets, openTestDatabase, type TestDatabase } from "@confiture/db/testing";
import { type AnyHookDefinition, defineHook, HookExecutor, HookPhase, sqlHook, webhookHook } from "@confiture/hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationDirectory } from "./__fixtures__/migrations.js";
import { appliedVersions, auditNotes, resetWithAuditTable, tableExists } from "./__fixtures__/read-back.js";
import { hooksLifecycle } from "./hooks-lifecycle.js";
import { migrateUp } from "./up.js";

/**
 * Where hooks run relative to the COMMIT, checked from the database (issue 13 defects 2-5, issue 19
 * item 7): failures after COMMIT never pretend to roll back, `transaction: "outside"` hooks run after
 * COMMIT on their own connection, a timed-out hook can no longer touch the database, and the hook
 * context says which mode its SQL runs in.
 */
describe.each(
  databaseTargets().map((target) => [target.name, target] as const),
)("hooks and the COMMIT on %s", (name, target: DatabaseTarget) => {
  const server = name === "postgres";
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await openTestDatabase(target);
  });
  afterAll(async () => {
    await database?.close();
  });
  const fresh = () => resetWithAuditTable(database as TestDatabase);
  const applied = appliedVersions;
  const audit = auditNotes;
  const oneMigration = { "1_t.up.sql": "CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\n" };

  function executorWith(hooks: AnyHookDefinition[], options: ConstructorParameters<typeof HookExecutor>[0] = {}) {
    const executor = new HookExecutor({ circuitBreaker: false, ...options }).registerAll(hooks);
    const fired: string[] = [];
    executor.on("state", (message) => fired.push(message.event));
    executor.on("phase:start", (message) => fired.push(`phase:${message.phase}`));
    return { executor, fired };
  }

  it("a fail-fast after_validate hook reports 'applied, then a post-commit check failed' and rolls nothing back", async () => {
    const db = await fresh();
    const { executor, fired } = executorWith([
      defineHook({ name: "check", phase: HookPhase.AFTER_VALIDATE, run: () => ({ success: false, message: "regression" }) }),
    ]);
    const directory = await migrationDirectory(oneMigration);
    const result = await migrateUp({ database: db, directory, lifecycle: hooksLifecycle(executor) });
    expect(result.status).toBe("post_commit_failed");
    expect(result.postCommitFailure?.message).toMatch(
      /1 migration\(s\) applied, then a post-commit check failed: .*regression.*they stay committed \(nothing was rolled back\)/,
    );
    expect(fired).toContain("post_commit_check_failed");
    expect(fired).not.toContain("phase:before_rollback");
    expect(fired).not.toContain("migration_rolled_back");
    expect(await applied(db)).toEqual(["1"]);
    expect(await tableExists(db, "t")).toBe(true);
  });

  it("runs a `transaction: outside` SQL hook after COMMIT on an autocommit connection (CREATE INDEX CONCURRENTLY, VACUUM)", async () => {
    const db = await fresh();
    const seen: Array<{ mode: unknown; sqlMode: unknown }> = [];
    const { executor } = executorWith([
      sqlHook({
        name: "index",
        phase: HookPhase.AFTER_EXECUTE,
        transaction: "outside",
        sql: "CREATE INDEX CONCURRENTLY t_id ON t (id)",
      }),
      sqlHook({ name: "vacuum", phase: HookPhase.AFTER_EXECUTE, transaction: "outside", sql: "VACUUM t", priority: 1 }),
      defineHook({
        name: "look",
        phase: HookPhase.AFTER_EXECUTE,
        transaction: "outside",
        run: (context) => {
          seen.push({ mode: context.sql?.mode, sqlMode: context.sqlMode });
        },
      }),
      defineHook({
        name: "look-inside",
        phase: HookPhase.AFTER_EXECUTE,
        run: (context) => {
          seen.push({ mode: context.sql?.mode, sqlMode: context.sqlMode });
        },
      }),
    ]);
    const directory = await migrationDirectory(oneMigration);
    const result = await migrateUp({ database: db, directory, lifecycle: hooksLifecycle(executor) });
    expect(result.status, result.failure?.message).toBe("ok");
    expect(await applied(db)).toEqual(["1"]);
    const { rows } = await db.query<{ valid: boolean }>(
      "SELECT i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 't_id'",
    );
    expect(rows).toEqual([{ valid: true }]);
    // The inside hook ran first (before COMMIT), in the transaction; the outside one after, in autocommit.
    expect(seen).toEqual([
      { mode: "transaction", sqlMode: "transaction" },
      { mode: "autocommit", sqlMode: "autocommit" },
    ]);
  });

  it("runs outside after_execute hooks only for a migration that was applied", async () => {
    const db = await fresh();
    const calls: string[] = [];
    const { executor } = executorWith([
      defineHook({
        name: "after-commit",
        phase: HookPhase.AFTER_EXECUTE,
        transaction: "outside",
        run: (context) => {
          calls.push(context.migration.version);
        },
      }),
    ]);
    const directory = await migrationDirectory({ ...oneMigration, "2_bad.up.sql": "CREATE TABLE t (id int);\n" });
    const result = await migrateUp({ database: db, directory, lifecycle: hooksLifecycle(executor) });
    expect(result.status).toBe("failed");
    expect(calls).toEqual(["1"]);
    expect(await applied(db)).toEqual(["1"]);
  });

  it("a fail-fast outside after_execute hook leaves its migration applied and stops the run", async () => {
    const db = await fresh();
    const { executor, fired } = executorWith([
      defineHook({
        name: "smoke",
        phase: HookPhase.AFTER_EXECUTE,
        transaction: "outside",
        run: () => ({ success: false, message: "smoke test failed" }),
      }),
    ]);
    const directory = await migrationDirectory({ ...oneMigration, "2_u.up.sql": "CREATE TABLE u (id int);\n" });
    const result = await migrateUp({ database: db, directory, lifecycle: hooksLifecycle(executor) });
    expect(result.status).toBe("post_commit_failed");
    expect(result.postCommitFailure).toMatchObject({ phase: "after_execute", version: "1" });
    expect(fired).not.toContain("migration_rolled_back");
    expect(await applied(db)).toEqual(["1"]);
    expect(await tableExists(db, "u")).toBe(false);
  });

  it("before_execute SQL joins the transaction in a transactional migration and autocommits in one outside a transaction", async () => {
    const db = await fresh();
    const modes: unknown[] = [];
    const { executor } = executorWith([
      defineHook({
        name: "write",
        phase: HookPhase.BEFORE_EXECUTE,
        run: async (context) => {
          modes.push(context.sqlMode);
          await context.sql?.exec(`INSERT INTO public.audit VALUES ('${context.migration.version}')`);
        },
      }),
    ]);
    // Both migrations fail on their last statement.
    const transactional = await migrationDirectory({ "1_t.up.sql": "CREATE TABLE t (id int);\nSELECT 1/0;\n" });
    expect((await migrateUp({ database: db, directory: transactional, lifecycle: hooksLifecycle(executor) })).status).toBe(
      "failed",
    );
    const outside = await migrationDirectory({
      "1_t.up.sql": "CREATE TABLE t (id int);\nCREATE INDEX CONCURRENTLY t_i ON t (id);\nSELECT 1/0;\n",
    });
    await db.exec("DROP SCHEMA confiture CASCADE");
    expect((await migrateUp({ database: db, directory: outside, lifecycle: hooksLifecycle(executor) })).status).toBe("failed");
    expect(modes).toEqual(["transaction", "autocommit"]);
    // The first write went with the rollback; the second committed on its own and survived the failure.
    expect(await audit(db)).toEqual(["1"]);
    expect((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM public.audit")).rows[0]?.n).toBe(1);
  });

  it("a hook that times out while its SQL runs can no longer touch the database; the rollback waits for it", async () => {
    const db = await fresh();
    let lateWrite: unknown;
    const { executor } = executorWith([
      defineHook({
        name: "stuck",
        phase: HookPhase.AFTER_EXECUTE,
        timeoutMs: 300,
        // Ignores its signal: sleeps in SQL, then tries to write.
        run: async (context) => {
          await context.sql?.exec(`SELECT pg_sleep(${server ? 20 : 1})`).catch(() => undefined);
          lateWrite = await context.sql?.exec("INSERT INTO public.audit VALUES ('late')").then(
            () => "written",
            (error: unknown) => error,
          );
        },
      }),
    ]);
    const directory = await migrationDirectory(oneMigration);
    const started = performance.now();
    const result = await migrateUp({ database: db, directory, lifecycle: hooksLifecycle(executor) });
    const elapsed = performance.now() - started;
    expect(result.status).toBe("failed");
    expect(result.failure?.message).toMatch(/timed out/);
    // The bound: the hook timeout, the cancel and the rollback; not the 20 s the statement would take.
    if (server) expect(elapsed).toBeLessThan(10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // On the server the sleep is cancelled and the late write refused. PGlite runs the sleep on the
    // event loop, so the hook ends before its timer can fire: it is timed out all the same, and its
    // savepoint (with the write) rolled back.
    if (server) expect(String(lateWrite)).toMatch(/revoked/);
    expect(await audit(db)).toEqual([]);
    expect(await applied(db)).toEqual([]);
    expect(await tableExists(db, "t")).toBe(false);
    if (server) {
      const { rows } = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%' AND pid <> pg_backend_pid()",
      );
      expect(rows[0]?.n).toBe(0);
    }
  });

  it.skipIf(!server)("a hanging webhook on after_execute runs after COMMIT: readers of the table are not blocked", async () => {
    const db = await fresh();
    let seenDuringRequest: { locks: number; rows: number } | undefined;
    const http = createServer((_request, response) => {
      // While the webhook hangs, another session reads the table with a short lock timeout.
      void (async () => {
        const locks = await db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 't'",
        );
        const rows = await db.transaction(async (tx) => {
          await tx.exec("SET LOCAL lock_timeout = '500ms'");
          return (await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM t")).rows[0]?.n ?? -1;
        });
        seenDuringRequest = { locks: locks.rows[0]?.n ?? -1, rows };
      })().finally(() => setTimeout(() => response.end("late"), 1_500));
    });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/hook`;
      const { executor } = executorWith([
        webhookHook({
          name: "notify",
          phase: HookPhase.AFTER_EXECUTE,
          url,
          timeoutMs: 1_000,
          retries: 0,
          errorStrategy: "alert-only",
        }),
      ]);
      const directory = await migrationDirectory(oneMigration);
      const result = await migrateUp({ database: db, directory, lifecycle: hooksLifecycle(executor) });
      expect(result.status).toBe("ok");
      expect(seenDuringRequest).toEqual({ locks: 0, rows: 1 });
      expect(await applied(db)).toEqual(["1"]);
    } finally {
      http.closeAllConnections();
      http.close();
    }
  });
});

import { type DatabaseTarget, databaseTargets, openTestDatabase, type TestDatabase } from "@confiture/db/testing";
import { type AnyHookDefinition, defineHook, HookExecutor, HookPhase, sqlHook } from "@confiture/hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationDirectory } from "./__fixtures__/migrations.js";
import { appliedVersions, auditNotes, resetWithAuditTable, tableExists } from "./__fixtures__/read-back.js";
import { hooksLifecycle } from "./hooks-lifecycle.js";
import { migrateUp } from "./up.js";

/**
 * What hooks do to the migration's transaction, checked from the database: tracking table, schema
 * and the hooks' own writes (issue 13, defect 1).
 */
describe.each(
  databaseTargets().map((target) => [target.name, target] as const),
)("hook SQL and COMMIT on %s", (_name, target: DatabaseTarget) => {
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

  async function run(db: TestDatabase, hooks: AnyHookDefinition[], phases: ConstructorParameters<typeof HookExecutor>[0] = {}) {
    const directory = await migrationDirectory({ "1_t.up.sql": "CREATE TABLE t (id int);\n" });
    const executor = new HookExecutor({ circuitBreaker: false, ...phases }).registerAll(hooks);
    return migrateUp({ database: db, directory, lifecycle: hooksLifecycle(executor) });
  }
  const bad = "SELECT * FROM table_that_does_not_exist;";

  it("a fail-safe after_execute SQL hook that errors is rolled back to its savepoint; the migration commits", async () => {
    const db = await fresh();
    const result = await run(
      db,
      [
        sqlHook({ name: "note", phase: HookPhase.AFTER_EXECUTE, sql: "INSERT INTO public.audit VALUES ('kept')", priority: 1 }),
        sqlHook({
          name: "x",
          phase: HookPhase.AFTER_EXECUTE,
          sql: `INSERT INTO public.audit VALUES ('undone'); ${bad}`,
          priority: 2,
        }),
      ],
      { phases: { after_execute: { errorStrategy: "fail-safe" } } },
    );
    expect(result.status).toBe("ok");
    expect(await applied(db)).toEqual(["1"]);
    expect(await tableExists(db, "t")).toBe(true);
    // The failed hook's own write went with its savepoint; the other hook's write committed.
    expect(await audit(db)).toEqual(["kept"]);
  });

  it("a fail-safe before_execute SQL hook that errors does not abort the migration's statements", async () => {
    const db = await fresh();
    const result = await run(db, [sqlHook({ name: "x", phase: HookPhase.BEFORE_EXECUTE, sql: bad, errorStrategy: "fail-safe" })]);
    expect(result.status).toBe("ok");
    expect(await applied(db)).toEqual(["1"]);
    expect(await tableExists(db, "t")).toBe(true);
  });

  it("a hook that swallows its SQL error is counted as failed and its writes are rolled back", async () => {
    const db = await fresh();
    const seen: string[] = [];
    const executor = new HookExecutor({ circuitBreaker: false, phases: { after_execute: { errorStrategy: "alert-only" } } });
    executor.on("alert", (message) => seen.push(String(message.payload.hook)));
    executor.register(
      defineHook({
        name: "swallow",
        phase: HookPhase.AFTER_EXECUTE,
        run: async (context) => {
          await context.sql?.exec("INSERT INTO public.audit VALUES ('swallowed')");
          await context.sql?.exec(bad).catch(() => undefined);
        },
      }),
    );
    const directory = await migrationDirectory({ "1_t.up.sql": "CREATE TABLE t (id int);\n" });
    const result = await migrateUp({ database: db, directory, lifecycle: hooksLifecycle(executor) });
    expect(result.status).toBe("ok");
    expect(seen).toEqual(["swallow"]);
    expect(await applied(db)).toEqual(["1"]);
    expect(await audit(db)).toEqual([]);
  });

  it("a COMMIT that the server turns into a rollback is a failure, and nothing is recorded", async () => {
    const db = await fresh();
    // The hook ends the migration's transaction under the runner and leaves a new, aborted one.
    const result = await run(db, [
      sqlHook({ name: "rogue", phase: HookPhase.AFTER_EXECUTE, sql: "ROLLBACK; BEGIN", errorStrategy: "fail-safe" }),
    ]);
    expect(result.status).toBe("failed");
    expect(result.failure?.message).toMatch(/COMMIT did not commit/);
    expect(await applied(db)).toEqual([]);
    expect(await tableExists(db, "t")).toBe(false);
  });
});

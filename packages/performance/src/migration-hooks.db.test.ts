import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeEachDatabase } from "@confiture/db/testing";
import { Alert, HookExecutor, HookPhase } from "@confiture/hooks";
import { expect, it } from "vitest";
import { createPerformanceHooks } from "./migration-hooks.js";
import { parseQueriesFile } from "./queries-file.js";
import { FileBaselineStore } from "./store.js";

describeEachDatabase("performance migration hooks", (getDatabase) => {
  it("record a baseline before execute and raise PERFORMANCE_DEGRADED after validate", async () => {
    const database = getDatabase();
    await database.exec(`
      CREATE TABLE accounts (id int PRIMARY KEY, email text NOT NULL);
      INSERT INTO accounts SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 20000) g;
      CREATE INDEX accounts_email_idx ON accounts (email);
      ANALYZE accounts;`);
    const executor = new HookExecutor();
    const alerts: unknown[] = [];
    executor.on(Alert.PERFORMANCE_DEGRADED, (message) => alerts.push(message));
    for (const hook of createPerformanceHooks({
      database,
      queries: parseQueriesFile("-- name: by-email\nSELECT id FROM accounts WHERE email = 'user777@example.com'"),
      store: FileBaselineStore.inDirectory(await mkdtemp(join(tmpdir(), "confiture-perf-hooks-"))),
      alerts: executor,
      environment: "test",
      recordedBy: "test",
      profile: { warmupRuns: 2, timedRuns: 15 },
    })) {
      executor.register(hook);
    }
    const migration = { version: "20240101000000", name: "drop_index" };
    const before = await executor.runPhase(HookPhase.BEFORE_EXECUTE, { migration });
    expect(before.success).toBe(true);
    await database.exec("DROP INDEX accounts_email_idx"); // the migration makes the lookup a sequential scan
    const after = await executor.runPhase(HookPhase.AFTER_VALIDATE, { migrations: [migration] });
    expect(after.success).toBe(true); // alert-only by default
    expect(alerts).toHaveLength(1);
    expect(JSON.stringify(alerts[0])).toContain('"severity":"error"');
  });
});

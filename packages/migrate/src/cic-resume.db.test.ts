import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type DatabaseTarget, databaseTargets, openTestDatabase, type TestDatabase } from "@confiture/db/testing";
import { afterEach, describe, expect, it } from "vitest";
import { migrationDirectory } from "./__fixtures__/migrations.js";
import { migrationStatus } from "./status.js";
import { migrateUp } from "./up.js";

const server = databaseTargets().find((target) => target.name === "postgres") as DatabaseTarget | undefined;
const script = fileURLToPath(new URL("./__fixtures__/run-up.ts", import.meta.url));
const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

// Issue 19: SIGKILL during CREATE INDEX CONCURRENTLY; the server finished the build after the client
// died, and every rerun failed with `relation "big_c" already exists`.
describe.skipIf(server === undefined)("resuming a CREATE INDEX CONCURRENTLY killed with its process", () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  it("finds the index the server finished and goes on", async () => {
    database = await openTestDatabase(server as DatabaseTarget);
    const parsed = new URL((server as DatabaseTarget).url as string);
    parsed.pathname = `/${database.name}`;
    const directory = await migrationDirectory({
      "1_big.up.sql":
        "CREATE TABLE big (id int, c int);\nINSERT INTO big SELECT g, g % 1000 FROM generate_series(1, 2000000) g;\n",
      "2_index.up.sql": "CREATE INDEX CONCURRENTLY big_c ON big (c, id);\n",
      "3_after.up.sql": "CREATE TABLE after_index (id int);\n",
    });
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=@confiture/source", script, parsed.toString(), directory, "60000"],
      { cwd: repositoryRoot, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    const started = new Promise<void>((resolve) => {
      child.stderr?.on("data", (chunk) => {
        stderr += String(chunk);
        if (/applying 2_index/.test(stderr)) resolve();
      });
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    await started;
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill("SIGKILL");
    await exited;
    // The server goes on building after the client is gone: wait for that backend to end.
    for (let waited = 0; waited < 120; waited += 1) {
      const { rows } = await database.query<{ busy: number }>(
        "SELECT count(*)::int AS busy FROM pg_stat_activity WHERE query ILIKE 'CREATE INDEX CONCURRENTLY%' AND datname = current_database()",
      );
      if (rows[0]?.busy === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }

    const result = await migrateUp({ database, directory });
    expect(result.failure).toBeUndefined();
    expect(result.status).toBe("ok");
    const { rows } = await database.query<{ valid: boolean }>(
      "SELECT i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'big_c'",
    );
    expect(rows).toEqual([{ valid: true }]);
    const status = await migrationStatus({ database, directory });
    expect(status.summary).toMatchObject({ applied: 3, pending: 0, partial: 0 });
    expect(status.ok).toBe(true);
  }, 300_000);
});

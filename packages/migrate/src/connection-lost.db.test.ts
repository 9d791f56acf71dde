import { databaseTargets, openTestDatabase } from "@confiture/db/testing";
import { describe, expect, it } from "vitest";
import { migrationDirectory } from "./__fixtures__/migrations.js";
import { migrateUp } from "./up.js";

const server = databaseTargets().find((target) => target.name === "postgres");

/** Issue 19 item 13: after pg_terminate_backend of the runner's connection, say what was running and what state it is in. */
describe.skipIf(server === undefined)("a run whose connection the server terminates", () => {
  it("names the migration, says the server terminated the connection, and reads its state back", async () => {
    await using db = await openTestDatabase(server as { name: "postgres"; url: string });
    const directory = await migrationDirectory({
      "1_a.up.sql": "CREATE TABLE a (id int);\n",
      "2_sleepy.up.sql": "CREATE TABLE b (id int);\nSELECT pg_sleep(30);\n",
    });
    const run = migrateUp({ database: db, directory });
    // Terminate the runner's session once it sleeps in migration 2.
    let terminated = false;
    for (let tries = 0; tries < 200 && !terminated; tries++) {
      const { rows } = await db.query<{ done: boolean }>(
        "SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()",
      );
      terminated = rows.some((row) => row.done);
      if (!terminated) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(terminated).toBe(true);
    const result = await run;
    expect(result.status).toBe("failed");
    expect(result.failure?.version).toBe("2");
    expect(result.failure?.message).toMatch(
      /the server terminated the connection while migration 2_sleepy \(up\) was running \(SQLSTATE 57P01\)/,
    );
    expect(result.failure?.message).toMatch(/the server rolled its transaction back: it is not applied \(pending\)/);
    // The database agrees: 1 applied, 2 not, and its table gone with the rollback.
    const { rows } = await db.query<{ version: string }>("SELECT version FROM confiture.migrations ORDER BY version");
    expect(rows.map((row) => row.version)).toEqual(["1"]);
    const tables = await db.query<{ b: string | null }>("SELECT to_regclass('public.b')::text AS b");
    expect(tables.rows[0]?.b).toBeNull();
  });
});

import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { databaseTargets, openTestDatabase } from "@confiture/db/testing";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

describe("confiture profile (embedded database)", () => {
  it("reads the queries file from the config, records baselines, checks and shows history", async () => {
    const directory = await mkdtemp(join(tmpdir(), "confiture-profile-"));
    await mkdir(join(directory, "perf"));
    await writeFile(
      join(directory, "perf", "queries.sql"),
      "-- name: series\nSELECT count(*) FROM generate_series(1, 2000)\n-- name: write\nCREATE TABLE nope (a int)\n",
    );
    await writeFile(
      join(directory, "confiture.config.yaml"),
      "profile:\n  queries: perf/queries.sql\n  environment: ci\n  profile: { timedRuns: 5, warmupRuns: 1 }\n",
    );
    const baseline = memoryIo({ cwd: directory });
    expect(await run(["profile", "baseline", "--db", "pglite:", "--format", "json"], baseline)).toBe(0);
    const recorded = JSON.parse(baseline.out());
    expect(recorded.baselines.map((item: { queryId: string; environment: string }) => [item.queryId, item.environment])).toEqual([
      ["series", "ci"],
    ]);
    expect(recorded.baselines[0].samples).toHaveLength(5);
    expect(recorded.run.queries[1]).toMatchObject({ queryId: "write", status: "refused" });

    const check = memoryIo({ cwd: directory });
    const code = await run(["profile", "check", "--db", "pglite:", "--format", "json"], check);
    const outcome = JSON.parse(check.out());
    expect(outcome.results[0].queryId).toBe("series");
    expect(code).toBe(outcome.worst === "error" ? 1 : 0);

    const history = memoryIo({ cwd: directory });
    expect(await run(["profile", "history", "--format", "json"], history)).toBe(0);
    expect(JSON.parse(history.out()).trends[0]).toMatchObject({ queryId: "series", checks: 1 });
  });

  it("says how to name queries when there are none", async () => {
    const io = memoryIo({ cwd: await mkdtemp(join(tmpdir(), "confiture-profile-")) });
    expect(await run(["profile", "baseline", "--db", "pglite:"], io)).toBe(2);
    expect(io.err()).toContain("--queries <file>");
  });
});

const server = databaseTargets().find((target) => target.name === "postgres");

describe.skipIf(server === undefined)("confiture profile on a server: what a rollback would not undo", () => {
  it("never runs a dblink write or a session advisory lock, even with --allow-writes", async () => {
    const database = await openTestDatabase(server as { name: "postgres"; url: string });
    try {
      const url = new URL((server as { url: string }).url);
      url.pathname = `/${database.name}`;
      const connection = `host=${url.hostname} port=${url.port || 5432} user=${decodeURIComponent(url.username)} dbname=${database.name}`;
      await database.exec(
        "CREATE EXTENSION dblink; CREATE TABLE remote_writes (id int); CREATE SEQUENCE s; SELECT setval('s', 1000);",
      );
      const directory = await mkdtemp(join(tmpdir(), "confiture-profile-"));
      await writeFile(
        join(directory, "queries.sql"),
        `-- name: remote\nSELECT dblink_exec('${connection}', 'INSERT INTO remote_writes VALUES (1)')\n-- name: lock\nSELECT pg_advisory_lock(7)\n-- name: series\nSELECT count(*) FROM generate_series(1, 100)\n`,
      );
      const io = memoryIo({ cwd: directory });
      const args = ["profile", "baseline", "--queries", "queries.sql", "--db", url.toString(), "--allow-writes"];
      expect(await run([...args, "--runs", "2", "--warmup", "0", "--format", "json"], io)).toBe(0);
      const queries = JSON.parse(io.out()).run.queries as Array<{ queryId: string; status: string; reason?: string }>;
      expect(queries.map((query) => [query.queryId, query.status])).toEqual([
        ["remote", "refused"],
        ["lock", "refused"],
        ["series", "profiled"],
      ]);
      expect(queries[0]?.reason).toContain("dblink");
      // Read back from the database: the remote connection never wrote, no session holds the advisory lock.
      const rows = await database.query<{ count: string }>("SELECT count(*)::text AS count FROM remote_writes");
      expect(rows.rows[0]?.count).toBe("0");
      const locks = await database.query<{ count: string }>(
        "SELECT count(*)::text AS count FROM pg_locks WHERE locktype = 'advisory'",
      );
      expect(locks.rows[0]?.count).toBe("0");
    } finally {
      await database.close();
    }
  }, 60_000);
});

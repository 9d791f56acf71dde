import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openTestDatabase } from "@confiture/db/testing";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

const serverUrl = process.env.DATABASE_URL;

describe.skipIf(serverUrl === undefined)("confiture migrate with performance hooks (server)", () => {
  it("baselines before execute and alerts PERFORMANCE_DEGRADED when a migration slows a query", async () => {
    const database = await openTestDatabase({ name: "postgres", url: serverUrl });
    try {
      await database.exec(`
        CREATE TABLE items (id int PRIMARY KEY, label text NOT NULL);
        INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 30000) g;
        CREATE INDEX items_label_idx ON items (label);
        ANALYZE items;`);
      const url = new URL(serverUrl as string);
      url.pathname = `/${database.name}`;
      const project = await mkdtemp(join(tmpdir(), "confiture-migrate-perf-"));
      await mkdir(join(project, "migrations"));
      await writeFile(join(project, "migrations", "20240101000000_drop_label_index.up.sql"), "DROP INDEX items_label_idx;\n");
      await writeFile(join(project, "queries.sql"), "-- name: by-label\nSELECT id FROM items WHERE label = 'item 777'\n");
      await writeFile(
        join(project, "confiture.config.yaml"),
        "profile:\n  queries: queries.sql\n  aroundMigrations: true\n  environment: test\n  profile: { timedRuns: 15, warmupRuns: 2 }\n",
      );
      const io = memoryIo({ cwd: project });
      const code = await run(["migrate", "up", "--db", url.toString(), "--force"], io);
      expect(code, io.err()).toBe(0);
      expect(io.err()).toContain("alert: performance_degraded");
      expect(io.err()).toContain('"query":"by-label"');
    } finally {
      await database.close();
    }
  });

  it("refuses performance hooks on the embedded database with a clear message", async () => {
    const project = await mkdtemp(join(tmpdir(), "confiture-migrate-perf-"));
    await mkdir(join(project, "migrations"));
    await writeFile(join(project, "migrations", "20240101000000_one.up.sql"), "SELECT 1;\n");
    await writeFile(join(project, "confiture.config.yaml"), "profile:\n  queries: queries.sql\n  aroundMigrations: true\n");
    const io = memoryIo({ cwd: project });
    expect(await run(["migrate", "up", "--db", "pglite:"], io)).toBe(2);
    expect(io.err()).toContain("needs a PostgreSQL server");
  });
});

import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeEachDatabase } from "@confiture/db/testing";
import { beforeAll, expect, it } from "vitest";
import { parseQueriesFile } from "./queries-file.js";
import { DatabaseBaselineStore, FileBaselineStore } from "./store.js";
import { checkForRegressions, recordBaselines } from "./workflow.js";

const queries = parseQueriesFile(`
-- name: by-id
SELECT * FROM items WHERE id = 4242
-- name: insert-item
INSERT INTO items (id, label) VALUES (-1, 'temporary')
-- name: ddl
CREATE TABLE nope (a int)
`);

describeEachDatabase("performance workflow", (getDatabase) => {
  beforeAll(async () => {
    await getDatabase().exec(`
      CREATE TABLE items (id int PRIMARY KEY, label text NOT NULL);
      INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 20000) g;
      ANALYZE items;`);
  });

  it("refuses writes unless allowed, refuses DDL, and keeps no effect of an allowed write", async () => {
    const database = getDatabase();
    const store = FileBaselineStore.inDirectory(await mkdtemp(join(tmpdir(), "confiture-perf-")));
    const options = { environment: "test", recordedBy: "confiture test", profile: { warmupRuns: 1, timedRuns: 5 } };
    const { run } = await recordBaselines(database, queries, store, options);
    expect(run.queries.map((query) => [query.queryId, query.status])).toEqual([
      ["by-id", "profiled"],
      ["insert-item", "refused"],
      ["ddl", "refused"],
    ]);
    expect(run.queries[1]?.reason).toMatch(/--allow-writes/);
    expect(run.queries[0]?.plan?.sequentialScans).toEqual([]);

    const allowed = await recordBaselines(database, queries.slice(1, 2), store, {
      ...options,
      profile: { ...options.profile, allowWrites: true },
    });
    expect(allowed.run.queries[0]).toMatchObject({ status: "profiled", writes: true });
    expect(allowed.run.queries[0]?.samples).toHaveLength(5);
    const left = await database.query("SELECT count(*)::int AS n FROM items WHERE id = -1");
    expect(left.rows[0]?.n).toBe(0);
    expect(run.metadata).toMatchObject({ deterministic: true, sampleRate: 1 });
    expect(run.metadata.queryMs).toBeGreaterThan(0);
    // Server-side figures: every timed run beside a reference run, and the honest end-to-end cost.
    expect(run.queries[0]?.referenceSamples).toHaveLength(5);
    expect(run.queries[0]?.accessPaths).toEqual([{ relation: "items", method: "index", index: "items_pkey" }]);
    expect(run.metadata.wallMs).toBeGreaterThan(run.metadata.queryMs);
    expect(run.metadata.costRatio).toBeCloseTo(run.metadata.wallMs / run.metadata.queryMs, 6);
  });

  it("detects the regression of dropping an index, and keeps the history in the database", async () => {
    const database = getDatabase();
    const store = new DatabaseBaselineStore(database);
    const lookup = parseQueriesFile("-- name: lookup\nSELECT label FROM items WHERE label = 'item 777'");
    await database.exec("CREATE INDEX items_label_idx ON items (label)");
    const options = { environment: "test", recordedBy: "confiture test", profile: { warmupRuns: 3, timedRuns: 15 } };
    const { baselines } = await recordBaselines(database, lookup, store, options);
    expect(baselines[0]?.samples).toHaveLength(15);
    await database.exec("DROP INDEX items_label_idx");
    const outcome = await checkForRegressions(database, lookup, store, options);
    expect(outcome.results[0]?.severity).toBe("error");
    // Judged on the plan, not on timings that a quiet 20,000-row table could hide.
    expect(outcome.results[0]?.reason).toMatch(/^plan regression: index access to items \(items_label_idx\)/);
    expect(outcome.run.queries[0]?.plan?.sequentialScans[0]).toMatchObject({ relation: "items", large: true });
    const history = await store.history("test", "lookup");
    expect(history).toHaveLength(1);
    expect(history[0]?.severity).toBe("error");
  });
});

import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

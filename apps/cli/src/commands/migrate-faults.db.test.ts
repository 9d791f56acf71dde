import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@confiture/db";
import { describe, expect, it } from "vitest";
import { ExitCode } from "../errors.js";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

/**
 * A sample of the fault-injection suite (packages/migrate/src/fault-injection.db.test.ts) through the
 * CLI: the exit code, the text or JSON output and the database agree (issue 13).
 */
async function project(hooks: unknown): Promise<string> {
  const cwd = await mkdtemp(join(tmpdir(), "confiture-cli-faults-"));
  await mkdir(join(cwd, "migrations"));
  await mkdir(join(cwd, "hooks"));
  await writeFile(join(cwd, "migrations", "1_t.up.sql"), "CREATE TABLE t (id int);\n");
  await writeFile(join(cwd, "hooks", "bad.sql"), "SELECT * FROM table_that_does_not_exist;\n");
  await writeFile(join(cwd, "confiture.config.json"), JSON.stringify({ hooks }));
  return cwd;
}
const io = (cwd: string) => memoryIo({ cwd, env: { CONFITURE_METRICS: "off" } });

/** What the embedded database beside the project holds: the tracking row and the table. */
async function holds(cwd: string): Promise<{ applied: boolean; table: boolean }> {
  const database = await openDatabase(`pglite:${join(cwd, ".confiture", "db")}`);
  try {
    const { rows } = await database.query<{ applied: boolean; table: boolean }>(
      "SELECT EXISTS (SELECT 1 FROM confiture.migrations WHERE version = '1' AND state = 'applied') AS applied, to_regclass('public.t') IS NOT NULL AS table",
    );
    return rows[0] as { applied: boolean; table: boolean };
  } finally {
    await database.close();
  }
}

describe("migrate up with failing hooks, through the CLI (embedded database)", () => {
  it("the issue's fail-safe SQL hook: exit 0, 'applied', and the database has it", { timeout: 300_000 }, async () => {
    const cwd = await project({
      phases: { after_execute: { errorStrategy: "fail-safe" } },
      hooks: [{ name: "x", phase: "after_execute", kind: "sql", file: "hooks/bad.sql" }],
    });
    const up = io(cwd);
    expect(await run(["migrate", "up"], up), up.err()).toBe(ExitCode.ok);
    expect(up.out()).toMatch(/1 of 1 migration\(s\) applied/);
    expect(await holds(cwd)).toEqual({ applied: true, table: true });
  });

  it(
    "a fail-fast after_validate hook: exit 4, JSON says post_commit_failed, the migration stays applied",
    { timeout: 300_000 },
    async () => {
      const cwd = await project({ hooks: [{ name: "check", phase: "after_validate", kind: "shell", command: "exit 1" }] });
      const up = io(cwd);
      expect(await run(["migrate", "up", "--format", "json"], up), up.err()).toBe(ExitCode.postCommit);
      const result = JSON.parse(up.out());
      expect(result).toMatchObject({ status: "post_commit_failed", postCommitFailure: { phase: "after_validate" } });
      expect(result.completed).toHaveLength(1);
      expect(await holds(cwd)).toEqual({ applied: true, table: true });
    },
  );

  it("a fail-fast before_execute SQL hook: exit 1, 'Failed', and nothing in the database", { timeout: 300_000 }, async () => {
    const cwd = await project({ hooks: [{ name: "x", phase: "before_execute", kind: "sql", file: "hooks/bad.sql" }] });
    const up = io(cwd);
    expect(await run(["migrate", "up"], up)).toBe(ExitCode.failure);
    expect(up.out()).toMatch(/Failed: migration 1_t \(up\) failed and was rolled back: hooks of phase before_execute failed/);
    expect(await holds(cwd)).toEqual({ applied: false, table: false });
  });
});

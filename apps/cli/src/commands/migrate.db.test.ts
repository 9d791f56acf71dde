import { cp, mkdir, mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@confiture/db";
import { databaseTargets, openTestDatabase } from "@confiture/db/testing";
import { describe, expect, it } from "vitest";
import { ExitCode } from "../errors.js";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

const examples = new URL("../../../../examples/migrations/", import.meta.url).pathname;
const server = databaseTargets().find((target) => target.name === "postgres");

async function project(files?: Record<string, string>) {
  const cwd = await mkdtemp(join(tmpdir(), "confiture-cli-migrate-"));
  if (files === undefined) await cp(examples, join(cwd, "migrations"), { recursive: true });
  else {
    await mkdir(join(cwd, "migrations"));
    for (const [name, text] of Object.entries(files)) await writeFile(join(cwd, "migrations", name), text);
  }
  return cwd;
}

const io = (cwd: string) => memoryIo({ cwd, env: { CONFITURE_METRICS: "off" } });

describe("confiture migrate on the embedded database", () => {
  // Generous timeout: each command starts PGlite and loads the parser and the rule libraries.
  it(
    "applies the example migrations on embedded PGlite beside the project and reports status",
    { timeout: 120_000 },
    async () => {
      const cwd = await project();
      const up = io(cwd);
      expect(await run(["migrate", "up", "--format", "json"], up)).toBe(ExitCode.ok);
      const result = JSON.parse(up.out());
      expect(result.status).toBe("ok");
      expect(result.completed).toHaveLength(6);
      expect(result.database).toBe(`pglite:${join(cwd, ".confiture", "db")}`);
      expect(result.gates).toMatchObject({ refusals: [], lint: { errors: 0 } });
      expect(result.unrecognized).toEqual([{ file: "README.md", reason: expect.any(String) }]);
      expect(up.err()).toMatch(/applying 20240101090000_create_accounts/);
      expect(up.err()).toMatch(/applying 20240402100000_index_projects_title \(outside a transaction\)/);

      const status = io(cwd);
      expect(await run(["migrate", "status"], status)).toBe(ExitCode.ok);
      expect(status.out()).toMatch(/applied\s+20240402100000_index_projects_title .*\[outside a transaction\]/);
      expect(status.out()).toMatch(/unknown\s+README\.md/);
      expect(status.out()).toMatch(/6 applied, 0 pending, 0 drifted, 0 partial, 0 missing\./);
    },
  );

  it("refuses lint errors at the gate (exit 1, nothing applied) and runs with --force", { timeout: 120_000 }, async () => {
    const cwd = await project({ "1_a.up.sql": "CREATE TABLE a (id int);\n", "2_wipe.up.sql": "TRUNCATE a CASCADE;\n" });
    const refused = io(cwd);
    expect(await run(["migrate", "up"], refused)).toBe(ExitCode.failure);
    expect(refused.err()).toMatch(
      /the lint gate refused the run \(--force to run anyway\): \d+ lint error\(s\); migrations\/2_wipe\.up\.sql:1 ban-truncate-cascade/,
    );
    const status = io(cwd);
    await run(["migrate", "status", "--format", "json"], status);
    expect(JSON.parse(status.out()).summary).toMatchObject({ applied: 0, pending: 2 });
    const forced = io(cwd);
    expect(await run(["migrate", "up", "--force"], forced)).toBe(ExitCode.ok);
    expect(forced.out()).toMatch(/2 of 2 migration\(s\) applied/);
    expect(forced.out()).toMatch(/warning: lint gate overridden by --force/);
  });

  it("exits 1 on a failing migration, leaves the rest pending, and reverts with down --steps", { timeout: 120_000 }, async () => {
    const cwd = await project({
      "1_a.up.sql": "CREATE TABLE a (id int);\n",
      "1_a.down.sql": "DROP TABLE a;\n",
      "2_b.up.sql": "CREATE TABLE b (id int);\nSELECT 1 / 0;\n",
    });
    const up = io(cwd);
    expect(await run(["migrate", "up"], up)).toBe(ExitCode.failure);
    expect(up.out()).toMatch(/1 of 2 migration\(s\) applied/);
    expect(up.out()).toMatch(/Failed: migration 2_b \(up\) failed at statement 2 and was rolled back: division by zero/);
    const status = io(cwd);
    await run(["migrate", "status"], status);
    expect(status.out()).toMatch(/applied\s+1_a/);
    expect(status.out()).toMatch(/pending\s+2_b/);
    const down = io(cwd);
    expect(await run(["migrate", "down", "--steps", "1"], down)).toBe(ExitCode.ok);
    expect(down.out()).toMatch(/1 of 1 migration\(s\) reverted/);
  });

  it("creates migration files in the config's directory", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "confiture-cli-migrate-new-"));
    await writeFile(
      join(cwd, "confiture.config.json"),
      JSON.stringify({ migrations: { dir: "db/migrations", lockTimeoutMs: 2000 } }),
    );
    const created = io(cwd);
    expect(await run(["migrate", "new", "add user email", "--format", "json"], created)).toBe(ExitCode.ok);
    const files = await readdir(join(cwd, "db", "migrations"));
    expect(files.map((file) => file.replace(/^\d{14}/, "V")).sort()).toEqual([
      "V_add_user_email.down.sql",
      "V_add_user_email.up.sql",
    ]);
    expect(JSON.parse(created.out()).version).toMatch(/^\d{14}$/);
  });

  it("rejects an unknown key in the migrations section with its path (exit 2)", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "confiture-cli-migrate-config-"));
    await writeFile(join(cwd, "confiture.config.json"), JSON.stringify({ migrations: { lockTimeout: 5 } }));
    const bad = io(cwd);
    expect(await run(["migrate", "status"], bad)).toBe(ExitCode.usage);
    expect(bad.err()).toMatch(/migrations: Unrecognized key: "lockTimeout"|migrations.*lockTimeout/);
  });
});

describe.skipIf(server === undefined)("confiture migrate against the server", () => {
  it("exits 3 with a clear message when another run holds the lock, and never prints the password", async () => {
    const database = await openTestDatabase(server as { name: "postgres"; url: string });
    const url = new URL((server as { url: string }).url);
    url.pathname = `/${database.name}`;
    url.password = "not-a-real-secret";
    const cwd = await project({ "1_a.up.sql": "CREATE TABLE a (id int);\n" });
    const holder = await openDatabase(url.toString());
    try {
      await holder.withConnection(async (connection) => {
        await connection.query("SELECT pg_advisory_lock(7311225096718263141)");
        const locked = io(cwd);
        expect(await run(["migrate", "up", "--db", url.toString(), "--lock-wait", "200"], locked)).toBe(ExitCode.locked);
        expect(locked.err()).toMatch(/another migration run holds the lock; gave up after waiting \d+ ms/);
        await connection.query("SELECT pg_advisory_unlock(7311225096718263141)");
      });
      const applied = io(cwd);
      expect(await run(["migrate", "up", "--db", url.toString(), "--format", "json"], applied)).toBe(ExitCode.ok);
      expect(JSON.parse(applied.out()).completed).toHaveLength(1);
      for (const output of [applied.out(), applied.err()]) expect(output).not.toContain("not-a-real-secret");
    } finally {
      await holder.close();
      await database.close();
    }
  });
});

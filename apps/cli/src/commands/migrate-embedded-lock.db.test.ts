import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@confiture/db";
import { describe, expect, it } from "vitest";
import { ExitCode } from "../errors.js";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

describe("confiture migrate on an embedded directory another process has open", () => {
  it(
    "waits for --lock-wait, then exits 3 without touching it; runs once the directory is free",
    { timeout: 180_000 },
    async () => {
      const cwd = await mkdtemp(join(tmpdir(), "confiture-cli-embedded-lock-"));
      await mkdir(join(cwd, "migrations"));
      await writeFile(join(cwd, "migrations", "1_a.up.sql"), "CREATE TABLE a (id int);\n");
      const directory = join(cwd, "data");
      const holder = await openDatabase(`pglite:${directory}`);
      const locked = memoryIo({ cwd, env: { CONFITURE_METRICS: "off" } });
      try {
        expect(
          await run(["migrate", "up", "--db", `pglite:${directory}`, "--lock-wait", "200", "--format", "json"], locked),
        ).toBe(ExitCode.locked);
        expect(locked.err()).toMatch(/another process has the embedded database .*data open; gave up after waiting \d+ ms/);
        expect(JSON.parse(locked.out()).error.code).toBe("CONFITURE_DATABASE_LOCKED");
        const { rows } = await holder.query<{ count: number }>(
          "SELECT count(*)::int AS count FROM pg_tables WHERE tablename = 'a'",
        );
        expect(rows[0]?.count).toBe(0);
      } finally {
        await holder.close();
      }
      const applied = memoryIo({ cwd, env: { CONFITURE_METRICS: "off" } });
      expect(await run(["migrate", "up", "--db", `pglite:${directory}`, "--lock-wait", "200"], applied)).toBe(ExitCode.ok);
      const reopened = await openDatabase(`pglite:${directory}`, { lockWaitMs: 0 });
      try {
        const { rows } = await reopened.query<{ count: number }>("SELECT count(*)::int AS count FROM a");
        expect(rows[0]?.count).toBe(0);
      } finally {
        await reopened.close();
      }
    },
  );
});

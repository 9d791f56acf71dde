import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type DatabaseTarget, databaseTargets, openTestDatabase, type TestDatabase } from "@confiture/db/testing";
import { afterEach, describe, expect, it } from "vitest";
import { fiveMigrations, migrationDirectory } from "./__fixtures__/migrations.js";
import { migrationStatus } from "./status.js";

const server = databaseTargets().find((target) => target.name === "postgres") as DatabaseTarget | undefined;
const script = fileURLToPath(new URL("./__fixtures__/run-up.ts", import.meta.url));
const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

interface Child {
  process: ChildProcess;
  stderr(): string;
  /** Resolves with the parsed JSON line and the exit code or signal. */
  done: Promise<{ output: Record<string, unknown> | undefined; code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when stderr has printed a line matching `pattern`. */
  waitFor(pattern: RegExp): Promise<void>;
}

/** Starts a real `migrate up` process (node + tsx, resolving workspace packages to their source). */
function startRun(url: string, directory: string, lockWaitMs = 60_000): Child {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=@confiture/source", script, url, directory, String(lockWaitMs)],
    {
      cwd: repositoryRoot,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  const waiters: Array<{ pattern: RegExp; resolve: () => void }> = [];
  child.stdout?.on("data", (chunk) => {
    stdout += String(chunk);
  });
  child.stderr?.on("data", (chunk) => {
    stderr += String(chunk);
    for (const waiter of waiters.splice(0)) {
      if (waiter.pattern.test(stderr)) waiter.resolve();
      else waiters.push(waiter);
    }
  });
  const done = new Promise<{ output: Record<string, unknown> | undefined; code: number | null; signal: NodeJS.Signals | null }>(
    (resolve) => {
      child.on("exit", (code, signal) => {
        const line = stdout.trim().split("\n").at(-1);
        resolve({ output: line ? (JSON.parse(line) as Record<string, unknown>) : undefined, code, signal });
      });
    },
  );
  return {
    process: child,
    stderr: () => stderr,
    done,
    waitFor: (pattern) =>
      new Promise<void>((resolve) => {
        if (pattern.test(stderr)) resolve();
        else waiters.push({ pattern, resolve });
      }),
  };
}

describe.skipIf(server === undefined)("migrate up in real processes against the server", () => {
  let database: TestDatabase | undefined;
  let url = "";
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });
  const fresh = async () => {
    database = await openTestDatabase(server as DatabaseTarget);
    const parsed = new URL((server as DatabaseTarget).url as string);
    parsed.pathname = `/${database.name}`;
    url = parsed.toString();
    return database;
  };

  it("applies every migration exactly once when two processes start together", async () => {
    const db = await fresh();
    // The first migration sleeps 3 s, so whichever process gets the lock first holds it while the other (started at the same time) waits.
    const directory = await migrationDirectory(fiveMigrations({ sleeping: 1, sleepSeconds: 3 }));
    const [first, second] = [startRun(url, directory), startRun(url, directory)];
    const outcomes = await Promise.all([first.done, second.done]);
    expect([first, second].filter((child) => /another migration run holds the lock; waiting/.test(child.stderr()))).toHaveLength(
      1,
    );
    expect(outcomes.map((outcome) => outcome.code)).toEqual([0, 0]);
    const completed = outcomes.flatMap((outcome) => outcome.output?.completed as string[]);
    expect(completed.sort()).toEqual(["20240101000000", "20240102000000", "20240103000000", "20240104000000", "20240105000000"]);
    expect(outcomes.map((outcome) => outcome.output?.status)).toEqual(["ok", "ok"]);
    const { rows } = await db.query<{ version: string; runs: number }>(
      "SELECT version, count(*)::int AS runs FROM confiture.statement_history WHERE statement_index = 0 GROUP BY version ORDER BY version",
    );
    expect(rows.map((row) => row.runs)).toEqual([1, 1, 1, 1, 1]);
  }, 60_000);

  it("leaves the database as it was before a migration when the process is killed (SIGKILL) in the middle, and the next run applies it", async () => {
    const db = await fresh();
    const directory = await migrationDirectory(fiveMigrations({ sleeping: 3, sleepSeconds: 5 }));
    const child = startRun(url, directory);
    await child.waitFor(/applying 20240103000000/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.process.kill("SIGKILL");
    const killed = await child.done;
    expect(killed.signal).toBe("SIGKILL");
    // The server notices the dropped connection and rolls the open transaction back.
    let status = await migrationStatus({ database: db, directory });
    expect(status.migrations.map((entry) => entry.state)).toEqual(["applied", "applied", "pending", "pending", "pending"]);
    const { rows } = await db.query<{ t3: string | null }>("SELECT to_regclass('public.t3')::text AS t3");
    expect(rows[0]?.t3).toBeNull();

    const next = startRun(url, directory, 20_000);
    const finished = await next.done;
    expect(finished.output?.status).toBe("ok");
    expect(finished.output?.completed).toEqual(["20240103000000", "20240104000000", "20240105000000"]);
    status = await migrationStatus({ database: db, directory });
    expect(status.summary).toMatchObject({ applied: 5, pending: 0 });
  }, 60_000);

  it("cancels on SIGINT: cancelled event, the migration rolled back, nothing half-applied", async () => {
    const db = await fresh();
    const directory = await migrationDirectory(fiveMigrations({ sleeping: 2, sleepSeconds: 30 }));
    const child = startRun(url, directory);
    await child.waitFor(/applying 20240102000000/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sent = performance.now();
    child.process.kill("SIGINT");
    const outcome = await child.done;
    // The running pg_sleep(30) was interrupted on the server, not waited for.
    expect(performance.now() - sent).toBeLessThan(10_000);
    expect(outcome.code).toBe(0);
    expect(outcome.output?.status).toBe("cancelled");
    expect(outcome.output?.completed).toEqual(["20240101000000"]);
    const fired = outcome.output?.fired as string[];
    expect(fired).toContain("migration_cancelled");
    expect(fired.indexOf("before_rollback")).toBeLessThan(fired.indexOf("migration_cancelled"));
    const { rows } = await db.query<{ t2: string | null }>("SELECT to_regclass('public.t2')::text AS t2");
    expect(rows[0]?.t2).toBeNull();
    const status = await migrationStatus({ database: db, directory });
    expect(status.migrations.map((entry) => entry.state)).toEqual(["applied", "pending", "pending", "pending", "pending"]);
  }, 60_000);
});

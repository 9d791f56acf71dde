import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { embeddedLockStaleMs } from "./directory-lock.js";
import { openDatabase } from "./open-database.js";

const script = fileURLToPath(new URL("./__fixtures__/hold-embedded.ts", import.meta.url));
const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

interface Child {
  process: ChildProcess;
  opened: Promise<void>;
  done: Promise<{ output: { status: string; code?: string } | undefined; code: number | null; signal: NodeJS.Signals | null }>;
}

/** A real process opening the embedded directory (node + tsx on the package source). */
function start(directory: string, lockWaitMs: number, rows: number, holdMs: number): Child {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=@confiture/source", script, directory, String(lockWaitMs), String(rows), String(holdMs)],
    { cwd: repositoryRoot, stdio: ["pipe", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => {
    stdout += String(chunk);
  });
  const opened = new Promise<void>((resolve) => {
    child.stderr?.on("data", (chunk) => {
      stderr += String(chunk);
      if (stderr.includes("opened")) resolve();
    });
  });
  const done = new Promise<Awaited<Child["done"]>>((resolve) => {
    child.on("exit", (code, signal) => {
      const line = stdout.trim().split("\n").at(-1);
      resolve({ output: line ? JSON.parse(line) : undefined, code, signal });
    });
  });
  return { process: child, opened, done };
}

async function countRows(directory: string): Promise<number> {
  const database = await openDatabase(`pglite:${directory}`, { lockWaitMs: 0 });
  try {
    const { rows } = await database.query<{ count: number }>("SELECT count(*)::int AS count FROM t");
    return rows[0]?.count ?? -1;
  } finally {
    await database.close();
  }
}

describe("one process per embedded directory", () => {
  let directory = "";
  afterEach(async () => {
    if (directory !== "") await rm(directory, { recursive: true, force: true });
    await rm(`${directory}.lock`, { recursive: true, force: true });
  });

  it("makes a second process wait for the first, so both writes land", async () => {
    directory = join(await mkdtemp(join(tmpdir(), "confiture-lock-")), "db");
    const first = start(directory, 0, 20_000, -1);
    await first.opened;
    const second = start(directory, 60_000, 20_000, 0);
    // Let the second process reach the lock and wait on it before the first lets go.
    setTimeout(() => first.process.stdin?.end(), 3_000);
    const [one, two] = await Promise.all([first.done, second.done]);
    expect([one.code, two.code]).toEqual([0, 0]);
    expect(await countRows(directory)).toBe(40_000);
  }, 120_000);

  it("gives up after the lock wait and exits 3 while another process has it open", async () => {
    directory = join(await mkdtemp(join(tmpdir(), "confiture-lock-")), "db");
    const first = start(directory, 0, 10, -1);
    await first.opened;
    const second = await start(directory, 300, 10, 0).done;
    first.process.stdin?.end();
    expect(second.code).toBe(3);
    expect(second.output).toMatchObject({ status: "error", code: "CONFITURE_DATABASE_LOCKED" });
    expect((await first.done).code).toBe(0);
    expect(await countRows(directory)).toBe(10);
  }, 120_000);

  it("takes over the lock of a killed process once it is stale", async () => {
    directory = join(await mkdtemp(join(tmpdir(), "confiture-lock-")), "db");
    const first = start(directory, 0, 10, -1);
    await first.opened;
    first.process.kill("SIGKILL");
    await first.done;
    const started = performance.now();
    const next = await start(directory, embeddedLockStaleMs * 3, 5, 0).done;
    expect(next.code).toBe(0);
    expect(performance.now() - started).toBeLessThan(embeddedLockStaleMs * 3);
    expect(await countRows(directory)).toBe(15);
  }, 120_000);
});

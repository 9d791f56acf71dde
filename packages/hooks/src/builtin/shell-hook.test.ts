import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HookPhase } from "../events.js";
import { HookExecutor } from "../executor.js";
import { shellHook } from "./shell-hook.js";

let directory = "";
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "confiture-shell-hook-"));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** Whether a process still runs: gone, or a zombie waiting for a reaper that never comes (PID 1 in a container), is not. */
async function isRunning(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => undefined);
  if (stat === undefined) return false;
  return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
}

const context = { migration: { version: "20240101", name: "init" }, environment: "staging" };

describe("shell hooks", () => {
  it("gets the context as JSON on stdin and the phase in its environment", async () => {
    const output = join(directory, "context.json");
    const target = new HookExecutor();
    target.register(
      shellHook({
        name: "dump",
        phase: HookPhase.AFTER_EXECUTE,
        command: `cat > "${output}"; echo "phase=$CONFITURE_PHASE hook=$CONFITURE_HOOK"`,
      }),
    );
    const result = await target.runPhase(HookPhase.AFTER_EXECUTE, { ...context, sql: { exec: async () => undefined } });
    expect(result.results[0]).toMatchObject({ status: "completed", message: "phase=after_execute hook=dump" });
    const received = JSON.parse(await readFile(output, "utf8"));
    expect(received).toMatchObject({ environment: "staging", migration: { version: "20240101", name: "init" }, dryRun: false });
    // The live SQL executor never leaves the process.
    expect(received.sql).toBeUndefined();
  });

  it("fails on a non-zero exit, with the end of stderr in the message", async () => {
    const target = new HookExecutor({ defaults: { errorStrategy: "fail-safe" } });
    target.register(
      shellHook({ name: "refuse", phase: HookPhase.BEFORE_EXECUTE, command: "echo 'replica lag 40s' >&2; exit 3" }),
    );
    const result = await target.runPhase(HookPhase.BEFORE_EXECUTE, context);
    expect(result.results[0]?.status).toBe("failed");
    expect(result.results[0]?.error?.message).toMatch(/exited with 3: replica lag 40s/);
  });

  it("kills a command that runs past its timeout, children included", async () => {
    const pids = join(directory, "pids");
    const target = new HookExecutor({ defaults: { errorStrategy: "fail-safe" } });
    target.register(
      shellHook({
        name: "hangs",
        phase: HookPhase.BEFORE_EXECUTE,
        command: `sleep 30 & echo "$$ $!" > "${pids}"; wait`,
        commandTimeoutMs: 1000,
      }),
    );
    const result = await target.runPhase(HookPhase.BEFORE_EXECUTE, context);
    expect(result.results[0]?.status).toBe("failed");
    expect(result.results[0]?.error?.message).toMatch(/killed after 1000 ms/);
    const [shell, child] = (await readFile(pids, "utf8")).trim().split(" ").map(Number);
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const pid of [shell, child]) expect(await isRunning(pid ?? 0)).toBe(false);
  });

  it("kills the command when the executor's own timeout aborts the hook", async () => {
    const target = new HookExecutor({ defaults: { errorStrategy: "fail-safe" } });
    target.register(shellHook({ name: "stuck", phase: HookPhase.BEFORE_EXECUTE, command: "sleep 5", timeoutMs: 100 }));
    const result = await target.runPhase(HookPhase.BEFORE_EXECUTE, context);
    expect(result.results[0]?.status).toBe("timed_out");
  });
});

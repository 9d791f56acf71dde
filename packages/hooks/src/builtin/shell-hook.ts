import { spawn } from "node:child_process";
import type { HookDefinition, HookResult } from "../define-hook.js";
import type { HookPhase } from "../events.js";
import { serializeContext } from "./serialize-context.js";

/** What a `shell` hook is built from. */
export interface ShellHookSpec<P extends HookPhase> extends Omit<HookDefinition<P>, "run" | "kind"> {
  command: string;
  /** Kills the command (its whole process group) after this long. Default 60 s. */
  commandTimeoutMs?: number;
  cwd?: string;
  /** Added to the minimal environment the command gets (PATH, HOME, CONFITURE_PHASE, CONFITURE_HOOK). */
  env?: Record<string, string>;
}

const outputLimit = 64 * 1024;

/** Keeps the last `outputLimit` characters: the end of a log says why it failed. */
function tail(text: string): string {
  return text.length > outputLimit ? text.slice(-outputLimit) : text;
}

/**
 * Runs `command` through `/bin/sh` with the context as JSON on stdin. Exit 0 is success. On timeout or
 * abort the process group is killed (SIGTERM, then SIGKILL a second later), so children die too.
 */
export function runShellCommand(
  spec: { command: string; timeoutMs: number; cwd?: string; env: Record<string, string> },
  input: string,
  signal: AbortSignal,
): Promise<HookResult> {
  return new Promise((resolve) => {
    const child = spawn(spec.command, {
      shell: true,
      cwd: spec.cwd,
      env: spec.env,
      detached: true,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let stopped: string | undefined;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout = tail(stdout + chunk);
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr = tail(stderr + chunk);
    });
    const kill = (why: string) => {
      if (stopped !== undefined || child.pid === undefined) return;
      stopped = why;
      const group = -child.pid;
      try {
        process.kill(group, "SIGTERM");
      } catch {
        // Already gone.
      }
      setTimeout(() => {
        try {
          process.kill(group, "SIGKILL");
        } catch {
          // Already gone.
        }
      }, 1000).unref();
    };
    const timer = setTimeout(() => kill(`killed after ${spec.timeoutMs} ms`), spec.timeoutMs);
    const onAbort = () => kill("killed: the hook was aborted");
    signal.addEventListener("abort", onAbort, { once: true });
    if (signal.aborted) onAbort();
    child.stdin.on("error", () => undefined);
    child.stdin.end(input);
    child.on("error", (error) => {
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      resolve({ success: false, message: `cannot run "${spec.command}": ${error.message}` });
    });
    child.on("close", (code, exitSignal) => {
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      const data = { exitCode: code, signal: exitSignal, stdout, stderr };
      if (stopped !== undefined) resolve({ success: false, message: `"${spec.command}" ${stopped}`, data });
      else if (code === 0) resolve({ success: true, message: stdout.trim().split("\n").at(-1) ?? "", data });
      else
        resolve({
          success: false,
          message: `"${spec.command}" exited with ${code ?? exitSignal}: ${stderr.trim().slice(-500)}`,
          data,
        });
    });
  });
}

/** A hook that runs a shell command with the context as JSON on stdin. */
export function shellHook<P extends HookPhase>(spec: ShellHookSpec<P>): HookDefinition<P> {
  const { command, commandTimeoutMs = 60_000, cwd, env, ...meta } = spec;
  const hook: HookDefinition<P> = {
    ...meta,
    // The executor's own timeout sits a little later, so the command's kill is what reports the timeout.
    timeoutMs: meta.timeoutMs ?? commandTimeoutMs + 2000,
    kind: "shell",
    run: (context, { signal }) =>
      runShellCommand(
        {
          command,
          timeoutMs: commandTimeoutMs,
          ...(cwd === undefined ? {} : { cwd }),
          env: {
            PATH: process.env.PATH ?? "/usr/bin:/bin",
            HOME: process.env.HOME ?? "/",
            CONFITURE_PHASE: spec.phase,
            CONFITURE_HOOK: spec.name,
            ...env,
          },
        },
        serializeContext(context),
        signal,
      ),
  };
  return hook;
}
